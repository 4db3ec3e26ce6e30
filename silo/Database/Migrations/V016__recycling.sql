-- Recycling: on campaigns that ask for it, a coupon that expires unused while the sale is open gives
-- its unit back to the stock (campaign_stock.recycled, 010-flashsale-ledger.sql).

ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS recycle_expired boolean NOT NULL DEFAULT false;

-- Each coupon gives its unit back once, however often the work is repeated after a crash.
CREATE TABLE IF NOT EXISTS recycled_coupons (
    coupon_id   uuid        PRIMARY KEY,
    campaign_id uuid        NOT NULL,
    recycled_at timestamptz NOT NULL
);

-- Like the reminders: the last coupon (by seq, the order of expiry) the recycling has looked at.
CREATE TABLE IF NOT EXISTS recycle_progress (
    campaign_id uuid    PRIMARY KEY,
    last_seq    integer NOT NULL
);
