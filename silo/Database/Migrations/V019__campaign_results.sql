-- Campaign results kept as they happen, so that GET /api/campaigns/{id}/stats reads a few rows and
-- never scans the ledger. Issued coupons, claimants and the sell-out time come from the campaign
-- grain, which holds the ledger's counts in memory.

-- Redemptions per campaign, counted by a trigger on redemptions, so that every path that redeems or
-- refunds (the shopper, a merchant, a checkout) counts the same way in the same transaction.
CREATE TABLE IF NOT EXISTS campaign_redemption_results (
    campaign_id      uuid           PRIMARY KEY,
    -- Coupons with at least one standing (not refunded) use.
    redeemed_coupons integer        NOT NULL DEFAULT 0 CHECK (redeemed_coupons >= 0),
    -- Standing uses: a gift card spent across three orders has three.
    standing_uses    integer        NOT NULL DEFAULT 0 CHECK (standing_uses >= 0),
    discount_given   numeric(16, 2) NOT NULL DEFAULT 0 CHECK (discount_given >= 0)
);

CREATE OR REPLACE FUNCTION count_redemption() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    campaign     uuid;
    others_stand boolean;
BEGIN
    -- The coupon's row lock orders every count of one coupon: with it held, the query below sees
    -- the other uses as their transactions left them.
    SELECT c.campaign_id INTO campaign FROM coupons c WHERE c.coupon_id = NEW.coupon_id FOR UPDATE;
    others_stand := EXISTS (SELECT 1 FROM redemptions r
                             WHERE r.coupon_id = NEW.coupon_id AND r.refunded_at IS NULL AND r.redemption_id <> NEW.redemption_id);
    IF TG_OP = 'INSERT' THEN
        INSERT INTO campaign_redemption_results AS t (campaign_id, redeemed_coupons, standing_uses, discount_given)
        VALUES (campaign, CASE WHEN others_stand THEN 0 ELSE 1 END, 1, NEW.discount)
        ON CONFLICT (campaign_id) DO UPDATE
           SET redeemed_coupons = t.redeemed_coupons + EXCLUDED.redeemed_coupons,
               standing_uses    = t.standing_uses + 1,
               discount_given   = t.discount_given + EXCLUDED.discount_given;
    ELSIF OLD.refunded_at IS NULL AND NEW.refunded_at IS NOT NULL THEN
        UPDATE campaign_redemption_results
           SET redeemed_coupons = redeemed_coupons - CASE WHEN others_stand THEN 0 ELSE 1 END,
               standing_uses    = standing_uses - 1,
               discount_given   = discount_given - NEW.discount
         WHERE campaign_id = campaign;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER redemptions_counted
    AFTER INSERT OR UPDATE OF refunded_at ON redemptions
    FOR EACH ROW EXECUTE FUNCTION count_redemption();

-- Refused claims per campaign and code, added by the campaign grain every few seconds (and when it
-- deactivates). A silo killed in between loses at most those seconds' counts; coupons are never
-- counted here.
CREATE TABLE IF NOT EXISTS campaign_refusals (
    campaign_id uuid   NOT NULL,
    code        text   NOT NULL,
    refusals    bigint NOT NULL CHECK (refusals >= 0),
    PRIMARY KEY (campaign_id, code)
);
