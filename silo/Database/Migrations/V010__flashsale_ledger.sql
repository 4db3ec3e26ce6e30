-- The coupon ledger: the truth about what was issued. Campaign grains keep their counters in
-- memory and rebuild them from these rows; the constraints below hold even if two activations of
-- one campaign grain write at once (the second writer fails, it does not win).

CREATE TABLE IF NOT EXISTS campaign_stock (
    campaign_id    uuid        PRIMARY KEY,
    total_stock    integer     NOT NULL CHECK (total_stock >= 0),
    per_user_limit integer     NOT NULL CHECK (per_user_limit >= 1),
    issued         integer     NOT NULL DEFAULT 0,
    -- Coupons that expired unused during the sale and went back into stock (016-recycling.sql).
    recycled       integer     NOT NULL DEFAULT 0 CHECK (recycled >= 0),
    created_at     timestamptz NOT NULL DEFAULT now(),
    -- Invariant 1: never oversold; remaining is total_stock + recycled - issued.
    CONSTRAINT campaign_stock_never_oversold CHECK (issued >= 0 AND issued <= total_stock + recycled)
);

CREATE TABLE IF NOT EXISTS coupons (
    coupon_id       uuid        PRIMARY KEY,
    -- No foreign key to campaign_stock: issue_coupons updates that row in the same transaction, and a
    -- per-row referential check cost about 40% of the database's time per claim.
    campaign_id     uuid        NOT NULL,
    -- 1..issued within the campaign, in commit order.
    seq             integer     NOT NULL CHECK (seq >= 1),
    shopper_id      text        NOT NULL,
    -- The shopper's 1st, 2nd, ... coupon of this campaign; bounded by per_user_limit in issue_coupons.
    shopper_slot    integer     NOT NULL CHECK (shopper_slot >= 1),
    device_id       text        NOT NULL,
    idempotency_key text        NOT NULL,
    code            text        NOT NULL,
    issued_at       timestamptz NOT NULL,
    expires_at      timestamptz NOT NULL,
    -- Limits that span campaigns (invariant 2), counted by the shopper and device counter grains as
    -- numbered slots; the unique indexes below refuse two rows in one slot, so that two activations
    -- of a counter cannot both admit the last claim a limit allows.
    -- The calendar day (in the configured time zone) the daily limits count this claim in.
    claim_day       date        NOT NULL,
    -- The shopper's 1st, 2nd, ... claim of the day across campaigns, and which of the fixed number
    -- of shopper counter grains counts it (LimitBuckets in grain-interfaces/Risk).
    day_slot        integer     NOT NULL CHECK (day_slot >= 1),
    shopper_bucket  smallint    NOT NULL,
    -- Only on campaigns that limit devices: the device's 1st, 2nd, ... claim on this campaign, and
    -- of the day across such campaigns.
    device_slot     integer              CHECK (device_slot >= 1),
    device_day_slot integer              CHECK (device_day_slot >= 1),
    -- Set on the first such coupon a shopper claims from a device: the account's place among the
    -- device's accounts (1st, 2nd, ...). A campaign's account limit admits the first N accounts.
    account_slot    integer              CHECK (account_slot >= 1),
    -- Invariant 4: one key (scoped to its shopper) yields at most one coupon, across all campaigns.
    CONSTRAINT coupons_one_per_key UNIQUE (shopper_id, idempotency_key),
    CONSTRAINT coupons_one_per_seq UNIQUE (campaign_id, seq),
    -- Invariant 2: with slots bounded by the limit, a shopper cannot hold more than the limit.
    CONSTRAINT coupons_one_per_shopper_slot UNIQUE (campaign_id, shopper_id, shopper_slot),
    CONSTRAINT coupons_unique_code UNIQUE (code),
    -- Day and bucket first: also how a counter grain reads its shoppers' claims of the day.
    CONSTRAINT coupons_one_per_shopper_day_slot UNIQUE (claim_day, shopper_bucket, shopper_id, day_slot)
);

-- Partial, so that claims on campaigns without device limits pay nothing for them.
CREATE UNIQUE INDEX IF NOT EXISTS coupons_one_per_device_slot
    ON coupons (campaign_id, device_id, device_slot) WHERE device_slot IS NOT NULL;
-- Also how a device's counter finds the device's claims.
CREATE UNIQUE INDEX IF NOT EXISTS coupons_one_per_device_day_slot
    ON coupons (device_id, claim_day, device_day_slot) WHERE device_day_slot IS NOT NULL;
CREATE UNIQUE INDEX IF NOT EXISTS coupons_one_account_per_device_slot
    ON coupons (device_id, account_slot) WHERE account_slot IS NOT NULL;

-- One group commit: every claim admitted while the previous write was in flight, in one
-- transaction and one round trip. Raises instead of writing anything when
--   FS001: the campaign's issued count is not what the writer believed (another writer got there first),
--   FS002: a slot is beyond its limit: the campaign's per-user limit, or one of the limits passed in
--          (null: none) for the day, the device on the campaign, the device's day, the device's accounts,
--   FS003: one of the idempotency keys already has a coupon (possibly on another campaign),
--   FS004: on a points-priced campaign, a shopper has no points account (013-points.sql).
-- The oversell check is the table constraint above (SQLSTATE 23514), as is a points balance that
-- would go below zero.
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
    -- Taking the row lock first makes concurrent writers of one campaign queue here, and the
    -- version test makes every writer but the first fail once the first commits.
    UPDATE campaign_stock
       SET issued = issued + claim_count
     WHERE campaign_id = p_campaign_id
       AND issued = p_expected_issued
    RETURNING per_user_limit INTO user_limit;

    IF NOT FOUND THEN
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
        -- The coupons and their price commit together or not at all.
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
