-- Refused claims over time, for the results page's timeline (GET /api/campaigns/{id}/timeline).
-- campaign_refusals (V019) keeps totals only. Rather than touch the claim path or the grain, a trigger
-- on its upsert (the campaign grain's save, every 5 s, merged across the silo's campaigns) adds what
-- each save added, under the second of the save: one small row per campaign, code and save, and only
-- when the count grew. Refusals are therefore dated to their save, up to 5 s after they happened.
-- not_started and ended are left out: they come before and after the sale, which the timeline spans,
-- and a campaign waiting for its opening would otherwise write a row every 5 s all day long.
CREATE TABLE IF NOT EXISTS campaign_refusal_series (
    campaign_id uuid        NOT NULL,
    at          timestamptz NOT NULL,
    code        text        NOT NULL,
    refusals    bigint      NOT NULL CHECK (refusals > 0),
    PRIMARY KEY (campaign_id, at, code)
);

CREATE OR REPLACE FUNCTION record_refusal_series() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    added bigint;
BEGIN
    IF TG_OP = 'UPDATE' THEN
        added := NEW.refusals - OLD.refusals;
    ELSE
        added := NEW.refusals;
    END IF;
    IF added > 0 AND NEW.code NOT IN ('not_started', 'ended') THEN
        INSERT INTO campaign_refusal_series AS s (campaign_id, at, code, refusals)
        VALUES (NEW.campaign_id, date_trunc('second', now()), NEW.code, added)
        ON CONFLICT (campaign_id, at, code) DO UPDATE SET refusals = s.refusals + EXCLUDED.refusals;
    END IF;
    RETURN NULL;
END
$$;

CREATE OR REPLACE TRIGGER campaign_refusals_over_time
    AFTER INSERT OR UPDATE OF refusals ON campaign_refusals
    FOR EACH ROW EXECUTE FUNCTION record_refusal_series();

-- The return on a campaign (GET /api/campaigns/{id}/roi) adds up its coupons' uses: this reads only
-- those uses, not every coupon of the campaign, and the timeline's redemptions by time. Redemptions
-- are written at checkout, never by claims.
CREATE INDEX IF NOT EXISTS redemptions_by_campaign ON redemptions (campaign_id, redeemed_at);
