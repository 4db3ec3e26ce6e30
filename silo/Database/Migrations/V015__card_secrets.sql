-- Card secrets: a campaign's stock as imported secret codes (gift cards, memberships). The n-th
-- coupon claimed (seq n) carries the n-th secret. Secrets are stored encrypted (AES-GCM, key from
-- configuration) with a keyed fingerprint to refuse duplicates without storing them in clear.

ALTER TABLE campaign_stock
    ADD COLUMN IF NOT EXISTS card_secrets boolean NOT NULL DEFAULT false;

CREATE TABLE IF NOT EXISTS card_secrets (
    campaign_id  uuid        NOT NULL,
    -- The coupon seq this secret goes to.
    slot         integer     NOT NULL CHECK (slot >= 1),
    -- nonce (12 bytes) || ciphertext || tag (16 bytes); the campaign and slot are authenticated with it.
    sealed       bytea       NOT NULL,
    fingerprint  bytea       NOT NULL,
    imported_by  text        NOT NULL,
    imported_at  timestamptz NOT NULL,
    PRIMARY KEY (campaign_id, slot),
    -- One card, one campaign slot, across all campaigns.
    CONSTRAINT card_secrets_unique UNIQUE (fingerprint)
);

-- Every reveal of a secret to its holder.
CREATE TABLE IF NOT EXISTS card_secret_reveals (
    reveal_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    coupon_id   uuid        NOT NULL,
    campaign_id uuid        NOT NULL,
    shopper_id  text        NOT NULL,
    revealed_at timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS card_secret_reveals_by_coupon ON card_secret_reveals (coupon_id);
