-- One transaction for the claims of many campaigns (grains/Ledger/LedgerWriter.cs): the campaign
-- grains of one silo share their writes, so that a thousand quiet campaigns cost one commit, not a
-- thousand. Each campaign is fenced as issue_coupons fences it (its expected issued count; paused,
-- closed, draft or past its end; the slots within its limits). A campaign whose fence refuses is
-- returned with the code issue_coupons would have raised, and the other campaigns' claims are
-- written. A conflict only the write itself finds (a key, slot or code already taken, points short)
-- raises as issue_coupons does and writes nothing: the writer then writes each campaign alone,
-- with issue_coupons, to learn whose it was.
--
-- Arguments: the p_campaign_* arrays hold one entry per campaign; the others one per claim, with
-- p_claim_campaigns naming each claim's campaign by its (1-based) position in p_campaign_ids.
CREATE OR REPLACE FUNCTION issue_coupons_of_campaigns(
    p_campaign_ids               uuid[],
    p_campaign_expected_issued   integer[],
    p_campaign_daily_caps        integer[],
    p_campaign_device_limits     integer[],
    p_campaign_device_day_limits integer[],
    p_campaign_account_limits    integer[],
    p_campaign_points_prices     integer[],
    p_claim_campaigns            integer[],
    p_coupon_ids                 uuid[],
    p_shopper_ids                text[],
    p_shopper_slots              integer[],
    p_device_ids                 text[],
    p_keys                       text[],
    p_codes                      text[],
    p_issued_at                  timestamptz[],
    p_expires_at                 timestamptz[],
    p_claim_days                 date[],
    p_day_slots                  integer[],
    p_shopper_buckets            smallint[],
    p_device_slots               integer[],
    p_device_day_slots           integer[],
    p_account_slots              integer[])
RETURNS TABLE (refused_campaign_id uuid, refusal text)
LANGUAGE plpgsql
AS $fn$
DECLARE
    -- By campaign position: the fence's refusal (null when it holds), and whether it is written.
    refusals  text[];
    accepted  boolean[];
    expected  integer;
    written   integer;
    debited   integer;
    buyers    integer;
BEGIN
    -- The rows in one order, so that two writers never wait on each other in a circle; held to the
    -- commit, so that the fences judged below still hold when it comes.
    PERFORM 1 FROM campaign_stock WHERE campaign_id = ANY (p_campaign_ids) ORDER BY campaign_id FOR UPDATE;

    -- Any slot beyond its limit is the largest slot beyond it: each campaign's claims are read once.
    SELECT array_agg(judged.refusal ORDER BY judged.pos), array_agg(judged.refusal IS NULL ORDER BY judged.pos)
      INTO refusals, accepted
      FROM (SELECT campaign.pos,
                   CASE WHEN stock.campaign_id IS NULL OR stock.issued <> campaign.expected_issued THEN 'FS001'
                        WHEN stock.paused OR stock.closed OR stock.draft
                          OR (stock.ends_at IS NOT NULL AND stock.ends_at <= claims.last_issued_at) THEN 'FS005'
                        WHEN claims.shopper_slot > stock.per_user_limit
                          OR claims.day_slot > campaign.daily_cap
                          OR claims.device_slot > campaign.device_limit
                          OR claims.device_day_slot > campaign.device_day_limit
                          OR claims.account_slot > campaign.account_limit THEN 'FS002'
                   END AS refusal
              FROM unnest(p_campaign_ids, p_campaign_expected_issued, p_campaign_daily_caps, p_campaign_device_limits,
                          p_campaign_device_day_limits, p_campaign_account_limits)
                   WITH ORDINALITY AS campaign (campaign_id, expected_issued, daily_cap, device_limit, device_day_limit,
                                                account_limit, pos)
              LEFT JOIN campaign_stock stock ON stock.campaign_id = campaign.campaign_id
              LEFT JOIN (SELECT claim.pos, max(claim.issued_at) AS last_issued_at, max(claim.shopper_slot) AS shopper_slot,
                                max(claim.day_slot) AS day_slot, max(claim.device_slot) AS device_slot,
                                max(claim.device_day_slot) AS device_day_slot, max(claim.account_slot) AS account_slot
                           FROM unnest(p_claim_campaigns, p_issued_at, p_shopper_slots, p_day_slots, p_device_slots,
                                       p_device_day_slots, p_account_slots)
                                AS claim (pos, issued_at, shopper_slot, day_slot, device_slot, device_day_slot, account_slot)
                          GROUP BY claim.pos) AS claims ON claims.pos = campaign.pos) AS judged;

    INSERT INTO coupons (coupon_id, campaign_id, seq, shopper_id, shopper_slot, device_id,
                         idempotency_key, code, issued_at, expires_at, claim_day, day_slot,
                         shopper_bucket, device_slot, device_day_slot, account_slot)
    SELECT claim.coupon_id, p_campaign_ids[claim.pos],
           p_campaign_expected_issued[claim.pos] + (row_number() OVER (PARTITION BY claim.pos ORDER BY claim.ord))::integer,
           claim.shopper_id, claim.shopper_slot, claim.device_id, claim.idempotency_key, claim.code, claim.issued_at,
           claim.expires_at, claim.claim_day, claim.day_slot, claim.shopper_bucket, claim.device_slot,
           claim.device_day_slot, claim.account_slot
      FROM unnest(p_claim_campaigns, p_coupon_ids, p_shopper_ids, p_shopper_slots, p_device_ids, p_keys, p_codes,
                  p_issued_at, p_expires_at, p_claim_days, p_day_slots, p_shopper_buckets,
                  p_device_slots, p_device_day_slots, p_account_slots)
           WITH ORDINALITY AS claim (pos, coupon_id, shopper_id, shopper_slot, device_id, idempotency_key,
                                     code, issued_at, expires_at, claim_day, day_slot, shopper_bucket,
                                     device_slot, device_day_slot, account_slot, ord)
     WHERE accepted[claim.pos]
    ON CONFLICT (shopper_id, idempotency_key) DO NOTHING;

    GET DIAGNOSTICS written = ROW_COUNT;
    SELECT count(*) INTO expected FROM unnest(p_claim_campaigns) AS claim (pos) WHERE accepted[claim.pos];
    IF written < expected THEN
        RAISE EXCEPTION '% of % idempotency keys already hold a coupon', expected - written, expected
            USING ERRCODE = 'FS003';
    END IF;

    UPDATE campaign_stock stock
       SET issued = stock.issued + claims.issued
      FROM (SELECT claim.pos, count(*)::integer AS issued
              FROM unnest(p_claim_campaigns) AS claim (pos)
             WHERE accepted[claim.pos]
             GROUP BY claim.pos) AS claims
     WHERE stock.campaign_id = p_campaign_ids[claims.pos];

    -- The coupons and their price commit together or not at all; accounts locked in one order, as above.
    IF EXISTS (SELECT 1 FROM unnest(p_campaign_points_prices, accepted) AS campaign (price, accepted)
                WHERE campaign.price > 0 AND campaign.accepted) THEN
        PERFORM 1 FROM points_accounts
          WHERE shopper_id IN (SELECT claim.shopper_id FROM unnest(p_claim_campaigns, p_shopper_ids) AS claim (pos, shopper_id)
                                WHERE accepted[claim.pos] AND p_campaign_points_prices[claim.pos] > 0)
          ORDER BY shopper_id FOR UPDATE;

        UPDATE points_accounts account
           SET balance = account.balance - buyer.price, updated_at = now()
          FROM (SELECT claim.shopper_id, sum(p_campaign_points_prices[claim.pos])::bigint AS price
                  FROM unnest(p_claim_campaigns, p_shopper_ids) AS claim (pos, shopper_id)
                 WHERE accepted[claim.pos] AND p_campaign_points_prices[claim.pos] > 0
                 GROUP BY claim.shopper_id) AS buyer
         WHERE account.shopper_id = buyer.shopper_id;
        GET DIAGNOSTICS debited = ROW_COUNT;
        SELECT count(DISTINCT claim.shopper_id) INTO buyers
          FROM unnest(p_claim_campaigns, p_shopper_ids) AS claim (pos, shopper_id)
         WHERE accepted[claim.pos] AND p_campaign_points_prices[claim.pos] > 0;
        IF debited < buyers THEN
            RAISE EXCEPTION 'a shopper in the batch has no points' USING ERRCODE = 'FS004';
        END IF;

        INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_at)
        SELECT claim.shopper_id, -p_campaign_points_prices[claim.pos], 'claim', claim.coupon_id, p_campaign_ids[claim.pos],
               claim.issued_at
          FROM unnest(p_claim_campaigns, p_shopper_ids, p_coupon_ids, p_issued_at) AS claim (pos, shopper_id, coupon_id, issued_at)
         WHERE accepted[claim.pos] AND p_campaign_points_prices[claim.pos] > 0;
    END IF;

    RETURN QUERY
        SELECT p_campaign_ids[campaign.pos], campaign.refusal
          FROM unnest(refusals) WITH ORDINALITY AS campaign (refusal, pos)
         WHERE campaign.refusal IS NOT NULL;
END
$fn$;
