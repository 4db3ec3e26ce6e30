-- Risk control: the admins' blocklist, and the audit of every risk decision.

CREATE SEQUENCE IF NOT EXISTS risk_blocks_version;

CREATE TABLE IF NOT EXISTS risk_blocks (
    block_id    uuid        PRIMARY KEY,
    -- shopper, device or address; an address value is an IP address or a CIDR range.
    kind        text        NOT NULL CHECK (kind IN ('shopper', 'device', 'address')),
    value       text        NOT NULL,
    reason      text        NOT NULL,
    created_by  text        NOT NULL,
    created_at  timestamptz NOT NULL,
    expires_at  timestamptz,
    removed_by  text,
    removed_at  timestamptz,
    -- From risk_blocks_version on every change, so that API nodes can ask "anything newer than v?".
    version     bigint      NOT NULL
);

CREATE INDEX IF NOT EXISTS risk_blocks_live ON risk_blocks (version) WHERE removed_at IS NULL;

CREATE TABLE IF NOT EXISTS risk_decisions (
    decision_id bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    decided_at  timestamptz NOT NULL,
    -- refused or flagged (flags never block; they mark a claim for review).
    verdict     text        NOT NULL CHECK (verdict IN ('refused', 'flagged')),
    rule        text        NOT NULL,
    campaign_id uuid,
    shopper_id  text,
    device_id   text,
    address     text,
    -- What the rule saw, as the rule reports it.
    evidence    jsonb       NOT NULL DEFAULT '{}',
    -- Decisions of one rule on one subject within a second are recorded once, with their count,
    -- so that a flood cannot turn the audit into a second flood.
    occurrences integer     NOT NULL DEFAULT 1 CHECK (occurrences >= 1)
);

CREATE INDEX IF NOT EXISTS risk_decisions_by_campaign ON risk_decisions (campaign_id, decided_at DESC) WHERE campaign_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS risk_decisions_by_shopper ON risk_decisions (shopper_id, decided_at DESC) WHERE shopper_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS risk_decisions_by_device ON risk_decisions (device_id, decided_at DESC) WHERE device_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS risk_decisions_by_campaign_rule ON risk_decisions (campaign_id, rule) WHERE campaign_id IS NOT NULL;
