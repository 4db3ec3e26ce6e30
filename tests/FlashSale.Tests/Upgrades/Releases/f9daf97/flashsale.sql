--
-- PostgreSQL database dump
--

\restrict qiEiCeT7wVqf5zTpJ44XqbrO5edMqcrkuLWLopYpGjPd4VLlt6tMzhqboTHvJDX

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

--
-- Name: count_redemption(); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.count_redemption() RETURNS trigger
    LANGUAGE plpgsql
    AS $$
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


--
-- Name: issue_coupons(uuid, integer, uuid[], text[], integer[], text[], text[], text[], timestamp with time zone[], timestamp with time zone[], date[], integer[], smallint[], integer[], integer[], integer[], integer, integer, integer, integer, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.issue_coupons(p_campaign_id uuid, p_expected_issued integer, p_coupon_ids uuid[], p_shopper_ids text[], p_shopper_slots integer[], p_device_ids text[], p_keys text[], p_codes text[], p_issued_at timestamp with time zone[], p_expires_at timestamp with time zone[], p_claim_days date[], p_day_slots integer[], p_shopper_buckets smallint[], p_device_slots integer[], p_device_day_slots integer[], p_account_slots integer[], p_daily_cap integer, p_device_limit integer, p_device_day_limit integer, p_account_limit integer, p_points_price integer) RETURNS integer
    LANGUAGE plpgsql
    AS $$
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
$$;


--
-- Name: orleans_membership_insert(text, text, integer, integer, text, text, integer, integer, timestamp with time zone, timestamp with time zone, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_membership_insert(p_deploymentid text, p_address text, p_port integer, p_generation integer, p_siloname text, p_hostname text, p_status integer, p_proxyport integer, p_starttime timestamp with time zone, p_iamalivetime timestamp with time zone, p_expected_version integer) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_version integer;
BEGIN
    -- Lock the cluster's version row before looking at anything else: all membership writers of
    -- a cluster queue up here, and under READ COMMITTED the locked read returns the version the
    -- previous writer committed, so a stale etag is caught no matter how the calls interleave.
    SELECT version INTO current_version
      FROM orleans_membership_version
     WHERE deploymentid = p_deploymentid
       FOR UPDATE;

    IF NOT FOUND OR current_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    INSERT INTO orleans_membership (deploymentid, address, port, generation, siloname, hostname,
                                    status, proxyport, suspecttimes, starttime, iamalivetime)
    VALUES (p_deploymentid, p_address, p_port, p_generation, p_siloname, p_hostname,
            p_status, p_proxyport, NULL, p_starttime, p_iamalivetime)
    ON CONFLICT (deploymentid, address, port, generation) DO NOTHING;

    IF NOT FOUND THEN
        -- Already registered: report failure and, as nothing changed, keep the version.
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$$;


--
-- Name: orleans_membership_update(text, text, integer, integer, integer, text, timestamp with time zone, integer); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_membership_update(p_deploymentid text, p_address text, p_port integer, p_generation integer, p_status integer, p_suspecttimes text, p_iamalivetime timestamp with time zone, p_expected_version integer) RETURNS boolean
    LANGUAGE plpgsql
    AS $$
DECLARE
    current_version integer;
BEGIN
    SELECT version INTO current_version
      FROM orleans_membership_version
     WHERE deploymentid = p_deploymentid
       FOR UPDATE;

    IF NOT FOUND OR current_version IS DISTINCT FROM p_expected_version THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership
       SET status = p_status, suspecttimes = p_suspecttimes, iamalivetime = p_iamalivetime
     WHERE deploymentid = p_deploymentid
       AND address = p_address AND port = p_port AND generation = p_generation;

    IF NOT FOUND THEN
        RETURN false;
    END IF;

    UPDATE orleans_membership_version
       SET version = version + 1, changedat = now()
     WHERE deploymentid = p_deploymentid;
    RETURN true;
END
$$;


--
-- Name: orleans_storage_write(integer, bigint, bigint, integer, text, text, text, integer, bytea); Type: FUNCTION; Schema: public; Owner: -
--

CREATE FUNCTION public.orleans_storage_write(p_grainidhash integer, p_grainidn0 bigint, p_grainidn1 bigint, p_graintypehash integer, p_graintypestring text, p_grainidextensionstring text, p_serviceid text, p_expected_version integer, p_payload bytea) RETURNS integer
    LANGUAGE plpgsql
    AS $$
DECLARE
    new_version integer;
BEGIN
    IF p_expected_version IS NULL THEN
        -- ON CONFLICT covers the race with another first writer: whoever comes second inserts
        -- nothing, gets NULL and so a version conflict.
        INSERT INTO orleans_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring,
                                     grainidextensionstring, serviceid, payloadbinary, modifiedon, version)
        VALUES (p_grainidhash, p_grainidn0, p_grainidn1, p_graintypehash, p_graintypestring,
                p_grainidextensionstring, p_serviceid, p_payload, now(), 1)
        ON CONFLICT DO NOTHING
        RETURNING version INTO new_version;
    ELSE
        -- The version test sits in the WHERE clause, so it is re-checked on the latest row version
        -- after waiting for a concurrent writer's lock: of two writers holding the same etag, the
        -- second one updates nothing.
        UPDATE orleans_storage
           SET payloadbinary = p_payload, version = version + 1, modifiedon = now()
         WHERE grainidhash = p_grainidhash AND graintypehash = p_graintypehash
           AND grainidn0 = p_grainidn0 AND grainidn1 = p_grainidn1
           AND serviceid = p_serviceid
           AND graintypestring = p_graintypestring
           AND grainidextensionstring IS NOT DISTINCT FROM p_grainidextensionstring
           AND version = p_expected_version
        RETURNING version INTO new_version;
    END IF;
    RETURN new_version;
END
$$;


SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: campaign_changes; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_changes (
    change_id bigint NOT NULL,
    campaign_id uuid NOT NULL,
    changed_at timestamp with time zone NOT NULL,
    actor text NOT NULL,
    action text NOT NULL,
    details jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT campaign_changes_action_check CHECK ((action = ANY (ARRAY['created'::text, 'edited'::text, 'published'::text, 'paused'::text, 'resumed'::text, 'ended'::text, 'topped_up'::text])))
);


--
-- Name: campaign_changes_change_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.campaign_changes ALTER COLUMN change_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.campaign_changes_change_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: campaign_final_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_final_results (
    campaign_id uuid NOT NULL,
    closed_at timestamp with time zone NOT NULL,
    issued integer NOT NULL,
    claimants integer NOT NULL,
    sold_out_at timestamp with time zone,
    refusals jsonb DEFAULT '{}'::jsonb NOT NULL,
    CONSTRAINT campaign_final_results_claimants_check CHECK ((claimants >= 0)),
    CONSTRAINT campaign_final_results_issued_check CHECK ((issued >= 0))
);


--
-- Name: campaign_redemption_results; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_redemption_results (
    campaign_id uuid NOT NULL,
    redeemed_coupons integer DEFAULT 0 NOT NULL,
    standing_uses integer DEFAULT 0 NOT NULL,
    discount_given numeric(16,2) DEFAULT 0 NOT NULL,
    CONSTRAINT campaign_redemption_results_discount_given_check CHECK ((discount_given >= (0)::numeric)),
    CONSTRAINT campaign_redemption_results_redeemed_coupons_check CHECK ((redeemed_coupons >= 0)),
    CONSTRAINT campaign_redemption_results_standing_uses_check CHECK ((standing_uses >= 0))
);


--
-- Name: campaign_refusals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_refusals (
    campaign_id uuid NOT NULL,
    code text NOT NULL,
    refusals bigint NOT NULL,
    CONSTRAINT campaign_refusals_refusals_check CHECK ((refusals >= 0))
);


--
-- Name: campaign_stock; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.campaign_stock (
    campaign_id uuid NOT NULL,
    total_stock integer NOT NULL,
    per_user_limit integer NOT NULL,
    issued integer DEFAULT 0 NOT NULL,
    recycled integer DEFAULT 0 NOT NULL,
    created_at timestamp with time zone DEFAULT now() NOT NULL,
    campaign_name text,
    terms jsonb,
    transfer_rule text DEFAULT 'none'::text NOT NULL,
    stackable boolean DEFAULT true NOT NULL,
    remind_before interval[] DEFAULT '{}'::interval[] NOT NULL,
    ends_at timestamp with time zone,
    card_secrets boolean DEFAULT false NOT NULL,
    recycle_expired boolean DEFAULT false NOT NULL,
    starts_at timestamp with time zone,
    price_points integer,
    early_access jsonb DEFAULT '[]'::jsonb NOT NULL,
    parent_id uuid,
    draft boolean DEFAULT false NOT NULL,
    paused boolean DEFAULT false NOT NULL,
    CONSTRAINT campaign_stock_never_oversold CHECK (((issued >= 0) AND (issued <= (total_stock + recycled)))),
    CONSTRAINT campaign_stock_per_user_limit_check CHECK ((per_user_limit >= 1)),
    CONSTRAINT campaign_stock_recycled_check CHECK ((recycled >= 0)),
    CONSTRAINT campaign_stock_total_stock_check CHECK ((total_stock >= 0)),
    CONSTRAINT campaign_stock_transfer_rule_check CHECK ((transfer_rule = ANY (ARRAY['none'::text, 'free'::text, 'within_limit'::text])))
);


--
-- Name: card_secret_reveals; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.card_secret_reveals (
    reveal_id bigint NOT NULL,
    coupon_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    shopper_id text NOT NULL,
    revealed_at timestamp with time zone NOT NULL
);


--
-- Name: card_secret_reveals_reveal_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.card_secret_reveals ALTER COLUMN reveal_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.card_secret_reveals_reveal_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: card_secrets; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.card_secrets (
    campaign_id uuid NOT NULL,
    slot integer NOT NULL,
    sealed bytea NOT NULL,
    fingerprint bytea NOT NULL,
    imported_by text NOT NULL,
    imported_at timestamp with time zone NOT NULL,
    CONSTRAINT card_secrets_slot_check CHECK ((slot >= 1))
);


--
-- Name: coupon_transfers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.coupon_transfers (
    transfer_id uuid NOT NULL,
    coupon_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    from_shopper text NOT NULL,
    to_shopper text NOT NULL,
    transferred_at timestamp with time zone NOT NULL,
    counted boolean NOT NULL,
    CONSTRAINT coupon_transfers_check CHECK ((to_shopper <> from_shopper))
);


--
-- Name: coupons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.coupons (
    coupon_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    seq integer NOT NULL,
    shopper_id text NOT NULL,
    shopper_slot integer NOT NULL,
    device_id text NOT NULL,
    idempotency_key text NOT NULL,
    code text NOT NULL,
    issued_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    claim_day date NOT NULL,
    day_slot integer NOT NULL,
    shopper_bucket smallint NOT NULL,
    device_slot integer,
    device_day_slot integer,
    account_slot integer,
    holder_id text,
    balance numeric(14,2),
    CONSTRAINT coupons_account_slot_check CHECK ((account_slot >= 1)),
    CONSTRAINT coupons_balance_check CHECK ((balance >= (0)::numeric)),
    CONSTRAINT coupons_day_slot_check CHECK ((day_slot >= 1)),
    CONSTRAINT coupons_device_day_slot_check CHECK ((device_day_slot >= 1)),
    CONSTRAINT coupons_device_slot_check CHECK ((device_slot >= 1)),
    CONSTRAINT coupons_seq_check CHECK ((seq >= 1)),
    CONSTRAINT coupons_shopper_slot_check CHECK ((shopper_slot >= 1))
);


--
-- Name: expiry_reminder_progress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.expiry_reminder_progress (
    campaign_id uuid NOT NULL,
    remind_before interval NOT NULL,
    last_seq integer NOT NULL
);


--
-- Name: flashsale_schema; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.flashsale_schema (
    fingerprint text NOT NULL,
    applied_at timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: orleans_membership; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_membership (
    deploymentid text NOT NULL,
    address text NOT NULL,
    port integer NOT NULL,
    generation integer NOT NULL,
    siloname text NOT NULL,
    hostname text NOT NULL,
    status integer NOT NULL,
    proxyport integer NOT NULL,
    suspecttimes text,
    starttime timestamp with time zone NOT NULL,
    iamalivetime timestamp with time zone NOT NULL
);


--
-- Name: orleans_membership_version; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_membership_version (
    deploymentid text NOT NULL,
    version integer DEFAULT 0 NOT NULL,
    changedat timestamp with time zone DEFAULT now() NOT NULL
);


--
-- Name: orleans_reminders; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_reminders (
    serviceid text NOT NULL,
    grainid text NOT NULL,
    remindername text NOT NULL,
    starttime timestamp with time zone NOT NULL,
    period bigint NOT NULL,
    grainhash integer NOT NULL,
    version integer NOT NULL
);


--
-- Name: orleans_storage; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleans_storage (
    grainidhash integer NOT NULL,
    grainidn0 bigint NOT NULL,
    grainidn1 bigint NOT NULL,
    graintypehash integer NOT NULL,
    graintypestring text NOT NULL,
    grainidextensionstring text,
    serviceid text NOT NULL,
    payloadbinary bytea,
    modifiedon timestamp with time zone DEFAULT now() NOT NULL,
    version integer NOT NULL
);


--
-- Name: orleansquery; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.orleansquery (
    querykey text NOT NULL,
    querytext text NOT NULL
);


--
-- Name: points_accounts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.points_accounts (
    shopper_id text NOT NULL,
    balance bigint NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    CONSTRAINT points_never_negative CHECK ((balance >= 0))
);


--
-- Name: points_entries; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.points_entries (
    entry_id bigint NOT NULL,
    shopper_id text NOT NULL,
    delta bigint NOT NULL,
    reason text NOT NULL,
    coupon_id uuid,
    campaign_id uuid,
    created_by text,
    note text,
    created_at timestamp with time zone NOT NULL,
    CONSTRAINT points_entries_delta_check CHECK ((delta <> 0)),
    CONSTRAINT points_entries_reason_check CHECK ((reason = ANY (ARRAY['claim'::text, 'credit'::text, 'points_card'::text])))
);


--
-- Name: points_entries_entry_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.points_entries ALTER COLUMN entry_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.points_entries_entry_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: recycle_progress; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recycle_progress (
    campaign_id uuid NOT NULL,
    last_seq integer NOT NULL
);


--
-- Name: recycled_coupons; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.recycled_coupons (
    coupon_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    recycled_at timestamp with time zone NOT NULL
);


--
-- Name: redemptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.redemptions (
    redemption_id uuid NOT NULL,
    coupon_id uuid NOT NULL,
    order_id text NOT NULL,
    holder_id text NOT NULL,
    redeemed_by text NOT NULL,
    single_use boolean NOT NULL,
    amount numeric(14,2) NOT NULL,
    currency text NOT NULL,
    discount numeric(14,2) NOT NULL,
    redeemed_at timestamp with time zone NOT NULL,
    refunded_at timestamp with time zone,
    refunded_by text,
    CONSTRAINT redemptions_amount_check CHECK ((amount > (0)::numeric)),
    CONSTRAINT redemptions_check CHECK (((discount >= (0)::numeric) AND (discount <= amount)))
);


--
-- Name: risk_blocks; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_blocks (
    block_id uuid NOT NULL,
    kind text NOT NULL,
    value text NOT NULL,
    reason text NOT NULL,
    created_by text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    expires_at timestamp with time zone,
    removed_by text,
    removed_at timestamp with time zone,
    version bigint NOT NULL,
    CONSTRAINT risk_blocks_kind_check CHECK ((kind = ANY (ARRAY['shopper'::text, 'device'::text, 'address'::text])))
);


--
-- Name: risk_blocks_version; Type: SEQUENCE; Schema: public; Owner: -
--

CREATE SEQUENCE public.risk_blocks_version
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1;


--
-- Name: risk_decisions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.risk_decisions (
    decision_id bigint NOT NULL,
    decided_at timestamp with time zone NOT NULL,
    verdict text NOT NULL,
    rule text NOT NULL,
    campaign_id uuid,
    shopper_id text,
    device_id text,
    address text,
    evidence jsonb DEFAULT '{}'::jsonb NOT NULL,
    occurrences integer DEFAULT 1 NOT NULL,
    CONSTRAINT risk_decisions_occurrences_check CHECK ((occurrences >= 1)),
    CONSTRAINT risk_decisions_verdict_check CHECK ((verdict = ANY (ARRAY['refused'::text, 'flagged'::text])))
);


--
-- Name: risk_decisions_decision_id_seq; Type: SEQUENCE; Schema: public; Owner: -
--

ALTER TABLE public.risk_decisions ALTER COLUMN decision_id ADD GENERATED ALWAYS AS IDENTITY (
    SEQUENCE NAME public.risk_decisions_decision_id_seq
    START WITH 1
    INCREMENT BY 1
    NO MINVALUE
    NO MAXVALUE
    CACHE 1
);


--
-- Name: shopper_alerts; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.shopper_alerts (
    alert_id uuid NOT NULL,
    shopper_id text NOT NULL,
    kind text NOT NULL,
    coupon_id uuid NOT NULL,
    campaign_id uuid NOT NULL,
    remind_before interval NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL,
    read_at timestamp with time zone,
    CONSTRAINT shopper_alerts_kind_check CHECK ((kind = 'expiry'::text))
);


--
-- Data for Name: campaign_changes; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_changes (change_id, campaign_id, changed_at, actor, action, details) FROM stdin;
1	01a23882-ee7c-723c-80eb-e891e8a0ea76	2026-12-02 20:47:14.556131+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
2	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:15.227434+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 5}
3	01a23882-f190-738d-9880-3a463c87855c	2026-12-02 20:47:15.344165+00	upgrade-marketer	created	{"draft": false, "endsAt": "2026-12-02T20:48:54+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 50}
4	01a23882-fab3-7c84-922e-e63bcb454c40	2026-12-02 20:47:17.683717+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 400}
5	01a23882-fb73-74ec-8374-3ac25e728987	2026-12-02 20:47:17.875682+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 300}
6	01a23882-fc1e-77b6-b370-d29ca7c21b75	2026-12-02 20:47:18.046398+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 300}
7	01a23882-fcb3-7704-84cc-4ce5bc97f801	2026-12-02 20:47:18.195428+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 200}
8	01a23882-fd38-75ce-80c7-dec900d49ea2	2026-12-02 20:47:18.328964+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 200}
9	01a23882-fdaf-74e0-9def-9cf48226e8bc	2026-12-02 20:47:18.44755+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
10	01a23882-fe29-7bef-a7dd-34daed7533ed	2026-12-02 20:47:18.569475+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 30}
11	01a23882-feea-740a-a097-79b9452df20e	2026-12-02 20:47:18.762033+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
12	01a23883-005f-7cfb-bb86-7a04ed44dd3d	2026-12-02 20:47:19.135567+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 300}
13	01a23883-011b-7424-9551-9e30d1da83da	2026-12-02 20:47:19.323635+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
14	b97b0352-5e3a-8cea-ac11-86203d103e62	2026-12-02 20:47:19.427789+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 200}
15	b58bd110-143e-824f-8198-8f6e6d1278c7	2026-12-02 20:47:19.427789+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 60}
16	01a23883-0183-7337-8bb7-b66056f3280e	2026-12-02 20:47:19.427789+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 260}
17	45749ca2-14a3-8696-8302-8207cbb20339	2026-12-02 20:47:19.582847+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 200}
18	287863e8-93bb-8d49-8e41-def3d65cb8bf	2026-12-02 20:47:19.582847+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 200}
19	01a23883-021e-7722-b53b-b31b63917cdc	2026-12-02 20:47:19.582847+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 400}
20	01a23883-0313-7cca-8387-60cbd208b580	2026-12-02 20:47:19.82792+00	upgrade-marketer	created	{"draft": true, "endsAt": "2026-12-04T20:47:14+00:00", "startsAt": "2026-12-03T20:47:14+00:00", "totalStock": 100}
21	01a23883-039d-7dfb-a67d-53bd7da2399a	2026-12-02 20:47:19.965803+00	upgrade-marketer	created	{"draft": true, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 50}
22	01a23883-04bc-71a2-aca5-3d3ab88ea406	2026-12-02 20:47:20.252378+00	upgrade-marketer	created	{"draft": false, "endsAt": "2099-06-30T00:00:00+00:00", "startsAt": "2099-01-01T00:00:00+00:00", "totalStock": 1000}
23	01a23883-055a-74bd-954f-7c048580a0f3	2026-12-02 20:47:20.410766+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
24	01a23883-0686-76bb-a647-4181ad589d4e	2026-12-02 20:47:20.710826+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 100}
25	01a23883-0798-7f22-96e6-0ba2167ce3e1	2026-12-02 20:47:20.984962+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 10}
26	01a23883-0902-7147-a353-8bb62e97a10b	2026-12-02 20:47:21.346701+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 5}
27	01a23883-0a1f-7267-9fa1-48410239522e	2026-12-02 20:47:21.631848+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:46:14+00:00", "startsAt": "2026-12-02T20:46:14+00:00", "totalStock": 50}
28	01a23883-0313-7cca-8387-60cbd208b580	2026-12-02 20:47:21.890459+00	upgrade-marketer	edited	{"name": {"to": "Upgrade f9daf97: draft, never published (edited)", "from": "Upgrade f9daf97: draft, never published"}, "totalStock": {"to": 120, "from": 100}}
29	01a23883-039d-7dfb-a67d-53bd7da2399a	2026-12-02 20:47:21.936893+00	upgrade-marketer	edited	{"name": {"to": "Upgrade f9daf97: draft edited and published ¥20 off from ¥100", "from": "Upgrade f9daf97: draft to edit"}, "totalStock": {"to": 80, "from": 50}}
30	01a23883-039d-7dfb-a67d-53bd7da2399a	2026-12-02 20:47:21.981379+00	upgrade-marketer	published	{}
31	01a23883-0ff7-77aa-a6cd-df55b639e3bd	2026-12-02 20:47:23.127184+00	upgrade-marketer	created	{"draft": false, "endsAt": "2027-12-03T20:47:53+00:00", "startsAt": "2026-12-02T20:47:53+00:00", "totalStock": 300}
32	01a23883-12f3-7632-b87b-b50740cf71fb	2026-12-02 20:47:23.891302+00	upgrade-marketer	created	{"draft": false, "endsAt": "2026-12-02T22:47:23+00:00", "startsAt": "2026-12-02T21:47:23+00:00", "totalStock": 100}
33	01a23883-12f3-7632-b87b-b50740cf71fb	2026-12-02 20:47:24.003083+00	upgrade-marketer	edited	{"name": {"to": "Upgrade f9daf97: edited before opening ¥12 off", "from": "Upgrade f9daf97: to be edited"}, "coupon": {"to": {"kind": "fixed", "currency": "CNY", "amountOff": 12}, "from": {"kind": "fixed", "currency": "CNY", "amountOff": 11}}, "endsAt": {"to": "2027-12-03T20:47:53Z", "from": "2026-12-02T22:47:23+00:00"}, "startsAt": {"to": "2026-12-02T20:47:53Z", "from": "2026-12-02T21:47:23+00:00"}, "totalStock": {"to": 150, "from": 100}, "perUserLimit": {"to": 2, "from": 1}}
34	b58bd110-143e-824f-8198-8f6e6d1278c7	2026-12-02 20:47:41.376345+00	upgrade-marketer	topped_up	{"add": 20, "totalStock": 80}
35	01a23883-055a-74bd-954f-7c048580a0f3	2026-12-02 20:47:45.981264+00	upgrade-marketer	paused	{}
36	01a23883-0686-76bb-a647-4181ad589d4e	2026-12-02 20:47:46.367536+00	upgrade-marketer	paused	{}
37	01a23883-0686-76bb-a647-4181ad589d4e	2026-12-02 20:47:46.447825+00	upgrade-marketer	resumed	{}
38	01a23883-0798-7f22-96e6-0ba2167ce3e1	2026-12-02 20:47:47.342212+00	upgrade-marketer	topped_up	{"add": 20, "totalStock": 30}
39	01a23883-0a1f-7267-9fa1-48410239522e	2026-12-02 20:47:48.616976+00	upgrade-marketer	ended	{"endsAt": "2026-12-02T20:47:48.616976+00:00", "plannedEndsAt": "2027-12-03T20:46:14+00:00"}
\.


--
-- Data for Name: campaign_final_results; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_final_results (campaign_id, closed_at, issued, claimants, sold_out_at, refusals) FROM stdin;
01a23883-0a1f-7267-9fa1-48410239522e	2026-12-02 20:47:49.641088+00	10	10	\N	{"ended": 1}
01a23882-f190-738d-9880-3a463c87855c	2026-12-02 20:48:54.003427+00	10	10	\N	{}
\.


--
-- Data for Name: campaign_redemption_results; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_redemption_results (campaign_id, redeemed_coupons, standing_uses, discount_given) FROM stdin;
01a23882-fc1e-77b6-b370-d29ca7c21b75	1	1	30.00
01a23883-0ff7-77aa-a6cd-df55b639e3bd	1	1	15.00
01a23882-ee7c-723c-80eb-e891e8a0ea76	1	1	3.00
01a23882-fab3-7c84-922e-e63bcb454c40	3	3	60.00
01a23882-fdaf-74e0-9def-9cf48226e8bc	1	1	10.00
b58bd110-143e-824f-8198-8f6e6d1278c7	1	1	50.00
01a23883-0686-76bb-a647-4181ad589d4e	1	1	7.00
01a23882-feea-740a-a097-79b9452df20e	1	1	50.00
01a23882-fb73-74ec-8374-3ac25e728987	3	3	73.33
b97b0352-5e3a-8cea-ac11-86203d103e62	2	2	20.00
287863e8-93bb-8d49-8e41-def3d65cb8bf	1	1	9.90
01a23882-fe29-7bef-a7dd-34daed7533ed	1	1	20.00
01a23883-0a1f-7267-9fa1-48410239522e	1	1	4.00
01a23882-fcb3-7704-84cc-4ce5bc97f801	4	4	290.00
01a23883-039d-7dfb-a67d-53bd7da2399a	1	1	20.00
01a23882-fd38-75ce-80c7-dec900d49ea2	10	10	5000.00
01a23883-12f3-7632-b87b-b50740cf71fb	1	1	12.00
\.


--
-- Data for Name: campaign_refusals; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_refusals (campaign_id, code, refusals) FROM stdin;
01a23882-f11b-7b3a-af8c-a8e6d2103727	sold_out	1
01a23883-04bc-71a2-aca5-3d3ab88ea406	not_started	1
01a23883-0ff7-77aa-a6cd-df55b639e3bd	not_started	1
01a23883-12f3-7632-b87b-b50740cf71fb	not_started	1
01a23882-fab3-7c84-922e-e63bcb454c40	limit_reached	1
01a23882-fb73-74ec-8374-3ac25e728987	idempotency_key_reused	1
01a23882-fb73-74ec-8374-3ac25e728987	limit_reached	1
01a23882-fdaf-74e0-9def-9cf48226e8bc	limit_reached	1
01a23882-fdaf-74e0-9def-9cf48226e8bc	insufficient_points	2
b97b0352-5e3a-8cea-ac11-86203d103e62	limit_reached	1
287863e8-93bb-8d49-8e41-def3d65cb8bf	limit_reached	2
45749ca2-14a3-8696-8302-8207cbb20339	limit_reached	3
01a23883-005f-7cfb-bb86-7a04ed44dd3d	device_limit_reached	2
01a23883-005f-7cfb-bb86-7a04ed44dd3d	daily_limit_reached	1
01a23883-011b-7424-9551-9e30d1da83da	device_limit_reached	1
01a23883-0a1f-7267-9fa1-48410239522e	ended	1
01a23882-fab3-7c84-922e-e63bcb454c40	risk_blocked	4
01a23883-055a-74bd-954f-7c048580a0f3	paused	1
01a23883-0686-76bb-a647-4181ad589d4e	paused	1
01a23883-0798-7f22-96e6-0ba2167ce3e1	sold_out	1
01a23883-0902-7147-a353-8bb62e97a10b	sold_out	2
01a23882-f190-738d-9880-3a463c87855c	ended	1
\.


--
-- Data for Name: campaign_stock; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.campaign_stock (campaign_id, total_stock, per_user_limit, issued, recycled, created_at, campaign_name, terms, transfer_rule, stackable, remind_before, ends_at, card_secrets, recycle_expired, starts_at, price_points, early_access, parent_id, draft, paused) FROM stdin;
01a23882-ee7c-723c-80eb-e891e8a0ea76	100	1	8	0	2026-12-02 20:47:14.762471+00	Upgrade f9daf97: reminders ¥3 off (70 s validity)	{"kind": "fixed", "currency": "CNY", "amountOff": 3}	none	t	{00:01:00}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-0183-7337-8bb7-b66056f3280e	260	1	0	0	2026-12-02 20:47:19.490299+00	Upgrade f9daf97: tiers	{"kind": "fixed", "currency": "CNY", "amountOff": 10}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fe29-7bef-a7dd-34daed7533ed	30	1	15	0	2026-12-02 20:47:18.574457+00	Upgrade f9daf97: ¥50 card with secret	{"kind": "giftcard", "currency": "CNY", "cardValue": 50}	none	t	{}	2027-12-03 20:46:14+00	t	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-021e-7722-b53b-b31b63917cdc	400	1	0	0	2026-12-02 20:47:19.613841+00	Upgrade f9daf97: A/B	{"kind": "fixed", "currency": "CNY", "amountOff": 8}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-04bc-71a2-aca5-3d3ab88ea406	1000	1	0	0	2026-12-02 20:47:20.266245+00	Upgrade f9daf97: scheduled for 2099	{"kind": "fixed", "currency": "CNY", "amountOff": 66}	free	f	{"1 day"}	2099-06-30 00:00:00+00	f	f	2099-01-01 00:00:00+00	100	[{"lead": "01:00:00", "tier": "gold"}]	\N	f	f
01a23882-f190-738d-9880-3a463c87855c	50	1	10	0	2026-12-02 20:47:15.354054+00	Upgrade f9daf97: ends on schedule ¥1 off	{"kind": "fixed", "currency": "CNY", "amountOff": 1}	none	t	{}	2026-12-02 20:48:54+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-0313-7cca-8387-60cbd208b580	120	1	0	0	2026-12-02 20:47:19.838023+00	Upgrade f9daf97: draft, never published (edited)	{"kind": "fixed", "currency": "CNY", "amountOff": 99}	none	t	{}	2026-12-04 20:47:14+00	f	f	2026-12-03 20:47:14+00	\N	[]	\N	t	f
01a23883-0ff7-77aa-a6cd-df55b639e3bd	300	1	20	0	2026-12-02 20:47:23.132607+00	Upgrade f9daf97: early access ¥15 off	{"kind": "fixed", "currency": "CNY", "amountOff": 15}	none	t	{}	2027-12-03 20:47:53+00	f	f	2026-12-02 20:47:53+00	\N	[{"lead": "00:10:00", "tier": "gold"}]	\N	f	f
01a23883-039d-7dfb-a67d-53bd7da2399a	80	1	10	0	2026-12-02 20:47:19.981785+00	Upgrade f9daf97: draft edited and published ¥20 off from ¥100	{"kind": "threshold", "currency": "CNY", "minSpend": 100, "amountOff": 20}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fdaf-74e0-9def-9cf48226e8bc	100	2	23	0	2026-12-02 20:47:18.454086+00	Upgrade f9daf97: ¥10 off for 300 points	{"kind": "fixed", "currency": "CNY", "amountOff": 10}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	300	[]	\N	f	f
01a23883-0902-7147-a353-8bb62e97a10b	5	1	5	0	2026-12-02 20:47:21.359733+00	Upgrade f9daf97: sold out ¥30 off	{"kind": "fixed", "currency": "CNY", "amountOff": 30}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fb73-74ec-8374-3ac25e728987	300	1	30	0	2026-12-02 20:47:17.89865+00	Upgrade f9daf97: 15% off up to ¥30	{"kind": "percent", "currency": "CNY", "percentOff": 15, "maxDiscount": 30}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fab3-7c84-922e-e63bcb454c40	400	2	51	0	2026-12-02 20:47:17.702702+00	Upgrade f9daf97: fixed ¥20 off	{"kind": "fixed", "currency": "CNY", "amountOff": 20}	within_limit	t	{"30 days","1 day"}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fcb3-7704-84cc-4ce5bc97f801	200	1	20	0	2026-12-02 20:47:18.207851+00	Upgrade f9daf97: ¥100 gift card (transferable)	{"kind": "giftcard", "currency": "CNY", "cardValue": 100}	free	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-fd38-75ce-80c7-dec900d49ea2	200	1	20	0	2026-12-02 20:47:18.33645+00	Upgrade f9daf97: 500-point card	{"kind": "points", "points": 500, "currency": "CNY"}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23882-feea-740a-a097-79b9452df20e	100	1	20	0	2026-12-02 20:47:18.769314+00	Upgrade f9daf97: 50% off up to ¥80, not stackable	{"kind": "percent", "currency": "CNY", "percentOff": 50, "maxDiscount": 80}	none	f	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
b58bd110-143e-824f-8198-8f6e6d1278c7	80	1	10	0	2026-12-02 20:47:19.482219+00	Upgrade f9daf97: tiers · ¥50 off from ¥300	{"kind": "threshold", "currency": "CNY", "minSpend": 300, "amountOff": 50}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	01a23883-0183-7337-8bb7-b66056f3280e	f	f
b97b0352-5e3a-8cea-ac11-86203d103e62	200	1	30	0	2026-12-02 20:47:19.46544+00	Upgrade f9daf97: tiers · ¥10 off	{"kind": "fixed", "currency": "CNY", "amountOff": 10}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	01a23883-0183-7337-8bb7-b66056f3280e	f	f
45749ca2-14a3-8696-8302-8207cbb20339	200	1	17	0	2026-12-02 20:47:19.590125+00	Upgrade f9daf97: A/B · a	{"kind": "fixed", "currency": "CNY", "amountOff": 8}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	01a23883-021e-7722-b53b-b31b63917cdc	f	f
01a23883-005f-7cfb-bb86-7a04ed44dd3d	300	2	13	0	2026-12-02 20:47:19.145724+00	Upgrade f9daf97: device-limited ¥5 off	{"kind": "fixed", "currency": "CNY", "amountOff": 5}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
287863e8-93bb-8d49-8e41-def3d65cb8bf	200	1	13	0	2026-12-02 20:47:19.603111+00	Upgrade f9daf97: A/B · b	{"kind": "percent", "currency": "CNY", "percentOff": 10, "maxDiscount": 20}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	01a23883-021e-7722-b53b-b31b63917cdc	f	f
01a23882-fc1e-77b6-b370-d29ca7c21b75	300	2	31	0	2026-12-02 20:47:18.053037+00	Upgrade f9daf97: ¥30 off from ¥200	{"kind": "threshold", "currency": "CNY", "minSpend": 200, "amountOff": 30}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-011b-7424-9551-9e30d1da83da	100	1	14	0	2026-12-02 20:47:19.327763+00	Upgrade f9daf97: device-day-limited ¥3 off	{"kind": "fixed", "currency": "CNY", "amountOff": 3}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-055a-74bd-954f-7c048580a0f3	100	1	5	0	2026-12-02 20:47:20.415723+00	Upgrade f9daf97: paused ¥6 off	{"kind": "fixed", "currency": "CNY", "amountOff": 6}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	t
01a23883-0686-76bb-a647-4181ad589d4e	100	1	10	0	2026-12-02 20:47:20.715372+00	Upgrade f9daf97: paused and resumed ¥7 off	{"kind": "fixed", "currency": "CNY", "amountOff": 7}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-0798-7f22-96e6-0ba2167ce3e1	30	1	15	0	2026-12-02 20:47:20.988565+00	Upgrade f9daf97: topped up ¥9 off	{"kind": "fixed", "currency": "CNY", "amountOff": 9}	none	t	{}	2027-12-03 20:46:14+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-0a1f-7267-9fa1-48410239522e	50	1	10	0	2026-12-02 20:47:21.635172+00	Upgrade f9daf97: ended early ¥4 off	{"kind": "fixed", "currency": "CNY", "amountOff": 4}	none	t	{}	2026-12-02 20:47:48.616976+00	f	f	2026-12-02 20:46:14+00	\N	[]	\N	f	f
01a23883-12f3-7632-b87b-b50740cf71fb	150	2	11	0	2026-12-02 20:47:23.89518+00	Upgrade f9daf97: edited before opening ¥12 off	{"kind": "fixed", "currency": "CNY", "amountOff": 12}	none	t	{}	2027-12-03 20:47:53+00	f	f	2026-12-02 20:47:53+00	\N	[]	\N	f	f
01a23882-f11b-7b3a-af8c-a8e6d2103727	5	1	7	7	2026-12-02 20:47:15.234774+00	Upgrade f9daf97: recycled ¥2 off (20 s validity)	{"kind": "fixed", "currency": "CNY", "amountOff": 2}	none	t	{}	2027-12-03 20:46:14+00	f	t	2026-12-02 20:46:14+00	\N	[]	\N	f	f
\.


--
-- Data for Name: card_secret_reveals; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.card_secret_reveals (reveal_id, coupon_id, campaign_id, shopper_id, revealed_at) FROM stdin;
1	01a23883-4919-7e67-afb8-6416912d7232	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-01	2026-12-02 20:47:38.648806+00
2	01a23883-4944-7760-9e21-d254a011ab42	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-02	2026-12-02 20:47:38.701184+00
3	01a23883-4988-722f-bd18-9fefc5eb57a1	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-03	2026-12-02 20:47:38.739761+00
4	01a23883-49ce-72d0-9c01-c1333f37b61f	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-04	2026-12-02 20:47:38.776914+00
5	01a23883-4a34-7ddc-9a28-1a271a38f75c	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-05	2026-12-02 20:47:38.813847+00
6	01a23883-4a34-7ddc-9a28-1a271a38f75c	01a23882-fe29-7bef-a7dd-34daed7533ed	upgrade-shopper-05	2026-12-02 20:47:38.859856+00
\.


--
-- Data for Name: card_secrets; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.card_secrets (campaign_id, slot, sealed, fingerprint, imported_by, imported_at) FROM stdin;
01a23882-fe29-7bef-a7dd-34daed7533ed	1	\\x12057c690288a7c09fdff7ebea035154c1633743e3127a447ad86e24f588f21852b89dda793a896c2fb524aa54f39a175805e6c66b	\\xb3802a3926e2bbcda72d68e11d48a74491646663e5f216101abe4d7372ac9534	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	2	\\x55cac7d8a5bab26b4ec42bfe14c70937821b9a89403a2d8b10befa1e8a0a6e0430bea30f8ccdeb8602d466411f72a1a82cbffb589b	\\xe698464b76fd1229e62082e03898785c69a1e33e772388410a743d379c0303ed	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	3	\\x4dbaadfedb4c8dd9f39f1d9e792fec3642576dd00e0b672fdd4f4bf2123b1a74356350287bbe3d960d833b0211dce678763015397c	\\x857fc52dc5e521aa5fdb086acc075f5939a62fbc16f03aa767eabc479bba2516	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	4	\\x42081da657308f82939804c42b2d739163fa9e88fc1be29bfd652115e0777f70b73cf6dea4aac51de9df89ffc5bfbb7fb5269c21bd	\\x3ffeba3c0990e84555b0b0e6be156c614a1f48fd58f148a188d510ba54a64557	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	5	\\x1163b38fac71e1450469e52afcc07654bf323aec8b7aac607c4844b894c658559e89c0bd79004e1395281d5d04f4bd08938bff55b0	\\xfc29ba05a32b42aeb5f3b53b171d935d38ef28c3bdcf59c4f992327a0bacc682	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	6	\\xaae54646af73fe60de5855146281126ded6121b8cd0a220d683434c1f1caf592ac16df8a09fbab1fd67e8910a7d5e0c538aa85ff3c	\\xa1afe4a01bd484c98f39403d4bb56b6d53203d1abd1d214290c68af74bf1fcf3	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	7	\\xfc9b365a35bb20ab3901e59bc42dca9eaf8195243d6928f7953a8bc4edf02e9ac18c91f5a6d64d31d521f91c77d6d3b5fa35398a8c	\\x843a250e9c592aed6864beead1018ea05a8c8d2e6e9ba551d91d1aad5beb0382	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	8	\\x5614e2abe5dc906781d2186f43253552d30ec5c97642f3fd6b9c21433cd4576f0b23a268dc3862574e6de4c03f62a85326c1d69aa6	\\xa33453afe597270f71a7c9a874aed22d3d8f98f3149d9a032247ca67771e9899	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	9	\\xf2bc66e2da1061c53f41cd76cdcebdc7c974f2dfb1002e62404699db982354af702ba715148054a99f5a5462591d386c55c0d7e145	\\x94fa3db4fbf557b9031c97f474c05bd260dcca191df9d306ea304abc970513a3	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	10	\\x522f1a105387102d81e467ee9f4e0a6fa2e258b57aa1282de2a7f8113ec608f8e4b888425aefe2bda06b0c2108e9de5baec9f6dd63	\\xcb7630a7093a0aeb16f1b05670723900bb30817b4e0e3948aefc7fb0350ed0fa	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	11	\\xf68074df636087d240ddeb3d163066beeddc3067d0490fd0ce683fea809d27ef65814d9222627d8e512f326fcbb45e0e21c020ae40	\\xe600bc73b9190546c1be1de83d45780c11afbd279330c7299b3e3336cd506cfb	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	12	\\x44cc10d82d15a481b9500ab57bc85141c41df58ecf17f7dd35ab7e2b93e12e58a631833403c8e007c7ba4b28e16a844ea6f8931d4e	\\x42be5ffa469ad0108cb0ad54cd207535478859d73b95a7ddc58e6236b9cf783c	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	13	\\xa70e485a1cac1ae08457563a8d560f4beb249359948b1ae0374e11db44a26e73941353969363b5425f22b8962758d00932e0d836df	\\x9d44c554a30190473dea501b5b069fd47eb440c4e03817f8042d2b073bfe4b76	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	14	\\xddc7fb3c0d5f417caede394ffd2e04bcfc90df8691bee04a4e23e5afd00bbd38cd11441fd9ed59603e9ff06b585e492677217b3f1d	\\x9b6b6a1fe72a5d296f519016a59451be250b462bc0090160b4e5b1df669570a3	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	15	\\xf7e606a0ded775da4c17ae53ab105e44849d561d7e394afaf1816f2517d0944cd4d301fe16086462128ec4a46f21dd6499aea21e3c	\\x301dea37ddec0edbd2ef1c874e48fc8ef3281ad98b097c8e305cc0d8bd69efe3	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	16	\\x47b68a40ec1d3e9744e7b2a869dc89db58a5c35a311c8317f089000563a151ead5d28c0afafae93d2d3706dd7f2d1abc1a7080f9ea	\\x0a6b485eb700da70ad213b0cccccdddcdfe3a2d4337901e5a2f73293ea9d5b24	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	17	\\xffb627d947360e79e96f7efda71f6dba0bc3317fae85afc98e20a73a3f42376127ac7c1b8da6481a0dc8253cb77b7e560f48638d99	\\x334973a08a71f2c33f439c7c1c3826ef66c3036575633a9784c6ba54d56612d7	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	18	\\x0f9ea983afedcd61a41abdfd88c286ea51a7a1bf6263d053e402b4d4412649c832d283da2dee5d1470746fa15d47e41359d8724454	\\xcc01e03a38aea72a067ad04e1391552d8c3a06d205f3acc09bab780576f0ca3c	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	19	\\xb4b24820d3d8e91a172275bac7971888ecab4c742807ca944cd964315335223ac67746e0f25e0d968021e24721ac34e705206dbb47	\\x000cd4dc3e2aec26f66ffdf8749806e3a82e431e5507dd2c4bea8e02770798e0	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	20	\\x3a7e1b7e10b2ac27c28e0a15761e9323abda229ed9269c8c7649b50cd9e7188c7051a10672df5ff389345b118aa00051f5d33256c0	\\x6f9e3601cf1dcd44454495cd06546d21e9a14bd1ec0efd6ac4e77651d2891481	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	21	\\x7e8d7785bd46d22520293f77fe239a87879bb3d85c6a914952c2f99420b30498f995bd28655d1a797ab1b225e8aa80d091f4746e26	\\x6619586040a34fcef19991cd45e948e5883882702de7a1ba21f0695456fd91a0	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	22	\\x36747f487f4bbea975967e52bf4c052356fdd14c2aba7768a30beb60aae53eee234ccba9535a4e208f89f51ce464b744ae7c7b3058	\\x3fd4351bb3db58ba3126eb3e471dda16548f00ef8488d2874ca6e867d5f6f594	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	23	\\x526155fcc451c209f4dacbea0395552cc20fcc6997a74a09c242107ae7b7f6332848fd09f3ec2c89fca3090905c5cd9dfb87f13e09	\\x3ecd0fc2d2e75c87d65a7c3277055923524072c20aa68b2861287d5439628511	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	24	\\x42e9e2524ccfb8bd4683f30cc467c693888ec1782422489b32df36e2bfc042b64ba95bd8bad983297b3ac80faa6d9e4e3952be2b3e	\\x93f0347ae1e72196a868838e6767631a42245f9225d8f91af78779dc851c61ec	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	25	\\xbdbffdffceade65dc2ed3866beb21712c28d2f7eef0a4a3250be9509dd3b931b551fde8f8b7ba2a0c5b45a5a35e2b93131516bae72	\\x2129eea8d86169edfe702a3437271420678ddf713cbea40a4fc9aa04f219f738	upgrade-marketer	2026-12-02 20:47:37.641162+00
01a23882-fe29-7bef-a7dd-34daed7533ed	26	\\x597c2affa98b9069e55897fb39c8595fb62fc7c04bbd677e00a805fcc3f6bbd2103a9556522894123c42dfeae6d0debaa1ce4ca6f8	\\xb2d1c9b259c2b145225a5294c3bf2923ff884d6e12bf18a1f301ebf4664deeea	upgrade-marketer	2026-12-02 20:47:37.726439+00
01a23882-fe29-7bef-a7dd-34daed7533ed	27	\\x39396257f84f9b9047af9d4d7db5f6a2422d8ac238500a19ff5b89fba81938113fe414c4d3d7c55290a6a8f2d3467a8aeae764af58	\\x57a5093d0c8c0e4e5fd6f6c1b8b0d7305008351d0eb60ca9b20601fe9a1adb8d	upgrade-marketer	2026-12-02 20:47:37.726439+00
01a23882-fe29-7bef-a7dd-34daed7533ed	28	\\x87689220f909facbddff4e901a99120dae6ad2354bd6c2706e297c3c4751ec09ef78cfe81defc5fc34aac24224f4902658687bfa60	\\xd28ef1d649697b3f6f5c00a0d3e60fc39cb1001dd6b42fca3647b1a3381fff14	upgrade-marketer	2026-12-02 20:47:37.726439+00
01a23882-fe29-7bef-a7dd-34daed7533ed	29	\\x6e3d2b8b8cb0d373b0d57733032753fb86368504f434e9a75f279aa1246ccdb0d27ae2bf13547acf1f395f6f8997e2081b8dda69cb	\\x2efa857be7294ef0f9b0b3e4b35c77982f5c976a6dc4c50dcef178cba88503a1	upgrade-marketer	2026-12-02 20:47:37.726439+00
01a23882-fe29-7bef-a7dd-34daed7533ed	30	\\xec827501a895f1ac87aae0171ea39813e565907e2645de5a0397c6992c89ed9c2da75b3c91f466bed36ff4e8e66debb90a12764ffe	\\x290be91f91059018ed6d3e56c000717d068d314d592e2d28d8119768dfe83730	upgrade-marketer	2026-12-02 20:47:37.726439+00
\.


--
-- Data for Name: coupon_transfers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.coupon_transfers (transfer_id, coupon_id, campaign_id, from_shopper, to_shopper, transferred_at, counted) FROM stdin;
01a23883-7bd4-72df-811a-ddd3421db7c1	01a23883-3768-7be5-a58a-5cd871902549	01a23882-fcb3-7704-84cc-4ce5bc97f801	upgrade-shopper-10	upgrade-shopper-45	2026-12-02 20:47:50.740182+00	f
01a23883-7c20-7b6b-8f3e-ae1adb43133e	01a23883-1baa-79d7-857d-12631af40e2e	01a23882-fab3-7c84-922e-e63bcb454c40	upgrade-shopper-11	upgrade-shopper-41	2026-12-02 20:47:50.816269+00	t
01a23883-7c57-7f59-a97e-731a41c1f944	01a23883-37df-75a3-b57a-723cb6071171	01a23882-fcb3-7704-84cc-4ce5bc97f801	upgrade-shopper-12	upgrade-shopper-46	2026-12-02 20:47:50.87145+00	f
01a23883-7c67-770c-8f04-f8efd2671a34	01a23883-37df-75a3-b57a-723cb6071171	01a23882-fcb3-7704-84cc-4ce5bc97f801	upgrade-shopper-46	upgrade-shopper-44	2026-12-02 20:47:50.887978+00	f
\.


--
-- Data for Name: coupons; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.coupons (coupon_id, campaign_id, seq, shopper_id, shopper_slot, device_id, idempotency_key, code, issued_at, expires_at, claim_day, day_slot, shopper_bucket, device_slot, device_day_slot, account_slot, holder_id, balance) FROM stdin;
01a23882-f1ea-7b35-837e-6e38d48edfaf	01a23882-ee7c-723c-80eb-e891e8a0ea76	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-remind-01-1	PT5NA4J3VF3FJXAMZPXBAXK7	2026-12-02 20:47:15.434624+00	2026-12-02 20:48:25.434624+00	2026-12-02	1	7	\N	\N	\N	\N	\N
01a23882-f2b6-769c-b6c9-e64541714ce4	01a23882-ee7c-723c-80eb-e891e8a0ea76	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-remind-02-1	65T7RJ6N5Z2EXGVZ5KPHJE4X	2026-12-02 20:47:15.638338+00	2026-12-02 20:48:25.638338+00	2026-12-02	1	10	\N	\N	\N	\N	\N
01a23882-f2f7-7079-beab-757b335ab482	01a23882-ee7c-723c-80eb-e891e8a0ea76	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-remind-03-1	B4YW26JAASMZAF30V1JXBSC8	2026-12-02 20:47:15.703886+00	2026-12-02 20:48:25.703886+00	2026-12-02	1	13	\N	\N	\N	\N	\N
01a23882-f33b-779d-a8ca-a18bca5bb36a	01a23882-ee7c-723c-80eb-e891e8a0ea76	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-remind-04-1	3DFFF45ATXH7KGTQQ8HHJK4G	2026-12-02 20:47:15.771303+00	2026-12-02 20:48:25.771303+00	2026-12-02	1	8	\N	\N	\N	\N	\N
01a23882-f38d-771f-87e9-839111bc7098	01a23882-ee7c-723c-80eb-e891e8a0ea76	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-remind-05-1	R8SZDGYEPSJRVS7ZVQM93PFV	2026-12-02 20:47:15.853533+00	2026-12-02 20:48:25.853533+00	2026-12-02	1	11	\N	\N	\N	\N	\N
01a23882-f3d2-72a9-99b0-1cbaf1b18790	01a23882-ee7c-723c-80eb-e891e8a0ea76	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-remind-06-1	BN9CQZKSWHEKKARCZDT31EF5	2026-12-02 20:47:15.922913+00	2026-12-02 20:48:25.922913+00	2026-12-02	1	14	\N	\N	\N	\N	\N
01a23882-f478-7a37-bef1-dcb3597416a6	01a23882-ee7c-723c-80eb-e891e8a0ea76	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-remind-08-1	JTKJ44D30TKWKZH22JG3FNF7	2026-12-02 20:47:16.088503+00	2026-12-02 20:48:26.088503+00	2026-12-02	1	12	\N	\N	\N	\N	\N
01a23882-f4c1-70fe-af2a-5b5e9117a5ac	01a23882-f11b-7b3a-af8c-a8e6d2103727	1	upgrade-shopper-41	1	upgrade-device-41	upgrade-recycle-41-1	724PNN1KA7F9SPHW28QJ3TS0	2026-12-02 20:47:16.161332+00	2026-12-02 20:47:36.161332+00	2026-12-02	1	3	\N	\N	\N	\N	\N
01a23882-f503-747d-8312-c48e57013671	01a23882-f11b-7b3a-af8c-a8e6d2103727	2	upgrade-shopper-42	1	upgrade-device-42	upgrade-recycle-42-1	2P3H85WHRGGE059V7AV5KZ5X	2026-12-02 20:47:16.227611+00	2026-12-02 20:47:36.227611+00	2026-12-02	1	6	\N	\N	\N	\N	\N
01a23882-f544-7c26-80db-3121f94d2332	01a23882-f11b-7b3a-af8c-a8e6d2103727	3	upgrade-shopper-43	1	upgrade-device-43	upgrade-recycle-43-1	8CSSD08B8VHKKJRBSAW1EVGF	2026-12-02 20:47:16.292294+00	2026-12-02 20:47:36.292294+00	2026-12-02	1	9	\N	\N	\N	\N	\N
01a23882-f591-71be-b6b1-7d2864e61973	01a23882-f11b-7b3a-af8c-a8e6d2103727	4	upgrade-shopper-44	1	upgrade-device-44	upgrade-recycle-44-1	2F69EPRR6N0S4S5ZWRMN416X	2026-12-02 20:47:16.369757+00	2026-12-02 20:47:36.369757+00	2026-12-02	1	12	\N	\N	\N	\N	\N
01a23882-f5c9-72f9-b0d2-e87109f287fe	01a23882-f11b-7b3a-af8c-a8e6d2103727	5	upgrade-shopper-45	1	upgrade-device-45	upgrade-recycle-45-1	J6H7YG4BZSQ21D7WG9G3394X	2026-12-02 20:47:16.425504+00	2026-12-02 20:47:36.425504+00	2026-12-02	1	15	\N	\N	\N	\N	\N
01a23882-f664-7031-84bc-8ea382e90047	01a23882-f190-738d-9880-3a463c87855c	1	upgrade-shopper-26	1	upgrade-device-26	upgrade-schedend-26-1	ASGPEP1Z3JJD1P0DCFT4FYED	2026-12-02 20:47:16.580533+00	2099-12-31 00:00:00+00	2026-12-02	1	12	\N	\N	\N	\N	\N
01a23882-f6a6-7ff2-a5dc-1ecd9a911e99	01a23882-f190-738d-9880-3a463c87855c	2	upgrade-shopper-27	1	upgrade-device-27	upgrade-schedend-27-1	RT5T4SJVKGC619AMNRJ7F7K8	2026-12-02 20:47:16.646142+00	2099-12-31 00:00:00+00	2026-12-02	1	15	\N	\N	\N	\N	\N
01a23882-f6ee-7dfb-9732-890a772e3195	01a23882-f190-738d-9880-3a463c87855c	3	upgrade-shopper-28	1	upgrade-device-28	upgrade-schedend-28-1	F9VRK9S610K261CGMT022NBD	2026-12-02 20:47:16.718483+00	2099-12-31 00:00:00+00	2026-12-02	1	14	\N	\N	\N	\N	\N
01a23882-f736-7541-8c9f-6a60fae99315	01a23882-f190-738d-9880-3a463c87855c	4	upgrade-shopper-29	1	upgrade-device-29	upgrade-schedend-29-1	TPJSVY5R7FKGN5JX0MQW70KH	2026-12-02 20:47:16.790708+00	2099-12-31 00:00:00+00	2026-12-02	1	1	\N	\N	\N	\N	\N
01a23882-f775-70fe-a389-2245d27f1b25	01a23882-f190-738d-9880-3a463c87855c	5	upgrade-shopper-30	1	upgrade-device-30	upgrade-schedend-30-1	S0BPNF5G7J5CDGWXDNQ818VD	2026-12-02 20:47:16.85349+00	2099-12-31 00:00:00+00	2026-12-02	1	15	\N	\N	\N	\N	\N
01a23882-f7b8-7b4b-b198-0a0f010fc235	01a23882-f190-738d-9880-3a463c87855c	6	upgrade-shopper-31	1	upgrade-device-31	upgrade-schedend-31-1	V9JMV2DHH80J1E9FGHWC1V51	2026-12-02 20:47:16.920863+00	2099-12-31 00:00:00+00	2026-12-02	1	12	\N	\N	\N	\N	\N
01a23882-f808-714b-a39c-42ac1b3d9124	01a23882-f190-738d-9880-3a463c87855c	7	upgrade-shopper-32	1	upgrade-device-32	upgrade-schedend-32-1	Z7F9ZQJSFRF88TSSFMD80GY4	2026-12-02 20:47:17.000966+00	2099-12-31 00:00:00+00	2026-12-02	1	5	\N	\N	\N	\N	\N
01a23882-f85e-7e3c-a3e7-1cb74b81f076	01a23882-f190-738d-9880-3a463c87855c	8	upgrade-shopper-33	1	upgrade-device-33	upgrade-schedend-33-1	6397HXN13WBN1GSR2Z7PAQXM	2026-12-02 20:47:17.086404+00	2099-12-31 00:00:00+00	2026-12-02	1	2	\N	\N	\N	\N	\N
01a23882-f8ff-75d4-a53e-1e0a123c0db5	01a23882-f190-738d-9880-3a463c87855c	9	upgrade-shopper-34	1	upgrade-device-34	upgrade-schedend-34-1	RK10N6Y5BDXFTJ7E2AVFGKAD	2026-12-02 20:47:17.247163+00	2099-12-31 00:00:00+00	2026-12-02	1	3	\N	\N	\N	\N	\N
01a23882-f973-7f69-9912-8b233ab68698	01a23882-f190-738d-9880-3a463c87855c	10	upgrade-shopper-35	1	upgrade-device-35	upgrade-schedend-35-1	06Y3RM4EABMSCS1JF7ZWSGCF	2026-12-02 20:47:17.363327+00	2099-12-31 00:00:00+00	2026-12-02	1	0	\N	\N	\N	\N	\N
01a23883-0ba2-7371-bc7b-bdc46e18d901	01a23883-039d-7dfb-a67d-53bd7da2399a	1	upgrade-shopper-31	1	upgrade-device-31	upgrade-draftpub-31-1	N59WAVD6HF24407MJ9DTFZA4	2026-12-02 20:47:22.018853+00	2099-12-31 00:00:00+00	2026-12-02	2	12	\N	\N	\N	\N	\N
01a23883-0be8-71ad-8945-60ad2062dd15	01a23883-039d-7dfb-a67d-53bd7da2399a	2	upgrade-shopper-32	1	upgrade-device-32	upgrade-draftpub-32-1	F5ZRWC56Y77YHK6D10VCH3YV	2026-12-02 20:47:22.088136+00	2099-12-31 00:00:00+00	2026-12-02	2	5	\N	\N	\N	\N	\N
01a23883-0c28-7c8f-ae10-32eee9c49bd5	01a23883-039d-7dfb-a67d-53bd7da2399a	3	upgrade-shopper-33	1	upgrade-device-33	upgrade-draftpub-33-1	6KX1H8X5G96FNSAE4W5682HV	2026-12-02 20:47:22.152989+00	2099-12-31 00:00:00+00	2026-12-02	2	2	\N	\N	\N	\N	\N
01a23883-0c87-724e-bd93-55f9943f69cf	01a23883-039d-7dfb-a67d-53bd7da2399a	4	upgrade-shopper-34	1	upgrade-device-34	upgrade-draftpub-34-1	JQ6PNNQGS0QT69WKXY606W7R	2026-12-02 20:47:22.247838+00	2099-12-31 00:00:00+00	2026-12-02	2	3	\N	\N	\N	\N	\N
01a23883-0d18-738e-a9a8-b69a4547a6fd	01a23883-039d-7dfb-a67d-53bd7da2399a	5	upgrade-shopper-35	1	upgrade-device-35	upgrade-draftpub-35-1	FM554KW28P2H9SSQMNSZZQKM	2026-12-02 20:47:22.392331+00	2099-12-31 00:00:00+00	2026-12-02	2	0	\N	\N	\N	\N	\N
01a23883-0d70-7483-9fcb-90b75b5fa7be	01a23883-039d-7dfb-a67d-53bd7da2399a	6	upgrade-shopper-36	1	upgrade-device-36	upgrade-draftpub-36-1	C407Q8632X6928B7W2BBPT44	2026-12-02 20:47:22.480059+00	2099-12-31 00:00:00+00	2026-12-02	1	9	\N	\N	\N	\N	\N
01a23883-0de2-78ff-8a30-db52018320aa	01a23883-039d-7dfb-a67d-53bd7da2399a	7	upgrade-shopper-37	1	upgrade-device-37	upgrade-draftpub-37-1	WEY5AHJBJWV3NM5KPM9BH2JT	2026-12-02 20:47:22.59424+00	2099-12-31 00:00:00+00	2026-12-02	1	6	\N	\N	\N	\N	\N
01a23883-0e1f-7b27-8800-a69d71c21603	01a23883-039d-7dfb-a67d-53bd7da2399a	8	upgrade-shopper-38	1	upgrade-device-38	upgrade-draftpub-38-1	YCDC78N99B4PDS4TZN8ASDH7	2026-12-02 20:47:22.65594+00	2099-12-31 00:00:00+00	2026-12-02	1	7	\N	\N	\N	\N	\N
01a23883-0e80-74e0-ad82-af20203424a6	01a23883-039d-7dfb-a67d-53bd7da2399a	9	upgrade-shopper-39	1	upgrade-device-39	upgrade-draftpub-39-1	DYCX9Z95F0Q5VPYEAS17RS5N	2026-12-02 20:47:22.752861+00	2099-12-31 00:00:00+00	2026-12-02	1	4	\N	\N	\N	\N	\N
01a23883-0efd-709d-bfcf-6b5bba8c7621	01a23883-039d-7dfb-a67d-53bd7da2399a	10	upgrade-shopper-40	1	upgrade-device-40	upgrade-draftpub-40-1	7H8W3M9JKF3WHZPFXX43C7AQ	2026-12-02 20:47:22.877716+00	2099-12-31 00:00:00+00	2026-12-02	1	0	\N	\N	\N	\N	\N
01a23883-1024-74cf-ae52-b4712abda1bd	01a23883-0ff7-77aa-a6cd-df55b639e3bd	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-early-01-1	GSNKYWRVQWQ21W6AQ7JQHZV1	2026-12-02 20:47:23.172743+00	2099-12-31 00:00:00+00	2026-12-02	2	7	\N	\N	\N	\N	\N
01a23883-1069-7cf8-b925-253ca84f1a63	01a23883-0ff7-77aa-a6cd-df55b639e3bd	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-early-02-1	SQ2VH7CYCWZ8Q29FG7200RWC	2026-12-02 20:47:23.241668+00	2099-12-31 00:00:00+00	2026-12-02	2	10	\N	\N	\N	\N	\N
01a23883-10b0-77ad-92b5-668a739ea7fa	01a23883-0ff7-77aa-a6cd-df55b639e3bd	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-early-03-1	NEHNTPM30V7ZW9EBZN6BNBGS	2026-12-02 20:47:23.312213+00	2099-12-31 00:00:00+00	2026-12-02	2	13	\N	\N	\N	\N	\N
01a23883-110b-75d8-bec5-4228c3c96666	01a23883-0ff7-77aa-a6cd-df55b639e3bd	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-early-04-1	P9RCNM7VK500F0H1Z8AR00TR	2026-12-02 20:47:23.403111+00	2099-12-31 00:00:00+00	2026-12-02	2	8	\N	\N	\N	\N	\N
01a23883-1186-7461-936d-5a92d94dfbad	01a23883-0ff7-77aa-a6cd-df55b639e3bd	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-early-05-1	BF9Q8RMYKC9G1C0XMVEE3Q06	2026-12-02 20:47:23.526305+00	2099-12-31 00:00:00+00	2026-12-02	2	11	\N	\N	\N	\N	\N
01a23883-1206-7d44-a5cd-bdda50a4e71f	01a23883-0ff7-77aa-a6cd-df55b639e3bd	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-early-06-1	2FVRBX736T58WK3XBPRMKPH8	2026-12-02 20:47:23.654403+00	2099-12-31 00:00:00+00	2026-12-02	2	14	\N	\N	\N	\N	\N
01a23883-18ed-7a27-bfbe-eea89a62a7cd	01a23882-fab3-7c84-922e-e63bcb454c40	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-fixed-01-1	SARKP6DBPD5QXVBC37PC4CVQ	2026-12-02 20:47:25.421241+00	2099-12-31 00:00:00+00	2026-12-02	3	7	\N	\N	\N	\N	\N
01a23882-f417-7efe-873b-278d2fec8fd0	01a23882-ee7c-723c-80eb-e891e8a0ea76	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-remind-07-1	JE8VZ2675AX5D6JX02560E1J	2026-12-02 20:47:15.991036+00	2026-12-02 20:48:25.991036+00	2026-12-02	1	1	\N	\N	\N	\N	\N
01a23883-19a4-7b4d-942e-fdbacd466dda	01a23882-fab3-7c84-922e-e63bcb454c40	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-fixed-03-1	V8XEWSCPZRPSEX2FZF6WXR3Y	2026-12-02 20:47:25.604407+00	2099-12-31 00:00:00+00	2026-12-02	3	13	\N	\N	\N	\N	\N
01a23883-19d4-76d8-a721-053b2e6bbedc	01a23882-fab3-7c84-922e-e63bcb454c40	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-fixed-04-1	ZR31FSCFE29FJYDQD7G84AMG	2026-12-02 20:47:25.652961+00	2099-12-31 00:00:00+00	2026-12-02	3	8	\N	\N	\N	\N	\N
01a23883-1a05-71fe-a6a3-d33959b81f24	01a23882-fab3-7c84-922e-e63bcb454c40	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-fixed-05-1	Z4ZRF7AD14DAC8ZCT408ZJ31	2026-12-02 20:47:25.701002+00	2099-12-31 00:00:00+00	2026-12-02	3	11	\N	\N	\N	\N	\N
01a23883-1a3e-7958-816a-f64e0a7e28aa	01a23882-fab3-7c84-922e-e63bcb454c40	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-fixed-06-1	8G9D9ZRYA3EVFFMV5HS7EYA3	2026-12-02 20:47:25.75856+00	2099-12-31 00:00:00+00	2026-12-02	3	14	\N	\N	\N	\N	\N
01a23883-1b05-721b-bdad-4f50b13f9770	01a23882-fab3-7c84-922e-e63bcb454c40	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-fixed-08-1	463EXXZ2GMHJ3EZ1K372AH3J	2026-12-02 20:47:25.957607+00	2099-12-31 00:00:00+00	2026-12-02	2	12	\N	\N	\N	\N	\N
01a23883-1b37-78da-b61a-7a7515e6bc76	01a23882-fab3-7c84-922e-e63bcb454c40	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-fixed-09-1	HTA8QPX3RARSV5DXHB5X4S7T	2026-12-02 20:47:26.007189+00	2099-12-31 00:00:00+00	2026-12-02	1	15	\N	\N	\N	\N	\N
01a23883-1b65-7d26-a4ab-e6d5b06bd694	01a23882-fab3-7c84-922e-e63bcb454c40	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-fixed-10-1	HBY24998S8NKJ2XFMBK2B78Y	2026-12-02 20:47:26.053254+00	2099-12-31 00:00:00+00	2026-12-02	1	13	\N	\N	\N	\N	\N
01a23883-1c31-7460-b8b9-9e56dba50b08	01a23882-fab3-7c84-922e-e63bcb454c40	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-fixed-12-1	1QNB7KZGACPNKFS5NRWA64FH	2026-12-02 20:47:26.257425+00	2099-12-31 00:00:00+00	2026-12-02	1	7	\N	\N	\N	\N	\N
01a23883-1c75-7490-b9dc-ce28b5de0f25	01a23882-fab3-7c84-922e-e63bcb454c40	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-fixed-13-1	6HKYX7VRNJGYYRB0QRYBAQJH	2026-12-02 20:47:26.3257+00	2099-12-31 00:00:00+00	2026-12-02	1	4	\N	\N	\N	\N	\N
01a23883-1cb0-7bd8-808e-0c1fe69e1df7	01a23882-fab3-7c84-922e-e63bcb454c40	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-fixed-14-1	ZYRYF0E12HJFTC226T4GBCP9	2026-12-02 20:47:26.384878+00	2099-12-31 00:00:00+00	2026-12-02	1	1	\N	\N	\N	\N	\N
01a23883-1ced-71e4-8352-bf9348b59446	01a23882-fab3-7c84-922e-e63bcb454c40	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-fixed-15-1	QZV5V16SPQRY9A3FJ1SRE4QS	2026-12-02 20:47:26.445336+00	2099-12-31 00:00:00+00	2026-12-02	1	14	\N	\N	\N	\N	\N
01a23883-1d32-7824-890b-11243ec98abd	01a23882-fab3-7c84-922e-e63bcb454c40	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-fixed-16-1	GYDHDM9T8XVJBNAC2H9QTZMP	2026-12-02 20:47:26.514302+00	2099-12-31 00:00:00+00	2026-12-02	1	11	\N	\N	\N	\N	\N
01a23883-1d9a-7e92-9afa-6c6a314081d1	01a23882-fab3-7c84-922e-e63bcb454c40	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-fixed-17-1	G90NG79B6G81QKEFJ9XWEA8V	2026-12-02 20:47:26.618254+00	2099-12-31 00:00:00+00	2026-12-02	1	8	\N	\N	\N	\N	\N
01a23883-1e28-7299-b32a-87bee0debef0	01a23882-fab3-7c84-922e-e63bcb454c40	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-fixed-18-1	ERFR4YFGC8RTTYPWRYNNN63V	2026-12-02 20:47:26.760536+00	2099-12-31 00:00:00+00	2026-12-02	1	5	\N	\N	\N	\N	\N
01a23883-1e9d-7042-92e6-067f8f5f6608	01a23882-fab3-7c84-922e-e63bcb454c40	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-fixed-19-1	KEX66AFTC19170DXDDKNW0MB	2026-12-02 20:47:26.877678+00	2099-12-31 00:00:00+00	2026-12-02	1	2	\N	\N	\N	\N	\N
01a23883-1eef-780a-baa1-f851e38842c4	01a23882-fab3-7c84-922e-e63bcb454c40	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-fixed-20-1	7GPH0V86PWV0Z4B4Y16QFF95	2026-12-02 20:47:26.959323+00	2099-12-31 00:00:00+00	2026-12-02	1	6	\N	\N	\N	\N	\N
01a23883-1f1d-79e5-a2a9-6c57c16a551b	01a23882-fab3-7c84-922e-e63bcb454c40	21	upgrade-shopper-21	1	upgrade-device-21	upgrade-fixed-21-1	AEYTDHSV5TP7NMJ0R3W1Z3GB	2026-12-02 20:47:27.005671+00	2099-12-31 00:00:00+00	2026-12-02	1	9	\N	\N	\N	\N	\N
01a23883-1f6e-7f53-8085-e2090af2d0c8	01a23882-fab3-7c84-922e-e63bcb454c40	22	upgrade-shopper-22	1	upgrade-device-22	upgrade-fixed-22-1	0DRY2GBM0DH55PNM0BSCXA4S	2026-12-02 20:47:27.086492+00	2099-12-31 00:00:00+00	2026-12-02	1	0	\N	\N	\N	\N	\N
01a23883-1fc2-76d5-bfee-aaaa74c5c6bd	01a23882-fab3-7c84-922e-e63bcb454c40	23	upgrade-shopper-23	1	upgrade-device-23	upgrade-fixed-23-1	KW4QYVVJ3AJVM7C72EMTBM7B	2026-12-02 20:47:27.170415+00	2099-12-31 00:00:00+00	2026-12-02	1	3	\N	\N	\N	\N	\N
01a23883-1ff1-72d9-93e3-9d26c55b99cc	01a23882-fab3-7c84-922e-e63bcb454c40	24	upgrade-shopper-24	1	upgrade-device-24	upgrade-fixed-24-1	XM3N0TZD9HS5CFW5H744A1HS	2026-12-02 20:47:27.217833+00	2099-12-31 00:00:00+00	2026-12-02	1	2	\N	\N	\N	\N	\N
01a23883-2023-784a-952f-04fb98d588fe	01a23882-fab3-7c84-922e-e63bcb454c40	25	upgrade-shopper-25	1	upgrade-device-25	upgrade-fixed-25-1	X3VPZ0WA7WA623F8YPSJ0N6S	2026-12-02 20:47:27.2672+00	2099-12-31 00:00:00+00	2026-12-02	1	5	\N	\N	\N	\N	\N
01a23883-2053-7ef9-a141-84585b738f0a	01a23882-fab3-7c84-922e-e63bcb454c40	26	upgrade-shopper-26	1	upgrade-device-26	upgrade-fixed-26-1	ZW6R40CZVDFB810W2WWBVVQA	2026-12-02 20:47:27.315184+00	2099-12-31 00:00:00+00	2026-12-02	2	12	\N	\N	\N	\N	\N
01a23883-207d-7c46-afad-a824f1fb9971	01a23882-fab3-7c84-922e-e63bcb454c40	27	upgrade-shopper-27	1	upgrade-device-27	upgrade-fixed-27-1	39FGGARQYFFDM6289T22BZVP	2026-12-02 20:47:27.357625+00	2099-12-31 00:00:00+00	2026-12-02	2	15	\N	\N	\N	\N	\N
01a23883-20a9-7d5e-af65-18ad1053bfe6	01a23882-fab3-7c84-922e-e63bcb454c40	28	upgrade-shopper-28	1	upgrade-device-28	upgrade-fixed-28-1	QX1282Q93SRN6Z4AQJSDVAYA	2026-12-02 20:47:27.401687+00	2099-12-31 00:00:00+00	2026-12-02	2	14	\N	\N	\N	\N	\N
01a23883-20e5-7d21-ac5b-386481bf252b	01a23882-fab3-7c84-922e-e63bcb454c40	29	upgrade-shopper-29	1	upgrade-device-29	upgrade-fixed-29-1	C2GH3NZY0D8DBFXK8Z97S7GC	2026-12-02 20:47:27.461147+00	2099-12-31 00:00:00+00	2026-12-02	2	1	\N	\N	\N	\N	\N
01a23883-2114-7e2e-b808-da9e5d46046f	01a23882-fab3-7c84-922e-e63bcb454c40	30	upgrade-shopper-30	1	upgrade-device-30	upgrade-fixed-30-1	03BX9XJK0SY0D5E8S3SZC7DV	2026-12-02 20:47:27.508893+00	2099-12-31 00:00:00+00	2026-12-02	2	15	\N	\N	\N	\N	\N
01a23883-218c-7ddc-86bc-9f2933d677e3	01a23882-fab3-7c84-922e-e63bcb454c40	31	upgrade-shopper-31	1	upgrade-device-31	upgrade-fixed-31-1	GTMVE8MVMN6VA43H2RWBMS0H	2026-12-02 20:47:27.628511+00	2099-12-31 00:00:00+00	2026-12-02	3	12	\N	\N	\N	\N	\N
01a23883-21ff-7f5f-9268-6d1726ff10b5	01a23882-fab3-7c84-922e-e63bcb454c40	32	upgrade-shopper-32	1	upgrade-device-32	upgrade-fixed-32-1	14X0GCZ08A1TAC5V9BQXE93T	2026-12-02 20:47:27.74304+00	2099-12-31 00:00:00+00	2026-12-02	3	5	\N	\N	\N	\N	\N
01a23883-226e-7d0a-ae26-ef1fd0929bcd	01a23882-fab3-7c84-922e-e63bcb454c40	33	upgrade-shopper-33	1	upgrade-device-33	upgrade-fixed-33-1	RGRNXFF4SX5NZBNBKG9Q85M1	2026-12-02 20:47:27.854977+00	2099-12-31 00:00:00+00	2026-12-02	3	2	\N	\N	\N	\N	\N
01a23883-22ac-7b69-99e2-f1ca03fcbffc	01a23882-fab3-7c84-922e-e63bcb454c40	34	upgrade-shopper-34	1	upgrade-device-34	upgrade-fixed-34-1	QZD3AGZTKJE1MG3MCR02CSC7	2026-12-02 20:47:27.916552+00	2099-12-31 00:00:00+00	2026-12-02	3	3	\N	\N	\N	\N	\N
01a23883-22eb-74b2-ad0b-d184a821803f	01a23882-fab3-7c84-922e-e63bcb454c40	35	upgrade-shopper-35	1	upgrade-device-35	upgrade-fixed-35-1	TTJV17CAKXYDREVB03YEX6P7	2026-12-02 20:47:27.979157+00	2099-12-31 00:00:00+00	2026-12-02	3	0	\N	\N	\N	\N	\N
01a23883-2347-7d41-925f-3d62e0667e17	01a23882-fab3-7c84-922e-e63bcb454c40	36	upgrade-shopper-36	1	upgrade-device-36	upgrade-fixed-36-1	WQ574YR5D8GC3SQPTJWK0XHV	2026-12-02 20:47:28.071432+00	2099-12-31 00:00:00+00	2026-12-02	2	9	\N	\N	\N	\N	\N
01a23883-2383-7015-afee-20e3f09a3f72	01a23882-fab3-7c84-922e-e63bcb454c40	37	upgrade-shopper-37	1	upgrade-device-37	upgrade-fixed-37-1	ZRZ163AMWKN20TQGS1C63W18	2026-12-02 20:47:28.131172+00	2099-12-31 00:00:00+00	2026-12-02	2	6	\N	\N	\N	\N	\N
01a23883-23b2-7647-92e0-003ed9e559f8	01a23882-fab3-7c84-922e-e63bcb454c40	38	upgrade-shopper-38	1	upgrade-device-38	upgrade-fixed-38-1	663E4S0WXPXMMTY79X25DZ3A	2026-12-02 20:47:28.178411+00	2099-12-31 00:00:00+00	2026-12-02	2	7	\N	\N	\N	\N	\N
01a23883-23dd-7a6a-9e31-3e5bad4733f7	01a23882-fab3-7c84-922e-e63bcb454c40	39	upgrade-shopper-39	1	upgrade-device-39	upgrade-fixed-39-1	DCXHP2MAFMJR4RXD8RQ41CDR	2026-12-02 20:47:28.221779+00	2099-12-31 00:00:00+00	2026-12-02	2	4	\N	\N	\N	\N	\N
01a23883-240f-7c5a-9ae5-d871d0b7d3d7	01a23882-fab3-7c84-922e-e63bcb454c40	40	upgrade-shopper-40	1	upgrade-device-40	upgrade-fixed-40-1	FTV3XY3YFQNZ88K4WG1RJHED	2026-12-02 20:47:28.27128+00	2099-12-31 00:00:00+00	2026-12-02	2	0	\N	\N	\N	\N	\N
01a23883-247b-76da-a968-15c88154c5fe	01a23882-fab3-7c84-922e-e63bcb454c40	41	upgrade-shopper-01	2	upgrade-device-01	upgrade-fixed-01-2	0BGG36RC1Q5FDB2GGKQ94CEQ	2026-12-02 20:47:28.379342+00	2099-12-31 00:00:00+00	2026-12-02	4	7	\N	\N	\N	\N	\N
01a23883-24b3-7f77-9aac-3d919b0ec1b2	01a23882-fab3-7c84-922e-e63bcb454c40	42	upgrade-shopper-02	2	upgrade-device-02	upgrade-fixed-02-2	JDNZAKYXYVCFDNP1XB4SD85T	2026-12-02 20:47:28.43507+00	2099-12-31 00:00:00+00	2026-12-02	4	10	\N	\N	\N	\N	\N
01a23883-24ed-7eec-b5ec-449e61f0351f	01a23882-fab3-7c84-922e-e63bcb454c40	43	upgrade-shopper-03	2	upgrade-device-03	upgrade-fixed-03-2	9MD1APZJNWAGRXNBYDSMMBVJ	2026-12-02 20:47:28.4936+00	2099-12-31 00:00:00+00	2026-12-02	4	13	\N	\N	\N	\N	\N
01a23883-1baa-79d7-857d-12631af40e2e	01a23882-fab3-7c84-922e-e63bcb454c40	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-fixed-11-1	F6XPP1GJ6J08NYSJ39XXF1MJ	2026-12-02 20:47:26.122542+00	2099-12-31 00:00:00+00	2026-12-02	1	10	\N	\N	\N	upgrade-shopper-41	\N
01a23883-251a-7a8a-aca5-f69b43adb4c4	01a23882-fab3-7c84-922e-e63bcb454c40	44	upgrade-shopper-04	2	upgrade-device-04	upgrade-fixed-04-2	HTP7DW29R9VB9XHXDDNCTRW2	2026-12-02 20:47:28.538737+00	2099-12-31 00:00:00+00	2026-12-02	4	8	\N	\N	\N	\N	\N
01a23883-257e-78e3-b001-50a54702fc12	01a23882-fab3-7c84-922e-e63bcb454c40	46	upgrade-shopper-06	2	upgrade-device-06	upgrade-fixed-06-2	9XX9B7C6J2S7QERCATG107MT	2026-12-02 20:47:28.638699+00	2099-12-31 00:00:00+00	2026-12-02	4	14	\N	\N	\N	\N	\N
01a23883-25db-79e2-b180-0f7c10e14e6b	01a23882-fab3-7c84-922e-e63bcb454c40	48	upgrade-shopper-08	2	upgrade-device-08	upgrade-fixed-08-2	3B3HM35E23K01M3C509ZXFQ8	2026-12-02 20:47:28.731349+00	2099-12-31 00:00:00+00	2026-12-02	3	12	\N	\N	\N	\N	\N
01a23883-283e-7dad-94de-0fa8ec2efe8c	01a23882-fb73-74ec-8374-3ac25e728987	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-percent-02-1	4NWNJFJSA1B2430CTBQZ5N12	2026-12-02 20:47:29.342862+00	2099-12-31 00:00:00+00	2026-12-02	5	10	\N	\N	\N	\N	\N
01a23883-28af-7b31-8495-c6cf50e05ef7	01a23882-fb73-74ec-8374-3ac25e728987	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-percent-04-1	C3QC8SB1ZQPXNATY8YBQ79AE	2026-12-02 20:47:29.455091+00	2099-12-31 00:00:00+00	2026-12-02	5	8	\N	\N	\N	\N	\N
01a23883-28ff-7d15-bc7d-1b8df2539aa4	01a23882-fb73-74ec-8374-3ac25e728987	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-percent-06-1	H41ZYCFKCC7CEFXGN2K4EQ78	2026-12-02 20:47:29.535199+00	2099-12-31 00:00:00+00	2026-12-02	5	14	\N	\N	\N	\N	\N
01a23883-294d-77a5-9cd0-21020119a59a	01a23882-fb73-74ec-8374-3ac25e728987	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-percent-08-1	T5S8BVVC4X9HN3123ZDS3W2Q	2026-12-02 20:47:29.613751+00	2099-12-31 00:00:00+00	2026-12-02	4	12	\N	\N	\N	\N	\N
01a23883-29a7-72a7-a919-751716701107	01a23882-fb73-74ec-8374-3ac25e728987	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-percent-10-1	8FTAMF0G80P3GZ71EREW8W8K	2026-12-02 20:47:29.703416+00	2099-12-31 00:00:00+00	2026-12-02	3	13	\N	\N	\N	\N	\N
01a23883-29fc-735e-a408-0f3a8db37b46	01a23882-fb73-74ec-8374-3ac25e728987	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-percent-12-1	NJ196DZTE1FB7DTXPF9FG5EV	2026-12-02 20:47:29.788329+00	2099-12-31 00:00:00+00	2026-12-02	2	7	\N	\N	\N	\N	\N
01a23883-2a52-754c-84e0-0bbccfe4b94b	01a23882-fb73-74ec-8374-3ac25e728987	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-percent-14-1	KE88AAH8TNNXHRYDM46DGNT6	2026-12-02 20:47:29.8745+00	2099-12-31 00:00:00+00	2026-12-02	2	1	\N	\N	\N	\N	\N
01a23883-2ad3-709b-ab9a-49ee0c199e9d	01a23882-fb73-74ec-8374-3ac25e728987	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-percent-17-1	6DBECKNV57AGC0BYSWJT7DHD	2026-12-02 20:47:30.0031+00	2099-12-31 00:00:00+00	2026-12-02	2	8	\N	\N	\N	\N	\N
01a23883-2b4b-71bc-830a-4506a1bea831	01a23882-fb73-74ec-8374-3ac25e728987	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-percent-19-1	WSE82RHYTC377JKNHXGRXSHV	2026-12-02 20:47:30.123577+00	2099-12-31 00:00:00+00	2026-12-02	2	2	\N	\N	\N	\N	\N
01a23883-2bb5-7a06-a6da-0b397641f41f	01a23882-fb73-74ec-8374-3ac25e728987	21	upgrade-shopper-21	1	upgrade-device-21	upgrade-percent-21-1	XZD7BYQKYVBJRMRVXRMXRR45	2026-12-02 20:47:30.229407+00	2099-12-31 00:00:00+00	2026-12-02	2	9	\N	\N	\N	\N	\N
01a23883-2c18-7c3d-9244-3e25bf898017	01a23882-fb73-74ec-8374-3ac25e728987	23	upgrade-shopper-23	1	upgrade-device-23	upgrade-percent-23-1	B15MT4Z5YNDF508FQ0E7VCP7	2026-12-02 20:47:30.328325+00	2099-12-31 00:00:00+00	2026-12-02	2	3	\N	\N	\N	\N	\N
01a23883-2c6e-7a02-b34a-8101f39f7189	01a23882-fb73-74ec-8374-3ac25e728987	25	upgrade-shopper-25	1	upgrade-device-25	upgrade-percent-25-1	AT24FPQNMVY2NGXRDR02Q3FF	2026-12-02 20:47:30.414895+00	2099-12-31 00:00:00+00	2026-12-02	2	5	\N	\N	\N	\N	\N
01a23883-2cc7-7c3a-ac1a-682f86b69548	01a23882-fb73-74ec-8374-3ac25e728987	27	upgrade-shopper-27	1	upgrade-device-27	upgrade-percent-27-1	0B8C9ZD3H50AT0V8VQAWRNZY	2026-12-02 20:47:30.503225+00	2099-12-31 00:00:00+00	2026-12-02	3	15	\N	\N	\N	\N	\N
01a23883-2d25-7c56-9fc9-011305a6d4a7	01a23882-fb73-74ec-8374-3ac25e728987	29	upgrade-shopper-29	1	upgrade-device-29	upgrade-percent-29-1	XN1Q8HRYFFHP3C9Z4XWQDMXM	2026-12-02 20:47:30.597303+00	2099-12-31 00:00:00+00	2026-12-02	3	1	\N	\N	\N	\N	\N
01a23883-2e2a-7dd4-898c-5a837fec247e	01a23882-fc1e-77b6-b370-d29ca7c21b75	1	upgrade-shopper-11	1	upgrade-device-11	upgrade-threshold-11-1	ZGB849T0TZYD5GQ8DPAV3RRA	2026-12-02 20:47:30.858397+00	2099-12-31 00:00:00+00	2026-12-02	3	10	\N	\N	\N	\N	\N
01a23883-2ea0-7628-a271-e25d738edacc	01a23882-fc1e-77b6-b370-d29ca7c21b75	3	upgrade-shopper-13	1	upgrade-device-13	upgrade-threshold-13-1	7PHH7SESV3XF2FNXK8Q0JC9C	2026-12-02 20:47:30.976876+00	2099-12-31 00:00:00+00	2026-12-02	3	4	\N	\N	\N	\N	\N
01a23883-2f14-70e1-ae34-63fe45320731	01a23882-fc1e-77b6-b370-d29ca7c21b75	5	upgrade-shopper-15	1	upgrade-device-15	upgrade-threshold-15-1	SEVB233AQZ27ECBVAYEPJ1W7	2026-12-02 20:47:31.09256+00	2099-12-31 00:00:00+00	2026-12-02	3	14	\N	\N	\N	\N	\N
01a23883-2f84-7786-88af-1ef085c6e960	01a23882-fc1e-77b6-b370-d29ca7c21b75	7	upgrade-shopper-17	1	upgrade-device-17	upgrade-threshold-17-1	QCC6JEG65SWYS7GSJV46XAAW	2026-12-02 20:47:31.204542+00	2099-12-31 00:00:00+00	2026-12-02	3	8	\N	\N	\N	\N	\N
01a23883-3004-729d-a084-7ef8e3adf7a1	01a23882-fc1e-77b6-b370-d29ca7c21b75	9	upgrade-shopper-19	1	upgrade-device-19	upgrade-threshold-19-1	YYWADWR2VD9R254DSC4N004H	2026-12-02 20:47:31.332844+00	2099-12-31 00:00:00+00	2026-12-02	3	2	\N	\N	\N	\N	\N
01a23883-3066-76b7-a3dd-6a3be5d67402	01a23882-fc1e-77b6-b370-d29ca7c21b75	11	upgrade-shopper-21	1	upgrade-device-21	upgrade-threshold-21-1	0DJNJZWXD167FGYYFPJNPQHM	2026-12-02 20:47:31.430858+00	2099-12-31 00:00:00+00	2026-12-02	3	9	\N	\N	\N	\N	\N
01a23883-30d4-76be-b8e7-3d46313ac0ae	01a23882-fc1e-77b6-b370-d29ca7c21b75	13	upgrade-shopper-23	1	upgrade-device-23	upgrade-threshold-23-1	P0D9C8HNJ4Y585JE8N6Q7KA8	2026-12-02 20:47:31.540595+00	2099-12-31 00:00:00+00	2026-12-02	3	3	\N	\N	\N	\N	\N
01a23883-3145-7042-b858-1b4293f02d15	01a23882-fc1e-77b6-b370-d29ca7c21b75	15	upgrade-shopper-25	1	upgrade-device-25	upgrade-threshold-25-1	63KPQ9D175AKH6EMXS8AZR2R	2026-12-02 20:47:31.65389+00	2099-12-31 00:00:00+00	2026-12-02	3	5	\N	\N	\N	\N	\N
01a23883-31d5-79c9-ad98-b1cfb2a75ab7	01a23882-fc1e-77b6-b370-d29ca7c21b75	17	upgrade-shopper-27	1	upgrade-device-27	upgrade-threshold-27-1	4ZRWBNDC02JCQ78ZZRT4211X	2026-12-02 20:47:31.797397+00	2099-12-31 00:00:00+00	2026-12-02	4	15	\N	\N	\N	\N	\N
01a23883-325b-7f0e-9aa4-3564b0339fbe	01a23882-fc1e-77b6-b370-d29ca7c21b75	19	upgrade-shopper-29	1	upgrade-device-29	upgrade-threshold-29-1	Y3FE4GMX5RDRNTNW7D35D3MG	2026-12-02 20:47:31.93147+00	2099-12-31 00:00:00+00	2026-12-02	4	1	\N	\N	\N	\N	\N
01a23883-32db-7dbb-8166-2797695b4ab0	01a23882-fc1e-77b6-b370-d29ca7c21b75	21	upgrade-shopper-31	1	upgrade-device-31	upgrade-threshold-31-1	9RSGC2G95AWWVGS1YFVTS8N0	2026-12-02 20:47:32.059658+00	2099-12-31 00:00:00+00	2026-12-02	4	12	\N	\N	\N	\N	\N
01a23883-3359-716b-a341-46994306c0fb	01a23882-fc1e-77b6-b370-d29ca7c21b75	23	upgrade-shopper-33	1	upgrade-device-33	upgrade-threshold-33-1	9JVN4BES8NY0KJH97DYXQWPM	2026-12-02 20:47:32.185248+00	2099-12-31 00:00:00+00	2026-12-02	4	2	\N	\N	\N	\N	\N
01a23883-33d8-7f66-abff-725d78d25287	01a23882-fc1e-77b6-b370-d29ca7c21b75	25	upgrade-shopper-35	1	upgrade-device-35	upgrade-threshold-35-1	QSBT3WBPQH2JWYW476NZYA0A	2026-12-02 20:47:32.312475+00	2099-12-31 00:00:00+00	2026-12-02	4	0	\N	\N	\N	\N	\N
01a23883-3458-7c93-b35d-bcef5967902f	01a23882-fc1e-77b6-b370-d29ca7c21b75	27	upgrade-shopper-37	1	upgrade-device-37	upgrade-threshold-37-1	3V6EZJQ9W66G9W6GKZ2MNYZZ	2026-12-02 20:47:32.440924+00	2099-12-31 00:00:00+00	2026-12-02	3	6	\N	\N	\N	\N	\N
01a23883-34d7-7a01-b88a-425889ba05bf	01a23882-fc1e-77b6-b370-d29ca7c21b75	29	upgrade-shopper-39	1	upgrade-device-39	upgrade-threshold-39-1	8YEZ2BZ6T8Y1DBR0P8ASKCMC	2026-12-02 20:47:32.56747+00	2099-12-31 00:00:00+00	2026-12-02	3	4	\N	\N	\N	\N	\N
01a23883-3552-7564-82a5-dac219097451	01a23882-fcb3-7704-84cc-4ce5bc97f801	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-gift-01-1	286J8MTK0R7XY6M916YWTWJZ	2026-12-02 20:47:32.690733+00	2099-12-31 00:00:00+00	2026-12-02	6	7	\N	\N	\N	\N	\N
01a23883-36b2-7cb6-ae02-0bfae8d8179d	01a23882-fcb3-7704-84cc-4ce5bc97f801	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-gift-07-1	DFYFHFHYZD2EDYWRKJSC94JF	2026-12-02 20:47:33.04212+00	2099-12-31 00:00:00+00	2026-12-02	5	1	\N	\N	\N	\N	\N
01a23883-372a-7ab5-a838-cc1a6df68fba	01a23882-fcb3-7704-84cc-4ce5bc97f801	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-gift-09-1	9PVH7C8XRYEASQA39W57HMQF	2026-12-02 20:47:33.162819+00	2099-12-31 00:00:00+00	2026-12-02	4	15	\N	\N	\N	\N	\N
01a23883-37a0-78e9-8418-92f5936b1d96	01a23882-fcb3-7704-84cc-4ce5bc97f801	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-gift-11-1	61Y6EYA7V98AJHZ3896FCN44	2026-12-02 20:47:33.280769+00	2099-12-31 00:00:00+00	2026-12-02	4	10	\N	\N	\N	\N	\N
01a23883-3820-733b-9588-b86aa8b6ce38	01a23882-fcb3-7704-84cc-4ce5bc97f801	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-gift-13-1	M6D42MZ0P9V13TW14HMF4VX6	2026-12-02 20:47:33.408264+00	2099-12-31 00:00:00+00	2026-12-02	4	4	\N	\N	\N	\N	\N
01a23883-38a1-7f6c-9c8b-87a07b2b120c	01a23882-fcb3-7704-84cc-4ce5bc97f801	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-gift-15-1	3MK2XFACNAX7YP1HNPRZKG9W	2026-12-02 20:47:33.537899+00	2099-12-31 00:00:00+00	2026-12-02	4	14	\N	\N	\N	\N	\N
01a23883-391a-75dd-b4fe-718c4b907f2e	01a23882-fcb3-7704-84cc-4ce5bc97f801	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-gift-17-1	SBHMX24X4XM7Z6BCQ65KEW98	2026-12-02 20:47:33.658694+00	2099-12-31 00:00:00+00	2026-12-02	4	8	\N	\N	\N	\N	\N
01a23883-3634-76df-af4b-db9f63a115fd	01a23882-fcb3-7704-84cc-4ce5bc97f801	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-gift-05-1	7CRCQZAFY2Q8B66WJ0DMN491	2026-12-02 20:47:32.91646+00	2099-12-31 00:00:00+00	2026-12-02	6	11	\N	\N	\N	\N	0.00
01a23883-254a-79ac-8977-7bb7109ae78a	01a23882-fab3-7c84-922e-e63bcb454c40	45	upgrade-shopper-05	2	upgrade-device-05	upgrade-fixed-05-2	Q7VNFSDTH1Q5BPV2EV8ECCRE	2026-12-02 20:47:28.586019+00	2099-12-31 00:00:00+00	2026-12-02	4	11	\N	\N	\N	\N	\N
01a23883-25ae-70b2-8e18-37e9f0a65cd0	01a23882-fab3-7c84-922e-e63bcb454c40	47	upgrade-shopper-07	2	upgrade-device-07	upgrade-fixed-07-2	1H8EK0CX6D4NP07JYKTCMWF9	2026-12-02 20:47:28.686233+00	2099-12-31 00:00:00+00	2026-12-02	3	1	\N	\N	\N	\N	\N
01a23883-2606-7aaa-b349-621515e06090	01a23882-fab3-7c84-922e-e63bcb454c40	49	upgrade-shopper-09	2	upgrade-device-09	upgrade-fixed-09-2	48X965GJC21J5PPZ3EKS1ZWX	2026-12-02 20:47:28.77423+00	2099-12-31 00:00:00+00	2026-12-02	2	15	\N	\N	\N	\N	\N
01a23883-2632-786a-8568-372b641c38ed	01a23882-fab3-7c84-922e-e63bcb454c40	50	upgrade-shopper-10	2	upgrade-device-10	upgrade-fixed-10-2	5PNY4F5R8VJN8BAZFGS16VGM	2026-12-02 20:47:28.818162+00	2099-12-31 00:00:00+00	2026-12-02	2	13	\N	\N	\N	\N	\N
01a23883-2801-7f02-81fd-2759cdd68e5c	01a23882-fb73-74ec-8374-3ac25e728987	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-percent-01-1	MJM49MRWW26KFQ6160TFD2QV	2026-12-02 20:47:29.281517+00	2099-12-31 00:00:00+00	2026-12-02	5	7	\N	\N	\N	\N	\N
01a23883-287a-7ee7-8be7-b04eb8748499	01a23882-fb73-74ec-8374-3ac25e728987	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-percent-03-1	HTYK2WSPSJWC5NH66W86P7E5	2026-12-02 20:47:29.402459+00	2099-12-31 00:00:00+00	2026-12-02	5	13	\N	\N	\N	\N	\N
01a23883-28d6-741d-8f62-caa84b618870	01a23882-fb73-74ec-8374-3ac25e728987	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-percent-05-1	2ZF7M25NJ3NAQYEABR47G1TE	2026-12-02 20:47:29.494808+00	2099-12-31 00:00:00+00	2026-12-02	5	11	\N	\N	\N	\N	\N
01a23883-297b-72a3-8245-d284c5f60e18	01a23882-fb73-74ec-8374-3ac25e728987	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-percent-09-1	3B5S8CXK97ZJEQT7C5RQGQY7	2026-12-02 20:47:29.65939+00	2099-12-31 00:00:00+00	2026-12-02	3	15	\N	\N	\N	\N	\N
01a23883-29d2-7d08-a8bb-a46c12fa39bd	01a23882-fb73-74ec-8374-3ac25e728987	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-percent-11-1	7Y2JKZB2FYX6758WS0MBTXNK	2026-12-02 20:47:29.746349+00	2099-12-31 00:00:00+00	2026-12-02	2	10	\N	\N	\N	\N	\N
01a23883-2a27-7e85-ad5d-0909f9020062	01a23882-fb73-74ec-8374-3ac25e728987	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-percent-13-1	4WG3WZJYEFRQEW32YDNNX3CN	2026-12-02 20:47:29.831315+00	2099-12-31 00:00:00+00	2026-12-02	2	4	\N	\N	\N	\N	\N
01a23883-2a7b-74f5-aa98-865e0ba59b82	01a23882-fb73-74ec-8374-3ac25e728987	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-percent-15-1	274VX11TEFPF6XYVE7WJSBEE	2026-12-02 20:47:29.915337+00	2099-12-31 00:00:00+00	2026-12-02	2	14	\N	\N	\N	\N	\N
01a23883-2aa3-79f9-b229-d61eb0b5164c	01a23882-fb73-74ec-8374-3ac25e728987	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-percent-16-1	KKN6HV87ZJ71TMDFWVG1RFNY	2026-12-02 20:47:29.955951+00	2099-12-31 00:00:00+00	2026-12-02	2	11	\N	\N	\N	\N	\N
01a23883-2b11-7a6c-91ca-2aef6764bd23	01a23882-fb73-74ec-8374-3ac25e728987	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-percent-18-1	3QQXPAEJZR6JHEQPPMBK1BNS	2026-12-02 20:47:30.065144+00	2099-12-31 00:00:00+00	2026-12-02	2	5	\N	\N	\N	\N	\N
01a23883-2b86-73cf-82c7-8e0e6f8aad76	01a23882-fb73-74ec-8374-3ac25e728987	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-percent-20-1	4WVZF0M9HNGB7XTAD6V0VT3F	2026-12-02 20:47:30.182171+00	2099-12-31 00:00:00+00	2026-12-02	2	6	\N	\N	\N	\N	\N
01a23883-2bea-71a0-8800-10fc06949814	01a23882-fb73-74ec-8374-3ac25e728987	22	upgrade-shopper-22	1	upgrade-device-22	upgrade-percent-22-1	B26YZDHZ39JB9TWJPMWAR5EG	2026-12-02 20:47:30.282355+00	2099-12-31 00:00:00+00	2026-12-02	2	0	\N	\N	\N	\N	\N
01a23883-2c44-7376-912d-8a245e8af3e2	01a23882-fb73-74ec-8374-3ac25e728987	24	upgrade-shopper-24	1	upgrade-device-24	upgrade-percent-24-1	4W9MVAREW0PT1VGVE28SSPFV	2026-12-02 20:47:30.372257+00	2099-12-31 00:00:00+00	2026-12-02	2	2	\N	\N	\N	\N	\N
01a23883-2c9a-7d3e-94d3-865ce3cdef69	01a23882-fb73-74ec-8374-3ac25e728987	26	upgrade-shopper-26	1	upgrade-device-26	upgrade-percent-26-1	GD88Z2JH8K15B46QCWG1JX13	2026-12-02 20:47:30.458863+00	2099-12-31 00:00:00+00	2026-12-02	3	12	\N	\N	\N	\N	\N
01a23883-2cf9-7bbc-90a7-184cc2a0068c	01a23882-fb73-74ec-8374-3ac25e728987	28	upgrade-shopper-28	1	upgrade-device-28	upgrade-percent-28-1	C2WZ7X4CMG0HY308QW6QCRJT	2026-12-02 20:47:30.553098+00	2099-12-31 00:00:00+00	2026-12-02	3	14	\N	\N	\N	\N	\N
01a23883-2d4e-794f-9e8b-2391af52d48c	01a23882-fb73-74ec-8374-3ac25e728987	30	upgrade-shopper-30	1	upgrade-device-30	upgrade-percent-30-1	ER8XM4GNCYV4EPSWBKTNE136	2026-12-02 20:47:30.638713+00	2099-12-31 00:00:00+00	2026-12-02	3	15	\N	\N	\N	\N	\N
01a23883-2ed3-79a2-a6aa-3c8183e053af	01a23882-fc1e-77b6-b370-d29ca7c21b75	4	upgrade-shopper-14	1	upgrade-device-14	upgrade-threshold-14-1	M7GVXJ7JS8JWFF7A3ATBQ2VB	2026-12-02 20:47:31.027296+00	2099-12-31 00:00:00+00	2026-12-02	3	1	\N	\N	\N	\N	\N
01a23883-2f42-76d0-903c-ec618b018713	01a23882-fc1e-77b6-b370-d29ca7c21b75	6	upgrade-shopper-16	1	upgrade-device-16	upgrade-threshold-16-1	M190E9XJY7FZ18REWWDDX0F9	2026-12-02 20:47:31.138374+00	2099-12-31 00:00:00+00	2026-12-02	3	11	\N	\N	\N	\N	\N
01a23883-2fc5-7b9c-b478-17d0903dcf42	01a23882-fc1e-77b6-b370-d29ca7c21b75	8	upgrade-shopper-18	1	upgrade-device-18	upgrade-threshold-18-1	Z1A9DB3PD3HSVR8E8WJ5P0GX	2026-12-02 20:47:31.269177+00	2099-12-31 00:00:00+00	2026-12-02	3	5	\N	\N	\N	\N	\N
01a23883-3034-755d-adfc-70aad1698836	01a23882-fc1e-77b6-b370-d29ca7c21b75	10	upgrade-shopper-20	1	upgrade-device-20	upgrade-threshold-20-1	6G7JSC42PQJJWP1YC4MW34M9	2026-12-02 20:47:31.380131+00	2099-12-31 00:00:00+00	2026-12-02	3	6	\N	\N	\N	\N	\N
01a23883-3093-73ed-87a6-c5a13af29057	01a23882-fc1e-77b6-b370-d29ca7c21b75	12	upgrade-shopper-22	1	upgrade-device-22	upgrade-threshold-22-1	Q3G801FH3G8BNAEJKKJ8F13T	2026-12-02 20:47:31.475436+00	2099-12-31 00:00:00+00	2026-12-02	3	0	\N	\N	\N	\N	\N
01a23883-3116-71bd-afd6-df088caca0bb	01a23882-fc1e-77b6-b370-d29ca7c21b75	14	upgrade-shopper-24	1	upgrade-device-24	upgrade-threshold-24-1	6QD30KP6R6WTKEA27TCGGW8N	2026-12-02 20:47:31.606664+00	2099-12-31 00:00:00+00	2026-12-02	3	2	\N	\N	\N	\N	\N
01a23883-3197-7b0e-8d41-cde0a5c4b7ee	01a23882-fc1e-77b6-b370-d29ca7c21b75	16	upgrade-shopper-26	1	upgrade-device-26	upgrade-threshold-26-1	5KRHJATAFJYP95C125NZCSK0	2026-12-02 20:47:31.735096+00	2099-12-31 00:00:00+00	2026-12-02	4	12	\N	\N	\N	\N	\N
01a23883-3215-7385-bacf-abef6d28b69a	01a23882-fc1e-77b6-b370-d29ca7c21b75	18	upgrade-shopper-28	1	upgrade-device-28	upgrade-threshold-28-1	JZCA7F4WNEXPPTM20CK1CXXX	2026-12-02 20:47:31.86194+00	2099-12-31 00:00:00+00	2026-12-02	4	14	\N	\N	\N	\N	\N
01a23883-329c-73e9-8958-b4a6be7d1725	01a23882-fc1e-77b6-b370-d29ca7c21b75	20	upgrade-shopper-30	1	upgrade-device-30	upgrade-threshold-30-1	J8ZT2R2FYC2NK951QGERJ220	2026-12-02 20:47:31.996671+00	2099-12-31 00:00:00+00	2026-12-02	4	15	\N	\N	\N	\N	\N
01a23883-3317-7257-ba42-013a9d551aa5	01a23882-fc1e-77b6-b370-d29ca7c21b75	22	upgrade-shopper-32	1	upgrade-device-32	upgrade-threshold-32-1	N0VZHD431HPYHHQJVCDNEM9Z	2026-12-02 20:47:32.119591+00	2099-12-31 00:00:00+00	2026-12-02	4	5	\N	\N	\N	\N	\N
01a23883-339a-7879-8389-9a5f0797958d	01a23882-fc1e-77b6-b370-d29ca7c21b75	24	upgrade-shopper-34	1	upgrade-device-34	upgrade-threshold-34-1	NSF6HZB9J8A45HS6JTDR9RF6	2026-12-02 20:47:32.250318+00	2099-12-31 00:00:00+00	2026-12-02	4	3	\N	\N	\N	\N	\N
01a23883-3419-7d99-8925-15e82e0fa3c7	01a23882-fc1e-77b6-b370-d29ca7c21b75	26	upgrade-shopper-36	1	upgrade-device-36	upgrade-threshold-36-1	VR8RTZ3A6P12DTFSE0G0DQ51	2026-12-02 20:47:32.37712+00	2099-12-31 00:00:00+00	2026-12-02	3	9	\N	\N	\N	\N	\N
01a23883-3498-7929-9b2e-e657b52d4a7a	01a23882-fc1e-77b6-b370-d29ca7c21b75	28	upgrade-shopper-38	1	upgrade-device-38	upgrade-threshold-38-1	D1SRTK18WNHVYPNGWH0RKPG4	2026-12-02 20:47:32.504658+00	2099-12-31 00:00:00+00	2026-12-02	3	7	\N	\N	\N	\N	\N
01a23883-3513-7d21-a189-88373de0cf54	01a23882-fc1e-77b6-b370-d29ca7c21b75	30	upgrade-shopper-40	1	upgrade-device-40	upgrade-threshold-40-1	8KFD2T61E0ZSMEXAEP8KYD0F	2026-12-02 20:47:32.627474+00	2099-12-31 00:00:00+00	2026-12-02	3	0	\N	\N	\N	\N	\N
01a23883-3591-7e6e-9704-83fe595360ee	01a23882-fcb3-7704-84cc-4ce5bc97f801	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-gift-02-1	A4VZDN3E1QC3V6KB86WSNXEM	2026-12-02 20:47:32.753506+00	2099-12-31 00:00:00+00	2026-12-02	6	10	\N	\N	\N	\N	\N
01a23883-3671-77c5-8b92-9fb98bc0e0b2	01a23882-fcb3-7704-84cc-4ce5bc97f801	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-gift-06-1	KA6EE8760QXP2YYB3YFXRQMT	2026-12-02 20:47:32.977049+00	2099-12-31 00:00:00+00	2026-12-02	6	14	\N	\N	\N	\N	\N
01a23883-36ed-70cd-902c-23ee8ce09d37	01a23882-fcb3-7704-84cc-4ce5bc97f801	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-gift-08-1	997J9RAS5VE0YFAN5SJANF5P	2026-12-02 20:47:33.101198+00	2099-12-31 00:00:00+00	2026-12-02	5	12	\N	\N	\N	\N	\N
01a23883-35f7-7322-97da-01c882d7bfb5	01a23882-fcb3-7704-84cc-4ce5bc97f801	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-gift-04-1	1P1YJMH6892RCYE4PTMM4QNN	2026-12-02 20:47:32.855206+00	2099-12-31 00:00:00+00	2026-12-02	6	8	\N	\N	\N	\N	0.00
01a23883-2925-7d5e-b278-50162b9197ee	01a23882-fb73-74ec-8374-3ac25e728987	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-percent-07-1	VFWVT86QQ9AT8Q2ZJ6MW0HPM	2026-12-02 20:47:29.57356+00	2099-12-31 00:00:00+00	2026-12-02	4	1	\N	\N	\N	\N	\N
01a23883-3768-7be5-a58a-5cd871902549	01a23882-fcb3-7704-84cc-4ce5bc97f801	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-gift-10-1	NMZ93VYD1WPZS1K439T4S2E0	2026-12-02 20:47:33.22458+00	2099-12-31 00:00:00+00	2026-12-02	4	13	\N	\N	\N	upgrade-shopper-45	40.00
01a23883-37df-75a3-b57a-723cb6071171	01a23882-fcb3-7704-84cc-4ce5bc97f801	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-gift-12-1	CBKVYME78GVXY3KNH2GYFECK	2026-12-02 20:47:33.34319+00	2099-12-31 00:00:00+00	2026-12-02	4	7	\N	\N	\N	upgrade-shopper-44	\N
01a23883-3862-7346-9842-83c0f094156b	01a23882-fcb3-7704-84cc-4ce5bc97f801	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-gift-14-1	WRC3QGCQ8EJV11XX9HZH33TJ	2026-12-02 20:47:33.474297+00	2099-12-31 00:00:00+00	2026-12-02	4	1	\N	\N	\N	\N	\N
01a23883-38dc-794e-b1e7-9e6b0a117f61	01a23882-fcb3-7704-84cc-4ce5bc97f801	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-gift-16-1	6F4B4T57FP02Q44XJ3NY3M7N	2026-12-02 20:47:33.596493+00	2099-12-31 00:00:00+00	2026-12-02	4	11	\N	\N	\N	\N	\N
01a23883-3952-7b59-ac74-79cfe19ab4a4	01a23882-fcb3-7704-84cc-4ce5bc97f801	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-gift-18-1	AH9Z6QDJ7BHKY0VT0GW6XCGG	2026-12-02 20:47:33.714565+00	2099-12-31 00:00:00+00	2026-12-02	4	5	\N	\N	\N	\N	\N
01a23883-39d1-756c-8422-b4667d490ca9	01a23882-fcb3-7704-84cc-4ce5bc97f801	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-gift-20-1	PVF63GKS852CBS1AJTRQ4KK8	2026-12-02 20:47:33.841869+00	2099-12-31 00:00:00+00	2026-12-02	4	6	\N	\N	\N	\N	\N
01a23883-3a06-7fc0-a1be-9f6de177a750	01a23882-fd38-75ce-80c7-dec900d49ea2	1	upgrade-shopper-21	1	upgrade-device-21	upgrade-pointscard-21-1	E6C0AQ1BEAFE72WYCRQ0EMJ0	2026-12-02 20:47:33.894113+00	2099-12-31 00:00:00+00	2026-12-02	4	9	\N	\N	\N	\N	\N
01a23883-3a88-7826-a655-d480ddb72e5d	01a23882-fd38-75ce-80c7-dec900d49ea2	3	upgrade-shopper-23	1	upgrade-device-23	upgrade-pointscard-23-1	E46ZKMNGRZA0ZYSC2G5APMZC	2026-12-02 20:47:34.024877+00	2099-12-31 00:00:00+00	2026-12-02	4	3	\N	\N	\N	\N	\N
01a23883-3af4-773d-95c7-4b16d95d5088	01a23882-fd38-75ce-80c7-dec900d49ea2	5	upgrade-shopper-25	1	upgrade-device-25	upgrade-pointscard-25-1	WHHGYVD7QG25RNQ8MHSTYXJZ	2026-12-02 20:47:34.132916+00	2099-12-31 00:00:00+00	2026-12-02	4	5	\N	\N	\N	\N	\N
01a23883-3b59-77c9-a2ea-0f6dfa371b46	01a23882-fd38-75ce-80c7-dec900d49ea2	7	upgrade-shopper-27	1	upgrade-device-27	upgrade-pointscard-27-1	5SDRX3GGJPYV7S3PPA6C7W9H	2026-12-02 20:47:34.233253+00	2099-12-31 00:00:00+00	2026-12-02	5	15	\N	\N	\N	\N	\N
01a23883-3b84-723a-8ec6-e2b0cb105ede	01a23882-fd38-75ce-80c7-dec900d49ea2	8	upgrade-shopper-28	1	upgrade-device-28	upgrade-pointscard-28-1	R05CKX6PKSJN012X4RY4752D	2026-12-02 20:47:34.276226+00	2099-12-31 00:00:00+00	2026-12-02	5	14	\N	\N	\N	\N	\N
01a23883-3c08-7e6f-b968-0f3acb47f7b7	01a23882-fd38-75ce-80c7-dec900d49ea2	10	upgrade-shopper-30	1	upgrade-device-30	upgrade-pointscard-30-1	W7YTF0G0M5ECSSXCYJNVAV7X	2026-12-02 20:47:34.40813+00	2099-12-31 00:00:00+00	2026-12-02	5	15	\N	\N	\N	\N	\N
01a23883-3c81-7f8f-be35-65cd39278444	01a23882-fd38-75ce-80c7-dec900d49ea2	12	upgrade-shopper-32	1	upgrade-device-32	upgrade-pointscard-32-1	4ZWNZYMHJBRRTF8WTT6PXEBZ	2026-12-02 20:47:34.529641+00	2099-12-31 00:00:00+00	2026-12-02	5	5	\N	\N	\N	\N	\N
01a23883-3ce6-7ba5-bf15-c20c2281e78e	01a23882-fd38-75ce-80c7-dec900d49ea2	14	upgrade-shopper-34	1	upgrade-device-34	upgrade-pointscard-34-1	N78BDE2H9WJ12R62J8ZK5JCD	2026-12-02 20:47:34.630467+00	2099-12-31 00:00:00+00	2026-12-02	5	3	\N	\N	\N	\N	\N
01a23883-3d49-784f-aba7-536527156835	01a23882-fd38-75ce-80c7-dec900d49ea2	16	upgrade-shopper-36	1	upgrade-device-36	upgrade-pointscard-36-1	3QA0HWYKXKE3EGQ3FJEZ3ZY8	2026-12-02 20:47:34.729602+00	2099-12-31 00:00:00+00	2026-12-02	4	9	\N	\N	\N	\N	\N
01a23883-3daf-7745-a83f-a456c4778aa3	01a23882-fd38-75ce-80c7-dec900d49ea2	18	upgrade-shopper-38	1	upgrade-device-38	upgrade-pointscard-38-1	G9H9WM4P40CTYEM1Q1WK6EGR	2026-12-02 20:47:34.831983+00	2099-12-31 00:00:00+00	2026-12-02	4	7	\N	\N	\N	\N	\N
01a23883-3e18-708b-a212-51d8884aae36	01a23882-fd38-75ce-80c7-dec900d49ea2	20	upgrade-shopper-40	1	upgrade-device-40	upgrade-pointscard-40-1	MDWJKC7FHW2XRHFNPF6CSZFP	2026-12-02 20:47:34.936561+00	2099-12-31 00:00:00+00	2026-12-02	4	0	\N	\N	\N	\N	\N
01a23883-3e81-7dff-8171-854be4168d71	01a23882-feea-740a-a097-79b9452df20e	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-exclusive-02-1	ESWBS1M4ZSZ9K136825ZTBAA	2026-12-02 20:47:35.041528+00	2099-12-31 00:00:00+00	2026-12-02	7	10	\N	\N	\N	\N	\N
01a23883-3ed8-7569-a94d-f3658007f8b6	01a23882-feea-740a-a097-79b9452df20e	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-exclusive-04-1	SHG3M0M9T4C1X552ZHXEEXBZ	2026-12-02 20:47:35.128984+00	2099-12-31 00:00:00+00	2026-12-02	7	8	\N	\N	\N	\N	\N
01a23883-3f2c-79b5-98ba-dc7a63b72d24	01a23882-feea-740a-a097-79b9452df20e	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-exclusive-06-1	W632QSKSXNWQTG76VH038WCD	2026-12-02 20:47:35.21287+00	2099-12-31 00:00:00+00	2026-12-02	7	14	\N	\N	\N	\N	\N
01a23883-3f7e-77a8-935d-0e6d8278791b	01a23882-feea-740a-a097-79b9452df20e	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-exclusive-08-1	KM1VFB517M44VANPXSK4BM8D	2026-12-02 20:47:35.294728+00	2099-12-31 00:00:00+00	2026-12-02	6	12	\N	\N	\N	\N	\N
01a23883-3ff0-73b0-8625-9a94f7959c19	01a23882-feea-740a-a097-79b9452df20e	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-exclusive-10-1	CP1BM36SFYS15T0JR10VT5HC	2026-12-02 20:47:35.408807+00	2099-12-31 00:00:00+00	2026-12-02	5	13	\N	\N	\N	\N	\N
01a23883-405c-731b-8839-7df623205f9b	01a23882-feea-740a-a097-79b9452df20e	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-exclusive-12-1	GAYT7DP88A4XZM6C94EGTH7S	2026-12-02 20:47:35.516335+00	2099-12-31 00:00:00+00	2026-12-02	5	7	\N	\N	\N	\N	\N
01a23883-40bf-7a30-8839-5a82fc68af2a	01a23882-feea-740a-a097-79b9452df20e	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-exclusive-14-1	7PKMXVMZEJ698NK2BM042EWD	2026-12-02 20:47:35.615801+00	2099-12-31 00:00:00+00	2026-12-02	5	1	\N	\N	\N	\N	\N
01a23883-412c-7e6a-b273-06e828054b3b	01a23882-feea-740a-a097-79b9452df20e	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-exclusive-16-1	NDGERNKQE6K5HJ3WP46M8KDY	2026-12-02 20:47:35.724379+00	2099-12-31 00:00:00+00	2026-12-02	5	11	\N	\N	\N	\N	\N
01a23883-417f-70bb-ab59-3757b7c227bb	01a23882-feea-740a-a097-79b9452df20e	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-exclusive-18-1	06MB7C1TKQQ1K3BNJT612H59	2026-12-02 20:47:35.807264+00	2099-12-31 00:00:00+00	2026-12-02	5	5	\N	\N	\N	\N	\N
01a23883-41e9-732d-938f-5b4920195dbd	01a23882-feea-740a-a097-79b9452df20e	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-exclusive-20-1	6TJQJZ3E40V81QYWBPAGT8VR	2026-12-02 20:47:35.913704+00	2099-12-31 00:00:00+00	2026-12-02	5	6	\N	\N	\N	\N	\N
01a23883-4260-7ada-a239-fc3b7b564e9b	01a23882-fdaf-74e0-9def-9cf48226e8bc	2	upgrade-shopper-01	2	upgrade-device-01	upgrade-priced-01-2	4Q0GF98PSSZ21290FKJD0QCC	2026-12-02 20:47:36.032652+00	2099-12-31 00:00:00+00	2026-12-02	9	7	\N	\N	\N	\N	\N
01a23883-42d3-74b1-a78c-fe48f22b1d5f	01a23882-fdaf-74e0-9def-9cf48226e8bc	4	upgrade-shopper-02	2	upgrade-device-02	upgrade-priced-02-2	3BWQMNT5680X5SHGYQTGKXWG	2026-12-02 20:47:36.147833+00	2099-12-31 00:00:00+00	2026-12-02	9	10	\N	\N	\N	\N	\N
01a23883-4343-7966-bf02-2211aab94a10	01a23882-fdaf-74e0-9def-9cf48226e8bc	6	upgrade-shopper-03	2	upgrade-device-03	upgrade-priced-03-2	8E79Y1TAERJP1C2TS9Z8ZA88	2026-12-02 20:47:36.259469+00	2099-12-31 00:00:00+00	2026-12-02	9	13	\N	\N	\N	\N	\N
01a23883-43aa-7617-8572-3e4dfc901a96	01a23882-fdaf-74e0-9def-9cf48226e8bc	8	upgrade-shopper-04	2	upgrade-device-04	upgrade-priced-04-2	1SGK7ZAY04R9MG5CQTD5Y8M1	2026-12-02 20:47:36.362194+00	2099-12-31 00:00:00+00	2026-12-02	9	8	\N	\N	\N	\N	\N
01a23883-441e-71cc-a4f0-6748444de6b7	01a23882-fdaf-74e0-9def-9cf48226e8bc	10	upgrade-shopper-05	2	upgrade-device-05	upgrade-priced-05-2	BGF4295SDQ2YPJQDMH1WM77T	2026-12-02 20:47:36.478061+00	2099-12-31 00:00:00+00	2026-12-02	9	11	\N	\N	\N	\N	\N
01a23883-4478-7a0f-b3c7-274fa4a1f0a4	01a23882-fdaf-74e0-9def-9cf48226e8bc	12	upgrade-shopper-06	2	upgrade-device-06	upgrade-priced-06-2	JA4Q0TCZSPMT0R444ESW0JM5	2026-12-02 20:47:36.568299+00	2099-12-31 00:00:00+00	2026-12-02	9	14	\N	\N	\N	\N	\N
01a23883-456b-7b93-84b1-9a55f22dbaff	01a23882-fdaf-74e0-9def-9cf48226e8bc	16	upgrade-shopper-08	2	upgrade-device-08	upgrade-priced-08-2	6WTWD33YDYE23P2AF6MQAP5S	2026-12-02 20:47:36.811775+00	2099-12-31 00:00:00+00	2026-12-02	8	12	\N	\N	\N	\N	\N
01a23883-45e6-7256-88f8-af4fa80a0dbd	01a23882-fdaf-74e0-9def-9cf48226e8bc	18	upgrade-shopper-09	2	upgrade-device-09	upgrade-priced-09-2	G95XB85VB0Y5NK4KE6AJJCZQ	2026-12-02 20:47:36.934048+00	2099-12-31 00:00:00+00	2026-12-02	7	15	\N	\N	\N	\N	\N
01a23883-4668-7067-b2d4-55ec5ca7c2a9	01a23882-fdaf-74e0-9def-9cf48226e8bc	20	upgrade-shopper-10	2	upgrade-device-10	upgrade-priced-10-2	SFXRS7HCPWY8M7GRW5D70SCE	2026-12-02 20:47:37.064917+00	2099-12-31 00:00:00+00	2026-12-02	7	13	\N	\N	\N	\N	\N
01a23883-46ea-73d9-8c7d-e2abcb50a991	01a23882-fdaf-74e0-9def-9cf48226e8bc	22	upgrade-shopper-11	2	upgrade-device-11	upgrade-priced-11-2	P3TQ9A3WCEPNSB32E7NPN1WM	2026-12-02 20:47:37.194223+00	2099-12-31 00:00:00+00	2026-12-02	7	10	\N	\N	\N	\N	\N
01a23883-4919-7e67-afb8-6416912d7232	01a23882-fe29-7bef-a7dd-34daed7533ed	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-secrets-01-1	KV8E3103TQ28P7J24ANNYK21	2026-12-02 20:47:37.753395+00	2099-12-31 00:00:00+00	2026-12-02	10	7	\N	\N	\N	\N	\N
01a23883-4988-722f-bd18-9fefc5eb57a1	01a23882-fe29-7bef-a7dd-34daed7533ed	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-secrets-03-1	N13VHPTE9MCS6EGNP37WM1HQ	2026-12-02 20:47:37.864476+00	2099-12-31 00:00:00+00	2026-12-02	10	13	\N	\N	\N	\N	\N
01a23883-4a34-7ddc-9a28-1a271a38f75c	01a23882-fe29-7bef-a7dd-34daed7533ed	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-secrets-05-1	2DPPPWD36674BGM6VZQ6Q5YQ	2026-12-02 20:47:38.036204+00	2099-12-31 00:00:00+00	2026-12-02	10	11	\N	\N	\N	\N	\N
01a23883-4a9f-7399-952e-aaa0d9feefac	01a23882-fe29-7bef-a7dd-34daed7533ed	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-secrets-07-1	24ZPGYFX7V5WDH9Y02B0TBZ5	2026-12-02 20:47:38.143155+00	2099-12-31 00:00:00+00	2026-12-02	9	1	\N	\N	\N	\N	\N
01a23883-4b17-7c62-a7e8-6682d4b89b78	01a23882-fe29-7bef-a7dd-34daed7533ed	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-secrets-09-1	EWXPHZWQPSB4JKF91674WGCA	2026-12-02 20:47:38.263603+00	2099-12-31 00:00:00+00	2026-12-02	8	15	\N	\N	\N	\N	\N
01a23883-3995-7fd7-8bc0-12f1e9ea1fbc	01a23882-fcb3-7704-84cc-4ce5bc97f801	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-gift-19-1	SG7ZM5PGSDCKCE4X8V5D3CRX	2026-12-02 20:47:33.781292+00	2099-12-31 00:00:00+00	2026-12-02	4	2	\N	\N	\N	\N	\N
01a23883-3a4c-71ad-9daf-5f0b4abffc79	01a23882-fd38-75ce-80c7-dec900d49ea2	2	upgrade-shopper-22	1	upgrade-device-22	upgrade-pointscard-22-1	037FNX58SW88RBCWTKEQSP21	2026-12-02 20:47:33.964031+00	2099-12-31 00:00:00+00	2026-12-02	4	0	\N	\N	\N	\N	\N
01a23883-3ab6-7617-a977-3e76e2a3d361	01a23882-fd38-75ce-80c7-dec900d49ea2	4	upgrade-shopper-24	1	upgrade-device-24	upgrade-pointscard-24-1	SQE9YE9K2NEQG20CXAPNW8Q2	2026-12-02 20:47:34.070844+00	2099-12-31 00:00:00+00	2026-12-02	4	2	\N	\N	\N	\N	\N
01a23883-3b2f-7d23-affd-ebd0cc439340	01a23882-fd38-75ce-80c7-dec900d49ea2	6	upgrade-shopper-26	1	upgrade-device-26	upgrade-pointscard-26-1	SQFDPBXWCH0N41E5PEXKEQ2Y	2026-12-02 20:47:34.19176+00	2099-12-31 00:00:00+00	2026-12-02	5	12	\N	\N	\N	\N	\N
01a23883-3bca-7216-9712-74536853ad37	01a23882-fd38-75ce-80c7-dec900d49ea2	9	upgrade-shopper-29	1	upgrade-device-29	upgrade-pointscard-29-1	W5NJ0SGEXGGYYRZVWWGYDBW8	2026-12-02 20:47:34.346057+00	2099-12-31 00:00:00+00	2026-12-02	5	1	\N	\N	\N	\N	\N
01a23883-3c47-74e5-a597-8bbfb7e0cc13	01a23882-fd38-75ce-80c7-dec900d49ea2	11	upgrade-shopper-31	1	upgrade-device-31	upgrade-pointscard-31-1	NWMZJWY24FV4VFR0MDQQH3Z0	2026-12-02 20:47:34.47192+00	2099-12-31 00:00:00+00	2026-12-02	5	12	\N	\N	\N	\N	\N
01a23883-3caa-7d05-8a9c-8af64316e346	01a23882-fd38-75ce-80c7-dec900d49ea2	13	upgrade-shopper-33	1	upgrade-device-33	upgrade-pointscard-33-1	NS3BNWTGTDXCS9F3KGFQXS5B	2026-12-02 20:47:34.570193+00	2099-12-31 00:00:00+00	2026-12-02	5	2	\N	\N	\N	\N	\N
01a23883-3d18-7675-a570-f648e9aa3c7a	01a23882-fd38-75ce-80c7-dec900d49ea2	15	upgrade-shopper-35	1	upgrade-device-35	upgrade-pointscard-35-1	Q72CNFCPV4D313KAE22SA111	2026-12-02 20:47:34.680038+00	2099-12-31 00:00:00+00	2026-12-02	5	0	\N	\N	\N	\N	\N
01a23883-3d7c-70e0-a344-482dc081d7b2	01a23882-fd38-75ce-80c7-dec900d49ea2	17	upgrade-shopper-37	1	upgrade-device-37	upgrade-pointscard-37-1	ZK4RC0KZ10ZMA5HYC82BQR3F	2026-12-02 20:47:34.780359+00	2099-12-31 00:00:00+00	2026-12-02	4	6	\N	\N	\N	\N	\N
01a23883-3de2-7fca-a264-80bfd1861450	01a23882-fd38-75ce-80c7-dec900d49ea2	19	upgrade-shopper-39	1	upgrade-device-39	upgrade-pointscard-39-1	ARKA1ZBM72J4HQ2H8G747HJ1	2026-12-02 20:47:34.882677+00	2099-12-31 00:00:00+00	2026-12-02	4	4	\N	\N	\N	\N	\N
01a23883-3e48-7353-a027-4e559e399c6a	01a23882-feea-740a-a097-79b9452df20e	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-exclusive-01-1	K8S3W7EEJFK5A1PM044S11V8	2026-12-02 20:47:34.984762+00	2099-12-31 00:00:00+00	2026-12-02	7	7	\N	\N	\N	\N	\N
01a23883-3eac-78c2-b09d-2ca828dd7662	01a23882-feea-740a-a097-79b9452df20e	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-exclusive-03-1	RS01P880ZN4YZ4CXDT6NK5ZQ	2026-12-02 20:47:35.084696+00	2099-12-31 00:00:00+00	2026-12-02	7	13	\N	\N	\N	\N	\N
01a23883-3f03-75c0-9dac-a6f185f7b209	01a23882-feea-740a-a097-79b9452df20e	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-exclusive-05-1	T8MMB1ZZR314CH475SQS2WAC	2026-12-02 20:47:35.171214+00	2099-12-31 00:00:00+00	2026-12-02	7	11	\N	\N	\N	\N	\N
01a23883-3f56-78fb-afeb-6693a84aea16	01a23882-feea-740a-a097-79b9452df20e	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-exclusive-07-1	GBGSDH8HGJ5WTENT2YHTP7MS	2026-12-02 20:47:35.254064+00	2099-12-31 00:00:00+00	2026-12-02	6	1	\N	\N	\N	\N	\N
01a23883-3fba-7b04-a245-f40c2efca6f4	01a23882-feea-740a-a097-79b9452df20e	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-exclusive-09-1	851C64JCS64NYNQ38GVW8REG	2026-12-02 20:47:35.354928+00	2099-12-31 00:00:00+00	2026-12-02	5	15	\N	\N	\N	\N	\N
01a23883-4026-703b-a494-d67c4cce8611	01a23882-feea-740a-a097-79b9452df20e	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-exclusive-11-1	RCEZ2PWJQ07C5MZ14TJT7FV1	2026-12-02 20:47:35.462812+00	2099-12-31 00:00:00+00	2026-12-02	5	10	\N	\N	\N	\N	\N
01a23883-4087-7126-8b58-aec3ddf70a5c	01a23882-feea-740a-a097-79b9452df20e	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-exclusive-13-1	FBQJH64WCR2FF268ENF0FTBF	2026-12-02 20:47:35.559772+00	2099-12-31 00:00:00+00	2026-12-02	5	4	\N	\N	\N	\N	\N
01a23883-40f9-71c4-b5db-12956404ad18	01a23882-feea-740a-a097-79b9452df20e	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-exclusive-15-1	G42VJ569F5S5FQFXCVCQ3TR6	2026-12-02 20:47:35.673304+00	2099-12-31 00:00:00+00	2026-12-02	5	14	\N	\N	\N	\N	\N
01a23883-4156-7ca8-bd15-1f02deaafe23	01a23882-feea-740a-a097-79b9452df20e	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-exclusive-17-1	V4BZQ6YK92GG9WQ4RG3AHR1T	2026-12-02 20:47:35.766255+00	2099-12-31 00:00:00+00	2026-12-02	5	8	\N	\N	\N	\N	\N
01a23883-41b6-7618-b12d-23aa6769edc8	01a23882-feea-740a-a097-79b9452df20e	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-exclusive-19-1	GES9MW26MD7F9VCFSG6Q56CQ	2026-12-02 20:47:35.862444+00	2099-12-31 00:00:00+00	2026-12-02	5	2	\N	\N	\N	\N	\N
01a23883-4216-7751-b0ff-9f87fc4273d1	01a23882-fdaf-74e0-9def-9cf48226e8bc	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-priced-01-1	4MY7MZ9K3W5D13AN15YBJFBA	2026-12-02 20:47:35.958634+00	2099-12-31 00:00:00+00	2026-12-02	8	7	\N	\N	\N	\N	\N
01a23883-429e-7e9e-b963-27ad8a1f34f2	01a23882-fdaf-74e0-9def-9cf48226e8bc	3	upgrade-shopper-02	1	upgrade-device-02	upgrade-priced-02-1	Y8593A0G5KNZ46MR7V27C1HC	2026-12-02 20:47:36.094191+00	2099-12-31 00:00:00+00	2026-12-02	8	10	\N	\N	\N	\N	\N
01a23883-430b-7d6e-94b3-c110e8a88356	01a23882-fdaf-74e0-9def-9cf48226e8bc	5	upgrade-shopper-03	1	upgrade-device-03	upgrade-priced-03-1	K2ERRAN4B4WMN7469AX2VRTK	2026-12-02 20:47:36.203139+00	2099-12-31 00:00:00+00	2026-12-02	8	13	\N	\N	\N	\N	\N
01a23883-4373-756f-b04f-96dcf924ff5d	01a23882-fdaf-74e0-9def-9cf48226e8bc	7	upgrade-shopper-04	1	upgrade-device-04	upgrade-priced-04-1	KFZSDMHB7HVPW4F0M214JJG8	2026-12-02 20:47:36.307324+00	2099-12-31 00:00:00+00	2026-12-02	8	8	\N	\N	\N	\N	\N
01a23883-43e5-7cf2-9a83-cc660865a175	01a23882-fdaf-74e0-9def-9cf48226e8bc	9	upgrade-shopper-05	1	upgrade-device-05	upgrade-priced-05-1	69HKPD2P0MW50AVFDSMWM673	2026-12-02 20:47:36.421679+00	2099-12-31 00:00:00+00	2026-12-02	8	11	\N	\N	\N	\N	\N
01a23883-444a-71b7-8805-5c1b2e758fb4	01a23882-fdaf-74e0-9def-9cf48226e8bc	11	upgrade-shopper-06	1	upgrade-device-06	upgrade-priced-06-1	FHC0J41MC6SAW4KSKX3WV2JK	2026-12-02 20:47:36.522539+00	2099-12-31 00:00:00+00	2026-12-02	8	14	\N	\N	\N	\N	\N
01a23883-44b1-7540-851f-cd90a3131cf6	01a23882-fdaf-74e0-9def-9cf48226e8bc	13	upgrade-shopper-07	1	upgrade-device-07	upgrade-priced-07-1	G712YWR6HCM46J84ZTSDEHMC	2026-12-02 20:47:36.625221+00	2099-12-31 00:00:00+00	2026-12-02	7	1	\N	\N	\N	\N	\N
01a23883-452d-7cc6-8825-fe3263dcf51f	01a23882-fdaf-74e0-9def-9cf48226e8bc	15	upgrade-shopper-08	1	upgrade-device-08	upgrade-priced-08-1	CVZHX6SAEN5Q8NK615SYXWM4	2026-12-02 20:47:36.749761+00	2099-12-31 00:00:00+00	2026-12-02	7	12	\N	\N	\N	\N	\N
01a23883-45ac-74bd-8a60-1f258b5280f8	01a23882-fdaf-74e0-9def-9cf48226e8bc	17	upgrade-shopper-09	1	upgrade-device-09	upgrade-priced-09-1	137X2WM5GG07DS3KEE9YYT03	2026-12-02 20:47:36.87645+00	2099-12-31 00:00:00+00	2026-12-02	6	15	\N	\N	\N	\N	\N
01a23883-4629-7028-8776-0437a41a2261	01a23882-fdaf-74e0-9def-9cf48226e8bc	19	upgrade-shopper-10	1	upgrade-device-10	upgrade-priced-10-1	S7J49EYT4KTQC1HKP0RTXP3M	2026-12-02 20:47:37.001693+00	2099-12-31 00:00:00+00	2026-12-02	6	13	\N	\N	\N	\N	\N
01a23883-46a9-7bf4-bef2-6d12362aa123	01a23882-fdaf-74e0-9def-9cf48226e8bc	21	upgrade-shopper-11	1	upgrade-device-11	upgrade-priced-11-1	43MD7DZCCA1Z7AYWXPSQYDKR	2026-12-02 20:47:37.129106+00	2099-12-31 00:00:00+00	2026-12-02	6	10	\N	\N	\N	\N	\N
01a23883-4760-7e48-bd0f-05695cbd3988	01a23882-fdaf-74e0-9def-9cf48226e8bc	23	upgrade-shopper-12	1	upgrade-device-12	upgrade-priced-12-1	996DHVV5NDMSSE5EY3MV1XE1	2026-12-02 20:47:37.312511+00	2099-12-31 00:00:00+00	2026-12-02	6	7	\N	\N	\N	\N	\N
01a23883-4944-7760-9e21-d254a011ab42	01a23882-fe29-7bef-a7dd-34daed7533ed	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-secrets-02-1	TNCAWCJQEF5N34WC01XJC99F	2026-12-02 20:47:37.796746+00	2099-12-31 00:00:00+00	2026-12-02	10	10	\N	\N	\N	\N	\N
01a23883-49ce-72d0-9c01-c1333f37b61f	01a23882-fe29-7bef-a7dd-34daed7533ed	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-secrets-04-1	9S1MPP2B25WSJVNYENBG0XV8	2026-12-02 20:47:37.934208+00	2099-12-31 00:00:00+00	2026-12-02	10	8	\N	\N	\N	\N	\N
01a23883-4a6e-73e5-9864-181bb0198835	01a23882-fe29-7bef-a7dd-34daed7533ed	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-secrets-06-1	GKXEY1092B4ET1GFJYXDFER1	2026-12-02 20:47:38.094762+00	2099-12-31 00:00:00+00	2026-12-02	10	14	\N	\N	\N	\N	\N
01a23883-4ad9-72ba-b3ef-bc39be60c300	01a23882-fe29-7bef-a7dd-34daed7533ed	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-secrets-08-1	YSYWN2858G4VP5BJ3X71ADMT	2026-12-02 20:47:38.201188+00	2099-12-31 00:00:00+00	2026-12-02	9	12	\N	\N	\N	\N	\N
01a23883-4b57-770d-88a0-93c330746075	01a23882-fe29-7bef-a7dd-34daed7533ed	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-secrets-10-1	74QEFJJDC8PZX5CPPDVH9P17	2026-12-02 20:47:38.327051+00	2099-12-31 00:00:00+00	2026-12-02	8	13	\N	\N	\N	\N	\N
01a23883-4bc0-771a-8d42-da23b9e060f6	01a23882-fe29-7bef-a7dd-34daed7533ed	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-secrets-12-1	PKAY3C0YW23B7BGAHDDAPVMS	2026-12-02 20:47:38.43299+00	2099-12-31 00:00:00+00	2026-12-02	7	7	\N	\N	\N	\N	\N
01a23883-4c1e-792f-912b-30c0c49946a2	01a23882-fe29-7bef-a7dd-34daed7533ed	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-secrets-14-1	XZ6JW0P7QFAYMDKNEG97CCX5	2026-12-02 20:47:38.526232+00	2099-12-31 00:00:00+00	2026-12-02	6	1	\N	\N	\N	\N	\N
01a23883-4e01-7269-94a2-6d208cfb4db3	b97b0352-5e3a-8cea-ac11-86203d103e62	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-b10-02-1	WR8GY3E7ER42QFDTYCGXRTCB	2026-12-02 20:47:39.00928+00	2099-12-31 00:00:00+00	2026-12-02	11	10	\N	\N	\N	\N	\N
01a23883-4e73-70a7-9815-5045a07eb410	b97b0352-5e3a-8cea-ac11-86203d103e62	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-b10-04-1	CHTWSBYF9FM827R367KVX26Q	2026-12-02 20:47:39.123443+00	2099-12-31 00:00:00+00	2026-12-02	11	8	\N	\N	\N	\N	\N
01a23883-4b94-712e-a0a2-5e22eb849c7f	01a23882-fe29-7bef-a7dd-34daed7533ed	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-secrets-11-1	801BSQMDCQDDV3CDCE8G6QPR	2026-12-02 20:47:38.388048+00	2099-12-31 00:00:00+00	2026-12-02	8	10	\N	\N	\N	\N	\N
01a23883-4bee-749b-a42e-2ef58f1b75dd	01a23882-fe29-7bef-a7dd-34daed7533ed	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-secrets-13-1	PMDK3D4H89DYD9NMTZR3PSPH	2026-12-02 20:47:38.478257+00	2099-12-31 00:00:00+00	2026-12-02	6	4	\N	\N	\N	\N	\N
01a23883-4dd6-727d-b38b-d9530ba13007	b97b0352-5e3a-8cea-ac11-86203d103e62	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-b10-01-1	99R1X21TS2PKV0JEA047KR8J	2026-12-02 20:47:38.966233+00	2099-12-31 00:00:00+00	2026-12-02	11	7	\N	\N	\N	\N	\N
01a23883-4e36-751e-a259-90a1c2035918	b97b0352-5e3a-8cea-ac11-86203d103e62	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-b10-03-1	698XJSH4FY3XH51SWAKQ4KCQ	2026-12-02 20:47:39.062073+00	2099-12-31 00:00:00+00	2026-12-02	11	13	\N	\N	\N	\N	\N
01a23883-4eaa-7a22-b236-a25e43f4aa14	b97b0352-5e3a-8cea-ac11-86203d103e62	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-b10-05-1	8RZVX9YKFB9B9C5R463M5HTV	2026-12-02 20:47:39.178629+00	2099-12-31 00:00:00+00	2026-12-02	11	11	\N	\N	\N	\N	\N
01a23883-4f91-786a-9663-d45c00c79349	b97b0352-5e3a-8cea-ac11-86203d103e62	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-b10-09-1	0X2S45N5JJFH0YR532YEJGAW	2026-12-02 20:47:39.40947+00	2099-12-31 00:00:00+00	2026-12-02	9	15	\N	\N	\N	\N	\N
01a23883-4ff5-72f6-af2a-85713c646070	b97b0352-5e3a-8cea-ac11-86203d103e62	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-b10-11-1	JBMT4AHD38NNY2H4N2D210XK	2026-12-02 20:47:39.509118+00	2099-12-31 00:00:00+00	2026-12-02	9	10	\N	\N	\N	\N	\N
01a23883-5066-73ba-b9bd-eb0160774eca	b97b0352-5e3a-8cea-ac11-86203d103e62	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-b10-13-1	GTV8C01YZRS4XC7ZVW7XYM6S	2026-12-02 20:47:39.622674+00	2099-12-31 00:00:00+00	2026-12-02	7	4	\N	\N	\N	\N	\N
01a23883-50f2-7606-8599-23c24a5b5a0b	b97b0352-5e3a-8cea-ac11-86203d103e62	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-b10-15-1	G1VYZQB2H1WSE7QHF5JTDGR1	2026-12-02 20:47:39.762358+00	2099-12-31 00:00:00+00	2026-12-02	7	14	\N	\N	\N	\N	\N
01a23883-516c-7141-837f-fa428a586a2a	b97b0352-5e3a-8cea-ac11-86203d103e62	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-b10-17-1	B2Z3NM5XJ3F8BD5DJ330X10X	2026-12-02 20:47:39.884331+00	2099-12-31 00:00:00+00	2026-12-02	6	8	\N	\N	\N	\N	\N
01a23883-51ea-72a4-bfac-9749d16f9be3	b97b0352-5e3a-8cea-ac11-86203d103e62	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-b10-19-1	P2G2QDSWK5GBN11V34W0C5GZ	2026-12-02 20:47:40.010262+00	2099-12-31 00:00:00+00	2026-12-02	6	2	\N	\N	\N	\N	\N
01a23883-5268-7b2a-a8fd-96988d84a2e0	b97b0352-5e3a-8cea-ac11-86203d103e62	21	upgrade-shopper-21	1	upgrade-device-21	upgrade-b10-21-1	3SPC7ZZX7ATYND8YYTPEDWMJ	2026-12-02 20:47:40.136394+00	2099-12-31 00:00:00+00	2026-12-02	5	9	\N	\N	\N	\N	\N
01a23883-52e1-7841-8dfa-fb3b76561d50	b97b0352-5e3a-8cea-ac11-86203d103e62	23	upgrade-shopper-23	1	upgrade-device-23	upgrade-b10-23-1	7KQT9WXPQS0AEAQ8QXQEAXJF	2026-12-02 20:47:40.257493+00	2099-12-31 00:00:00+00	2026-12-02	5	3	\N	\N	\N	\N	\N
01a23883-5394-778d-a43e-bb5a4143156b	b97b0352-5e3a-8cea-ac11-86203d103e62	26	upgrade-shopper-26	1	upgrade-device-26	upgrade-b10-26-1	ZXXJV58HM1YRF892405B9Z4B	2026-12-02 20:47:40.436855+00	2099-12-31 00:00:00+00	2026-12-02	6	12	\N	\N	\N	\N	\N
01a23883-540c-7233-afa7-b7c1d7effc02	b97b0352-5e3a-8cea-ac11-86203d103e62	28	upgrade-shopper-28	1	upgrade-device-28	upgrade-b10-28-1	GGGHDPS8889AAJ0K93SJERBS	2026-12-02 20:47:40.556664+00	2099-12-31 00:00:00+00	2026-12-02	6	14	\N	\N	\N	\N	\N
01a23883-547b-79b2-87cb-c414f2c4b152	b97b0352-5e3a-8cea-ac11-86203d103e62	30	upgrade-shopper-30	1	upgrade-device-30	upgrade-b10-30-1	TDGZYDVSW349Q38N5EM4RDYC	2026-12-02 20:47:40.667399+00	2099-12-31 00:00:00+00	2026-12-02	6	15	\N	\N	\N	\N	\N
01a23883-54ee-7be7-ab63-4f73f174aad2	b58bd110-143e-824f-8198-8f6e6d1278c7	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-b50-02-1	4K5YEVASFYET3K6V4HZ1S0YB	2026-12-02 20:47:40.782085+00	2099-12-31 00:00:00+00	2026-12-02	12	10	\N	\N	\N	\N	\N
01a23883-555d-703f-8617-659afa7418f9	b58bd110-143e-824f-8198-8f6e6d1278c7	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-b50-04-1	V8MRB7FDA2FVSND1HR45ZAS9	2026-12-02 20:47:40.893571+00	2099-12-31 00:00:00+00	2026-12-02	12	8	\N	\N	\N	\N	\N
01a23883-55c0-7250-bda9-100dba56d01a	b58bd110-143e-824f-8198-8f6e6d1278c7	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-b50-06-1	MNHRY5ZGP38CDGVHZ01RY59H	2026-12-02 20:47:40.992792+00	2099-12-31 00:00:00+00	2026-12-02	12	14	\N	\N	\N	\N	\N
01a23883-562f-70b8-803d-b5cf8d740f8e	b58bd110-143e-824f-8198-8f6e6d1278c7	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-b50-08-1	02WP468AKKWJT26MRM1GXNFV	2026-12-02 20:47:41.103363+00	2099-12-31 00:00:00+00	2026-12-02	11	12	\N	\N	\N	\N	\N
01a23883-569e-76ee-bcac-5e52d3fbc6de	b58bd110-143e-824f-8198-8f6e6d1278c7	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-b50-10-1	R7MGKETZ501FF4PQQSAG839Z	2026-12-02 20:47:41.214697+00	2099-12-31 00:00:00+00	2026-12-02	10	13	\N	\N	\N	\N	\N
01a23883-582e-71c2-8ff5-fad22f1c8095	45749ca2-14a3-8696-8302-8207cbb20339	2	upgrade-shopper-13	1	upgrade-device-13	upgrade-variant-13-1	X9Q4PC8XH0NAETHS1CM6JNJ8	2026-12-02 20:47:41.614266+00	2099-12-31 00:00:00+00	2026-12-02	8	4	\N	\N	\N	\N	\N
01a23883-58a9-7e69-8de8-0cd3ffd212d1	45749ca2-14a3-8696-8302-8207cbb20339	4	upgrade-shopper-15	1	upgrade-device-15	upgrade-variant-15-1	T56FWQ42JJ4MB5CAY5TZD2Y2	2026-12-02 20:47:41.737405+00	2099-12-31 00:00:00+00	2026-12-02	8	14	\N	\N	\N	\N	\N
01a23883-5915-7ad5-97b3-41089a9da0b1	45749ca2-14a3-8696-8302-8207cbb20339	5	upgrade-shopper-17	1	upgrade-device-17	upgrade-variant-17-1	XD7RYACNBM4KST7Z6PKEYAXB	2026-12-02 20:47:41.845879+00	2099-12-31 00:00:00+00	2026-12-02	7	8	\N	\N	\N	\N	\N
01a23883-598f-7dec-85b8-ac9c25839bd1	287863e8-93bb-8d49-8e41-def3d65cb8bf	5	upgrade-shopper-19	1	upgrade-device-19	upgrade-variant-19-1	ERH88F89YKVZQPMNXV32Z156	2026-12-02 20:47:41.967457+00	2099-12-31 00:00:00+00	2026-12-02	7	2	\N	\N	\N	\N	\N
01a23883-59fd-774d-8dae-067842e3368f	287863e8-93bb-8d49-8e41-def3d65cb8bf	7	upgrade-shopper-21	1	upgrade-device-21	upgrade-variant-21-1	QXN2W4SSET3DEHY918ZCTGM5	2026-12-02 20:47:42.077265+00	2099-12-31 00:00:00+00	2026-12-02	6	9	\N	\N	\N	\N	\N
01a23883-5a6c-7fae-a868-3fdb3b1e6ef5	45749ca2-14a3-8696-8302-8207cbb20339	6	upgrade-shopper-23	1	upgrade-device-23	upgrade-variant-23-1	SZ27WJ47RAXY0FVWFE6ENRH6	2026-12-02 20:47:42.188837+00	2099-12-31 00:00:00+00	2026-12-02	6	3	\N	\N	\N	\N	\N
01a23883-5b1b-775e-b009-e42843781375	45749ca2-14a3-8696-8302-8207cbb20339	9	upgrade-shopper-26	1	upgrade-device-26	upgrade-variant-26-1	6S5WZTFA1TXQY3HJP99P4KZX	2026-12-02 20:47:42.363306+00	2099-12-31 00:00:00+00	2026-12-02	7	12	\N	\N	\N	\N	\N
01a23883-5b58-7fb8-94a7-0a6e2361ebd4	45749ca2-14a3-8696-8302-8207cbb20339	10	upgrade-shopper-27	1	upgrade-device-27	upgrade-variant-27-1	YKSDJG22SFTCA0SFW1GGASN7	2026-12-02 20:47:42.424244+00	2099-12-31 00:00:00+00	2026-12-02	7	15	\N	\N	\N	\N	\N
01a23883-5b86-7eed-8d25-f52c801a8db1	287863e8-93bb-8d49-8e41-def3d65cb8bf	9	upgrade-shopper-28	1	upgrade-device-28	upgrade-variant-28-1	PKW5VYEH0WTWFZRKBSW8EXGC	2026-12-02 20:47:42.470349+00	2099-12-31 00:00:00+00	2026-12-02	7	14	\N	\N	\N	\N	\N
01a23883-5bf4-733d-9609-a159c272229b	45749ca2-14a3-8696-8302-8207cbb20339	12	upgrade-shopper-30	1	upgrade-device-30	upgrade-variant-30-1	5GN874576AKQMYP8173V287B	2026-12-02 20:47:42.580559+00	2099-12-31 00:00:00+00	2026-12-02	7	15	\N	\N	\N	\N	\N
01a23883-5c5a-76d4-8d58-e6c407d8c807	45749ca2-14a3-8696-8302-8207cbb20339	13	upgrade-shopper-32	1	upgrade-device-32	upgrade-variant-32-1	RQY43SA97AD9PWGAAY8AE8ZN	2026-12-02 20:47:42.682054+00	2099-12-31 00:00:00+00	2026-12-02	6	5	\N	\N	\N	\N	\N
01a23883-5cc2-7c11-9913-ac233c997794	287863e8-93bb-8d49-8e41-def3d65cb8bf	11	upgrade-shopper-34	1	upgrade-device-34	upgrade-variant-34-1	WWJJ6HK7MJZAKEE0BX5SZED1	2026-12-02 20:47:42.786401+00	2099-12-31 00:00:00+00	2026-12-02	6	3	\N	\N	\N	\N	\N
01a23883-5d3a-765e-a5e0-9e827bbd63fc	45749ca2-14a3-8696-8302-8207cbb20339	15	upgrade-shopper-36	1	upgrade-device-36	upgrade-variant-36-1	V6CSMY9JFFY3PG23KHVDFQ7B	2026-12-02 20:47:42.906458+00	2099-12-31 00:00:00+00	2026-12-02	5	9	\N	\N	\N	\N	\N
01a23883-5db6-7bb5-a663-c59e47137af9	287863e8-93bb-8d49-8e41-def3d65cb8bf	13	upgrade-shopper-38	1	upgrade-device-38	upgrade-variant-38-1	Y7Q6JGFWXHJDHXKJ0B72B98Z	2026-12-02 20:47:43.030608+00	2099-12-31 00:00:00+00	2026-12-02	5	7	\N	\N	\N	\N	\N
01a23883-5f15-7050-ac5b-2726436c6f17	01a23883-005f-7cfb-bb86-7a04ed44dd3d	1	upgrade-shopper-41	1	upgrade-device-shared-01	upgrade-risk-41-1	HCZEKXKEBTYAN5PCD7DXPQX5	2026-12-02 20:47:43.381861+00	2099-12-31 00:00:00+00	2026-12-02	2	3	1	1	1	\N	\N
01a23883-6071-7734-9af7-5170a2662ec8	01a23883-011b-7424-9551-9e30d1da83da	2	upgrade-shopper-44	1	upgrade-device-shared-02	upgrade-riskday-44-1	1DBZ94NT5E28Q097EHMKSFJ3	2026-12-02 20:47:43.729287+00	2099-12-31 00:00:00+00	2026-12-02	2	12	2	2	2	\N	\N
01a23883-612f-72e6-859a-75d83366769b	01a23883-005f-7cfb-bb86-7a04ed44dd3d	4	upgrade-shopper-31	1	upgrade-device-31	upgrade-risk-31-1	V4GQME01GB4VSV7CY7EHMHFJ	2026-12-02 20:47:43.919852+00	2099-12-31 00:00:00+00	2026-12-02	7	12	1	1	1	\N	\N
01a23883-61a5-71bd-875e-da9c2585414b	01a23883-005f-7cfb-bb86-7a04ed44dd3d	6	upgrade-shopper-33	1	upgrade-device-33	upgrade-risk-33-1	ZRHBRJGSEG492VFVQ96G9ZHE	2026-12-02 20:47:44.037533+00	2099-12-31 00:00:00+00	2026-12-02	7	2	1	1	1	\N	\N
01a23883-6212-723d-9e2c-ad2d6fb16763	01a23883-005f-7cfb-bb86-7a04ed44dd3d	8	upgrade-shopper-35	1	upgrade-device-35	upgrade-risk-35-1	DHDJVMP8E6PHAQF891MHR6SW	2026-12-02 20:47:44.14628+00	2099-12-31 00:00:00+00	2026-12-02	7	0	1	1	1	\N	\N
01a23883-4c4c-7a5e-b948-6762e5105a27	01a23882-fe29-7bef-a7dd-34daed7533ed	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-secrets-15-1	GR7CVA14ARPP3B2QZQGCYQZC	2026-12-02 20:47:38.572239+00	2099-12-31 00:00:00+00	2026-12-02	6	14	\N	\N	\N	\N	30.00
01a23883-4ee6-7e5e-8585-2d6ec9ecb6eb	b97b0352-5e3a-8cea-ac11-86203d103e62	6	upgrade-shopper-06	1	upgrade-device-06	upgrade-b10-06-1	F53A546FF6H1CH2EGRBPBTT4	2026-12-02 20:47:39.2388+00	2099-12-31 00:00:00+00	2026-12-02	11	14	\N	\N	\N	\N	\N
01a23883-4f51-78f5-9f59-fc21a1e979e8	b97b0352-5e3a-8cea-ac11-86203d103e62	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-b10-08-1	Y4TH3JB9YCHDWZ2ZGFEQYRXM	2026-12-02 20:47:39.345887+00	2099-12-31 00:00:00+00	2026-12-02	10	12	\N	\N	\N	\N	\N
01a23883-4fbc-764b-a9b4-5247152ddd01	b97b0352-5e3a-8cea-ac11-86203d103e62	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-b10-10-1	GD5JZ0FYGQ87PH39WZW34GKX	2026-12-02 20:47:39.452206+00	2099-12-31 00:00:00+00	2026-12-02	9	13	\N	\N	\N	\N	\N
01a23883-5026-7a5e-8dc2-d3fbdf4c0d48	b97b0352-5e3a-8cea-ac11-86203d103e62	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-b10-12-1	65FT0NH93J4PZVJ4Z67CAC55	2026-12-02 20:47:39.558009+00	2099-12-31 00:00:00+00	2026-12-02	8	7	\N	\N	\N	\N	\N
01a23883-50ad-7a96-a69a-5951712a273d	b97b0352-5e3a-8cea-ac11-86203d103e62	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-b10-14-1	47SCC2K9XBYY2Y8KY28XJPZJ	2026-12-02 20:47:39.693232+00	2099-12-31 00:00:00+00	2026-12-02	7	1	\N	\N	\N	\N	\N
01a23883-5132-72e7-a16e-68fa9e7f5150	b97b0352-5e3a-8cea-ac11-86203d103e62	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-b10-16-1	3S2F1601923R73KWGR7HHYC1	2026-12-02 20:47:39.826499+00	2099-12-31 00:00:00+00	2026-12-02	6	11	\N	\N	\N	\N	\N
01a23883-51ab-7724-a7e9-00a773007411	b97b0352-5e3a-8cea-ac11-86203d103e62	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-b10-18-1	K5JJ3HCAYSFX08CH5A7Q8WD6	2026-12-02 20:47:39.947897+00	2099-12-31 00:00:00+00	2026-12-02	6	5	\N	\N	\N	\N	\N
01a23883-522c-7018-96ef-b572d8f861b8	b97b0352-5e3a-8cea-ac11-86203d103e62	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-b10-20-1	MJHKJ2RNFMX3JN3TPEPAPVK4	2026-12-02 20:47:40.076844+00	2099-12-31 00:00:00+00	2026-12-02	6	6	\N	\N	\N	\N	\N
01a23883-52a6-79a0-a35f-53014fd16147	b97b0352-5e3a-8cea-ac11-86203d103e62	22	upgrade-shopper-22	1	upgrade-device-22	upgrade-b10-22-1	5WDSD88PF77DT88R3D5TGV8N	2026-12-02 20:47:40.198655+00	2099-12-31 00:00:00+00	2026-12-02	5	0	\N	\N	\N	\N	\N
01a23883-5312-7b80-8dbb-5717db533587	b97b0352-5e3a-8cea-ac11-86203d103e62	24	upgrade-shopper-24	1	upgrade-device-24	upgrade-b10-24-1	V3GA9HJKX47GBZDD03KJ26TC	2026-12-02 20:47:40.306991+00	2099-12-31 00:00:00+00	2026-12-02	5	2	\N	\N	\N	\N	\N
01a23883-5352-743f-bf2e-d776fc400b9a	b97b0352-5e3a-8cea-ac11-86203d103e62	25	upgrade-shopper-25	1	upgrade-device-25	upgrade-b10-25-1	52KKMC053VKXEWFVG56GCVMK	2026-12-02 20:47:40.370408+00	2099-12-31 00:00:00+00	2026-12-02	5	5	\N	\N	\N	\N	\N
01a23883-53d2-795a-9f44-e11780e92256	b97b0352-5e3a-8cea-ac11-86203d103e62	27	upgrade-shopper-27	1	upgrade-device-27	upgrade-b10-27-1	BXGVTKB14MD69VVS7QQRHT00	2026-12-02 20:47:40.498602+00	2099-12-31 00:00:00+00	2026-12-02	6	15	\N	\N	\N	\N	\N
01a23883-5444-7d6c-9ac1-1b7a540c24aa	b97b0352-5e3a-8cea-ac11-86203d103e62	29	upgrade-shopper-29	1	upgrade-device-29	upgrade-b10-29-1	WYJ857AS6R4RKZZ1R9KA3064	2026-12-02 20:47:40.612482+00	2099-12-31 00:00:00+00	2026-12-02	6	1	\N	\N	\N	\N	\N
01a23883-54b9-7f66-b777-db3c7f653aa8	b58bd110-143e-824f-8198-8f6e6d1278c7	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-b50-01-1	GRSKYSCYBYAXYHPNYSP6P0P7	2026-12-02 20:47:40.729374+00	2099-12-31 00:00:00+00	2026-12-02	12	7	\N	\N	\N	\N	\N
01a23883-552c-7621-bcdb-31d172158c9c	b58bd110-143e-824f-8198-8f6e6d1278c7	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-b50-03-1	9BJ437FVEG0W5K5EKTNPTPFQ	2026-12-02 20:47:40.844743+00	2099-12-31 00:00:00+00	2026-12-02	12	13	\N	\N	\N	\N	\N
01a23883-558f-7b38-965e-73b2f44561d3	b58bd110-143e-824f-8198-8f6e6d1278c7	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-b50-05-1	NRZS5GSDGK2VD5NFRW1FQG6P	2026-12-02 20:47:40.943249+00	2099-12-31 00:00:00+00	2026-12-02	12	11	\N	\N	\N	\N	\N
01a23883-5662-741a-b453-f6027cc8009f	b58bd110-143e-824f-8198-8f6e6d1278c7	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-b50-09-1	NFHA26NWS2Y70H9YHMSPBZR7	2026-12-02 20:47:41.154188+00	2099-12-31 00:00:00+00	2026-12-02	10	15	\N	\N	\N	\N	\N
01a23883-575f-7066-87ce-0b596b30cb13	287863e8-93bb-8d49-8e41-def3d65cb8bf	1	upgrade-shopper-10	1	upgrade-device-10	upgrade-variant-10-1	F5F8C2NEAJJFHW3CYN18TX0B	2026-12-02 20:47:41.407246+00	2099-12-31 00:00:00+00	2026-12-02	11	13	\N	\N	\N	\N	\N
01a23883-579e-7155-bda3-5559549b7ec3	45749ca2-14a3-8696-8302-8207cbb20339	1	upgrade-shopper-11	1	upgrade-device-11	upgrade-variant-11-1	47AZQRT28S9A8X6TMWNC8BK9	2026-12-02 20:47:41.470101+00	2099-12-31 00:00:00+00	2026-12-02	10	10	\N	\N	\N	\N	\N
01a23883-57dc-7fcf-9c3c-4f9f75596c54	287863e8-93bb-8d49-8e41-def3d65cb8bf	2	upgrade-shopper-12	1	upgrade-device-12	upgrade-variant-12-1	EMKJWP6MJFTDM0P5AZ8YEYYQ	2026-12-02 20:47:41.532392+00	2099-12-31 00:00:00+00	2026-12-02	9	7	\N	\N	\N	\N	\N
01a23883-586c-714b-9f30-da90b124d7dc	45749ca2-14a3-8696-8302-8207cbb20339	3	upgrade-shopper-14	1	upgrade-device-14	upgrade-variant-14-1	VFN075RVMPDGBSH6TZMM92XB	2026-12-02 20:47:41.676616+00	2099-12-31 00:00:00+00	2026-12-02	8	1	\N	\N	\N	\N	\N
01a23883-58da-732a-b989-d039e4750eaa	287863e8-93bb-8d49-8e41-def3d65cb8bf	3	upgrade-shopper-16	1	upgrade-device-16	upgrade-variant-16-1	6T24KGDVEJ3CN3J7Z3FJZJDM	2026-12-02 20:47:41.786433+00	2099-12-31 00:00:00+00	2026-12-02	7	11	\N	\N	\N	\N	\N
01a23883-5956-76c7-8179-43b8fd7fde37	287863e8-93bb-8d49-8e41-def3d65cb8bf	4	upgrade-shopper-18	1	upgrade-device-18	upgrade-variant-18-1	1Y5DZE3WGTYGFHFQ9SFJXAW6	2026-12-02 20:47:41.910224+00	2099-12-31 00:00:00+00	2026-12-02	7	5	\N	\N	\N	\N	\N
01a23883-59c9-7c48-b8a7-6ac999ff5fad	287863e8-93bb-8d49-8e41-def3d65cb8bf	6	upgrade-shopper-20	1	upgrade-device-20	upgrade-variant-20-1	TTSRW1CZTKYTKMGASZP3WWQ2	2026-12-02 20:47:42.025702+00	2099-12-31 00:00:00+00	2026-12-02	7	6	\N	\N	\N	\N	\N
01a23883-5a38-7d00-8575-eea8116b8806	287863e8-93bb-8d49-8e41-def3d65cb8bf	8	upgrade-shopper-22	1	upgrade-device-22	upgrade-variant-22-1	XS4PJFT3P27PVQCMES4E5KBE	2026-12-02 20:47:42.136145+00	2099-12-31 00:00:00+00	2026-12-02	6	0	\N	\N	\N	\N	\N
01a23883-5aa1-79f9-b650-f25d8ae50420	45749ca2-14a3-8696-8302-8207cbb20339	7	upgrade-shopper-24	1	upgrade-device-24	upgrade-variant-24-1	QCZ05WZSED0B7PCKE9GQTAPR	2026-12-02 20:47:42.24117+00	2099-12-31 00:00:00+00	2026-12-02	6	2	\N	\N	\N	\N	\N
01a23883-5adf-757c-9276-c0b445956365	45749ca2-14a3-8696-8302-8207cbb20339	8	upgrade-shopper-25	1	upgrade-device-25	upgrade-variant-25-1	81BEXKXSFWDNZQFKE8WXE4CG	2026-12-02 20:47:42.303616+00	2099-12-31 00:00:00+00	2026-12-02	6	5	\N	\N	\N	\N	\N
01a23883-5bbd-7a13-b164-ca001ea6723d	45749ca2-14a3-8696-8302-8207cbb20339	11	upgrade-shopper-29	1	upgrade-device-29	upgrade-variant-29-1	AXYM5BY5RQJ0M0FBZ4XPY889	2026-12-02 20:47:42.525036+00	2099-12-31 00:00:00+00	2026-12-02	7	1	\N	\N	\N	\N	\N
01a23883-5c2c-7a7e-87c1-cc63bf43e086	287863e8-93bb-8d49-8e41-def3d65cb8bf	10	upgrade-shopper-31	1	upgrade-device-31	upgrade-variant-31-1	47DRB8QYV3GRE0DMGNQZA7DW	2026-12-02 20:47:42.636572+00	2099-12-31 00:00:00+00	2026-12-02	6	12	\N	\N	\N	\N	\N
01a23883-5c8a-7eb3-b0a4-f262bf22bc3c	45749ca2-14a3-8696-8302-8207cbb20339	14	upgrade-shopper-33	1	upgrade-device-33	upgrade-variant-33-1	Y6VPKCEWTSKG92528NCTD9MR	2026-12-02 20:47:42.73058+00	2099-12-31 00:00:00+00	2026-12-02	6	2	\N	\N	\N	\N	\N
01a23883-5cfe-7838-8fb7-d448211f158c	287863e8-93bb-8d49-8e41-def3d65cb8bf	12	upgrade-shopper-35	1	upgrade-device-35	upgrade-variant-35-1	EH5EMFQJ9BH033VMZFX8665J	2026-12-02 20:47:42.846997+00	2099-12-31 00:00:00+00	2026-12-02	6	0	\N	\N	\N	\N	\N
01a23883-5d7b-7775-ae1d-36f0b457e023	45749ca2-14a3-8696-8302-8207cbb20339	16	upgrade-shopper-37	1	upgrade-device-37	upgrade-variant-37-1	MP2XAYVRC65NAVT6DQTYE71N	2026-12-02 20:47:42.971031+00	2099-12-31 00:00:00+00	2026-12-02	5	6	\N	\N	\N	\N	\N
01a23883-5de8-7785-9a26-ccaaffc9428a	45749ca2-14a3-8696-8302-8207cbb20339	17	upgrade-shopper-39	1	upgrade-device-39	upgrade-variant-39-1	RZDJZMS41KX00DNYXBYTXR53	2026-12-02 20:47:43.08007+00	2099-12-31 00:00:00+00	2026-12-02	5	4	\N	\N	\N	\N	\N
01a23883-5f6c-74fc-acdf-d3489bdcc355	01a23883-005f-7cfb-bb86-7a04ed44dd3d	2	upgrade-shopper-42	1	upgrade-device-shared-01	upgrade-risk-42-1	67JCWPJK0FFKXA1SSKA6J1SR	2026-12-02 20:47:43.468337+00	2099-12-31 00:00:00+00	2026-12-02	2	6	2	2	2	\N	\N
01a23883-5fea-7d9d-9f76-bffad58c044f	01a23883-005f-7cfb-bb86-7a04ed44dd3d	3	upgrade-shopper-41	2	upgrade-device-shared-01	upgrade-risk-41-2	WW6VPA6HCSTKN6MR0WE0MGQM	2026-12-02 20:47:43.594265+00	2099-12-31 00:00:00+00	2026-12-02	3	3	3	3	\N	\N	\N
01a23883-6044-744f-a77f-c3d9e8116a57	01a23883-011b-7424-9551-9e30d1da83da	1	upgrade-shopper-43	1	upgrade-device-shared-02	upgrade-riskday-43-1	VQQT17EXP32KCWM5E0E53HQH	2026-12-02 20:47:43.68481+00	2099-12-31 00:00:00+00	2026-12-02	2	9	1	1	1	\N	\N
01a23883-609c-7c47-8be2-d3b77f9b905d	01a23883-011b-7424-9551-9e30d1da83da	3	upgrade-shopper-45	1	upgrade-device-shared-02	upgrade-riskday-45-1	7KTX5E6DFF8K3FEHNVD9F66E	2026-12-02 20:47:43.772288+00	2099-12-31 00:00:00+00	2026-12-02	2	15	3	3	3	\N	\N
01a23883-60d1-780c-a40d-144081020708	01a23883-011b-7424-9551-9e30d1da83da	4	upgrade-shopper-46	1	upgrade-device-shared-02	upgrade-riskday-46-1	Y3X3H35G8KP7QKZ6MYVCY6FP	2026-12-02 20:47:43.825363+00	2099-12-31 00:00:00+00	2026-12-02	1	2	4	4	4	\N	\N
01a23883-6162-7eb2-86ba-a841c7be6efc	01a23883-005f-7cfb-bb86-7a04ed44dd3d	5	upgrade-shopper-32	1	upgrade-device-32	upgrade-risk-32-1	VB7PG571AJYJWW8MSW9GQ34G	2026-12-02 20:47:43.970506+00	2099-12-31 00:00:00+00	2026-12-02	7	5	1	1	1	\N	\N
01a23883-61de-762c-ad85-41a09999ca88	01a23883-005f-7cfb-bb86-7a04ed44dd3d	7	upgrade-shopper-34	1	upgrade-device-34	upgrade-risk-34-1	4Z0Q2FAFNHTQ89RC4JRXB70F	2026-12-02 20:47:44.094413+00	2099-12-31 00:00:00+00	2026-12-02	7	3	1	1	1	\N	\N
01a23883-55f4-7d4c-8791-058a8ef648b2	b58bd110-143e-824f-8198-8f6e6d1278c7	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-b50-07-1	JS82Z3YDJ5QDNQ7C3HVP78DC	2026-12-02 20:47:41.044312+00	2099-12-31 00:00:00+00	2026-12-02	11	1	\N	\N	\N	\N	\N
01a23883-623f-77c4-9259-ad88ec3c60e2	01a23883-005f-7cfb-bb86-7a04ed44dd3d	9	upgrade-shopper-36	1	upgrade-device-36	upgrade-risk-36-1	E5WTJA81EMBC1XD4R07Y52J7	2026-12-02 20:47:44.191457+00	2099-12-31 00:00:00+00	2026-12-02	6	9	1	1	1	\N	\N
01a23883-629d-714f-babc-64967bc729cf	01a23883-005f-7cfb-bb86-7a04ed44dd3d	11	upgrade-shopper-38	1	upgrade-device-38	upgrade-risk-38-1	C8VEJ3ST7WX2TKM6DY34BG91	2026-12-02 20:47:44.285749+00	2099-12-31 00:00:00+00	2026-12-02	6	7	1	1	1	\N	\N
01a23883-6308-7179-9c8a-d9f8a5cf598b	01a23883-005f-7cfb-bb86-7a04ed44dd3d	13	upgrade-shopper-40	1	upgrade-device-40	upgrade-risk-40-1	JVTQAAP4BECZP56MTAQ54H6A	2026-12-02 20:47:44.392478+00	2099-12-31 00:00:00+00	2026-12-02	5	0	1	1	1	\N	\N
01a23883-6380-720b-a08c-34094d10da95	01a23883-011b-7424-9551-9e30d1da83da	6	upgrade-shopper-32	1	upgrade-device-32	upgrade-riskday-32-1	RHSX2S329WNFWG5Z3GDP9AGH	2026-12-02 20:47:44.512523+00	2099-12-31 00:00:00+00	2026-12-02	8	5	1	2	\N	\N	\N
01a23883-63f2-783b-b657-3912f4b0bd58	01a23883-011b-7424-9551-9e30d1da83da	8	upgrade-shopper-34	1	upgrade-device-34	upgrade-riskday-34-1	RP08XP290F829ZJ9D736SRA0	2026-12-02 20:47:44.626883+00	2099-12-31 00:00:00+00	2026-12-02	8	3	1	2	\N	\N	\N
01a23883-6470-7df5-8e71-4fe95f013662	01a23883-011b-7424-9551-9e30d1da83da	10	upgrade-shopper-36	1	upgrade-device-36	upgrade-riskday-36-1	9BGA9TQY5EW0D1MB1FQNWAWV	2026-12-02 20:47:44.752019+00	2099-12-31 00:00:00+00	2026-12-02	7	9	1	2	\N	\N	\N
01a23883-64dd-7cf2-819a-2397f42e3bb0	01a23883-011b-7424-9551-9e30d1da83da	12	upgrade-shopper-38	1	upgrade-device-38	upgrade-riskday-38-1	QKYF019Y2BJE2WYBKVN0WNSV	2026-12-02 20:47:44.861469+00	2099-12-31 00:00:00+00	2026-12-02	7	7	1	2	\N	\N	\N
01a23883-6545-73bb-b598-24699ab2edc2	01a23883-011b-7424-9551-9e30d1da83da	14	upgrade-shopper-40	1	upgrade-device-40	upgrade-riskday-40-1	ATFQY6XY0NKNQZ860R9VXZHK	2026-12-02 20:47:44.965375+00	2099-12-31 00:00:00+00	2026-12-02	6	0	1	2	\N	\N	\N
01a23883-67cc-7cb7-88a7-aa3a48ecadbc	01a23882-fab3-7c84-922e-e63bcb454c40	51	upgrade-shopper-47	1	upgrade-device-47	upgrade-fixed-47-2	S3TSG8YEV07RJ6WPDH1WM4N5	2026-12-02 20:47:45.612325+00	2099-12-31 00:00:00+00	2026-12-02	2	5	\N	\N	\N	\N	\N
01a23883-6856-7cee-a690-c15326d0a4ca	01a23883-055a-74bd-954f-7c048580a0f3	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-paused-02-1	44VQWBQTKSXVQMDBM1ZCRR4E	2026-12-02 20:47:45.750269+00	2099-12-31 00:00:00+00	2026-12-02	13	10	\N	\N	\N	\N	\N
01a23883-68c7-7130-b8b1-710a071e43d2	01a23883-055a-74bd-954f-7c048580a0f3	4	upgrade-shopper-04	1	upgrade-device-04	upgrade-paused-04-1	2XM7YXG7HRP4X75AC9DMDHBH	2026-12-02 20:47:45.863242+00	2099-12-31 00:00:00+00	2026-12-02	13	8	\N	\N	\N	\N	\N
01a23883-6a2b-71d4-8d66-9861b86c243d	01a23883-0686-76bb-a647-4181ad589d4e	3	upgrade-shopper-08	1	upgrade-device-08	upgrade-resumed-08-1	HSSERSNE0HF50XN8E2AW47K2	2026-12-02 20:47:46.219655+00	2099-12-31 00:00:00+00	2026-12-02	12	12	\N	\N	\N	\N	\N
01a23883-6a5f-7aca-a108-576cce3c079a	01a23883-0686-76bb-a647-4181ad589d4e	4	upgrade-shopper-09	1	upgrade-device-09	upgrade-resumed-09-1	WM28FYDHMEZX10CHMKFTF3CG	2026-12-02 20:47:46.271822+00	2099-12-31 00:00:00+00	2026-12-02	11	15	\N	\N	\N	\N	\N
01a23883-6b2a-75e6-a4d7-813814eeb7f2	01a23883-0686-76bb-a647-4181ad589d4e	6	upgrade-shopper-11	1	upgrade-device-11	upgrade-resumed-11-1	6CFHAZEPWVCXXK3PWWWYKVFY	2026-12-02 20:47:46.474181+00	2099-12-31 00:00:00+00	2026-12-02	11	10	\N	\N	\N	\N	\N
01a23883-6b97-720f-ab10-cbc04dee8520	01a23883-0686-76bb-a647-4181ad589d4e	8	upgrade-shopper-13	1	upgrade-device-13	upgrade-resumed-13-1	V7577PAZK40M58HRR0V68DPR	2026-12-02 20:47:46.583715+00	2099-12-31 00:00:00+00	2026-12-02	9	4	\N	\N	\N	\N	\N
01a23883-6c00-7ae9-9c8f-076a1939cd65	01a23883-0686-76bb-a647-4181ad589d4e	10	upgrade-shopper-15	1	upgrade-device-15	upgrade-resumed-15-1	HG4PGJ75RY8D28BSCTNY1TZN	2026-12-02 20:47:46.688381+00	2099-12-31 00:00:00+00	2026-12-02	9	14	\N	\N	\N	\N	\N
01a23883-6c6e-7f89-8ac5-b3f746c3c424	01a23883-0798-7f22-96e6-0ba2167ce3e1	2	upgrade-shopper-22	1	upgrade-device-22	upgrade-topup-22-1	4EKVCHEXBPV8DZFVF97NXQ8C	2026-12-02 20:47:46.798557+00	2099-12-31 00:00:00+00	2026-12-02	7	0	\N	\N	\N	\N	\N
01a23883-6cdc-7507-882f-e6e9fc417db7	01a23883-0798-7f22-96e6-0ba2167ce3e1	4	upgrade-shopper-24	1	upgrade-device-24	upgrade-topup-24-1	CN7EV7MFJAG3WCBEBH94E6HS	2026-12-02 20:47:46.908874+00	2099-12-31 00:00:00+00	2026-12-02	7	2	\N	\N	\N	\N	\N
01a23883-6d49-7b8d-920e-42bae083fbc2	01a23883-0798-7f22-96e6-0ba2167ce3e1	6	upgrade-shopper-26	1	upgrade-device-26	upgrade-topup-26-1	33TZSX5C6ZB1ZZGA6GMCXY3T	2026-12-02 20:47:47.017908+00	2099-12-31 00:00:00+00	2026-12-02	8	12	\N	\N	\N	\N	\N
01a23883-6dc5-705e-9178-a8f323b09d8a	01a23883-0798-7f22-96e6-0ba2167ce3e1	8	upgrade-shopper-28	1	upgrade-device-28	upgrade-topup-28-1	Z3459WHZD8V15ANKN3N6CKFA	2026-12-02 20:47:47.141652+00	2099-12-31 00:00:00+00	2026-12-02	8	14	\N	\N	\N	\N	\N
01a23883-6e29-77b8-bf09-b399eca633aa	01a23883-0798-7f22-96e6-0ba2167ce3e1	10	upgrade-shopper-30	1	upgrade-device-30	upgrade-topup-30-1	WMDW490YFGH5K08JAJ1HS9M9	2026-12-02 20:47:47.241494+00	2099-12-31 00:00:00+00	2026-12-02	8	15	\N	\N	\N	\N	\N
01a23883-6eae-787a-a5c5-60b043042169	01a23883-0798-7f22-96e6-0ba2167ce3e1	11	upgrade-shopper-31	1	upgrade-device-31	upgrade-topup-31-1	1FX5746VNXXQC3X5KWRSBC8J	2026-12-02 20:47:47.374562+00	2099-12-31 00:00:00+00	2026-12-02	9	12	\N	\N	\N	\N	\N
01a23883-6eed-7c0d-a3e0-2ba3defabf2d	01a23883-0798-7f22-96e6-0ba2167ce3e1	12	upgrade-shopper-32	1	upgrade-device-32	upgrade-topup-32-1	JXSW0BVDNS4GT0PYMF4B6M8B	2026-12-02 20:47:47.437337+00	2099-12-31 00:00:00+00	2026-12-02	9	5	\N	\N	\N	\N	\N
01a23883-6f5a-7211-a50d-97134adaeb60	01a23883-0798-7f22-96e6-0ba2167ce3e1	14	upgrade-shopper-34	1	upgrade-device-34	upgrade-topup-34-1	1X2FA00DT6NYGQ5MJNFVMB45	2026-12-02 20:47:47.546412+00	2099-12-31 00:00:00+00	2026-12-02	9	3	\N	\N	\N	\N	\N
01a23883-6fc1-7b87-ba42-9f3ac0b9f945	01a23883-0902-7147-a353-8bb62e97a10b	1	upgrade-shopper-41	1	upgrade-device-41	upgrade-soldout-41-1	YMM9Q1VMPBRSJEG8TSVYEAJ9	2026-12-02 20:47:47.64948+00	2099-12-31 00:00:00+00	2026-12-02	4	3	\N	\N	\N	\N	\N
01a23883-702b-76f6-8cea-03051d85910c	01a23883-0902-7147-a353-8bb62e97a10b	3	upgrade-shopper-43	1	upgrade-device-43	upgrade-soldout-43-1	NGG9XR4TB3T4DJF8Q4DRVNNN	2026-12-02 20:47:47.75593+00	2099-12-31 00:00:00+00	2026-12-02	3	9	\N	\N	\N	\N	\N
01a23883-7087-71b8-a7de-a6b48c497d8d	01a23883-0902-7147-a353-8bb62e97a10b	5	upgrade-shopper-45	1	upgrade-device-45	upgrade-soldout-45-1	A8PAWH977BE4GS13EYKCZM2D	2026-12-02 20:47:47.847409+00	2099-12-31 00:00:00+00	2026-12-02	3	15	\N	\N	\N	\N	\N
01a23883-7165-7a99-822c-b669996d0969	01a23883-0a1f-7267-9fa1-48410239522e	2	upgrade-shopper-17	1	upgrade-device-17	upgrade-ended-17-1	MHWM52JPNW7GJCJDVJD329HV	2026-12-02 20:47:48.069228+00	2099-12-31 00:00:00+00	2026-12-02	8	8	\N	\N	\N	\N	\N
01a23883-71a5-7472-90c2-807a967126d9	01a23883-0a1f-7267-9fa1-48410239522e	3	upgrade-shopper-18	1	upgrade-device-18	upgrade-ended-18-1	CD0BEBCH2TNBGN91YDMK860R	2026-12-02 20:47:48.133169+00	2099-12-31 00:00:00+00	2026-12-02	8	5	\N	\N	\N	\N	\N
01a23883-71de-79bb-a25f-aef05b4a45f7	01a23883-0a1f-7267-9fa1-48410239522e	4	upgrade-shopper-19	1	upgrade-device-19	upgrade-ended-19-1	A1NX47ASJ020VH1C5RS6BRPZ	2026-12-02 20:47:48.190886+00	2099-12-31 00:00:00+00	2026-12-02	8	2	\N	\N	\N	\N	\N
01a23883-7254-76c1-a982-fef922e63150	01a23883-0a1f-7267-9fa1-48410239522e	6	upgrade-shopper-21	1	upgrade-device-21	upgrade-ended-21-1	STHA06NEP2W3NKBH9CNF9VPE	2026-12-02 20:47:48.30808+00	2099-12-31 00:00:00+00	2026-12-02	8	9	\N	\N	\N	\N	\N
01a23883-72d3-7f9e-9b32-bd284185d187	01a23883-0a1f-7267-9fa1-48410239522e	8	upgrade-shopper-23	1	upgrade-device-23	upgrade-ended-23-1	ZM1WB1HAHHNWYXF3365DKRY8	2026-12-02 20:47:48.435397+00	2099-12-31 00:00:00+00	2026-12-02	8	3	\N	\N	\N	\N	\N
01a23883-1ab6-71cb-b5bd-ca1517a0e07c	01a23882-fab3-7c84-922e-e63bcb454c40	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-fixed-07-1	VGHQTQ2Y6W73CXAWTHXW0MQ2	2026-12-02 20:47:25.878211+00	2099-12-31 00:00:00+00	2026-12-02	2	1	\N	\N	\N	\N	\N
01a23883-44f0-72c9-94be-d61704c1267a	01a23882-fdaf-74e0-9def-9cf48226e8bc	14	upgrade-shopper-07	2	upgrade-device-07	upgrade-priced-07-2	YZM3TVQ61S4M4EJG7TDBM803	2026-12-02 20:47:36.688042+00	2099-12-31 00:00:00+00	2026-12-02	8	1	\N	\N	\N	\N	\N
01a23883-4f22-72bc-828d-3d1283664c74	b97b0352-5e3a-8cea-ac11-86203d103e62	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-b10-07-1	7A890P1815HWC4QVDYFMA6RV	2026-12-02 20:47:39.298032+00	2099-12-31 00:00:00+00	2026-12-02	10	1	\N	\N	\N	\N	\N
01a23883-8a2f-716e-831c-83b93806525a	01a23883-12f3-7632-b87b-b50740cf71fb	2	upgrade-shopper-22	1	upgrade-device-22	upgrade-edited-22-1	22QP4YFEDR1WGYZR488MCWNB	2026-12-02 20:47:54.415195+00	2099-12-31 00:00:00+00	2026-12-02	9	0	\N	\N	\N	\N	\N
01a23883-8a90-7fcc-a3b7-36da74fed239	01a23883-12f3-7632-b87b-b50740cf71fb	4	upgrade-shopper-24	1	upgrade-device-24	upgrade-edited-24-1	S34Z0FS7AW0ATV29S4JX6X8Y	2026-12-02 20:47:54.512277+00	2099-12-31 00:00:00+00	2026-12-02	9	2	\N	\N	\N	\N	\N
01a23883-8abe-7c06-9cfc-a75a905e9c97	01a23883-12f3-7632-b87b-b50740cf71fb	5	upgrade-shopper-25	1	upgrade-device-25	upgrade-edited-25-1	XNEWFFEXWYFHHCG9XBYWG0QC	2026-12-02 20:47:54.558806+00	2099-12-31 00:00:00+00	2026-12-02	9	5	\N	\N	\N	\N	\N
01a23883-8b46-7fb8-9e42-4b7082c73277	01a23883-12f3-7632-b87b-b50740cf71fb	8	upgrade-shopper-28	1	upgrade-device-28	upgrade-edited-28-1	G9M9DJ6TM9P827B8MYJ89PQR	2026-12-02 20:47:54.694967+00	2099-12-31 00:00:00+00	2026-12-02	9	14	\N	\N	\N	\N	\N
01a23883-8bbe-7195-8806-80639cf36f4a	01a23883-12f3-7632-b87b-b50740cf71fb	11	upgrade-shopper-22	2	upgrade-device-22	upgrade-edited-22-2	M5NDB70DC3BFEVTGD1V00QQZ	2026-12-02 20:47:54.814471+00	2099-12-31 00:00:00+00	2026-12-02	10	0	\N	\N	\N	\N	\N
01a23883-8c40-76aa-8c3a-4df49dcc22d5	01a23883-0ff7-77aa-a6cd-df55b639e3bd	9	upgrade-shopper-09	1	upgrade-device-09	upgrade-early-09-1	BPTNWPHX40D6D1YYP19YD19A	2026-12-02 20:47:54.944727+00	2099-12-31 00:00:00+00	2026-12-02	12	15	\N	\N	\N	\N	\N
01a23883-626d-720e-87b8-84497defa02d	01a23883-005f-7cfb-bb86-7a04ed44dd3d	10	upgrade-shopper-37	1	upgrade-device-37	upgrade-risk-37-1	ZT3HPF9G6EPCNJ7WFT1KGQRR	2026-12-02 20:47:44.237026+00	2099-12-31 00:00:00+00	2026-12-02	6	6	1	1	1	\N	\N
01a23883-62cb-7791-a1ba-aea222ef8b05	01a23883-005f-7cfb-bb86-7a04ed44dd3d	12	upgrade-shopper-39	1	upgrade-device-39	upgrade-risk-39-1	N47HPYP6AE98MY1RGFA4BCK2	2026-12-02 20:47:44.331303+00	2099-12-31 00:00:00+00	2026-12-02	6	4	1	1	1	\N	\N
01a23883-6341-7776-8ce2-e599fad04e67	01a23883-011b-7424-9551-9e30d1da83da	5	upgrade-shopper-31	1	upgrade-device-31	upgrade-riskday-31-1	MQ7HFDGJF46TY406GB3D0R2W	2026-12-02 20:47:44.44951+00	2099-12-31 00:00:00+00	2026-12-02	8	12	1	2	\N	\N	\N
01a23883-63be-7e56-91ed-f4f8433a7e83	01a23883-011b-7424-9551-9e30d1da83da	7	upgrade-shopper-33	1	upgrade-device-33	upgrade-riskday-33-1	S6Q8SYKHQQXQKQTJ3XT1V595	2026-12-02 20:47:44.57481+00	2099-12-31 00:00:00+00	2026-12-02	8	2	1	2	\N	\N	\N
01a23883-6435-7539-a2e2-b5013508df1e	01a23883-011b-7424-9551-9e30d1da83da	9	upgrade-shopper-35	1	upgrade-device-35	upgrade-riskday-35-1	SYM7X59B0XYYHFHHWNZMNC2N	2026-12-02 20:47:44.693315+00	2099-12-31 00:00:00+00	2026-12-02	8	0	1	2	\N	\N	\N
01a23883-64a8-7192-90a2-77b6a5a185ec	01a23883-011b-7424-9551-9e30d1da83da	11	upgrade-shopper-37	1	upgrade-device-37	upgrade-riskday-37-1	PATGH453B9D6ZE2DWKFV6KRB	2026-12-02 20:47:44.808313+00	2099-12-31 00:00:00+00	2026-12-02	7	6	1	2	\N	\N	\N
01a23883-6508-703e-9fed-5993e2b5bb12	01a23883-011b-7424-9551-9e30d1da83da	13	upgrade-shopper-39	1	upgrade-device-39	upgrade-riskday-39-1	03ZDHPAFNTA45WPXZ3PWVNEX	2026-12-02 20:47:44.904752+00	2099-12-31 00:00:00+00	2026-12-02	7	4	1	2	\N	\N	\N
01a23883-679f-7222-92be-0ccfd454b5a1	01a23882-fc1e-77b6-b370-d29ca7c21b75	31	upgrade-shopper-47	1	upgrade-device-47	upgrade-threshold-47-1	S65DKMZY4KPP82KD48597EPY	2026-12-02 20:47:45.567533+00	2099-12-31 00:00:00+00	2026-12-02	1	5	\N	\N	\N	\N	\N
01a23883-6821-77a7-b88b-6f2ccaafc292	01a23883-055a-74bd-954f-7c048580a0f3	1	upgrade-shopper-01	1	upgrade-device-01	upgrade-paused-01-1	HWNJ8Q4E5GN7ZJFJQKTT7ZEB	2026-12-02 20:47:45.697901+00	2099-12-31 00:00:00+00	2026-12-02	13	7	\N	\N	\N	\N	\N
01a23883-6889-7eaa-89da-0d48ccf9e637	01a23883-055a-74bd-954f-7c048580a0f3	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-paused-03-1	CSH0V0HC5JMHRSFMAXR842S7	2026-12-02 20:47:45.801957+00	2099-12-31 00:00:00+00	2026-12-02	13	13	\N	\N	\N	\N	\N
01a23883-690a-7442-9dbc-6db0ba2cb45f	01a23883-055a-74bd-954f-7c048580a0f3	5	upgrade-shopper-05	1	upgrade-device-05	upgrade-paused-05-1	XAGPN6BDD62Z6MST3HD8T018	2026-12-02 20:47:45.930156+00	2099-12-31 00:00:00+00	2026-12-02	13	11	\N	\N	\N	\N	\N
01a23883-69bb-7c52-9f91-2cd427811c73	01a23883-0686-76bb-a647-4181ad589d4e	1	upgrade-shopper-06	1	upgrade-device-06	upgrade-resumed-06-1	K8C9BHRVMB74HNQ4JF7RAZG0	2026-12-02 20:47:46.107746+00	2099-12-31 00:00:00+00	2026-12-02	13	14	\N	\N	\N	\N	\N
01a23883-6a90-7ba2-b455-64b0dd4d9f4b	01a23883-0686-76bb-a647-4181ad589d4e	5	upgrade-shopper-10	1	upgrade-device-10	upgrade-resumed-10-1	Y2SQWWWA9ZG9E2D78XXKQRGA	2026-12-02 20:47:46.320118+00	2099-12-31 00:00:00+00	2026-12-02	12	13	\N	\N	\N	\N	\N
01a23883-6b63-7bfd-98a7-e559dc7511b7	01a23883-0686-76bb-a647-4181ad589d4e	7	upgrade-shopper-12	1	upgrade-device-12	upgrade-resumed-12-1	DZGN99319V7T95327Z7QTTJR	2026-12-02 20:47:46.531555+00	2099-12-31 00:00:00+00	2026-12-02	10	7	\N	\N	\N	\N	\N
01a23883-6bcc-7643-b917-fe18a95b6c3a	01a23883-0686-76bb-a647-4181ad589d4e	9	upgrade-shopper-14	1	upgrade-device-14	upgrade-resumed-14-1	WMTPT4DWBWVXY7G4YRJGAD2E	2026-12-02 20:47:46.636407+00	2099-12-31 00:00:00+00	2026-12-02	9	1	\N	\N	\N	\N	\N
01a23883-6c36-75d9-97c2-acecc2c39560	01a23883-0798-7f22-96e6-0ba2167ce3e1	1	upgrade-shopper-21	1	upgrade-device-21	upgrade-topup-21-1	GCAAYEQ7EDDW5E672RC1D4Y3	2026-12-02 20:47:46.742366+00	2099-12-31 00:00:00+00	2026-12-02	7	9	\N	\N	\N	\N	\N
01a23883-6ca9-7a09-af6a-95defc05ef00	01a23883-0798-7f22-96e6-0ba2167ce3e1	3	upgrade-shopper-23	1	upgrade-device-23	upgrade-topup-23-1	H521G54MMW6BM3EX7HNYSS7E	2026-12-02 20:47:46.857692+00	2099-12-31 00:00:00+00	2026-12-02	7	3	\N	\N	\N	\N	\N
01a23883-6d0d-7524-91bb-c9aece642d00	01a23883-0798-7f22-96e6-0ba2167ce3e1	5	upgrade-shopper-25	1	upgrade-device-25	upgrade-topup-25-1	GBH6713WHB03564PNSW3H2HT	2026-12-02 20:47:46.957772+00	2099-12-31 00:00:00+00	2026-12-02	7	5	\N	\N	\N	\N	\N
01a23883-6d84-7809-89bf-e9d68a1f743b	01a23883-0798-7f22-96e6-0ba2167ce3e1	7	upgrade-shopper-27	1	upgrade-device-27	upgrade-topup-27-1	P7D8VFE5ADKAKKHM3WFEFHFJ	2026-12-02 20:47:47.076159+00	2099-12-31 00:00:00+00	2026-12-02	8	15	\N	\N	\N	\N	\N
01a23883-6df8-7ab1-900d-15dc2f141b5b	01a23883-0798-7f22-96e6-0ba2167ce3e1	9	upgrade-shopper-29	1	upgrade-device-29	upgrade-topup-29-1	212MQ9YPMCYC15EA834JCQZF	2026-12-02 20:47:47.192666+00	2099-12-31 00:00:00+00	2026-12-02	8	1	\N	\N	\N	\N	\N
01a23883-6f1e-7438-ac53-f474983f5337	01a23883-0798-7f22-96e6-0ba2167ce3e1	13	upgrade-shopper-33	1	upgrade-device-33	upgrade-topup-33-1	MNY6D32AHYA77NTADE09GG0X	2026-12-02 20:47:47.486794+00	2099-12-31 00:00:00+00	2026-12-02	9	2	\N	\N	\N	\N	\N
01a23883-6f91-757d-9c06-7b9c704bfc19	01a23883-0798-7f22-96e6-0ba2167ce3e1	15	upgrade-shopper-35	1	upgrade-device-35	upgrade-topup-35-1	J0B1SDTGZ52T44R238HVJ77J	2026-12-02 20:47:47.601166+00	2099-12-31 00:00:00+00	2026-12-02	9	0	\N	\N	\N	\N	\N
01a23883-6ff9-7f3b-aa2c-e73a746f8ddb	01a23883-0902-7147-a353-8bb62e97a10b	2	upgrade-shopper-42	1	upgrade-device-42	upgrade-soldout-42-1	50SQ9GVRRWJYC4TTT48ZD6WF	2026-12-02 20:47:47.705291+00	2099-12-31 00:00:00+00	2026-12-02	3	6	\N	\N	\N	\N	\N
01a23883-705b-72b9-9b0d-3f274fc59530	01a23883-0902-7147-a353-8bb62e97a10b	4	upgrade-shopper-44	1	upgrade-device-44	upgrade-soldout-44-1	SYK4TMASG01B5A2VTS7ZFXVE	2026-12-02 20:47:47.80326+00	2099-12-31 00:00:00+00	2026-12-02	3	12	\N	\N	\N	\N	\N
01a23883-7125-73a7-9a3d-6061f3f2064b	01a23883-0a1f-7267-9fa1-48410239522e	1	upgrade-shopper-16	1	upgrade-device-16	upgrade-ended-16-1	A89PZ7SV3Q62HJ4TKKZ1RFJY	2026-12-02 20:47:48.00565+00	2099-12-31 00:00:00+00	2026-12-02	8	11	\N	\N	\N	\N	\N
01a23883-7218-726e-a34f-5b01bc49bfc8	01a23883-0a1f-7267-9fa1-48410239522e	5	upgrade-shopper-20	1	upgrade-device-20	upgrade-ended-20-1	CG72PD0SP677A6QJRVFW288B	2026-12-02 20:47:48.248961+00	2099-12-31 00:00:00+00	2026-12-02	8	6	\N	\N	\N	\N	\N
01a23883-7294-7893-920d-26053d28dc3d	01a23883-0a1f-7267-9fa1-48410239522e	7	upgrade-shopper-22	1	upgrade-device-22	upgrade-ended-22-1	AAAD5YZE9FGJ5W9XP24QJFGE	2026-12-02 20:47:48.37207+00	2099-12-31 00:00:00+00	2026-12-02	8	0	\N	\N	\N	\N	\N
01a23883-730d-76a7-8a67-9fd94b99d005	01a23883-0a1f-7267-9fa1-48410239522e	9	upgrade-shopper-24	1	upgrade-device-24	upgrade-ended-24-1	K8N7RZ7EVZ9T8JEYA0P0YWGK	2026-12-02 20:47:48.493537+00	2099-12-31 00:00:00+00	2026-12-02	8	2	\N	\N	\N	\N	\N
01a23883-734d-7652-ba1e-3c62072da579	01a23883-0a1f-7267-9fa1-48410239522e	10	upgrade-shopper-25	1	upgrade-device-25	upgrade-ended-25-1	EM7143EAKK0ZFFV836VHRB0A	2026-12-02 20:47:48.557664+00	2099-12-31 00:00:00+00	2026-12-02	8	5	\N	\N	\N	\N	\N
01a23883-196f-7c2e-894f-bee87d896f51	01a23882-fab3-7c84-922e-e63bcb454c40	2	upgrade-shopper-02	1	upgrade-device-02	upgrade-fixed-02-1	ZQF625H1FP2N5TAAQD8Z5RXZ	2026-12-02 20:47:25.551252+00	2099-12-31 00:00:00+00	2026-12-02	3	10	\N	\N	\N	\N	\N
01a23883-2e68-77d6-b097-c28c2966a27e	01a23882-fc1e-77b6-b370-d29ca7c21b75	2	upgrade-shopper-12	1	upgrade-device-12	upgrade-threshold-12-1	ZAQB1MGG66QS3AW1QK2HB6F2	2026-12-02 20:47:30.920106+00	2099-12-31 00:00:00+00	2026-12-02	3	7	\N	\N	\N	\N	\N
01a23883-35cd-7d7d-acf1-62210b2e712c	01a23882-fcb3-7704-84cc-4ce5bc97f801	3	upgrade-shopper-03	1	upgrade-device-03	upgrade-gift-03-1	CFSPKW3G98XCHMAA7ESWFJE2	2026-12-02 20:47:32.813143+00	2099-12-31 00:00:00+00	2026-12-02	6	13	\N	\N	\N	\N	70.00
01a23883-69f9-7270-b1a6-307402ad02f5	01a23883-0686-76bb-a647-4181ad589d4e	2	upgrade-shopper-07	1	upgrade-device-07	upgrade-resumed-07-1	BQEEQAH7RN1Y9HAYSAGXPPJF	2026-12-02 20:47:46.169253+00	2099-12-31 00:00:00+00	2026-12-02	12	1	\N	\N	\N	\N	\N
01a23883-8a00-7e68-8a90-20d8daf06055	01a23883-12f3-7632-b87b-b50740cf71fb	1	upgrade-shopper-21	1	upgrade-device-21	upgrade-edited-21-1	DWJDM9X1YFGWQ279YQ069QYG	2026-12-02 20:47:54.368397+00	2099-12-31 00:00:00+00	2026-12-02	9	9	\N	\N	\N	\N	\N
01a23883-8a5d-7e2f-8eeb-b0378380266a	01a23883-12f3-7632-b87b-b50740cf71fb	3	upgrade-shopper-23	1	upgrade-device-23	upgrade-edited-23-1	RHS1HSM9JK3B8F628QBCV5Q8	2026-12-02 20:47:54.461541+00	2099-12-31 00:00:00+00	2026-12-02	9	3	\N	\N	\N	\N	\N
01a23883-8aed-7d33-a38f-15d7db73e8e9	01a23883-12f3-7632-b87b-b50740cf71fb	6	upgrade-shopper-26	1	upgrade-device-26	upgrade-edited-26-1	YMKQ97B2DBRNWXH8339WGNKM	2026-12-02 20:47:54.60518+00	2099-12-31 00:00:00+00	2026-12-02	9	12	\N	\N	\N	\N	\N
01a23883-8b1c-7a46-ba10-5fffdc144d21	01a23883-12f3-7632-b87b-b50740cf71fb	7	upgrade-shopper-27	1	upgrade-device-27	upgrade-edited-27-1	WG3Z18FD15NXMX256NYC66ZH	2026-12-02 20:47:54.65222+00	2099-12-31 00:00:00+00	2026-12-02	9	15	\N	\N	\N	\N	\N
01a23883-8b6f-7d26-8859-866a696ee9fd	01a23883-12f3-7632-b87b-b50740cf71fb	9	upgrade-shopper-29	1	upgrade-device-29	upgrade-edited-29-1	K987RX8R49PFMRT93TFK2EBY	2026-12-02 20:47:54.735171+00	2099-12-31 00:00:00+00	2026-12-02	9	1	\N	\N	\N	\N	\N
01a23883-8b96-7fa0-aad1-65ce7ec45083	01a23883-12f3-7632-b87b-b50740cf71fb	10	upgrade-shopper-30	1	upgrade-device-30	upgrade-edited-30-1	TK4AJDNNPV2TKKC8DTW5T24Y	2026-12-02 20:47:54.77437+00	2099-12-31 00:00:00+00	2026-12-02	9	15	\N	\N	\N	\N	\N
01a23883-8c13-72c3-aca4-10e7b1a00542	01a23883-0ff7-77aa-a6cd-df55b639e3bd	8	upgrade-shopper-08	1	upgrade-device-08	upgrade-early-08-1	VC7895CHJ6ETV29C6ZCX64CX	2026-12-02 20:47:54.899446+00	2099-12-31 00:00:00+00	2026-12-02	13	12	\N	\N	\N	\N	\N
01a23883-8cbf-7402-975e-486694a97343	01a23883-0ff7-77aa-a6cd-df55b639e3bd	11	upgrade-shopper-11	1	upgrade-device-11	upgrade-early-11-1	YKW0NAZ69CQB11T7NMXN7R9A	2026-12-02 20:47:55.071843+00	2099-12-31 00:00:00+00	2026-12-02	12	10	\N	\N	\N	\N	\N
01a23883-8db2-768e-9467-ab9c9b8ad9fe	01a23883-0ff7-77aa-a6cd-df55b639e3bd	15	upgrade-shopper-15	1	upgrade-device-15	upgrade-early-15-1	0YC6FSNGJX10R6KNEXYPN9R3	2026-12-02 20:47:55.314735+00	2099-12-31 00:00:00+00	2026-12-02	10	14	\N	\N	\N	\N	\N
01a23883-8be7-781c-94ba-2a024d8f877f	01a23883-0ff7-77aa-a6cd-df55b639e3bd	7	upgrade-shopper-07	1	upgrade-device-07	upgrade-early-07-1	EFW00K35XJWX7AWRDAAT4BW2	2026-12-02 20:47:54.85588+00	2099-12-31 00:00:00+00	2026-12-02	13	1	\N	\N	\N	\N	\N
01a23883-8c7d-7b03-9333-86c457fd7180	01a23883-0ff7-77aa-a6cd-df55b639e3bd	10	upgrade-shopper-10	1	upgrade-device-10	upgrade-early-10-1	60KNZYFP9T4EYBPYS81YEKQJ	2026-12-02 20:47:55.005474+00	2099-12-31 00:00:00+00	2026-12-02	13	13	\N	\N	\N	\N	\N
01a23883-8d76-71ea-9685-e75c2fca35a9	01a23883-0ff7-77aa-a6cd-df55b639e3bd	14	upgrade-shopper-14	1	upgrade-device-14	upgrade-early-14-1	REV7R95SZYR3E9JT71RR6FRP	2026-12-02 20:47:55.254178+00	2099-12-31 00:00:00+00	2026-12-02	10	1	\N	\N	\N	\N	\N
01a23883-8e2c-7328-bdc7-a26d9fd207a2	01a23883-0ff7-77aa-a6cd-df55b639e3bd	17	upgrade-shopper-17	1	upgrade-device-17	upgrade-early-17-1	J05XX9YZ02BVV3VTA9707CG2	2026-12-02 20:47:55.436376+00	2099-12-31 00:00:00+00	2026-12-02	9	8	\N	\N	\N	\N	\N
01a23883-8ed5-7661-bec2-3d643671b349	01a23883-0ff7-77aa-a6cd-df55b639e3bd	20	upgrade-shopper-20	1	upgrade-device-20	upgrade-early-20-1	7CZVQPHZ7HAJ11VT4H6C5R56	2026-12-02 20:47:55.605809+00	2099-12-31 00:00:00+00	2026-12-02	9	6	\N	\N	\N	\N	\N
01a23883-8fe9-78e9-8d1f-b559cb2c426f	01a23882-f11b-7b3a-af8c-a8e6d2103727	7	upgrade-shopper-47	1	upgrade-device-47	upgrade-recycle-47-1	A5N709TQKEPC8TQ5W23D3ZBS	2026-12-02 20:47:55.881632+00	2026-12-02 20:48:15.881632+00	2026-12-02	3	5	\N	\N	\N	\N	\N
01a23883-8cfe-7c3d-867b-f7ad76675c2f	01a23883-0ff7-77aa-a6cd-df55b639e3bd	12	upgrade-shopper-12	1	upgrade-device-12	upgrade-early-12-1	WWVBDFYNGV28EWWH6WVGHB9D	2026-12-02 20:47:55.134649+00	2099-12-31 00:00:00+00	2026-12-02	11	7	\N	\N	\N	\N	\N
01a23883-8d3a-7459-8dad-26f33fc73b93	01a23883-0ff7-77aa-a6cd-df55b639e3bd	13	upgrade-shopper-13	1	upgrade-device-13	upgrade-early-13-1	65FTSCC6PTN3HF0K9FRB7B1D	2026-12-02 20:47:55.194361+00	2099-12-31 00:00:00+00	2026-12-02	10	4	\N	\N	\N	\N	\N
01a23883-8df1-79cc-9992-0ee45928ccf1	01a23883-0ff7-77aa-a6cd-df55b639e3bd	16	upgrade-shopper-16	1	upgrade-device-16	upgrade-early-16-1	GAYDDCGJB8V9X7JVZ8PRFPA2	2026-12-02 20:47:55.377112+00	2099-12-31 00:00:00+00	2026-12-02	9	11	\N	\N	\N	\N	\N
01a23883-8e66-7206-b576-4824f189922e	01a23883-0ff7-77aa-a6cd-df55b639e3bd	18	upgrade-shopper-18	1	upgrade-device-18	upgrade-early-18-1	62WNY5EZRRN2PGYFESJCDFPF	2026-12-02 20:47:55.494086+00	2099-12-31 00:00:00+00	2026-12-02	9	5	\N	\N	\N	\N	\N
01a23883-8e9d-7f25-84b8-3c8661b952b2	01a23883-0ff7-77aa-a6cd-df55b639e3bd	19	upgrade-shopper-19	1	upgrade-device-19	upgrade-early-19-1	03K2KS3TX82GGJ265J6C8P6Y	2026-12-02 20:47:55.549234+00	2099-12-31 00:00:00+00	2026-12-02	9	2	\N	\N	\N	\N	\N
01a23883-8f9b-7b8b-8004-0e01f050f4cc	01a23882-f11b-7b3a-af8c-a8e6d2103727	6	upgrade-shopper-46	1	upgrade-device-46	upgrade-recycle-46-2	082CE4DAJV7ZC9T2BMRJAJXW	2026-12-02 20:47:55.803361+00	2026-12-02 20:48:15.803361+00	2026-12-02	2	2	\N	\N	\N	\N	\N
\.


--
-- Data for Name: expiry_reminder_progress; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.expiry_reminder_progress (campaign_id, remind_before, last_seq) FROM stdin;
01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	8
\.


--
-- Data for Name: flashsale_schema; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.flashsale_schema (fingerprint, applied_at) FROM stdin;
0E77325BFA6DEC6B77F9000EDCF55D2F5704300139B95C1E16E22D6124B5E70E	2026-12-02 20:47:03.77255+00
\.


--
-- Data for Name: orleans_membership; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleans_membership (deploymentid, address, port, generation, siloname, hostname, status, proxyport, suspecttimes, starttime, iamalivetime) FROM stdin;
flashsale	127.0.0.1	21111	155249224	Silo_7bfdc	vm	6	21000	127.0.0.1:21111@155249224,2026-12-02 20:48:54.781 GMT	2026-12-02 20:47:04.43007+00	2026-12-02 20:48:54.781125+00
\.


--
-- Data for Name: orleans_membership_version; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleans_membership_version (deploymentid, version, changedat) FROM stdin;
flashsale	4	2026-12-02 20:48:54.783595+00
\.


--
-- Data for Name: orleans_reminders; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleans_reminders (serviceid, grainid, remindername, starttime, period, grainhash, version) FROM stdin;
flashsale	couponexpiry/01a23882ee7c723c80ebe891e8a0ea76	coupon-expiry	2026-12-02 20:48:14.960696+00	60000	-1095805134	1
flashsale	campaignschedule/01a23882ee7c723c80ebe891e8a0ea76	end	2027-12-03 20:46:14.020564+00	86400000	253701814	1
flashsale	couponexpiry/01a23882f11b7b3aaf8ca8e6d2103727	coupon-expiry	2026-12-02 20:48:15.241832+00	60000	-1391210371	1
flashsale	campaignschedule/01a23882f11b7b3aaf8ca8e6d2103727	end	2027-12-03 20:46:14.001938+00	86400000	-41703423	1
flashsale	couponexpiry/01a23882fab37c84922ee63bcb454c40	coupon-expiry	2026-12-02 20:48:17.717758+00	60000	-1536518609	1
flashsale	campaignschedule/01a23882fab37c84922ee63bcb454c40	end	2027-12-03 20:46:14.001976+00	86400000	-187011661	1
flashsale	campaignschedule/01a23882fb7374ec83743ac25e728987	end	2027-12-03 20:46:14.004316+00	86400000	-1604741742	1
flashsale	campaignschedule/01a23882fc1e77b6b370d29ca7c21b75	end	2027-12-03 20:46:14.001263+00	86400000	846299736	1
flashsale	campaignschedule/01a23882fcb3770484cc4ce5bc97f801	end	2027-12-03 20:46:14.001557+00	86400000	464926830	1
flashsale	campaignschedule/01a23882fd3875ce80c7dec900d49ea2	end	2027-12-03 20:46:14.000883+00	86400000	-1410540870	1
flashsale	campaignschedule/01a23882fdaf74e09def9cf48226e8bc	end	2027-12-03 20:46:14.001258+00	86400000	-483405452	1
flashsale	campaignschedule/01a23882fe297befa7dd34daed7533ed	end	2027-12-03 20:46:14.001313+00	86400000	-682339414	1
flashsale	campaignschedule/01a23882feea740aa09779b9452df20e	end	2027-12-03 20:46:14.00129+00	86400000	-618063588	1
flashsale	campaignschedule/01a23883005f7cfbbb867a04ed44dd3d	end	2027-12-03 20:46:14.003049+00	86400000	1986072612	1
flashsale	campaignschedule/01a23883011b742495519e30d1da83da	end	2027-12-03 20:46:14.002072+00	86400000	2026624674	1
flashsale	campaignschedule/b97b03525e3a8ceaac1186203d103e62	end	2027-12-03 20:46:14.002084+00	86400000	-1411331164	1
flashsale	campaignschedule/b58bd110143e824f81988f6e6d1278c7	end	2027-12-03 20:46:14.001275+00	86400000	1671285500	1
flashsale	campaignschedule/01a23883018373378bb7b66056f3280e	end	2027-12-03 20:46:14.00138+00	86400000	-1005993385	1
flashsale	campaignschedule/45749ca214a3869683028207cbb20339	end	2027-12-03 20:46:14.001298+00	86400000	1106974319	1
flashsale	campaignschedule/287863e893bb8d498e41def3d65cb8bf	end	2027-12-03 20:46:14.00143+00	86400000	808023688	1
flashsale	campaignschedule/01a23883021e7722b53bb31b63917cdc	end	2027-12-03 20:46:14.001592+00	86400000	-755376239	1
flashsale	couponexpiry/01a2388304bc71a2aca53d3ab88ea406	coupon-expiry	2026-12-02 20:48:20.271216+00	60000	-1092772079	1
flashsale	campaignschedule/01a2388304bc71a2aca53d3ab88ea406	opening	2099-01-01 00:00:00.000115+00	86400000	256734869	1
flashsale	campaignschedule/01a2388304bc71a2aca53d3ab88ea406	end	2099-06-30 00:00:00.005263+00	86400000	256734869	1
flashsale	campaignschedule/01a23883055a74bd954f7c048580a0f3	end	2027-12-03 20:46:14.000986+00	86400000	-337386034	1
flashsale	campaignschedule/01a23883068676bba6474181ad589d4e	end	2027-12-03 20:46:14.001774+00	86400000	-831732333	1
flashsale	campaignschedule/01a2388307987f2296e60ba2167ce3e1	end	2027-12-03 20:46:14.003199+00	86400000	240794511	1
flashsale	campaignschedule/01a2388309027147a3538bb62e97a10b	end	2027-12-03 20:46:14.003349+00	86400000	1751147939	1
flashsale	campaignschedule/01a2388303137cca838760cbd208b580	end	2026-12-04 20:47:14.000965+00	86400000	646458320	2
flashsale	campaignschedule/01a23883039d7dfba67d53bd7da2399a	end	2027-12-03 20:46:14.001224+00	86400000	1342826502	3
flashsale	campaignschedule/01a238830ff777aaa6cddf55b639e3bd	end	2027-12-03 20:47:53.0033+00	86400000	324626391	1
flashsale	campaignschedule/01a2388312f37632b87bb50740cf71fb	end	2027-12-03 20:47:53.001818+00	86400000	-624638360	2
\.


--
-- Data for Name: orleans_storage; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleans_storage (grainidhash, grainidn0, grainidn1, graintypehash, graintypestring, grainidextensionstring, serviceid, payloadbinary, modifiedon, version) FROM stdin;
1770322499	8231716435297187970	8568838161766607744	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d656537632d373233632d383065622d653839316538613065613736222c224e616d65223a225570677261646520663964616639373a2072656d696e6465727320c2a533206f66662028373020732076616c696469747929222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a332e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c224166746572436c61696d223a2230303a30313a3130227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31342e353536313331382b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e644265666f7265223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2230303a30313a3030225d7d2c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2230303a30313a3030225d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:14.928919+00	1
-1802055821	8879674713608173698	2825745789197257903	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d663131622d376233612d616638632d613865366432313033373237222c224e616d65223a225570677261646520663964616639373a2072656379636c656420c2a532206f66662028323020732076616c696469747929222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a322e307d2c22546f74616c53746f636b223a352c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c224166746572436c61696d223a2230303a30303a3230227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31352e323237343334362b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656379636c6545787069726564223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:15.239415+00	1
-1621291922	8326576886882908290	6666883516337914008	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d663139302d373338642d393838302d336134363363383738353563222c224e616d65223a225570677261646520663964616639373a20656e6473206f6e207363686564756c6520c2a531206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a312e307d2c22546f74616c53746f636b223a35302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032362d31322d30325432303a34383a35342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31352e333434313635322b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:15.356499+00	1
1530521045	8972572004362369154	4633154855843016338	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666162332d376338342d393232652d653633626362343534633430222c224e616d65223a225570677261646520663964616639373a20666978656420c2a53230206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a32302e307d2c22546f74616c53746f636b223a3430302c22506572557365724c696d6974223a322c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31372e363833373137332b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c225472616e73666572223a322c22537461636b61626c65223a747275652c2252656d696e644265666f7265223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2233302e30303a30303a3030222c22312e30303a30303a3030225d7d2c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b2233302e30303a30303a3030222c22312e30303a30303a3030225d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:17.71425+00	1
732524488	8425385474270574722	-8680281055468817277	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666237332d373465632d383337342d336163323565373238393837222c224e616d65223a225570677261646520663964616639373a20313525206f666620757020746f20c2a53330222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a312c2243757272656e6379223a22434e59222c2250657263656e744f6666223a31352e302c224d6178446973636f756e74223a33302e307d2c22546f74616c53746f636b223a3330302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31372e383735363832332b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:17.907659+00	1
2101878321	8626359342081390722	8438552351955120307	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666331652d373762362d623337302d643239636137633231623735222c224e616d65223a225570677261646520663964616639373a20c2a53330206f66662066726f6d20c2a5323030222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a322c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a33302e302c224d696e5370656e64223a3230302e307d2c22546f74616c53746f636b223a3330302c22506572557365724c696d6974223a322c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e303436333938372b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.05564+00	1
-616088770	8576257436177021058	142030225818832004	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666362332d373730342d383463632d346365356263393766383031222c224e616d65223a225570677261646520663964616639373a20c2a53130302067696674206361726420287472616e7366657261626c6529222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a332c2243757272656e6379223a22434e59222c224361726456616c7565223a3130302e307d2c22546f74616c53746f636b223a3230302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e313935343238322b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c225472616e73666572223a312c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.211129+00	1
-1141841127	8489000764627368066	-6728707693393033344	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666433382d373563652d383063372d646563393030643439656132222c224e616d65223a225570677261646520663964616639373a203530302d706f696e742063617264222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a342c2243757272656e6379223a22434e59222c22506f696e7473223a3530307d2c22546f74616c53746f636b223a3230302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e3332383936342b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.339056+00	1
81790338	8422010231271340162	-4834571856090697827	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666461662d373465302d396465662d396366343832323665386263222c224e616d65223a225570677261646520663964616639373a20c2a53130206f666620666f722033303020706f696e7473222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a31302e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a322c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e343437353530392b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c225072696365223a7b22246964223a2237222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e50726963652c20466c61736853616c652e477261696e496e7465726661636573222c22506f696e7473223a3330302c2243617368223a392e397d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22506f696e74735072696365223a3330302c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.457267+00	1
-1639780556	8930636038173505666	-1354609398479790681	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666532392d376265662d613764642d333464616564373533336564222c224e616d65223a225570677261646520663964616639373a20c2a535302063617264207769746820736563726574222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a332c2243757272656e6379223a22434e59222c224361726456616c7565223a35302e307d2c22546f74616c53746f636b223a33302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e353639343735332b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224361726453656372657473223a747275652c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.576958+00	1
-792375681	8361775939169958018	1076973038382716832	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838322d666565612d373430612d613039372d373962393435326466323065222c224e616d65223a225570677261646520663964616639373a20353025206f666620757020746f20c2a538302c206e6f7420737461636b61626c65222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a312c2243757272656e6379223a22434e59222c2250657263656e744f6666223a35302e302c224d6178446973636f756e74223a38302e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31382e373632303333352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:18.773622+00	1
147030975	9005792287906740355	4457794990939735739	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303035662d376366622d626238362d376130346564343464643364222c224e616d65223a225570677261646520663964616639373a206465766963652d6c696d6974656420c2a535206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a352e307d2c22546f74616c53746f636b223a3330302c22506572557365724c696d6974223a322c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e313335353637372b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573222c224d61784163636f756e7473506572446576696365223a322c224d6178436c61696d73506572446576696365223a332c224d6178436c61696d73506572446576696365506572446179223a342c224461696c79436c61696d436170223a31307d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.154013+00	1
-848677748	8368815223064377475	-2701074759493463659	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303131622d373432342d393535312d396533306431646138336461222c224e616d65223a225570677261646520663964616639373a206465766963652d6461792d6c696d6974656420c2a533206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a332e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e333233363335382b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573222c224d6178436c61696d73506572446576696365506572446179223a347d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.330221+00	1
350262593	8302106100260550787	1020332867914741643	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303138332d373333372d386262372d623636303536663332383065222c224e616d65223a225570677261646520663964616639373a207469657273222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a31302e307d2c22546f74616c53746f636b223a3236302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e343237373839352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22556e697473223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b7b22246964223a2237222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e7465726661636573222c224b6579223a22623130222c224e616d65223a22c2a53130206f6666222c2243616d706169676e4964223a2262393762303335322d356533612d386365612d616331312d383632303364313033653632222c22576569676874223a317d2c7b22246964223a2238222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e7465726661636573222c224b6579223a22623530222c224e616d65223a22c2a53530206f66662066726f6d20c2a5333030222c2243616d706169676e4964223a2262353862643131302d313433652d383234662d383139382d386636653664313237386337222c22576569676874223a317d5d7d2c22497347726f7570223a747275652c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.497145+00	1
734790788	8555439089743181955	5664781408523077542	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303638362d373662622d613634372d343138316164353839643465222c224e616d65223a225570677261646520663964616639373a2070617573656420616e6420726573756d656420c2a537206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a372e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32302e373130383236392b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:20.719634+00	1
1125382940	-8292712157536386222	7079113518997705132	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2262393762303335322d356533612d386365612d616331312d383632303364313033653632222c224e616d65223a225570677261646520663964616639373a20746965727320c2b720c2a53130206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a31302e307d2c22546f74616c53746f636b223a3230302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e343237373839352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22506172656e744964223a2230316132333838332d303138332d373333372d386262372d623636303536663332383065222c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.468748+00	1
1279204352	-9056998066052411120	-4073485601740973951	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2262353862643131302d313433652d383234662d383139382d386636653664313237386337222c224e616d65223a225570677261646520663964616639373a20746965727320c2b720c2a53530206f66662066726f6d20c2a5333030222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a322c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a35302e302c224d696e5370656e64223a3330302e307d2c22546f74616c53746f636b223a36302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e343237373839352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22506172656e744964223a2230316132333838332d303138332d373333372d386262372d623636303536663332383065222c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.48446+00	1
1126791855	-8748782534643114846	4108323870166090371	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2234353734396361322d313461332d383639362d383330322d383230376362623230333339222c224e616d65223a225570677261646520663964616639373a20412f4220c2b72061222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a382e307d2c22546f74616c53746f636b223a3230302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e353832383437352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22506172656e744964223a2230316132333838332d303231652d373732322d623533622d623331623633393137636463222c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.592791+00	1
1445989916	-8265913209014688792	-4631850138466369138	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2232383738363365382d393362622d386434392d386534312d646566336436356362386266222c224e616d65223a225570677261646520663964616639373a20412f4220c2b72062222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a312c2243757272656e6379223a22434e59222c2250657263656e744f6666223a31302e302c224d6178446973636f756e74223a32302e307d2c22546f74616c53746f636b223a3230302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e353832383437352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22506172656e744964223a2230316132333838332d303231652d373732322d623533622d623331623633393137636463222c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.605808+00	1
-1451147642	8411885563130558595	-891571417425096811	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303535612d373462642d393534662d376330343835383061306633222c224e616d65223a225570677261646520663964616639373a2070617573656420c2a536206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a362e307d2c22546f74616c53746f636b223a3130302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32302e343130373636312b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:20.417701+00	1
-352154106	8584426167621269635	-2559010633400763467	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303231652d373732322d623533622d623331623633393137636463222c224e616d65223a225570677261646520663964616639373a20412f42222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a382e307d2c22546f74616c53746f636b223a3430302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e353832383437352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c22556e697473223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b7b22246964223a2237222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a312c224b6579223a2261222c224e616d65223a2261222c2243616d706169676e4964223a2234353734396361322d313461332d383639362d383330322d383230376362623230333339222c22576569676874223a317d2c7b22246964223a2238222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e556e69742c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a312c224b6579223a2262222c224e616d65223a2262222c2243616d706169676e4964223a2232383738363365382d393362622d386434392d386534312d646566336436356362386266222c22576569676874223a317d5d7d2c22497347726f7570223a747275652c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:19.616562+00	1
1982038734	8188112278040754307	478664382310360492	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303462632d373161322d616361352d336433616238386561343036222c224e616d65223a225570677261646520663964616639373a207363686564756c656420666f722032303939222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a36362e307d2c22546f74616c53746f636b223a313030302c22506572557365724c696d6974223a312c225374617274734174223a22323039392d30312d30315430303a30303a30302b30303a3030222c22456e64734174223a22323039392d30362d33305430303a30303a30302b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32302e323532333738352b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573222c224d6178436c61696d73506572446576696365223a327d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c225472616e73666572223a312c2252656d696e644265666f7265223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22312e30303a30303a3030225d7d2c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b22312e30303a30303a3030225d7d7d2c225072696365223a7b22246964223a2237222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e50726963652c20466c61736853616c652e477261696e496e7465726661636573222c22506f696e7473223a3130307d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b7b22246964223a2238222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e7465726661636573222c2254696572223a22676f6c64222c224c656164223a2230313a30303a3030227d5d7d2c22506f696e74735072696365223a3130302c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:20.269272+00	1
2114278289	8992002986165287043	-9172415364621891709	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303331332d376363612d383338372d363063626432303862353830222c224e616d65223a225570677261646520663964616639373a2064726166742c206e65766572207075626c6973686564202865646974656429222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a39392e307d2c22546f74616c53746f636b223a3132302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30335432303a34373a31342b30303a3030222c22456e64734174223a22323032362d31322d30345432303a34373a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22446179734166746572436c61696d223a377d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e383237393230392b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:21.904333+00	2
425482201	9077853446767523971	-7333651857265164890	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303339642d376466622d613637642d353362643764613233393961222c224e616d65223a225570677261646520663964616639373a2064726166742065646974656420616e64207075626c697368656420c2a53230206f66662066726f6d20c2a5313030222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c224b696e64223a322c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a32302e302c224d696e5370656e64223a3130302e307d2c22546f74616c53746f636b223a38302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a31392e393635383033392b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:21.939912+00	2
-1813378427	9160892941468842115	-2169754158812633450	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303739382d376632322d393665362d306261323136376365336531222c224e616d65223a225570677261646520663964616639373a20746f7070656420757020c2a539206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a392e307d2c22546f74616c53746f636b223a31302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32302e393834393632362b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:21.002032+00	1
1081219994	8162502753854306435	838117232554496931	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d303930322d373134372d613335332d386262363265393761313062222c224e616d65223a225570677261646520663964616639373a20736f6c64206f757420c2a53330206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a33302e307d2c22546f74616c53746f636b223a352c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34363a31342b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32312e333436373031362b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:21.367938+00	1
400177051	8243568771212654723	3337792955682955679	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d306131662d373236372d396661312d343834313032333935323265222c224e616d65223a225570677261646520663964616639373a20656e646564206561726c7920c2a534206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a342e307d2c22546f74616c53746f636b223a35302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34363a31342b30303a3030222c22456e64734174223a22323032362d31322d30325432303a34373a34382e363136393736362b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32312e3633313834382b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:48.626208+00	2
-1469929321	8622721990112983171	-4763900525540291162	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d306666372d373761612d613663642d646635356236333965336264222c224e616d65223a225570677261646520663964616639373a206561726c792061636365737320c2a53135206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a31352e307d2c22546f74616c53746f636b223a3330302c22506572557365724c696d6974223a312c225374617274734174223a22323032362d31322d30325432303a34373a35332b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34373a35332b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32332e313237313834342b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b7b22246964223a2237222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e7465726661636573222c2254696572223a22676f6c64222c224c656164223a2230303a31303a3030227d5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:23.13822+00	1
1705247320	8516890680224790659	-328253423907144776	-1805695470	campaign	\N	flashsale	\\x7b22246964223a2231222c222474797065223a22466c61736853616c652e477261696e732e43616d706169676e732e43616d706169676e53746174652c20466c61736853616c652e477261696e73222c22446566696e6974696f6e223a7b22246964223a2232222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e43616d706169676e446566696e6974696f6e2c20466c61736853616c652e477261696e496e7465726661636573222c224964223a2230316132333838332d313266332d373633322d623837622d623530373430636637316662222c224e616d65223a225570677261646520663964616639373a20656469746564206265666f7265206f70656e696e6720c2a53132206f6666222c225465726d73223a7b22246964223a2233222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5465726d732c20466c61736853616c652e477261696e496e7465726661636573222c2243757272656e6379223a22434e59222c22416d6f756e744f6666223a31322e307d2c22546f74616c53746f636b223a3135302c22506572557365724c696d6974223a322c225374617274734174223a22323032362d31322d30325432303a34373a35332b30303a3030222c22456e64734174223a22323032372d31322d30335432303a34373a35332b30303a3030222c2256616c6964697479223a7b22246964223a2234222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e56616c69646974792c20466c61736853616c652e477261696e496e7465726661636573222c22556e74696c223a22323039392d31322d33315430303a30303a30302b30303a3030227d2c22437265617465644174223a22323032362d31322d30325432303a34373a32332e3839313330322b30303a3030222c22437265617465644279223a22757067726164652d6d61726b65746572222c225269736b223a7b22246964223a2235222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e5269736b2e5269736b506f6c6963792c20466c61736853616c652e477261696e496e7465726661636573227d2c22557365223a7b22246964223a2236222c222474797065223a22466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e436f75706f6e5573652c20466c61736853616c652e477261696e496e7465726661636573222c22537461636b61626c65223a747275652c2252656d696e64657273223a7b222474797065223a2253797374656d2e54696d655370616e5b5d2c2053797374656d2e507269766174652e436f72654c6962222c222476616c756573223a5b5d7d7d2c224561726c79416363657373223a7b222474797065223a2253797374656d2e436f6c6c656374696f6e732e496d6d757461626c652e496d6d757461626c65417272617960315b5b466c61736853616c652e477261696e496e74657266616365732e43616d706169676e732e4561726c794163636573732c20466c61736853616c652e477261696e496e74657266616365735d5d2c2053797374656d2e436f6c6c656374696f6e732e496d6d757461626c65222c222476616c756573223a5b5d7d2c225269736b4f724e6f6e65223a7b2224726566223a2235227d2c225573654f7244656661756c74223a7b2224726566223a2236227d7d7d	2026-12-02 20:47:24.006784+00	2
\.


--
-- Data for Name: orleansquery; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.orleansquery (querykey, querytext) FROM stdin;
InsertMembershipVersionKey	\nWITH created AS (\n    INSERT INTO orleans_membership_version (deploymentid)\n    VALUES (@DeploymentId)\n    ON CONFLICT (deploymentid) DO NOTHING\n    RETURNING 1\n)\nSELECT EXISTS (SELECT 1 FROM created) AS created\n
InsertMembershipKey	\nSELECT orleans_membership_insert(@DeploymentId, @Address, @Port, @Generation, @SiloName, @HostName,\n                                 @Status, @ProxyPort, @StartTime, @IAmAliveTime, @Version) AS inserted\n
UpdateMembershipKey	\nSELECT orleans_membership_update(@DeploymentId, @Address, @Port, @Generation, @Status,\n                                 @SuspectTimes, @IAmAliveTime, @Version) AS updated\n
UpdateIAmAlivetimeKey	\nUPDATE orleans_membership\n   SET iamalivetime = @IAmAliveTime\n WHERE deploymentid = @DeploymentId\n   AND address = @Address AND port = @Port AND generation = @Generation\n
MembershipReadRowKey	\nSELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,\n       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime\n  FROM orleans_membership_version AS v\n  LEFT JOIN orleans_membership AS m\n         ON m.deploymentid = v.deploymentid\n        AND m.address = @Address AND m.port = @Port AND m.generation = @Generation\n WHERE v.deploymentid = @DeploymentId\n
MembershipReadAllKey	\nSELECT v.version, m.address, m.port, m.generation, m.siloname, m.hostname, m.status,\n       m.proxyport, m.suspecttimes, m.starttime, m.iamalivetime\n  FROM orleans_membership_version AS v\n  LEFT JOIN orleans_membership AS m\n         ON m.deploymentid = v.deploymentid\n WHERE v.deploymentid = @DeploymentId\n
GatewaysQueryKey	\nSELECT address, proxyport, generation\n  FROM orleans_membership\n WHERE deploymentid = @DeploymentId\n   AND status = @Status\n   AND proxyport > 0\n
DeleteMembershipTableEntriesKey	\nDELETE FROM orleans_membership_version\n WHERE deploymentid = @DeploymentId\n
CleanupDefunctSiloEntriesKey	\nDELETE FROM orleans_membership\n WHERE deploymentid = @DeploymentId\n   AND status = 6\n   AND iamalivetime < @IAmAliveTime\n   AND starttime < @IAmAliveTime\n
CleanupDefunctSiloEntryKey	\nDELETE FROM orleans_membership\n WHERE deploymentid = @DeploymentId\n   AND address = @Address AND port = @Port AND generation = @Generation\n   AND status = 6\n   AND starttime = @StartTime\n   AND iamalivetime = @IAmAliveTime\n   AND coalesce(suspecttimes, '') = coalesce(@SuspectTimes, '')\n
ReadFromStorageKey	\nSELECT payloadbinary, version\n  FROM orleans_storage\n WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash\n   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1\n   AND serviceid = @ServiceId\n   AND graintypestring = @GrainTypeString\n   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString\n
WriteToStorageKey	\nSELECT orleans_storage_write(@GrainIdHash, @GrainIdN0, @GrainIdN1, @GrainTypeHash, @GrainTypeString,\n                             @GrainIdExtensionString, @ServiceId, @GrainStateVersion,\n                             @PayloadBinary) AS newgrainstateversion\n
ClearStorageKey	\nUPDATE orleans_storage\n   SET payloadbinary = NULL, version = version + 1, modifiedon = now()\n WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash\n   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1\n   AND serviceid = @ServiceId\n   AND graintypestring = @GrainTypeString\n   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString\n   AND version = @GrainStateVersion\nRETURNING version\n
DeleteStorageKey	\nDELETE FROM orleans_storage\n WHERE grainidhash = @GrainIdHash AND graintypehash = @GrainTypeHash\n   AND grainidn0 = @GrainIdN0 AND grainidn1 = @GrainIdN1\n   AND serviceid = @ServiceId\n   AND graintypestring = @GrainTypeString\n   AND grainidextensionstring IS NOT DISTINCT FROM @GrainIdExtensionString\n   AND version = @GrainStateVersion\nRETURNING version + 1\n
ReadReminderRowsKey	\nSELECT grainid, remindername, starttime, period, version\n  FROM orleans_reminders\n WHERE serviceid = @ServiceId\n   AND grainid = @GrainId\n
ReadReminderRowKey	\nSELECT grainid, remindername, starttime, period, version\n  FROM orleans_reminders\n WHERE serviceid = @ServiceId\n   AND grainid = @GrainId\n   AND remindername = @ReminderName\n
ReadRangeRows1Key	\nSELECT grainid, remindername, starttime, period, version\n  FROM orleans_reminders\n WHERE serviceid = @ServiceId\n   AND grainhash > @BeginHash\n   AND grainhash <= @EndHash\n
ReadRangeRows2Key	\nSELECT grainid, remindername, starttime, period, version\n  FROM orleans_reminders\n WHERE serviceid = @ServiceId\n   AND (grainhash > @BeginHash OR grainhash <= @EndHash)\n
UpsertReminderRowKey	\nINSERT INTO orleans_reminders AS r (serviceid, grainid, remindername, starttime, period, grainhash, version)\nVALUES (@ServiceId, @GrainId, @ReminderName, @StartTime, @Period, @GrainHash, 1)\nON CONFLICT (serviceid, grainid, remindername) DO UPDATE\n   SET starttime = EXCLUDED.starttime,\n       period    = EXCLUDED.period,\n       grainhash = EXCLUDED.grainhash,\n       version   = r.version + 1\nRETURNING r.version\n
DeleteReminderRowKey	\nWITH removed AS (\n    DELETE FROM orleans_reminders\n     WHERE serviceid = @ServiceId\n       AND grainid = @GrainId\n       AND remindername = @ReminderName\n       AND version = @Version\n    RETURNING 1\n)\nSELECT EXISTS (SELECT 1 FROM removed) AS deleted\n
DeleteReminderRowsKey	\nDELETE FROM orleans_reminders\n WHERE serviceid = @ServiceId\n
\.


--
-- Data for Name: points_accounts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.points_accounts (shopper_id, balance, updated_at) FROM stdin;
upgrade-shopper-01	400	2026-12-02 20:47:36.034487+00
upgrade-shopper-02	400	2026-12-02 20:47:36.149406+00
upgrade-shopper-03	400	2026-12-02 20:47:36.263597+00
upgrade-shopper-04	400	2026-12-02 20:47:36.363826+00
upgrade-shopper-05	400	2026-12-02 20:47:36.479628+00
upgrade-shopper-06	400	2026-12-02 20:47:36.569806+00
upgrade-shopper-07	400	2026-12-02 20:47:36.689898+00
upgrade-shopper-08	400	2026-12-02 20:47:36.814809+00
upgrade-shopper-09	400	2026-12-02 20:47:36.935776+00
upgrade-shopper-10	400	2026-12-02 20:47:37.066954+00
upgrade-shopper-11	400	2026-12-02 20:47:37.196087+00
upgrade-shopper-12	100	2026-12-02 20:47:37.314545+00
upgrade-shopper-21	550	2026-12-02 20:47:51.155655+00
upgrade-shopper-22	500	2026-12-02 20:47:51.218345+00
upgrade-shopper-23	500	2026-12-02 20:47:51.261416+00
upgrade-shopper-24	500	2026-12-02 20:47:51.302429+00
upgrade-shopper-25	500	2026-12-02 20:47:51.341527+00
upgrade-shopper-26	500	2026-12-02 20:47:51.413488+00
upgrade-shopper-27	500	2026-12-02 20:47:51.466408+00
upgrade-shopper-28	500	2026-12-02 20:47:51.530054+00
upgrade-shopper-29	500	2026-12-02 20:47:51.582451+00
upgrade-shopper-30	500	2026-12-02 20:47:51.625195+00
\.


--
-- Data for Name: points_entries; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.points_entries (entry_id, shopper_id, delta, reason, coupon_id, campaign_id, created_by, note, created_at) FROM stdin;
1	upgrade-shopper-01	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.14567+00
2	upgrade-shopper-02	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.226097+00
3	upgrade-shopper-03	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.284118+00
4	upgrade-shopper-04	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.342654+00
5	upgrade-shopper-05	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.453791+00
6	upgrade-shopper-06	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.556204+00
7	upgrade-shopper-07	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.709463+00
8	upgrade-shopper-08	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.829276+00
9	upgrade-shopper-09	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:24.950848+00
10	upgrade-shopper-10	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:25.015974+00
11	upgrade-shopper-11	1000	credit	\N	\N	upgrade-admin	upgrade: welcome points	2026-12-02 20:47:25.094829+00
12	upgrade-shopper-12	400	credit	\N	\N	upgrade-admin	upgrade: partial points	2026-12-02 20:47:25.249376+00
13	upgrade-shopper-21	50	credit	\N	\N	upgrade-admin	upgrade: goodwill	2026-12-02 20:47:25.373562+00
14	upgrade-shopper-01	-300	claim	01a23883-4216-7751-b0ff-9f87fc4273d1	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:35.958634+00
15	upgrade-shopper-01	-300	claim	01a23883-4260-7ada-a239-fc3b7b564e9b	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.032652+00
16	upgrade-shopper-02	-300	claim	01a23883-429e-7e9e-b963-27ad8a1f34f2	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.094191+00
17	upgrade-shopper-02	-300	claim	01a23883-42d3-74b1-a78c-fe48f22b1d5f	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.147833+00
18	upgrade-shopper-03	-300	claim	01a23883-430b-7d6e-94b3-c110e8a88356	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.203139+00
19	upgrade-shopper-03	-300	claim	01a23883-4343-7966-bf02-2211aab94a10	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.259469+00
20	upgrade-shopper-04	-300	claim	01a23883-4373-756f-b04f-96dcf924ff5d	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.307324+00
21	upgrade-shopper-04	-300	claim	01a23883-43aa-7617-8572-3e4dfc901a96	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.362194+00
22	upgrade-shopper-05	-300	claim	01a23883-43e5-7cf2-9a83-cc660865a175	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.421679+00
23	upgrade-shopper-05	-300	claim	01a23883-441e-71cc-a4f0-6748444de6b7	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.478061+00
24	upgrade-shopper-06	-300	claim	01a23883-444a-71b7-8805-5c1b2e758fb4	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.522539+00
25	upgrade-shopper-06	-300	claim	01a23883-4478-7a0f-b3c7-274fa4a1f0a4	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.568299+00
26	upgrade-shopper-07	-300	claim	01a23883-44b1-7540-851f-cd90a3131cf6	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.625221+00
27	upgrade-shopper-07	-300	claim	01a23883-44f0-72c9-94be-d61704c1267a	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.688042+00
28	upgrade-shopper-08	-300	claim	01a23883-452d-7cc6-8825-fe3263dcf51f	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.749761+00
29	upgrade-shopper-08	-300	claim	01a23883-456b-7b93-84b1-9a55f22dbaff	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.811775+00
30	upgrade-shopper-09	-300	claim	01a23883-45ac-74bd-8a60-1f258b5280f8	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.87645+00
31	upgrade-shopper-09	-300	claim	01a23883-45e6-7256-88f8-af4fa80a0dbd	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:36.934048+00
32	upgrade-shopper-10	-300	claim	01a23883-4629-7028-8776-0437a41a2261	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:37.001693+00
33	upgrade-shopper-10	-300	claim	01a23883-4668-7067-b2d4-55ec5ca7c2a9	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:37.064917+00
34	upgrade-shopper-11	-300	claim	01a23883-46a9-7bf4-bef2-6d12362aa123	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:37.129106+00
35	upgrade-shopper-11	-300	claim	01a23883-46ea-73d9-8c7d-e2abcb50a991	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:37.194223+00
36	upgrade-shopper-12	-300	claim	01a23883-4760-7e48-bd0f-05695cbd3988	01a23882-fdaf-74e0-9def-9cf48226e8bc	\N	\N	2026-12-02 20:47:37.312511+00
37	upgrade-shopper-21	500	points_card	01a23883-3a06-7fc0-a1be-9f6de177a750	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.155655+00
38	upgrade-shopper-22	500	points_card	01a23883-3a4c-71ad-9daf-5f0b4abffc79	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.218345+00
39	upgrade-shopper-23	500	points_card	01a23883-3a88-7826-a655-d480ddb72e5d	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.261416+00
40	upgrade-shopper-24	500	points_card	01a23883-3ab6-7617-a977-3e76e2a3d361	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.302429+00
41	upgrade-shopper-25	500	points_card	01a23883-3af4-773d-95c7-4b16d95d5088	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.341527+00
42	upgrade-shopper-26	500	points_card	01a23883-3b2f-7d23-affd-ebd0cc439340	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.413488+00
43	upgrade-shopper-27	500	points_card	01a23883-3b59-77c9-a2ea-0f6dfa371b46	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.466408+00
44	upgrade-shopper-28	500	points_card	01a23883-3b84-723a-8ec6-e2b0cb105ede	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.530054+00
45	upgrade-shopper-29	500	points_card	01a23883-3bca-7216-9712-74536853ad37	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.582451+00
46	upgrade-shopper-30	500	points_card	01a23883-3c08-7e6f-b968-0f3acb47f7b7	01a23882-fd38-75ce-80c7-dec900d49ea2	\N	\N	2026-12-02 20:47:51.625195+00
\.


--
-- Data for Name: recycle_progress; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.recycle_progress (campaign_id, last_seq) FROM stdin;
01a23882-f11b-7b3a-af8c-a8e6d2103727	7
\.


--
-- Data for Name: recycled_coupons; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.recycled_coupons (coupon_id, campaign_id, recycled_at) FROM stdin;
01a23882-f4c1-70fe-af2a-5b5e9117a5ac	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:36.447145+00
01a23882-f503-747d-8312-c48e57013671	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:36.447145+00
01a23882-f544-7c26-80db-3121f94d2332	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:36.447145+00
01a23882-f591-71be-b6b1-7d2864e61973	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:36.447145+00
01a23882-f5c9-72f9-b0d2-e87109f287fe	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:47:36.447145+00
01a23883-8f9b-7b8b-8004-0e01f050f4cc	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:48:16.570809+00
01a23883-8fe9-78e9-8d1f-b559cb2c426f	01a23882-f11b-7b3a-af8c-a8e6d2103727	2026-12-02 20:48:16.570809+00
\.


--
-- Data for Name: redemptions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.redemptions (redemption_id, coupon_id, order_id, holder_id, redeemed_by, single_use, amount, currency, discount, redeemed_at, refunded_at, refunded_by) FROM stdin;
01a23883-744a-7e33-8003-83536b2f1442	01a23883-18ed-7a27-bfbe-eea89a62a7cd	upgrade-order-01	upgrade-shopper-01	upgrade-shopper-01	t	199.00	CNY	20.00	2026-12-02 20:47:48.810565+00	\N	\N
01a23883-74f9-7290-aa3b-0a057b33c09d	01a23883-196f-7c2e-894f-bee87d896f51	upgrade-order-02	upgrade-shopper-02	upgrade-shopper-02	t	120.00	CNY	20.00	2026-12-02 20:47:48.985265+00	2026-12-02 20:47:49.011961+00	upgrade-shopper-02
01a23883-75b9-7501-9c54-1e1993f5ce11	01a23883-2e2a-7dd4-898c-5a837fec247e	upgrade-order-03	upgrade-shopper-11	upgrade-merchant-01	t	260.00	CNY	30.00	2026-12-02 20:47:49.177654+00	\N	\N
01a23883-760d-774a-98a8-7fc7b2147742	01a23883-2e68-77d6-b097-c28c2966a27e	upgrade-order-04	upgrade-shopper-12	upgrade-merchant-01	t	300.00	CNY	30.00	2026-12-02 20:47:49.261896+00	2026-12-02 20:47:49.285313+00	upgrade-merchant-01
01a23883-768a-75de-b1c0-c188d1637bbf	01a23883-35cd-7d7d-acf1-62210b2e712c	upgrade-order-05	upgrade-shopper-03	upgrade-shopper-03	f	30.00	CNY	30.00	2026-12-02 20:47:49.38626+00	\N	\N
01a23883-76bb-7cd2-860a-10c6d8ab40d6	01a23883-35cd-7d7d-acf1-62210b2e712c	upgrade-order-06	upgrade-shopper-03	upgrade-shopper-03	f	45.00	CNY	45.00	2026-12-02 20:47:49.435583+00	2026-12-02 20:47:49.485929+00	upgrade-shopper-03
01a23883-772f-7c0f-93bf-794b75aa842f	01a23883-35f7-7322-97da-01c882d7bfb5	upgrade-order-07	upgrade-shopper-04	upgrade-shopper-04	f	150.00	CNY	100.00	2026-12-02 20:47:49.551677+00	\N	\N
01a23883-782e-7fc5-8fbd-276660828dc3	01a23883-28d6-741d-8f62-caa84b618870	upgrade-order-08	upgrade-shopper-05	upgrade-shopper-05	t	300.00	CNY	30.00	2026-12-02 20:47:49.806772+00	\N	\N
01a23883-782e-7a1f-9a9f-e49c73bdeed7	01a23883-1a05-71fe-a6a3-d33959b81f24	upgrade-order-08	upgrade-shopper-05	upgrade-shopper-05	t	300.00	CNY	20.00	2026-12-02 20:47:49.806772+00	\N	\N
01a23883-782e-795b-9bbb-6bbfdde16af8	01a23883-3634-76df-af4b-db9f63a115fd	upgrade-order-08	upgrade-shopper-05	upgrade-shopper-05	f	300.00	CNY	100.00	2026-12-02 20:47:49.806772+00	\N	\N
01a23883-78ca-7666-b57d-aae5bd4899f6	01a23883-55c0-7250-bda9-100dba56d01a	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	50.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-7e8d-9334-110784405962	01a23883-28ff-7d15-bc7d-1b8df2539aa4	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	30.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-7380-8da7-72f790a35851	01a23883-1a3e-7958-816a-f64e0a7e28aa	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	20.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-73f4-bcff-5d0a30e5ee82	01a23883-1206-7d44-a5cd-bdda50a4e71f	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	15.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-7b11-9f78-23249327a551	01a23883-4478-7a0f-b3c7-274fa4a1f0a4	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	10.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-75c4-bc20-2dc6f79eecb0	01a23883-4ee6-7e5e-8585-2d6ec9ecb6eb	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	10.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-787f-8997-2b21bd158f4c	01a23883-69bb-7c52-9f91-2cd427811c73	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	7.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78ca-7974-9527-7a694d36d610	01a23882-f3d2-72a9-99b0-1cbaf1b18790	upgrade-order-09	upgrade-shopper-06	upgrade-shopper-06	t	500.00	CNY	3.00	2026-12-02 20:47:49.962434+00	\N	\N
01a23883-78eb-7630-bd0b-ebbeea0ec40f	01a23882-f417-7efe-873b-278d2fec8fd0	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	3.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-76ac-bbb4-240eebbe0586	01a23883-1ab6-71cb-b5bd-ca1517a0e07c	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	20.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-7585-a3f8-fbaea0c4093c	01a23883-2925-7d5e-b278-50162b9197ee	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	30.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-78b0-9aa7-523ab75db021	01a23883-44f0-72c9-94be-d61704c1267a	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	10.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-7ae2-b1f5-0f78a83bb4c8	01a23883-4f22-72bc-828d-3d1283664c74	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	10.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-7e7f-ad21-534458383a3d	01a23883-55f4-7d4c-8791-058a8ef648b2	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	50.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-78eb-795e-997a-b6cfc2e8b7e5	01a23883-69f9-7270-b1a6-307402ad02f5	upgrade-order-10	upgrade-shopper-07	upgrade-shopper-07	t	400.00	CNY	7.00	2026-12-02 20:47:49.995678+00	2026-12-02 20:47:50.020314+00	upgrade-shopper-07
01a23883-796f-7a3e-a879-7b1b93aadc03	01a23883-3f7e-77a8-935d-0e6d8278791b	upgrade-order-11	upgrade-shopper-08	upgrade-shopper-08	t	100.00	CNY	50.00	2026-12-02 20:47:50.127296+00	\N	\N
01a23883-7a47-7675-ab10-a3b24d1a2259	01a23883-2a27-7e85-ad5d-0909f9020062	upgrade-order-13	upgrade-shopper-13	upgrade-merchant-01	t	88.88	CNY	13.33	2026-12-02 20:47:50.343111+00	\N	\N
01a23883-7a7a-76a9-85dc-dce0e4810b70	01a23883-50ad-7a96-a69a-5951712a273d	upgrade-order-14	upgrade-shopper-14	upgrade-shopper-14	t	59.90	CNY	10.00	2026-12-02 20:47:50.394535+00	\N	\N
01a23883-7ace-7681-8b83-b8f9611f687a	01a23883-5c2c-7a7e-87c1-cc63bf43e086	upgrade-order-15	upgrade-shopper-31	upgrade-shopper-31	t	99.00	CNY	9.90	2026-12-02 20:47:50.478496+00	\N	\N
01a23883-7b08-75d2-88b1-2af90b3998b2	01a23883-4c4c-7a5e-b948-6762e5105a27	upgrade-order-16	upgrade-shopper-15	upgrade-shopper-15	f	20.00	CNY	20.00	2026-12-02 20:47:50.536939+00	\N	\N
01a23883-7b40-7cc4-9052-b269c91515f7	01a23883-7125-73a7-9a3d-6061f3f2064b	upgrade-order-19	upgrade-shopper-16	upgrade-shopper-16	t	40.00	CNY	4.00	2026-12-02 20:47:50.59254+00	\N	\N
01a23883-7bee-7232-8bba-b160168a179e	01a23883-3768-7be5-a58a-5cd871902549	upgrade-order-17	upgrade-shopper-45	upgrade-shopper-45	f	60.00	CNY	60.00	2026-12-02 20:47:50.76608+00	\N	\N
01a23883-7d32-7069-8475-3631c7160079	01a23883-0be8-71ad-8945-60ad2062dd15	upgrade-order-18	upgrade-shopper-32	upgrade-shopper-32	t	100.00	CNY	20.00	2026-12-02 20:47:51.09081+00	\N	\N
01a23883-7d73-7024-9079-e9c98bfb4e4e	01a23883-3a06-7fc0-a1be-9f6de177a750	points-card:01a23883-3a06-7fc0-a1be-9f6de177a750	upgrade-shopper-21	upgrade-shopper-21	t	500.00	PTS	500.00	2026-12-02 20:47:51.155655+00	\N	\N
01a23883-7db2-7049-b126-dcf0f4cc7f82	01a23883-3a4c-71ad-9daf-5f0b4abffc79	points-card:01a23883-3a4c-71ad-9daf-5f0b4abffc79	upgrade-shopper-22	upgrade-shopper-22	t	500.00	PTS	500.00	2026-12-02 20:47:51.218345+00	\N	\N
01a23883-7ddd-7ab0-b7a5-a1598df3cf7a	01a23883-3a88-7826-a655-d480ddb72e5d	points-card:01a23883-3a88-7826-a655-d480ddb72e5d	upgrade-shopper-23	upgrade-shopper-23	t	500.00	PTS	500.00	2026-12-02 20:47:51.261416+00	\N	\N
01a23883-7e06-7643-bab5-75025a1f048f	01a23883-3ab6-7617-a977-3e76e2a3d361	points-card:01a23883-3ab6-7617-a977-3e76e2a3d361	upgrade-shopper-24	upgrade-shopper-24	t	500.00	PTS	500.00	2026-12-02 20:47:51.302429+00	\N	\N
01a23883-7e2d-7f50-914a-cec344c0e144	01a23883-3af4-773d-95c7-4b16d95d5088	points-card:01a23883-3af4-773d-95c7-4b16d95d5088	upgrade-shopper-25	upgrade-shopper-25	t	500.00	PTS	500.00	2026-12-02 20:47:51.341527+00	\N	\N
01a23883-7e75-799b-a83e-9ea08cc89199	01a23883-3b2f-7d23-affd-ebd0cc439340	points-card:01a23883-3b2f-7d23-affd-ebd0cc439340	upgrade-shopper-26	upgrade-shopper-26	t	500.00	PTS	500.00	2026-12-02 20:47:51.413488+00	\N	\N
01a23883-7eaa-729d-9e24-691c37d9a566	01a23883-3b59-77c9-a2ea-0f6dfa371b46	points-card:01a23883-3b59-77c9-a2ea-0f6dfa371b46	upgrade-shopper-27	upgrade-shopper-27	t	500.00	PTS	500.00	2026-12-02 20:47:51.466408+00	\N	\N
01a23883-7eea-716b-b699-117be7b5541b	01a23883-3b84-723a-8ec6-e2b0cb105ede	points-card:01a23883-3b84-723a-8ec6-e2b0cb105ede	upgrade-shopper-28	upgrade-shopper-28	t	500.00	PTS	500.00	2026-12-02 20:47:51.530054+00	\N	\N
01a23883-7f1e-70be-a107-4c987368d555	01a23883-3bca-7216-9712-74536853ad37	points-card:01a23883-3bca-7216-9712-74536853ad37	upgrade-shopper-29	upgrade-shopper-29	t	500.00	PTS	500.00	2026-12-02 20:47:51.582451+00	\N	\N
01a23883-7f49-7abd-8d86-f31203afde47	01a23883-3c08-7e6f-b968-0f3acb47f7b7	points-card:01a23883-3c08-7e6f-b968-0f3acb47f7b7	upgrade-shopper-30	upgrade-shopper-30	t	500.00	PTS	500.00	2026-12-02 20:47:51.625195+00	\N	\N
01a23883-8f32-7df2-8a1a-1f34692c1d80	01a23883-8a2f-716e-831c-83b93806525a	upgrade-order-21	upgrade-shopper-22	upgrade-shopper-22	t	100.00	CNY	12.00	2026-12-02 20:47:55.698021+00	\N	\N
\.


--
-- Data for Name: risk_blocks; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_blocks (block_id, kind, value, reason, created_by, created_at, expires_at, removed_by, removed_at, version) FROM stdin;
01a23883-65c6-7016-b03f-375bfd554bea	shopper	upgrade-shopper-48	upgrade: chargeback abuse	upgrade-admin	2026-12-02 20:47:45.0946+00	\N	\N	\N	1
01a23883-65f7-7b39-887a-ae5d0fe7da59	device	upgrade-device-farm-01	upgrade: ten accounts in a minute	upgrade-admin	2026-12-02 20:47:45.143238+00	\N	\N	\N	2
01a23883-6620-7d0c-a775-83b3927a6862	address	127.0.0.64/28	upgrade: scripted traffic from this range	upgrade-admin	2026-12-02 20:47:45.184303+00	\N	\N	\N	3
01a23883-664c-71d1-b275-488c74ab16ab	address	203.0.113.7	upgrade: known proxy abuser	upgrade-admin	2026-12-02 20:47:45.228554+00	2099-01-01 00:00:00+00	\N	\N	4
01a23883-6663-7a7d-9475-24b1300bb98e	device	upgrade-device-temp-01	upgrade: short cooling-off	upgrade-admin	2026-12-02 20:47:45.251416+00	2026-12-02 20:48:05+00	\N	\N	5
01a23883-667a-772c-83e7-ec61bda1c7c3	shopper	upgrade-shopper-47	upgrade: mistaken block, lifted	upgrade-admin	2026-12-02 20:47:45.2747+00	\N	upgrade-admin	2026-12-02 20:47:45.534591+00	7
\.


--
-- Data for Name: risk_decisions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.risk_decisions (decision_id, decided_at, verdict, rule, campaign_id, shopper_id, device_id, address, evidence, occurrences) FROM stdin;
1	2026-12-02 20:47:43.534079+00	refused	max_accounts_per_device	01a23883-005f-7cfb-bb86-7a04ed44dd3d	upgrade-shopper-43	upgrade-device-shared-01	\N	{"limit": 2}	1
2	2026-12-02 20:47:43.640695+00	refused	max_claims_per_device	01a23883-005f-7cfb-bb86-7a04ed44dd3d	upgrade-shopper-42	upgrade-device-shared-01	\N	{"limit": 3}	1
3	2026-12-02 20:47:43.772523+00	flagged	new_accounts_burst	01a23883-011b-7424-9551-9e30d1da83da	upgrade-shopper-45	upgrade-device-shared-02	\N	{"newAccounts": 3, "windowSeconds": 600}	1
4	2026-12-02 20:47:43.825615+00	flagged	new_accounts_burst	01a23883-011b-7424-9551-9e30d1da83da	upgrade-shopper-46	upgrade-device-shared-02	\N	{"newAccounts": 4, "windowSeconds": 600}	1
5	2026-12-02 20:47:43.873432+00	refused	max_claims_per_device_per_day	01a23883-011b-7424-9551-9e30d1da83da	upgrade-shopper-47	upgrade-device-shared-02	\N	{"limit": 4}	1
6	2026-12-02 20:47:45.028995+00	refused	daily_claim_cap	01a23883-005f-7cfb-bb86-7a04ed44dd3d	upgrade-shopper-01	upgrade-device-01	\N	{"limit": 10}	1
7	2026-12-02 20:47:45.478632+00	refused	blocked_address	01a23882-fab3-7c84-922e-e63bcb454c40	upgrade-shopper-45	upgrade-device-45	127.0.0.70	{"blockId": "01a23883-6620-7d0c-a775-83b3927a6862"}	1
8	2026-12-02 20:47:45.428239+00	refused	blocked_device	01a23882-fab3-7c84-922e-e63bcb454c40	upgrade-shopper-46	upgrade-device-farm-01	127.0.0.1	{"blockId": "01a23883-65f7-7b39-887a-ae5d0fe7da59"}	1
9	2026-12-02 20:47:45.319394+00	refused	blocked_shopper	01a23882-fab3-7c84-922e-e63bcb454c40	upgrade-shopper-48	upgrade-device-48	127.0.0.1	{"blockId": "01a23883-65c6-7016-b03f-375bfd554bea"}	1
10	2026-12-02 20:47:45.379996+00	refused	blocked_shopper	01a23882-fab3-7c84-922e-e63bcb454c40	upgrade-shopper-47	upgrade-device-47	127.0.0.1	{"blockId": "01a23883-667a-772c-83e7-ec61bda1c7c3"}	1
\.


--
-- Data for Name: shopper_alerts; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.shopper_alerts (alert_id, shopper_id, kind, coupon_id, campaign_id, remind_before, expires_at, created_at, read_at) FROM stdin;
0b013a1c-21dd-4fcd-a7bb-2424cfe09025	upgrade-shopper-02	expiry	01a23882-f2b6-769c-b6c9-e64541714ce4	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.638338+00	2026-12-02 20:47:26.245226+00	\N
35a99fe3-9875-421c-9989-2d827d4a0c0a	upgrade-shopper-03	expiry	01a23882-f2f7-7079-beab-757b335ab482	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.703886+00	2026-12-02 20:47:26.245226+00	\N
e4eb7642-1451-4095-a968-90dd131c88f5	upgrade-shopper-04	expiry	01a23882-f33b-779d-a8ca-a18bca5bb36a	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.771303+00	2026-12-02 20:47:26.245226+00	\N
a7780787-071e-44b7-9210-3ef25a81b88c	upgrade-shopper-05	expiry	01a23882-f38d-771f-87e9-839111bc7098	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.853533+00	2026-12-02 20:47:26.245226+00	\N
828139c6-c320-4221-8483-9d8085753d4c	upgrade-shopper-06	expiry	01a23882-f3d2-72a9-99b0-1cbaf1b18790	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.922913+00	2026-12-02 20:47:26.245226+00	\N
6141de30-4803-4d37-ab63-28f1af8f86bf	upgrade-shopper-07	expiry	01a23882-f417-7efe-873b-278d2fec8fd0	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.991036+00	2026-12-02 20:47:26.245226+00	\N
e66e4216-2a79-4b30-bb0b-c9b2415b65b5	upgrade-shopper-08	expiry	01a23882-f478-7a37-bef1-dcb3597416a6	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:26.088503+00	2026-12-02 20:47:26.245226+00	\N
d2dce558-33a0-497b-b460-2231196d5652	upgrade-shopper-01	expiry	01a23882-f1ea-7b35-837e-6e38d48edfaf	01a23882-ee7c-723c-80eb-e891e8a0ea76	00:01:00	2026-12-02 20:48:25.434624+00	2026-12-02 20:47:26.245226+00	2026-12-02 20:47:56.015831+00
\.


--
-- Name: campaign_changes_change_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.campaign_changes_change_id_seq', 39, true);


--
-- Name: card_secret_reveals_reveal_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.card_secret_reveals_reveal_id_seq', 6, true);


--
-- Name: points_entries_entry_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.points_entries_entry_id_seq', 46, true);


--
-- Name: risk_blocks_version; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_blocks_version', 7, true);


--
-- Name: risk_decisions_decision_id_seq; Type: SEQUENCE SET; Schema: public; Owner: -
--

SELECT pg_catalog.setval('public.risk_decisions_decision_id_seq', 10, true);


--
-- Name: campaign_changes campaign_changes_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_changes
    ADD CONSTRAINT campaign_changes_pkey PRIMARY KEY (change_id);


--
-- Name: campaign_final_results campaign_final_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_final_results
    ADD CONSTRAINT campaign_final_results_pkey PRIMARY KEY (campaign_id);


--
-- Name: campaign_redemption_results campaign_redemption_results_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_redemption_results
    ADD CONSTRAINT campaign_redemption_results_pkey PRIMARY KEY (campaign_id);


--
-- Name: campaign_refusals campaign_refusals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_refusals
    ADD CONSTRAINT campaign_refusals_pkey PRIMARY KEY (campaign_id, code);


--
-- Name: campaign_stock campaign_stock_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.campaign_stock
    ADD CONSTRAINT campaign_stock_pkey PRIMARY KEY (campaign_id);


--
-- Name: card_secret_reveals card_secret_reveals_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.card_secret_reveals
    ADD CONSTRAINT card_secret_reveals_pkey PRIMARY KEY (reveal_id);


--
-- Name: card_secrets card_secrets_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.card_secrets
    ADD CONSTRAINT card_secrets_pkey PRIMARY KEY (campaign_id, slot);


--
-- Name: card_secrets card_secrets_unique; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.card_secrets
    ADD CONSTRAINT card_secrets_unique UNIQUE (fingerprint);


--
-- Name: coupon_transfers coupon_transfers_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupon_transfers
    ADD CONSTRAINT coupon_transfers_pkey PRIMARY KEY (transfer_id);


--
-- Name: coupons coupons_one_per_key; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_one_per_key UNIQUE (shopper_id, idempotency_key);


--
-- Name: coupons coupons_one_per_seq; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_one_per_seq UNIQUE (campaign_id, seq);


--
-- Name: coupons coupons_one_per_shopper_day_slot; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_one_per_shopper_day_slot UNIQUE (claim_day, shopper_bucket, shopper_id, day_slot);


--
-- Name: coupons coupons_one_per_shopper_slot; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_one_per_shopper_slot UNIQUE (campaign_id, shopper_id, shopper_slot);


--
-- Name: coupons coupons_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_pkey PRIMARY KEY (coupon_id);


--
-- Name: coupons coupons_unique_code; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.coupons
    ADD CONSTRAINT coupons_unique_code UNIQUE (code);


--
-- Name: expiry_reminder_progress expiry_reminder_progress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.expiry_reminder_progress
    ADD CONSTRAINT expiry_reminder_progress_pkey PRIMARY KEY (campaign_id, remind_before);


--
-- Name: flashsale_schema flashsale_schema_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.flashsale_schema
    ADD CONSTRAINT flashsale_schema_pkey PRIMARY KEY (fingerprint);


--
-- Name: orleans_membership orleans_membership_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership
    ADD CONSTRAINT orleans_membership_pkey PRIMARY KEY (deploymentid, address, port, generation);


--
-- Name: orleans_membership_version orleans_membership_version_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership_version
    ADD CONSTRAINT orleans_membership_version_pkey PRIMARY KEY (deploymentid);


--
-- Name: orleans_reminders orleans_reminders_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_reminders
    ADD CONSTRAINT orleans_reminders_pkey PRIMARY KEY (serviceid, grainid, remindername);


--
-- Name: orleansquery orleansquery_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleansquery
    ADD CONSTRAINT orleansquery_pkey PRIMARY KEY (querykey);


--
-- Name: points_accounts points_accounts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.points_accounts
    ADD CONSTRAINT points_accounts_pkey PRIMARY KEY (shopper_id);


--
-- Name: points_entries points_entries_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.points_entries
    ADD CONSTRAINT points_entries_pkey PRIMARY KEY (entry_id);


--
-- Name: recycle_progress recycle_progress_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recycle_progress
    ADD CONSTRAINT recycle_progress_pkey PRIMARY KEY (campaign_id);


--
-- Name: recycled_coupons recycled_coupons_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.recycled_coupons
    ADD CONSTRAINT recycled_coupons_pkey PRIMARY KEY (coupon_id);


--
-- Name: redemptions redemptions_once_per_order; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.redemptions
    ADD CONSTRAINT redemptions_once_per_order UNIQUE (order_id, coupon_id);


--
-- Name: redemptions redemptions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.redemptions
    ADD CONSTRAINT redemptions_pkey PRIMARY KEY (redemption_id);


--
-- Name: risk_blocks risk_blocks_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_blocks
    ADD CONSTRAINT risk_blocks_pkey PRIMARY KEY (block_id);


--
-- Name: risk_decisions risk_decisions_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.risk_decisions
    ADD CONSTRAINT risk_decisions_pkey PRIMARY KEY (decision_id);


--
-- Name: shopper_alerts shopper_alerts_once; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shopper_alerts
    ADD CONSTRAINT shopper_alerts_once UNIQUE (coupon_id, remind_before);


--
-- Name: shopper_alerts shopper_alerts_pkey; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.shopper_alerts
    ADD CONSTRAINT shopper_alerts_pkey PRIMARY KEY (alert_id);


--
-- Name: campaign_changes_by_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_changes_by_campaign ON public.campaign_changes USING btree (campaign_id, change_id);


--
-- Name: campaign_stock_by_parent; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_stock_by_parent ON public.campaign_stock USING btree (parent_id) WHERE (parent_id IS NOT NULL);


--
-- Name: campaign_stock_by_start; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX campaign_stock_by_start ON public.campaign_stock USING btree (starts_at, campaign_id);


--
-- Name: card_secret_reveals_by_coupon; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX card_secret_reveals_by_coupon ON public.card_secret_reveals USING btree (coupon_id);


--
-- Name: coupon_transfers_by_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX coupon_transfers_by_campaign ON public.coupon_transfers USING btree (campaign_id, to_shopper) WHERE counted;


--
-- Name: coupon_transfers_by_coupon; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX coupon_transfers_by_coupon ON public.coupon_transfers USING btree (coupon_id);


--
-- Name: coupon_transfers_by_giver; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX coupon_transfers_by_giver ON public.coupon_transfers USING btree (from_shopper, transferred_at);


--
-- Name: coupons_by_holder; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX coupons_by_holder ON public.coupons USING btree (holder_id) WHERE (holder_id IS NOT NULL);


--
-- Name: coupons_one_account_per_device_slot; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX coupons_one_account_per_device_slot ON public.coupons USING btree (device_id, account_slot) WHERE (account_slot IS NOT NULL);


--
-- Name: coupons_one_per_device_day_slot; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX coupons_one_per_device_day_slot ON public.coupons USING btree (device_id, claim_day, device_day_slot) WHERE (device_day_slot IS NOT NULL);


--
-- Name: coupons_one_per_device_slot; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX coupons_one_per_device_slot ON public.coupons USING btree (campaign_id, device_id, device_slot) WHERE (device_slot IS NOT NULL);


--
-- Name: orleans_reminders_ring; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX orleans_reminders_ring ON public.orleans_reminders USING btree (serviceid, grainhash);


--
-- Name: orleans_storage_identity; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX orleans_storage_identity ON public.orleans_storage USING btree (grainidhash, graintypehash, grainidn0, grainidn1, serviceid, md5(graintypestring), md5(grainidextensionstring)) NULLS NOT DISTINCT;


--
-- Name: points_entries_by_shopper; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX points_entries_by_shopper ON public.points_entries USING btree (shopper_id, entry_id DESC);


--
-- Name: points_one_debit_per_coupon; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX points_one_debit_per_coupon ON public.points_entries USING btree (coupon_id) WHERE (reason = 'claim'::text);


--
-- Name: redemptions_by_coupon; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX redemptions_by_coupon ON public.redemptions USING btree (coupon_id);


--
-- Name: redemptions_one_standing_use; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX redemptions_one_standing_use ON public.redemptions USING btree (coupon_id) WHERE (single_use AND (refunded_at IS NULL));


--
-- Name: risk_blocks_live; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_blocks_live ON public.risk_blocks USING btree (version) WHERE (removed_at IS NULL);


--
-- Name: risk_decisions_by_campaign; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_decisions_by_campaign ON public.risk_decisions USING btree (campaign_id, decided_at DESC) WHERE (campaign_id IS NOT NULL);


--
-- Name: risk_decisions_by_campaign_rule; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_decisions_by_campaign_rule ON public.risk_decisions USING btree (campaign_id, rule) WHERE (campaign_id IS NOT NULL);


--
-- Name: risk_decisions_by_device; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_decisions_by_device ON public.risk_decisions USING btree (device_id, decided_at DESC) WHERE (device_id IS NOT NULL);


--
-- Name: risk_decisions_by_shopper; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX risk_decisions_by_shopper ON public.risk_decisions USING btree (shopper_id, decided_at DESC) WHERE (shopper_id IS NOT NULL);


--
-- Name: shopper_alerts_inbox; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX shopper_alerts_inbox ON public.shopper_alerts USING btree (shopper_id, created_at DESC, alert_id DESC);


--
-- Name: redemptions redemptions_counted; Type: TRIGGER; Schema: public; Owner: -
--

CREATE TRIGGER redemptions_counted AFTER INSERT OR UPDATE OF refunded_at ON public.redemptions FOR EACH ROW EXECUTE FUNCTION public.count_redemption();


--
-- Name: orleans_membership orleans_membership_deploymentid_fkey; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.orleans_membership
    ADD CONSTRAINT orleans_membership_deploymentid_fkey FOREIGN KEY (deploymentid) REFERENCES public.orleans_membership_version(deploymentid) ON DELETE CASCADE;


--
-- PostgreSQL database dump complete
--

\unrestrict qiEiCeT7wVqf5zTpJ44XqbrO5edMqcrkuLWLopYpGjPd4VLlt6tMzhqboTHvJDX

