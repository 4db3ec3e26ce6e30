-- Expiry reminders: each campaign's thresholds, how far through its coupons each threshold has got,
-- and the shoppers' alert inboxes.

ALTER TABLE campaign_stock
    -- Remind the holder this long before a coupon expires, once per threshold (e.g. 3 days, 1 day).
    ADD COLUMN IF NOT EXISTS remind_before interval[] NOT NULL DEFAULT '{}',
    -- When the sale ends: after it, and once every coupon has passed every threshold, reminding stops.
    ADD COLUMN IF NOT EXISTS ends_at       timestamptz;

-- A coupon's expiry never decreases with its sequence number (claims are numbered in the order they
-- were admitted), so each threshold only needs to remember the last coupon it has dealt with.
CREATE TABLE IF NOT EXISTS expiry_reminder_progress (
    campaign_id   uuid     NOT NULL,
    remind_before interval NOT NULL,
    last_seq      integer  NOT NULL,
    PRIMARY KEY (campaign_id, remind_before)
);

CREATE TABLE IF NOT EXISTS shopper_alerts (
    alert_id      uuid        PRIMARY KEY,
    shopper_id    text        NOT NULL,
    -- expiry: the coupon expires within remind_before.
    kind          text        NOT NULL CHECK (kind IN ('expiry')),
    coupon_id     uuid        NOT NULL,
    campaign_id   uuid        NOT NULL,
    remind_before interval    NOT NULL,
    expires_at    timestamptz NOT NULL,
    created_at    timestamptz NOT NULL,
    read_at       timestamptz,
    -- A threshold reminds about a coupon once, even when a crash makes it go over the same coupons again.
    CONSTRAINT shopper_alerts_once UNIQUE (coupon_id, remind_before)
);

CREATE INDEX IF NOT EXISTS shopper_alerts_inbox ON shopper_alerts (shopper_id, created_at DESC, alert_id DESC);
