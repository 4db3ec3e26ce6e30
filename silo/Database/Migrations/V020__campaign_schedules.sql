-- What a campaign's end leaves behind: the results of its claims, frozen when the sale closed, so
-- that they are read without waking the campaign (and reading its ledger) again. Redemptions go on
-- after the end and are counted live (019-campaign-results.sql).
CREATE TABLE IF NOT EXISTS campaign_final_results (
    campaign_id uuid        PRIMARY KEY,
    closed_at   timestamptz NOT NULL,
    issued      integer     NOT NULL CHECK (issued >= 0),
    claimants   integer     NOT NULL CHECK (claimants >= 0),
    sold_out_at timestamptz,
    -- Refused claims by code, as {"sold_out": 120, ...}.
    refusals    jsonb       NOT NULL DEFAULT '{}'
);
