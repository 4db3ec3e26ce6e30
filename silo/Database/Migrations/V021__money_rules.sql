-- The money and ownership rules (README "Money rules", M1-M7) held by the database, as the claim
-- invariants are: whatever route or silo writes, and whichever release it runs (the previous
-- release's silos write redemptions without the new columns during a rolling deploy, so the
-- triggers below fill them in).

-- Tenancy: every campaign belongs to a merchant; campaigns from before tenancy belong to 'default'.
ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS merchant_id text NOT NULL DEFAULT 'default',
    -- M6: set by an explicit end. From then on the ledger refuses every write, whatever the times
    -- the claims carry (a claim admitted a moment before the end is still refused once the end is
    -- acknowledged).
    ADD COLUMN IF NOT EXISTS closed boolean NOT NULL DEFAULT false;

CREATE INDEX IF NOT EXISTS campaign_stock_by_merchant ON campaign_stock (merchant_id, starts_at, campaign_id);

ALTER TABLE redemptions
    -- order: a use of the coupon on an order; points_card: a points card turned into points, once and for good.
    ADD COLUMN IF NOT EXISTS kind        text NOT NULL DEFAULT 'order' CHECK (kind IN ('order', 'points_card')),
    -- Whose order it is, and so who may cancel it: 'shopper:<id>' for a shopper's own redemptions,
    -- 'merchant:<merchant id>' for a till's, 'points' for points cards (no one).
    ADD COLUMN IF NOT EXISTS order_scope text,
    -- The coupon's campaign and whether it stacks, as they were at the use (from the campaign row).
    ADD COLUMN IF NOT EXISTS campaign_id uuid,
    ADD COLUMN IF NOT EXISTS stackable   boolean;

UPDATE redemptions SET kind = 'points_card'
 WHERE kind = 'order' AND currency = 'PTS' AND order_id = 'points-card:' || coupon_id::text;

UPDATE redemptions r
   SET order_scope = CASE WHEN r.kind = 'points_card' THEN 'points'
                          WHEN r.redeemed_by = r.holder_id THEN 'shopper:' || r.holder_id
                          ELSE 'merchant:default' END,
       campaign_id = c.campaign_id,
       stackable = s.stackable
  FROM coupons c JOIN campaign_stock s USING (campaign_id)
 WHERE c.coupon_id = r.coupon_id AND r.order_scope IS NULL;

-- M2: a points card, once turned into points, is never handed back.
ALTER TABLE redemptions
    ADD CONSTRAINT redemptions_points_card_final CHECK (kind <> 'points_card' OR refunded_at IS NULL) NOT VALID;

-- M1: an order, as the sum of its coupons' uses. Kept by the triggers on redemptions; its checks
-- are the order rules, so that no route can break them, alone or racing another.
CREATE TABLE IF NOT EXISTS orders (
    order_scope text           NOT NULL,
    order_id    text           NOT NULL,
    amount      numeric(14, 2) NOT NULL CHECK (amount > 0),
    currency    text           NOT NULL,
    -- Standing uses: what they take off in all (gift card spends included), how many, and whether
    -- one of them is an exclusive (non-stackable) coupon.
    discount    numeric(14, 2) NOT NULL CHECK (discount >= 0),
    coupons     integer        NOT NULL CHECK (coupons >= 0),
    exclusive   boolean        NOT NULL,
    created_at  timestamptz    NOT NULL,
    -- A refunded order is closed: a new use needs a new order id.
    refunded_at timestamptz,
    PRIMARY KEY (order_scope, order_id)
);

INSERT INTO orders (order_scope, order_id, amount, currency, discount, coupons, exclusive, created_at, refunded_at)
SELECT order_scope, order_id, (array_agg(amount ORDER BY redeemed_at))[1], (array_agg(currency ORDER BY redeemed_at))[1],
       coalesce(sum(discount) FILTER (WHERE refunded_at IS NULL), 0),
       count(*) FILTER (WHERE refunded_at IS NULL),
       coalesce(bool_or(NOT stackable) FILTER (WHERE refunded_at IS NULL), false),
       min(redeemed_at),
       CASE WHEN bool_and(refunded_at IS NOT NULL) THEN max(refunded_at) END
  FROM redemptions
 WHERE kind = 'order'
 GROUP BY order_scope, order_id
ON CONFLICT DO NOTHING;

-- Not checked against orders made before these rules (the previous release let some break them);
-- checked on every new order and every change to an old one.
ALTER TABLE orders
    ADD CONSTRAINT orders_discount_within_amount CHECK (discount <= amount) NOT VALID,
    ADD CONSTRAINT orders_exclusive_alone CHECK (NOT exclusive OR coupons <= 1) NOT VALID,
    ADD CONSTRAINT orders_coupon_limit CHECK (coupons <= 20) NOT VALID;

-- Before a use is written: its campaign, stacking and scope filled in (and checked against the
-- merchant that owns the coupon), the coupon locked, and a recycled coupon refused (M7).
CREATE OR REPLACE FUNCTION redemption_fill_in() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    coupon_campaign uuid;
    coupon_stacks   boolean;
    owner           text;
BEGIN
    -- The lock the wallet takes anyway: makes this use, a recycling and a transfer of the coupon take turns.
    SELECT c.campaign_id, s.stackable, s.merchant_id INTO coupon_campaign, coupon_stacks, owner
      FROM coupons c JOIN campaign_stock s USING (campaign_id)
     WHERE c.coupon_id = NEW.coupon_id
       FOR UPDATE OF c;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'coupon % does not exist', NEW.coupon_id USING ERRCODE = 'FS010';
    END IF;

    NEW.campaign_id := coupon_campaign;
    NEW.stackable := coupon_stacks;
    IF NEW.kind = 'order' AND NEW.currency = 'PTS' AND NEW.order_id = 'points-card:' || NEW.coupon_id::text THEN
        NEW.kind := 'points_card';
    END IF;

    NEW.order_scope := CASE WHEN NEW.kind = 'points_card' THEN 'points'
                            WHEN NEW.order_scope IS NOT NULL THEN NEW.order_scope
                            WHEN NEW.redeemed_by = NEW.holder_id THEN 'shopper:' || NEW.holder_id
                            ELSE 'merchant:' || owner END;

    -- Tenancy: a till redeems only its own merchant's coupons; a shopper only coupons they hold.
    IF NEW.order_scope LIKE 'merchant:%' AND NEW.order_scope <> 'merchant:' || owner THEN
        RAISE EXCEPTION 'coupon % belongs to another merchant', NEW.coupon_id USING ERRCODE = 'FS011';
    END IF;
    IF NEW.order_scope LIKE 'shopper:%' AND NEW.order_scope <> 'shopper:' || NEW.holder_id THEN
        RAISE EXCEPTION 'coupon % is not held by the redeeming shopper', NEW.coupon_id USING ERRCODE = 'FS011';
    END IF;

    -- M7: a unit given back to the stock is never used as well.
    IF EXISTS (SELECT 1 FROM recycled_coupons WHERE coupon_id = NEW.coupon_id) THEN
        RAISE EXCEPTION 'coupon % was recycled', NEW.coupon_id USING ERRCODE = 'FS012';
    END IF;

    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS redemptions_fill_in ON redemptions;
CREATE TRIGGER redemptions_fill_in BEFORE INSERT ON redemptions FOR EACH ROW EXECUTE FUNCTION redemption_fill_in();

-- After a use is written or cancelled: its order and, for a gift card, the card's balance follow.
CREATE OR REPLACE FUNCTION redemption_follow_up() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
DECLARE
    changed integer;
BEGIN
    IF TG_OP = 'INSERT' AND NEW.kind = 'order' THEN
        INSERT INTO orders AS o (order_scope, order_id, amount, currency, discount, coupons, exclusive, created_at)
        VALUES (NEW.order_scope, NEW.order_id, NEW.amount, NEW.currency, NEW.discount, 1, NOT NEW.stackable, NEW.redeemed_at)
        ON CONFLICT (order_scope, order_id) DO UPDATE
           SET discount = o.discount + excluded.discount,
               coupons = o.coupons + 1,
               exclusive = o.exclusive OR excluded.exclusive
         WHERE o.amount = excluded.amount AND o.currency = excluded.currency AND o.refunded_at IS NULL;
        GET DIAGNOSTICS changed = ROW_COUNT;
        IF changed = 0 THEN
            RAISE EXCEPTION 'order % has another amount or currency, or was refunded', NEW.order_id USING ERRCODE = 'FS013';
        END IF;

        -- The order's row is locked now, so this sees every other standing use of the order.
        IF EXISTS (SELECT 1 FROM redemptions r
                    WHERE r.order_scope = NEW.order_scope AND r.order_id = NEW.order_id AND r.kind = 'order'
                      AND r.refunded_at IS NULL AND r.campaign_id = NEW.campaign_id AND r.redemption_id <> NEW.redemption_id) THEN
            RAISE EXCEPTION 'order % already uses a coupon of campaign %', NEW.order_id, NEW.campaign_id USING ERRCODE = 'FS014';
        END IF;
    ELSIF TG_OP = 'UPDATE' AND OLD.refunded_at IS NULL AND NEW.refunded_at IS NOT NULL AND NEW.kind = 'order' THEN
        UPDATE orders
           SET discount = discount - OLD.discount, coupons = coupons - 1, refunded_at = coalesce(refunded_at, NEW.refunded_at)
         WHERE order_scope = NEW.order_scope AND order_id = NEW.order_id;
    END IF;

    IF NOT NEW.single_use THEN
        -- Recomputed by coupon_balance_of: the balance is always the card's value less its standing spends.
        UPDATE coupons SET balance = NULL WHERE coupon_id = NEW.coupon_id;
    END IF;

    RETURN NULL;
END
$fn$;

DROP TRIGGER IF EXISTS redemptions_follow_up ON redemptions;
CREATE TRIGGER redemptions_follow_up AFTER INSERT OR UPDATE OF refunded_at ON redemptions
    FOR EACH ROW EXECUTE FUNCTION redemption_follow_up();

-- M3: whoever sets a gift card's balance, it becomes the card's value less what its standing
-- uses took (never below zero: the column's check), so a refund restores exactly what its order took.
CREATE OR REPLACE FUNCTION coupon_balance_of() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    SELECT (s.terms ->> 'cardValue')::numeric
           - coalesce((SELECT sum(r.discount) FROM redemptions r
                        WHERE r.coupon_id = NEW.coupon_id AND r.refunded_at IS NULL AND NOT r.single_use), 0)
      INTO NEW.balance
      FROM campaign_stock s WHERE s.campaign_id = NEW.campaign_id;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS coupons_balance ON coupons;
CREATE TRIGGER coupons_balance BEFORE UPDATE OF balance ON coupons FOR EACH ROW EXECUTE FUNCTION coupon_balance_of();

-- M4: a coupon that changes hands gets a new code (the giver has seen the old one), and coupons
-- that carry a card secret never change hands (the giver may have revealed it, and a card's
-- secret cannot be rotated).
CREATE OR REPLACE FUNCTION coupon_handover() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NEW.holder_id IS DISTINCT FROM OLD.holder_id THEN
        IF NEW.code = OLD.code THEN
            RAISE EXCEPTION 'coupon % changed hands without a new code', NEW.coupon_id USING ERRCODE = 'FS015';
        END IF;
        IF EXISTS (SELECT 1 FROM campaign_stock s WHERE s.campaign_id = NEW.campaign_id AND s.card_secrets) THEN
            RAISE EXCEPTION 'coupon % carries a card secret and cannot be given away', NEW.coupon_id USING ERRCODE = 'FS015';
        END IF;
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS coupons_handover ON coupons;
CREATE TRIGGER coupons_handover BEFORE UPDATE OF holder_id ON coupons FOR EACH ROW EXECUTE FUNCTION coupon_handover();

-- M7: a coupon with a standing use is not recycled, whatever raced with the recycler: the row is
-- skipped, so the stock is not given the unit back.
CREATE OR REPLACE FUNCTION recycling_of_unused() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    PERFORM 1 FROM coupons WHERE coupon_id = NEW.coupon_id FOR UPDATE;
    IF EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = NEW.coupon_id AND (r.refunded_at IS NULL OR r.kind = 'points_card'))
       OR EXISTS (SELECT 1 FROM coupons c WHERE c.coupon_id = NEW.coupon_id AND c.balance IS NOT NULL) THEN
        RETURN NULL;
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS recycled_coupons_unused ON recycled_coupons;
CREATE TRIGGER recycled_coupons_unused BEFORE INSERT ON recycled_coupons FOR EACH ROW EXECUTE FUNCTION recycling_of_unused();

-- M2: points entries are the balance's explanation: never changed or removed, each with its cause,
-- and at every commit a balance equals the sum of its shopper's entries.
CREATE OR REPLACE FUNCTION points_entries_append_only() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    RAISE EXCEPTION 'points entries are never changed or removed' USING ERRCODE = 'FS016';
END
$fn$;

DROP TRIGGER IF EXISTS points_entries_append_only ON points_entries;
CREATE TRIGGER points_entries_append_only BEFORE UPDATE OR DELETE ON points_entries
    FOR EACH ROW EXECUTE FUNCTION points_entries_append_only();

ALTER TABLE points_entries
    ADD CONSTRAINT points_entry_cause CHECK (
        (reason = 'claim' AND delta < 0 AND coupon_id IS NOT NULL AND campaign_id IS NOT NULL)
        OR (reason = 'points_card' AND delta > 0 AND coupon_id IS NOT NULL)
        OR (reason = 'credit' AND delta > 0 AND created_by IS NOT NULL AND note IS NOT NULL)) NOT VALID;

-- One credit per points card, ever.
CREATE UNIQUE INDEX IF NOT EXISTS points_one_credit_per_card ON points_entries (coupon_id) WHERE reason = 'points_card';

-- Checked at commit for every shopper whose balance or entries the transaction touched.
CREATE OR REPLACE FUNCTION points_balance_explained() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF coalesce((SELECT balance FROM points_accounts WHERE shopper_id = NEW.shopper_id), 0)
       <> (SELECT coalesce(sum(delta), 0) FROM points_entries WHERE shopper_id = NEW.shopper_id) THEN
        RAISE EXCEPTION 'points balance of % is not the sum of its entries', NEW.shopper_id USING ERRCODE = 'FS016';
    END IF;
    RETURN NULL;
END
$fn$;

DROP TRIGGER IF EXISTS points_balance_explained ON points_accounts;
CREATE CONSTRAINT TRIGGER points_balance_explained AFTER INSERT OR UPDATE ON points_accounts
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_balance_explained();
DROP TRIGGER IF EXISTS points_entry_explained ON points_entries;
CREATE CONSTRAINT TRIGGER points_entry_explained AFTER INSERT ON points_entries
    DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION points_balance_explained();

-- issue_coupons as before (010), with one more fence (M6): a paused, explicitly ended or draft
-- campaign, or a claim stamped at or after the campaign's end, writes nothing (FS005), so that a
-- stale activation on a frozen silo cannot issue after a pause or an end was acknowledged.
CREATE OR REPLACE FUNCTION issue_coupons(
    p_campaign_id     uuid,
    p_expected_issued integer,
    p_coupon_ids      uuid[],
    p_shopper_ids     text[],
    p_shopper_slots   integer[],
    p_device_ids      text[],
    p_keys            text[],
    p_codes           text[],
    p_issued_at       timestamptz[],
    p_expires_at      timestamptz[],
    p_claim_days      date[],
    p_day_slots       integer[],
    p_shopper_buckets smallint[],
    p_device_slots    integer[],
    p_device_day_slots integer[],
    p_account_slots   integer[],
    p_daily_cap       integer,
    p_device_limit    integer,
    p_device_day_limit integer,
    p_account_limit   integer,
    p_points_price    integer)
RETURNS integer
LANGUAGE plpgsql
AS $fn$
DECLARE
    claim_count integer := cardinality(p_coupon_ids);
    user_limit  integer;
    written     integer;
    debited     integer;
BEGIN
    UPDATE campaign_stock
       SET issued = issued + claim_count
     WHERE campaign_id = p_campaign_id
       AND issued = p_expected_issued
       AND NOT paused AND NOT closed AND NOT draft
       AND (ends_at IS NULL OR ends_at > (SELECT max(at) FROM unnest(p_issued_at) AS at))
    RETURNING per_user_limit INTO user_limit;

    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM campaign_stock WHERE campaign_id = p_campaign_id AND issued = p_expected_issued) THEN
            RAISE EXCEPTION 'campaign % is paused, ended or a draft', p_campaign_id USING ERRCODE = 'FS005';
        END IF;
        RAISE EXCEPTION 'campaign % has not issued exactly % coupons', p_campaign_id, p_expected_issued
            USING ERRCODE = 'FS001';
    END IF;

    IF EXISTS (SELECT 1
                 FROM unnest(p_shopper_slots, p_day_slots, p_device_slots, p_device_day_slots, p_account_slots)
                      AS claim (shopper_slot, day_slot, device_slot, device_day_slot, account_slot)
                WHERE claim.shopper_slot > user_limit
                   OR claim.day_slot > p_daily_cap
                   OR claim.device_slot > p_device_limit
                   OR claim.device_day_slot > p_device_day_limit
                   OR claim.account_slot > p_account_limit) THEN
        RAISE EXCEPTION 'a slot in the batch for campaign % exceeds its limit', p_campaign_id
            USING ERRCODE = 'FS002';
    END IF;

    INSERT INTO coupons (coupon_id, campaign_id, seq, shopper_id, shopper_slot, device_id,
                         idempotency_key, code, issued_at, expires_at, claim_day, day_slot,
                         shopper_bucket, device_slot, device_day_slot, account_slot)
    SELECT claim.coupon_id, p_campaign_id, p_expected_issued + claim.ord::integer, claim.shopper_id,
           claim.shopper_slot, claim.device_id, claim.idempotency_key, claim.code, claim.issued_at,
           claim.expires_at, claim.claim_day, claim.day_slot, claim.shopper_bucket, claim.device_slot,
           claim.device_day_slot, claim.account_slot
      FROM unnest(p_coupon_ids, p_shopper_ids, p_shopper_slots, p_device_ids, p_keys, p_codes,
                  p_issued_at, p_expires_at, p_claim_days, p_day_slots, p_shopper_buckets,
                  p_device_slots, p_device_day_slots, p_account_slots)
           WITH ORDINALITY AS claim (coupon_id, shopper_id, shopper_slot, device_id, idempotency_key,
                                     code, issued_at, expires_at, claim_day, day_slot, shopper_bucket,
                                     device_slot, device_day_slot, account_slot, ord)
    ON CONFLICT (shopper_id, idempotency_key) DO NOTHING;

    GET DIAGNOSTICS written = ROW_COUNT;
    IF written < claim_count THEN
        RAISE EXCEPTION '% of % idempotency keys already hold a coupon', claim_count - written, claim_count
            USING ERRCODE = 'FS003';
    END IF;

    IF p_points_price > 0 THEN
        UPDATE points_accounts account
           SET balance = account.balance - p_points_price::bigint * buyer.coupons, updated_at = now()
          FROM (SELECT shopper_id, count(*) AS coupons FROM unnest(p_shopper_ids) AS shopper_id GROUP BY shopper_id) AS buyer
         WHERE account.shopper_id = buyer.shopper_id;
        GET DIAGNOSTICS debited = ROW_COUNT;
        IF debited < (SELECT count(DISTINCT shopper_id) FROM unnest(p_shopper_ids) AS shopper_id) THEN
            RAISE EXCEPTION 'a shopper in the batch for campaign % has no points', p_campaign_id
                USING ERRCODE = 'FS004';
        END IF;

        INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_at)
        SELECT claim.shopper_id, -p_points_price, 'claim', claim.coupon_id, p_campaign_id, claim.issued_at
          FROM unnest(p_shopper_ids, p_coupon_ids, p_issued_at) AS claim (shopper_id, coupon_id, issued_at);
    END IF;

    RETURN p_expected_issued + claim_count;
END
$fn$;
