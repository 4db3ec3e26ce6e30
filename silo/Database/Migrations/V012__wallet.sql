-- The wallet: what happens to a coupon after it is claimed (redeemed, refunded, given away).
-- Claims never touch these tables or columns: the hot path stays as it was.

-- What a wallet shows about a coupon's campaign, and the rules for using it, written once when the
-- campaign is created (the campaign grain's own state is not readable from SQL).
ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS campaign_name text,
    -- The coupon's terms as JSON: kind, currency and the kind's values.
    ADD COLUMN IF NOT EXISTS terms         jsonb,
    -- none: coupons cannot be given away; free: they can, without counting against the recipient;
    -- within_limit: a received coupon counts against the recipient's per-user limit like a claim.
    ADD COLUMN IF NOT EXISTS transfer_rule text NOT NULL DEFAULT 'none'
        CHECK (transfer_rule IN ('none', 'free', 'within_limit')),
    -- Whether the coupon combines with others in one order (false: it must be the order's only coupon).
    ADD COLUMN IF NOT EXISTS stackable     boolean NOT NULL DEFAULT true;

ALTER TABLE coupons
    -- Set once the coupon has been given away: who holds it now (null: the shopper who claimed it).
    ADD COLUMN IF NOT EXISTS holder_id      text,
    -- Gift cards once spent from: what is left (null: the full value). Never below zero.
    ADD COLUMN IF NOT EXISTS balance        numeric(14, 2) CHECK (balance >= 0);

-- How a wallet finds the coupons given to its shopper; coupons never given away have no entry.
CREATE INDEX IF NOT EXISTS coupons_by_holder ON coupons (holder_id) WHERE holder_id IS NOT NULL;

CREATE TABLE IF NOT EXISTS redemptions (
    redemption_id uuid           PRIMARY KEY,
    coupon_id     uuid           NOT NULL,
    -- The merchant's order: one use of a coupon per order, so a retried checkout replays its answer.
    order_id      text           NOT NULL,
    -- Who held the coupon, and who redeemed it (the holder at checkout, or a merchant scanning it).
    holder_id     text           NOT NULL,
    redeemed_by   text           NOT NULL,
    -- Gift cards may be spent from many times; every other kind once at a time.
    single_use    boolean        NOT NULL,
    amount        numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency      text           NOT NULL,
    discount      numeric(14, 2) NOT NULL CHECK (discount >= 0 AND discount <= amount),
    redeemed_at   timestamptz    NOT NULL,
    refunded_at   timestamptz,
    refunded_by   text,
    CONSTRAINT redemptions_once_per_order UNIQUE (order_id, coupon_id)
);

-- A single-use coupon has at most one standing redemption, whatever races (two devices, two merchants);
-- also how a wallet tells a used coupon from an unused one.
CREATE UNIQUE INDEX IF NOT EXISTS redemptions_one_standing_use
    ON redemptions (coupon_id) WHERE single_use AND refunded_at IS NULL;

-- Also the audit of who gave what to whom.
CREATE TABLE IF NOT EXISTS coupon_transfers (
    transfer_id    uuid        PRIMARY KEY,
    coupon_id      uuid        NOT NULL,
    campaign_id    uuid        NOT NULL,
    from_shopper   text        NOT NULL,
    to_shopper     text        NOT NULL CHECK (to_shopper <> from_shopper),
    transferred_at timestamptz NOT NULL,
    -- within_limit campaigns: the recipient's place in the campaign's per-user count, after their claims.
    counted        boolean     NOT NULL
);

CREATE INDEX IF NOT EXISTS coupon_transfers_by_giver ON coupon_transfers (from_shopper, transferred_at);
CREATE INDEX IF NOT EXISTS coupon_transfers_by_campaign ON coupon_transfers (campaign_id, to_shopper) WHERE counted;

-- A coupon's history for admins: its transfers and uses by coupon.
CREATE INDEX IF NOT EXISTS coupon_transfers_by_coupon ON coupon_transfers (coupon_id);
CREATE INDEX IF NOT EXISTS redemptions_by_coupon ON redemptions (coupon_id);
