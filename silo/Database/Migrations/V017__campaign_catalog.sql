-- The campaign lists that boards, shop pages and marketing start from, by opening time. A list is
-- answered from these rows alone, so that listing (ended campaigns especially) never wakes a
-- campaign's grain, which would read its whole ledger.
ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS starts_at    timestamptz,
    -- What a claim costs in points, if anything.
    ADD COLUMN IF NOT EXISTS price_points integer,
    -- Member tiers that may claim early: [{"tier": "gold", "lead": "00:05:00"}].
    ADD COLUMN IF NOT EXISTS early_access jsonb NOT NULL DEFAULT '[]',
    -- Set on a batch's or variant's row: the campaign that groups them. Lists show the group, with
    -- its units' counts added up, and never the units themselves.
    ADD COLUMN IF NOT EXISTS parent_id    uuid;

CREATE INDEX IF NOT EXISTS campaign_stock_by_start ON campaign_stock (starts_at, campaign_id);
CREATE INDEX IF NOT EXISTS campaign_stock_by_parent ON campaign_stock (parent_id) WHERE parent_id IS NOT NULL;
