-- The list that dashboards and shop pages start from: campaigns that have not ended, soonest first.
ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS starts_at timestamptz;

CREATE INDEX IF NOT EXISTS campaign_stock_by_end ON campaign_stock (ends_at);
