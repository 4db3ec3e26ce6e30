-- Points: a balance per shopper, credited by admins and by points cards, debited by claims on
-- points-priced campaigns in the same transaction as the coupons they buy (issue_coupons).

CREATE TABLE IF NOT EXISTS points_accounts (
    shopper_id text        PRIMARY KEY,
    balance    bigint      NOT NULL CONSTRAINT points_never_negative CHECK (balance >= 0),
    updated_at timestamptz NOT NULL
);

-- Every change to a balance, so that a balance can be explained.
CREATE TABLE IF NOT EXISTS points_entries (
    entry_id    bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    shopper_id  text        NOT NULL,
    delta       bigint      NOT NULL CHECK (delta <> 0),
    -- claim (a coupon bought with points), credit (an admin's) or points_card (a points card redeemed).
    reason      text        NOT NULL CHECK (reason IN ('claim', 'credit', 'points_card')),
    -- claim: the coupon bought; points_card: the card.
    coupon_id   uuid,
    campaign_id uuid,
    -- credit: who credited, and why.
    created_by  text,
    note        text,
    created_at  timestamptz NOT NULL
);

CREATE INDEX IF NOT EXISTS points_entries_by_shopper ON points_entries (shopper_id, entry_id DESC);
-- One debit per coupon; also how a shopper counter tells a committed claim's debit from a hold.
CREATE UNIQUE INDEX IF NOT EXISTS points_one_debit_per_coupon ON points_entries (coupon_id) WHERE reason = 'claim';
