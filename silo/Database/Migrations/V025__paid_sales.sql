-- Paid flash sales (README "Paid sales"): a claim on a campaign with a collected cash price is an
-- order that holds its unit until the shopper pays through a payment gateway, or until its deadline
-- gives the unit back to the stock, once. Everything here is new or widened: silos of the release
-- before keep working beside it (they never set a payment window, so they never make an order).

ALTER TABLE campaign_stock
    -- A paid sale: its price in fen and how long an order waits for payment; both or neither.
    ADD COLUMN IF NOT EXISTS cash_price_fen       bigint   CHECK (cash_price_fen > 0),
    ADD COLUMN IF NOT EXISTS payment_window       interval CHECK (payment_window > interval '0'),
    -- Whether refunding an unused paid coupon gives its unit back while the sale is open.
    ADD COLUMN IF NOT EXISTS refunds_return_stock boolean  NOT NULL DEFAULT false,
    -- Counters only ever raised, so that a campaign grain can take the larger of two reports:
    -- orders paid, orders lapsed unpaid (unit given back), paid coupons refunded with their unit given back.
    -- Orders still held are issued - orders_paid - orders_lapsed (every row of a paid sale is an order).
    ADD COLUMN IF NOT EXISTS orders_paid          integer  NOT NULL DEFAULT 0 CHECK (orders_paid >= 0),
    ADD COLUMN IF NOT EXISTS orders_lapsed        integer  NOT NULL DEFAULT 0 CHECK (orders_lapsed >= 0),
    ADD COLUMN IF NOT EXISTS refunds_returned     integer  NOT NULL DEFAULT 0 CHECK (refunds_returned >= 0);

ALTER TABLE campaign_stock
    ADD CONSTRAINT campaign_stock_paid_sale CHECK ((cash_price_fen IS NULL) = (payment_window IS NULL)),
    ADD CONSTRAINT campaign_stock_orders_within_issued CHECK (orders_paid + orders_lapsed <= issued),
    ADD CONSTRAINT campaign_stock_refunds_within_paid CHECK (refunds_returned <= orders_paid);

-- A coupon of a paid sale that is not (or no longer) the shopper's to use: held (its order awaits
-- payment), lapsed (the order expired unpaid) or revoked (refunded). Null: a coupon like any other.
ALTER TABLE coupons
    ADD COLUMN IF NOT EXISTS sale_state text CHECK (sale_state IN ('held', 'lapsed', 'revoked'));

-- Why a unit went back to the stock: a coupon that expired unused (016), an order that lapsed
-- unpaid, a paid coupon refunded. The primary key still gives each coupon's unit back once.
ALTER TABLE recycled_coupons
    ADD COLUMN IF NOT EXISTS reason text NOT NULL DEFAULT 'expired' CHECK (reason IN ('expired', 'unpaid', 'refunded'));

-- One order per claim of a paid sale, with the coupon's id. Written with the coupon row by the claim's
-- group commit; then paid (settle_sale_capture), expired (lapse_sale_order) or refunded.
CREATE TABLE IF NOT EXISTS sale_orders (
    order_id    uuid        PRIMARY KEY,
    campaign_id uuid        NOT NULL,
    shopper_id  text        NOT NULL,
    amount_fen  bigint      NOT NULL CHECK (amount_fen > 0),
    -- Points + cash: the points the claim debited, credited back if the order lapses.
    points      integer     NOT NULL DEFAULT 0 CHECK (points >= 0),
    status      text        NOT NULL DEFAULT 'pending_payment'
                            CHECK (status IN ('pending_payment', 'paid', 'expired', 'refunded')),
    created_at  timestamptz NOT NULL,
    deadline    timestamptz NOT NULL,
    -- The capture that paid it (a capture at the gateway's time, not ours).
    paid_at     timestamptz,
    paid_channel text,
    paid_trade_no text,
    expired_at  timestamptz,
    refunded_at timestamptz,
    CONSTRAINT sale_orders_deadline_after_creation CHECK (deadline > created_at),
    CONSTRAINT sale_orders_paid_in_time CHECK (paid_at IS NULL OR paid_at <= deadline),
    CONSTRAINT sale_orders_state CHECK (
        (status = 'pending_payment' AND paid_at IS NULL AND expired_at IS NULL)
        OR (status = 'paid' AND paid_at IS NOT NULL AND paid_trade_no IS NOT NULL AND expired_at IS NULL)
        OR (status = 'expired' AND paid_at IS NULL AND expired_at IS NOT NULL)
        OR (status = 'refunded' AND paid_at IS NOT NULL AND refunded_at IS NOT NULL))
);

-- The deadline sweep's work list, and a shopper's orders.
CREATE INDEX IF NOT EXISTS sale_orders_due ON sale_orders (campaign_id, deadline) WHERE status = 'pending_payment';
CREATE INDEX IF NOT EXISTS sale_orders_by_shopper ON sale_orders (shopper_id, created_at DESC);

-- A payment of an order at one channel's gateway (out_trade_no is unique per merchant account, so
-- per channel): recorded before the gateway is asked to create it, settled once its capture is known.
CREATE TABLE IF NOT EXISTS sale_payments (
    channel        text        NOT NULL,
    out_trade_no   text        NOT NULL,
    order_id       uuid        NOT NULL REFERENCES sale_orders (order_id),
    amount_fen     bigint      NOT NULL CHECK (amount_fen > 0),
    created_at     timestamptz NOT NULL,
    pay_url        text,
    -- The capture, as the gateway reported it (notification or query).
    transaction_id text,
    captured_fen   bigint      CHECK (captured_fen > 0),
    captured_at    timestamptz,
    recorded_at    timestamptz,
    -- What the capture became: the order's coupon, or a refund. Never both, never neither.
    settlement     text        CHECK (settlement IN ('coupon', 'refund')),
    -- The gateway confirmed it can no longer be paid.
    closed_at      timestamptz,
    PRIMARY KEY (channel, out_trade_no),
    CONSTRAINT sale_payments_capture_settled CHECK (
        (transaction_id IS NULL AND captured_fen IS NULL AND captured_at IS NULL AND settlement IS NULL)
        OR (transaction_id IS NOT NULL AND captured_fen IS NOT NULL AND captured_at IS NOT NULL AND settlement IS NOT NULL))
);

-- An order is paid at most once: a second capture (another channel, a retried payment) is refunded.
CREATE UNIQUE INDEX IF NOT EXISTS sale_payments_one_coupon_per_order ON sale_payments (order_id) WHERE settlement = 'coupon';
CREATE INDEX IF NOT EXISTS sale_payments_by_order ON sale_payments (order_id);

-- A refund of one capture, whole: a late or duplicate capture, or a paid coupon the shopper gave
-- back. At most one per capture; the gateway refunds once per out_refund_no, however often asked.
CREATE TABLE IF NOT EXISTS sale_refunds (
    channel       text        NOT NULL,
    out_refund_no text        NOT NULL,
    out_trade_no  text        NOT NULL,
    amount_fen    bigint      NOT NULL CHECK (amount_fen > 0),
    reason        text        NOT NULL CHECK (reason IN ('late', 'duplicate', 'closed', 'amount_mismatch', 'shopper')),
    status        text        NOT NULL DEFAULT 'requested' CHECK (status IN ('requested', 'processing', 'succeeded')),
    refund_id     text,
    requested_at  timestamptz NOT NULL,
    succeeded_at  timestamptz,
    PRIMARY KEY (channel, out_refund_no),
    CONSTRAINT sale_refunds_one_per_capture UNIQUE (channel, out_trade_no),
    FOREIGN KEY (channel, out_trade_no) REFERENCES sale_payments (channel, out_trade_no)
);

CREATE INDEX IF NOT EXISTS sale_refunds_unfinished ON sale_refunds (requested_at) WHERE status <> 'succeeded';

-- Every refund matches a capture: of a captured payment, for exactly what it captured.
CREATE OR REPLACE FUNCTION sale_refund_matches_capture() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF NOT EXISTS (SELECT 1 FROM sale_payments p
                    WHERE p.channel = NEW.channel AND p.out_trade_no = NEW.out_trade_no
                      AND p.captured_fen = NEW.amount_fen) THEN
        RAISE EXCEPTION 'refund % does not match a capture', NEW.out_refund_no USING ERRCODE = 'FS021';
    END IF;
    RETURN NEW;
END
$fn$;

DROP TRIGGER IF EXISTS sale_refunds_match_capture ON sale_refunds;
CREATE TRIGGER sale_refunds_match_capture BEFORE INSERT OR UPDATE OF amount_fen, out_trade_no ON sale_refunds
    FOR EACH ROW EXECUTE FUNCTION sale_refund_matches_capture();

-- Notification nonces already accepted, per channel: a replayed notification is refused. Older
-- than the accepted clock skew (5 minutes), a nonce's notification is refused by its timestamp.
CREATE TABLE IF NOT EXISTS payment_notification_nonces (
    channel text        NOT NULL,
    nonce   text        NOT NULL,
    seen_at timestamptz NOT NULL,
    PRIMARY KEY (channel, nonce)
);

-- Every routing decision: which channel an order's payment went to, and why the others did not.
CREATE TABLE IF NOT EXISTS payment_routes (
    route_id   bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id   uuid        NOT NULL,
    decided_at timestamptz NOT NULL,
    channel    text,
    considered jsonb       NOT NULL
);

CREATE INDEX IF NOT EXISTS payment_routes_by_order ON payment_routes (order_id, route_id);
CREATE INDEX IF NOT EXISTS payment_routes_recent ON payment_routes (decided_at DESC);

-- No coupon without a captured payment: a held, lapsed or revoked coupon is never used, given away
-- or revealed, whichever route asks (the wallet also hides it).
CREATE OR REPLACE FUNCTION sale_coupon_must_be_paid() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    IF EXISTS (SELECT 1 FROM coupons c WHERE c.coupon_id = NEW.coupon_id AND c.sale_state IS NOT NULL) THEN
        RAISE EXCEPTION 'coupon % is not paid for', NEW.coupon_id USING ERRCODE = 'FS020';
    END IF;
    RETURN NEW;
END
$fn$;

-- Named to run after redemptions_fill_in, which locks the coupon's row.
DROP TRIGGER IF EXISTS redemptions_paid_only ON redemptions;
CREATE TRIGGER redemptions_paid_only BEFORE INSERT ON redemptions FOR EACH ROW EXECUTE FUNCTION sale_coupon_must_be_paid();
DROP TRIGGER IF EXISTS card_secret_reveals_paid_only ON card_secret_reveals;
CREATE TRIGGER card_secret_reveals_paid_only BEFORE INSERT ON card_secret_reveals
    FOR EACH ROW EXECUTE FUNCTION sale_coupon_must_be_paid();

CREATE OR REPLACE FUNCTION sale_coupon_stays_put() RETURNS trigger
LANGUAGE plpgsql
AS $fn$
BEGIN
    RAISE EXCEPTION 'coupon % is not paid for and cannot be given away', NEW.coupon_id USING ERRCODE = 'FS020';
END
$fn$;

DROP TRIGGER IF EXISTS coupons_paid_only_handover ON coupons;
CREATE TRIGGER coupons_paid_only_handover BEFORE UPDATE OF holder_id ON coupons
    FOR EACH ROW WHEN (NEW.holder_id IS DISTINCT FROM OLD.holder_id AND NEW.sale_state IS NOT NULL)
    EXECUTE FUNCTION sale_coupon_stays_put();

-- Points + cash: a lapsed or refunded order gives its points back, once per order.
ALTER TABLE points_entries DROP CONSTRAINT IF EXISTS points_entries_reason_check;
ALTER TABLE points_entries
    ADD CONSTRAINT points_entries_reason_check CHECK (reason IN ('claim', 'credit', 'points_card', 'order_lapsed', 'order_refunded')) NOT VALID;
ALTER TABLE points_entries DROP CONSTRAINT IF EXISTS points_entry_cause;
ALTER TABLE points_entries
    ADD CONSTRAINT points_entry_cause CHECK (
        (reason = 'claim' AND delta < 0 AND coupon_id IS NOT NULL AND campaign_id IS NOT NULL)
        OR (reason = 'points_card' AND delta > 0 AND coupon_id IS NOT NULL)
        OR (reason = 'credit' AND delta > 0 AND created_by IS NOT NULL AND note IS NOT NULL)
        OR (reason IN ('order_lapsed', 'order_refunded') AND delta > 0 AND coupon_id IS NOT NULL AND campaign_id IS NOT NULL)) NOT VALID;
CREATE UNIQUE INDEX IF NOT EXISTS points_one_return_per_order ON points_entries (coupon_id) WHERE reason IN ('order_lapsed', 'order_refunded');

-- Reconciliation (对账): each run of one channel's daily statement against our payments and refunds,
-- with every difference it found (none: the day reconciles).
CREATE TABLE IF NOT EXISTS reconciliation_runs (
    run_id          bigint      GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    channel         text        NOT NULL,
    day             date        NOT NULL,
    ran_at          timestamptz NOT NULL,
    statement_rows  integer     NOT NULL,
    matched         integer     NOT NULL,
    differences     jsonb       NOT NULL
);

CREATE INDEX IF NOT EXISTS reconciliation_runs_latest ON reconciliation_runs (day DESC, channel, run_id DESC);

-- An admin's switch that takes a channel out of routing (its circuit breaker isolated) on every
-- silo, until switched back; each silo reads it every few seconds.
CREATE TABLE IF NOT EXISTS payment_channel_switches (
    channel    text        PRIMARY KEY,
    isolated   boolean     NOT NULL,
    changed_at timestamptz NOT NULL,
    changed_by text        NOT NULL,
    reason     text
);

-- A capture the gateway reported (a notification, or a query when none came), settled once: the
-- order's coupon if the order still waited and the gateway captured its exact amount by the
-- deadline; otherwise a refund of the whole capture. Reported again, it changes nothing and
-- returns what it became the first time. Concurrent reports of one capture, or captures of one
-- order through two channels, take turns on the payment's and the order's row locks.
CREATE OR REPLACE FUNCTION settle_sale_capture(
    p_channel        text,
    p_out_trade_no   text,
    p_order_id       uuid,
    p_transaction_id text,
    p_captured_fen   bigint,
    p_captured_at    timestamptz,
    p_now            timestamptz)
RETURNS TABLE (settlement text, refund_reason text, campaign_id uuid, orders_paid integer, orders_lapsed integer,
               refunds_returned integer, stock integer)
LANGUAGE plpgsql
AS $fn$
DECLARE
    payment sale_payments%ROWTYPE;
    sale    sale_orders%ROWTYPE;
    outcome text;
    reason  text;
BEGIN
    SELECT * INTO sale FROM sale_orders o WHERE o.order_id = p_order_id FOR UPDATE;
    IF NOT FOUND THEN
        RAISE EXCEPTION 'no order %', p_order_id USING ERRCODE = 'FS022';
    END IF;

    -- A payment made before our record of it committed (a crash in between) is recorded now.
    INSERT INTO sale_payments AS p (channel, out_trade_no, order_id, amount_fen, created_at)
    VALUES (p_channel, p_out_trade_no, p_order_id, sale.amount_fen, p_now)
    ON CONFLICT (channel, out_trade_no) DO NOTHING;
    SELECT * INTO payment FROM sale_payments p WHERE p.channel = p_channel AND p.out_trade_no = p_out_trade_no FOR UPDATE;
    IF payment.order_id <> p_order_id THEN
        RAISE EXCEPTION 'payment % is of another order', p_out_trade_no USING ERRCODE = 'FS022';
    END IF;

    IF payment.settlement IS NOT NULL THEN
        outcome := payment.settlement;
        SELECT r.reason INTO reason FROM sale_refunds r WHERE r.channel = p_channel AND r.out_trade_no = p_out_trade_no;
    ELSIF sale.status = 'pending_payment' AND p_captured_at <= sale.deadline AND p_captured_fen = sale.amount_fen THEN
        outcome := 'coupon';
        UPDATE sale_orders o SET status = 'paid', paid_at = p_captured_at, paid_channel = p_channel, paid_trade_no = p_out_trade_no
         WHERE o.order_id = p_order_id;
        UPDATE coupons c SET sale_state = NULL WHERE c.coupon_id = p_order_id AND c.sale_state = 'held';
        UPDATE campaign_stock s SET orders_paid = s.orders_paid + 1 WHERE s.campaign_id = sale.campaign_id;
    ELSE
        outcome := 'refund';
        reason := CASE WHEN p_captured_fen <> sale.amount_fen THEN 'amount_mismatch'
                       WHEN sale.status IN ('paid', 'refunded') THEN 'duplicate'
                       WHEN p_captured_at > sale.deadline THEN 'late'
                       ELSE 'closed' END;
    END IF;

    IF payment.settlement IS NULL THEN
        UPDATE sale_payments p
           SET transaction_id = p_transaction_id, captured_fen = p_captured_fen, captured_at = p_captured_at,
               recorded_at = p_now, settlement = outcome
         WHERE p.channel = p_channel AND p.out_trade_no = p_out_trade_no;
        IF outcome = 'refund' THEN
            -- The whole capture goes back; the trigger checks it matches the capture just recorded.
            INSERT INTO sale_refunds (channel, out_refund_no, out_trade_no, amount_fen, reason, requested_at)
            VALUES (p_channel, 'R' || p_out_trade_no, p_out_trade_no, p_captured_fen, reason, p_now);
        END IF;
    END IF;

    RETURN QUERY
        SELECT outcome, reason, s.campaign_id, s.orders_paid, s.orders_lapsed, s.refunds_returned, s.total_stock + s.recycled
          FROM campaign_stock s WHERE s.campaign_id = sale.campaign_id;
END
$fn$;

-- An order past its deadline and still unpaid lapses: its coupon is never usable, its unit goes back
-- to the stock and its points back to the shopper, each once. Conditional on the order's state, so
-- a capture settled first wins, and a second sweep (another activation, a retry) changes nothing.
CREATE OR REPLACE FUNCTION lapse_sale_order(p_order_id uuid, p_now timestamptz)
RETURNS TABLE (lapsed boolean, campaign_id uuid, orders_paid integer, orders_lapsed integer, refunds_returned integer,
               stock integer)
LANGUAGE plpgsql
AS $fn$
DECLARE
    sale     sale_orders%ROWTYPE;
    returned integer;
BEGIN
    UPDATE sale_orders o SET status = 'expired', expired_at = p_now
     WHERE o.order_id = p_order_id AND o.status = 'pending_payment' AND o.deadline <= p_now
    RETURNING * INTO sale;

    IF FOUND THEN
        UPDATE coupons c SET sale_state = 'lapsed' WHERE c.coupon_id = p_order_id AND c.sale_state = 'held';
        INSERT INTO recycled_coupons (coupon_id, campaign_id, recycled_at, reason)
        VALUES (p_order_id, sale.campaign_id, p_now, 'unpaid')
        ON CONFLICT (coupon_id) DO NOTHING;
        GET DIAGNOSTICS returned = ROW_COUNT;
        UPDATE campaign_stock s
           SET recycled = s.recycled + returned, orders_lapsed = s.orders_lapsed + 1
         WHERE s.campaign_id = sale.campaign_id;

        IF sale.points > 0 THEN
            UPDATE points_accounts a SET balance = a.balance + sale.points, updated_at = p_now WHERE a.shopper_id = sale.shopper_id;
            INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_at)
            VALUES (sale.shopper_id, sale.points, 'order_lapsed', p_order_id, sale.campaign_id, p_now);
        END IF;
    ELSE
        SELECT * INTO sale FROM sale_orders o WHERE o.order_id = p_order_id;
    END IF;

    RETURN QUERY
        SELECT sale.status = 'expired' AND sale.expired_at = p_now, s.campaign_id, s.orders_paid, s.orders_lapsed,
               s.refunds_returned, s.total_stock + s.recycled
          FROM campaign_stock s WHERE s.campaign_id = sale.campaign_id;
END
$fn$;

-- A shopper gives back a paid coupon they have not used (not redeemed, not spent from, not given
-- away, its card secret not revealed): the whole capture is refunded, the coupon revoked, the points
-- of points + cash returned, and, on campaigns that ask for it while the sale is open, the unit goes
-- back to the stock once. Under the coupon's row lock, so a use, a transfer or a reveal racing with
-- it either came first (and the refund is refused) or finds the coupon revoked.
CREATE OR REPLACE FUNCTION refund_sale_order(p_order_id uuid, p_shopper_id text, p_now timestamptz)
RETURNS TABLE (refusal text, channel text, out_refund_no text, campaign_id uuid, orders_paid integer, orders_lapsed integer,
               refunds_returned integer, stock integer)
LANGUAGE plpgsql
AS $fn$
DECLARE
    sale     sale_orders%ROWTYPE;
    coupon   coupons%ROWTYPE;
    captured bigint;
    returned integer := 0;
BEGIN
    SELECT * INTO sale FROM sale_orders o WHERE o.order_id = p_order_id AND o.shopper_id = p_shopper_id FOR UPDATE;
    IF NOT FOUND THEN
        RETURN QUERY SELECT 'order_not_found'::text, NULL::text, NULL::text, NULL::uuid, 0, 0, 0, 0;
        RETURN;
    END IF;

    IF sale.status = 'refunded' THEN
        -- Asked again: the refund already made.
        RETURN QUERY SELECT NULL::text, sale.paid_channel, 'R' || sale.paid_trade_no, s.campaign_id, s.orders_paid, s.orders_lapsed,
                            s.refunds_returned, s.total_stock + s.recycled
                       FROM campaign_stock s WHERE s.campaign_id = sale.campaign_id;
        RETURN;
    END IF;

    SELECT * INTO coupon FROM coupons c WHERE c.coupon_id = p_order_id FOR UPDATE;
    IF sale.status <> 'paid' OR coupon.sale_state IS NOT NULL THEN
        RETURN QUERY SELECT 'order_not_paid'::text, NULL::text, NULL::text, NULL::uuid, 0, 0, 0, 0;
        RETURN;
    END IF;

    IF coupon.holder_id IS NOT NULL OR coupon.balance IS NOT NULL
       OR EXISTS (SELECT 1 FROM redemptions r WHERE r.coupon_id = p_order_id AND (r.refunded_at IS NULL OR r.kind = 'points_card'))
       OR EXISTS (SELECT 1 FROM card_secret_reveals v WHERE v.coupon_id = p_order_id) THEN
        RETURN QUERY SELECT 'coupon_used'::text, NULL::text, NULL::text, NULL::uuid, 0, 0, 0, 0;
        RETURN;
    END IF;

    UPDATE coupons c SET sale_state = 'revoked' WHERE c.coupon_id = p_order_id;
    UPDATE sale_orders o SET status = 'refunded', refunded_at = p_now WHERE o.order_id = p_order_id;
    SELECT p.captured_fen INTO captured FROM sale_payments p WHERE p.channel = sale.paid_channel AND p.out_trade_no = sale.paid_trade_no;
    INSERT INTO sale_refunds (channel, out_refund_no, out_trade_no, amount_fen, reason, requested_at)
    VALUES (sale.paid_channel, 'R' || sale.paid_trade_no, sale.paid_trade_no, captured, 'shopper', p_now);

    IF EXISTS (SELECT 1 FROM campaign_stock s WHERE s.campaign_id = sale.campaign_id
                  AND s.refunds_return_stock AND NOT s.closed AND (s.ends_at IS NULL OR s.ends_at > p_now)) THEN
        INSERT INTO recycled_coupons (coupon_id, campaign_id, recycled_at, reason)
        VALUES (p_order_id, sale.campaign_id, p_now, 'refunded')
        ON CONFLICT (coupon_id) DO NOTHING;
        GET DIAGNOSTICS returned = ROW_COUNT;
        UPDATE campaign_stock s SET recycled = s.recycled + returned, refunds_returned = s.refunds_returned + returned
         WHERE s.campaign_id = sale.campaign_id;
    END IF;

    IF sale.points > 0 THEN
        UPDATE points_accounts a SET balance = a.balance + sale.points, updated_at = p_now WHERE a.shopper_id = sale.shopper_id;
        INSERT INTO points_entries (shopper_id, delta, reason, coupon_id, campaign_id, created_at)
        VALUES (sale.shopper_id, sale.points, 'order_refunded', p_order_id, sale.campaign_id, p_now);
    END IF;

    RETURN QUERY SELECT NULL::text, sale.paid_channel, 'R' || sale.paid_trade_no, s.campaign_id, s.orders_paid, s.orders_lapsed,
                        s.refunds_returned, s.total_stock + s.recycled
                   FROM campaign_stock s WHERE s.campaign_id = sale.campaign_id;
END
$fn$;

-- The two claim writers, as before (021 and 024), with one addition: on a paid sale each claim's
-- coupon row is written held, beside its order (sale_orders). Same signatures, so silos of the
-- release before call them unchanged.

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
    sale        campaign_stock%ROWTYPE;
BEGIN
    UPDATE campaign_stock
       SET issued = issued + claim_count
     WHERE campaign_id = p_campaign_id
       AND issued = p_expected_issued
       AND NOT paused AND NOT closed AND NOT draft
       AND (ends_at IS NULL OR ends_at > (SELECT max(at) FROM unnest(p_issued_at) AS at))
    RETURNING * INTO sale;

    IF NOT FOUND THEN
        IF EXISTS (SELECT 1 FROM campaign_stock WHERE campaign_id = p_campaign_id AND issued = p_expected_issued) THEN
            RAISE EXCEPTION 'campaign % is paused, ended or a draft', p_campaign_id USING ERRCODE = 'FS005';
        END IF;
        RAISE EXCEPTION 'campaign % has not issued exactly % coupons', p_campaign_id, p_expected_issued
            USING ERRCODE = 'FS001';
    END IF;
    user_limit := sale.per_user_limit;

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
                         shopper_bucket, device_slot, device_day_slot, account_slot, sale_state)
    SELECT claim.coupon_id, p_campaign_id, p_expected_issued + claim.ord::integer, claim.shopper_id,
           claim.shopper_slot, claim.device_id, claim.idempotency_key, claim.code, claim.issued_at,
           claim.expires_at, claim.claim_day, claim.day_slot, claim.shopper_bucket, claim.device_slot,
           claim.device_day_slot, claim.account_slot, CASE WHEN sale.payment_window IS NOT NULL THEN 'held' END
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

    -- A paid sale's claims are orders, each holding its coupon (held above) until it is paid or lapses.
    IF sale.payment_window IS NOT NULL THEN
        INSERT INTO sale_orders (order_id, campaign_id, shopper_id, amount_fen, points, created_at, deadline)
        SELECT claim.coupon_id, p_campaign_id, claim.shopper_id, sale.cash_price_fen, p_points_price,
               claim.issued_at, claim.issued_at + sale.payment_window
          FROM unnest(p_coupon_ids, p_shopper_ids, p_issued_at) AS claim (coupon_id, shopper_id, issued_at);
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
    -- By campaign position: the payment window of a paid sale (null: a free or points-only campaign).
    windows   interval[];
    expected  integer;
    written   integer;
    debited   integer;
    buyers    integer;
BEGIN
    -- The rows in one order, so that two writers never wait on each other in a circle; held to the
    -- commit, so that the fences judged below still hold when it comes.
    PERFORM 1 FROM campaign_stock WHERE campaign_id = ANY (p_campaign_ids) ORDER BY campaign_id FOR UPDATE;

    -- Any slot beyond its limit is the largest slot beyond it: each campaign's claims are read once.
    SELECT array_agg(judged.refusal ORDER BY judged.pos), array_agg(judged.refusal IS NULL ORDER BY judged.pos),
           array_agg(judged.payment_window ORDER BY judged.pos)
      INTO refusals, accepted, windows
      FROM (SELECT campaign.pos, stock.payment_window,
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
                         shopper_bucket, device_slot, device_day_slot, account_slot, sale_state)
    SELECT claim.coupon_id, p_campaign_ids[claim.pos],
           p_campaign_expected_issued[claim.pos] + (row_number() OVER (PARTITION BY claim.pos ORDER BY claim.ord))::integer,
           claim.shopper_id, claim.shopper_slot, claim.device_id, claim.idempotency_key, claim.code, claim.issued_at,
           claim.expires_at, claim.claim_day, claim.day_slot, claim.shopper_bucket, claim.device_slot,
           claim.device_day_slot, claim.account_slot, CASE WHEN windows[claim.pos] IS NOT NULL THEN 'held' END
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

    -- A paid sale's claims are orders, each holding its coupon (held above) until it is paid or lapses.
    IF EXISTS (SELECT 1 FROM unnest(windows, accepted) AS campaign (payment_window, accepted)
                WHERE campaign.payment_window IS NOT NULL AND campaign.accepted) THEN
        INSERT INTO sale_orders (order_id, campaign_id, shopper_id, amount_fen, points, created_at, deadline)
        SELECT claim.coupon_id, stock.campaign_id, claim.shopper_id, stock.cash_price_fen, p_campaign_points_prices[claim.pos],
               claim.issued_at, claim.issued_at + stock.payment_window
          FROM unnest(p_claim_campaigns, p_coupon_ids, p_shopper_ids, p_issued_at) AS claim (pos, coupon_id, shopper_id, issued_at)
          JOIN campaign_stock stock ON stock.campaign_id = p_campaign_ids[claim.pos]
         WHERE accepted[claim.pos] AND windows[claim.pos] IS NOT NULL;
    END IF;

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
