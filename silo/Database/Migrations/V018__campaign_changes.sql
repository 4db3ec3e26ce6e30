-- Marketing's changes to a campaign (publishing a draft, edits before the opening, controls during
-- the sale) and their audit. A change and its audit row are written by one statement, so neither
-- exists without the other. The campaign grain reads draft, paused and ends_at back on activation:
-- the ledger, not the grain's stored definition, is the truth for them.
ALTER TABLE campaign_stock
    -- A draft is invisible to shoppers and cannot open until marketing publishes it.
    ADD COLUMN IF NOT EXISTS draft  boolean NOT NULL DEFAULT false,
    ADD COLUMN IF NOT EXISTS paused boolean NOT NULL DEFAULT false;

CREATE TABLE IF NOT EXISTS campaign_changes (
    change_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    campaign_id uuid        NOT NULL,
    changed_at  timestamptz NOT NULL,
    -- The token subject of whoever made the change.
    actor       text        NOT NULL,
    action      text        NOT NULL
        CHECK (action IN ('created', 'edited', 'published', 'paused', 'resumed', 'ended', 'topped_up')),
    -- What the change set, and what it replaced where that matters (e.g. the end it brought forward).
    details     jsonb       NOT NULL DEFAULT '{}'
);

CREATE INDEX IF NOT EXISTS campaign_changes_by_campaign ON campaign_changes (campaign_id, change_id);
