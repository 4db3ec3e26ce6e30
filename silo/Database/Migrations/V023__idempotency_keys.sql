-- Keys that make money-moving admin and marketing calls safe to retry (issue 16).

-- An admin's points credit retried with its Idempotency-Key is made once.
ALTER TABLE points_entries ADD COLUMN IF NOT EXISTS credit_key text;
CREATE UNIQUE INDEX IF NOT EXISTS points_one_credit_per_key ON points_entries (credit_key) WHERE credit_key IS NOT NULL;

-- A top-up retried with its Idempotency-Key adds once. A key names one top-up across campaigns:
-- marketing's keys are not scoped by campaign, so a key reused on another campaign is refused.
ALTER TABLE campaign_changes ADD COLUMN IF NOT EXISTS idempotency_key text;
CREATE UNIQUE INDEX IF NOT EXISTS campaign_changes_one_per_key ON campaign_changes (idempotency_key) WHERE idempotency_key IS NOT NULL;
