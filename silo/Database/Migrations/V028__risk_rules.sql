-- Risk control by rules operators change during a sale (issue 21): rules with every revision kept,
-- the accounts linked by a fingerprint or an address range, and decisions that challenge a claim.

CREATE SEQUENCE IF NOT EXISTS risk_rules_version;

-- One row per revision of a rule, never updated: the newest revision of each rule is in force unless
-- it removed the rule. The definition is the rule as the API checked it on save.
CREATE TABLE IF NOT EXISTS risk_rules (
    rule_id     uuid        NOT NULL,
    revision    integer     NOT NULL CHECK (revision >= 1),
    definition  jsonb       NOT NULL,
    removed     boolean     NOT NULL DEFAULT false,
    changed_by  text        NOT NULL,
    changed_at  timestamptz NOT NULL,
    -- From risk_rules_version on every save, so that API nodes can ask "anything newer than v?".
    version     bigint      NOT NULL UNIQUE,
    PRIMARY KEY (rule_id, revision)
);

-- Accounts that claimed from one fingerprint or address range (/24, /48): who, first and last seen.
CREATE TABLE IF NOT EXISTS risk_links (
    kind       text        NOT NULL CHECK (kind IN ('fingerprint', 'prefix')),
    value      text        NOT NULL,
    shopper_id text        NOT NULL,
    first_seen timestamptz NOT NULL,
    last_seen  timestamptz NOT NULL,
    PRIMARY KEY (kind, value, shopper_id)
);

CREATE INDEX IF NOT EXISTS risk_links_by_shopper ON risk_links (shopper_id);

-- Decisions now also challenge a claim (a proof of work asked for) or count what a dry-run rule would
-- have done; and say which fingerprint they saw.
ALTER TABLE risk_decisions DROP CONSTRAINT IF EXISTS risk_decisions_verdict_check;
ALTER TABLE risk_decisions ADD CONSTRAINT risk_decisions_verdict_check
    CHECK (verdict IN ('refused', 'flagged', 'challenged', 'dry_run'));
ALTER TABLE risk_decisions ADD COLUMN IF NOT EXISTS fingerprint text;
CREATE INDEX IF NOT EXISTS risk_decisions_by_fingerprint ON risk_decisions (fingerprint, decided_at DESC) WHERE fingerprint IS NOT NULL;

-- Escalation blocks a fingerprint too.
ALTER TABLE risk_blocks DROP CONSTRAINT IF EXISTS risk_blocks_kind_check;
ALTER TABLE risk_blocks ADD CONSTRAINT risk_blocks_kind_check CHECK (kind IN ('shopper', 'device', 'address', 'fingerprint'));
