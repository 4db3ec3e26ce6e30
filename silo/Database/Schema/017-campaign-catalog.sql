-- The campaign list that boards, shop pages and marketing start from, by opening time.
ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS starts_at timestamptz;

CREATE INDEX IF NOT EXISTS campaign_stock_by_start ON campaign_stock (starts_at, campaign_id);
