#!/usr/bin/env bash
# A campaign grain's reactivation at scale (issue 18): one campaign whose ledger holds COUPONS coupons
# from COUPONS shoppers (written straight into PostgreSQL, as if claimed an hour ago: claiming them
# through the API would take hours), then the silo is SIGKILLed and restarted, and the script times:
#   - the first claim after the restart, a replay of a stored coupon (the grain's activation plus one
#     indexed read of that shopper), and the silo's resident memory before and after it;
#   - /stats, which waits for the campaign's holders to be read (the filter of a few bytes a holder);
#   - CLAIMS claims from new shoppers with replays among them, through the load generator (refused as
#     sold out when COUPONS + CLAIMS passes the 10M a campaign may hold: the stock is COUPONS then);
# and checks answers a stored coupon's shopper gets (its coupon back; the limit for a new key).
#
# Usage: tests/benchmark/reactivation-at-scale.sh [COUPONS] [CLAIMS]   (defaults 10000000 and 20000)
# Seeding 10M rows takes some 5 minutes and 4 GiB of disk. Everything listens on 127.0.0.1 only.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="reactivation-at-scale"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
COUPONS=${1:-10000000}
CLAIMS=${2:-20000}
WORK="$REPO/.data/bench"
OUT="$WORK/reactivation-$(date -u +%Y%m%dT%H%M%SZ)"
API_URL=http://127.0.0.1:5331
PG_PORT=25536
# Keys of the run's own: outside Development the API refuses the repository's.
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
CHALLENGE_KEY=$(head -c 48 /dev/urandom | base64 -w0)
BIN=bin/Release/net10.0
LOADGEN=(dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll")
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/reactivation-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

if [[ -z ${BENCH_NO_BUILD:-} ]]; then build_solution; fi
mkdir -p "$OUT"
rm -rf "$WORK/reactivation-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/reactivation-postgres" $PG_PORT)
PSQL=("$("$REPO/deploy/postgres.sh" ensure-installed)/psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p $PG_PORT -U flashsale flashsale)
export PGPASSWORD=flashsale
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=reactivation Orleans__ServiceId=reactivation Logging__LogLevel__Default=Warning)
start_silo() {
    env "${common[@]}" DOTNET_ENVIRONMENT=Production Orleans__SiloPort=21332 Orleans__GatewayPort=23332 \
        dotnet "$REPO/silo/$BIN/FlashSale.Silo.dll" >>"$OUT/silo.log" 2>&1 </dev/null &
    SILO=$!
    wait_for 60 port_open 23332 || die "the silo did not come up; see $OUT/silo.log"
}
rss_mib() { echo $(($(ps -o rss= -p "$SILO") / 1024)); }
start_silo
env "${common[@]}" ASPNETCORE_ENVIRONMENT=Production Jwt__SigningKey="$SIGNING_KEY" Risk__Challenges__HmacKey="$CHALLENGE_KEY" ASPNETCORE_URLS=$API_URL Orleans__GatewayPort=23332 \
    RateLimits__PerAddress__PermitsPerSecond=0 RateLimits__PerShopper__PermitsPerSecond=0 \
    dotnet "$REPO/api/$BIN/FlashSale.Api.dll" >"$OUT/api.log" 2>&1 </dev/null &
wait_for 60 answers "$API_URL/health/live" || die "the API did not come up; see $OUT/api.log"

CAMPAIGN=$("${LOADGEN[@]}" --setup-only --target claims --base-url $API_URL --signing-key "$SIGNING_KEY" \
    --campaigns 1 --stock $((COUPONS + CLAIMS > 10000000 ? COUPONS : COUPONS + CLAIMS)) --per-user-limit 1 2>"$OUT/setup.txt")
say "campaign $CAMPAIGN: writing $COUPONS coupon rows"
started=$(date +%s.%N)
"${PSQL[@]}" -v campaign="$CAMPAIGN" -v coupons="$COUPONS" <<'SQL'
SET synchronous_commit = off;
SET maintenance_work_mem = '1GB';
-- Keys in order (ids, codes, shoppers) so that the unique indexes fill from one end, as a day of claims would not: seeding, not measuring.
INSERT INTO coupons (coupon_id, campaign_id, seq, shopper_id, shopper_slot, device_id, idempotency_key, code, issued_at, expires_at,
                     claim_day, day_slot, shopper_bucket)
SELECT ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, :'campaign', i, 'seed-' || lpad(i::text, 9, '0'), 1,
       'seed-device', 'seed-key-' || i, 'SEED' || lpad(i::text, 10, '0'), now() - interval '1 hour', now() + interval '7 days',
       -- A month ago: the shopper counters, which read today's claims, do not count these.
       current_date - 30, 1, i % 16
  FROM generate_series(1, :coupons) AS i;
UPDATE campaign_stock SET issued = :coupons WHERE campaign_id = :'campaign';
VACUUM ANALYZE coupons;
SQL
say "seeded in $(echo "$(date +%s.%N) - $started" | bc) s"

token() {
    python3 - "$SIGNING_KEY" "$1" "$2" <<'PY'
import base64, hashlib, hmac, json, sys, time
part = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(',', ':')).encode()).rstrip(b'=')
now = int(time.time())
unsigned = part({"alg": "HS256", "typ": "JWT"}) + b'.' + part(
    {"sub": sys.argv[2], "role": sys.argv[3], "iss": "flashsale", "aud": "flashsale-api", "nbf": now - 10, "exp": now + 3600})
print((unsigned + b'.' + base64.urlsafe_b64encode(hmac.new(sys.argv[1].encode(), unsigned, hashlib.sha256).digest()).rstrip(b'=')).decode())
PY
}
claim() { # shopper key label
    curl -s -o "$OUT/claim-$3.json" -w "$3: HTTP %{http_code} in %{time_total} s\n" -X POST -H "Authorization: Bearer $(token "$1" shopper)" \
        -H "Idempotency-Key: $2" -H "X-Device-Id: bench-device" "$API_URL/api/campaigns/$CAMPAIGN/claims" | tee -a "$OUT/summary.txt"
}

kill -KILL "$SILO"
wait "$SILO" 2>/dev/null || true
start_silo
wait_for 60 answers "$API_URL/health/ready" || die "the API did not see the restarted silo; see $OUT/api.log"
echo "silo resident after restart, the campaign not yet active: $(rss_mib) MiB" | tee -a "$OUT/summary.txt"
( while kill -0 "$SILO" 2>/dev/null; do ps -o rss= -p "$SILO"; sleep 0.2; done >"$OUT/silo-rss.txt" ) &
SAMPLER=$!

# The grain activates on this call: its counters, then this one shopper read by index.
claim seed-000000042 seed-key-42 "replay-after-restart"
grep -q '"SEED0000000042"' "$OUT/claim-replay-after-restart.json" || die "the replay did not get its coupon back; see $OUT/claim-replay-after-restart.json"
echo "silo resident once the campaign answered: $(rss_mib) MiB" | tee -a "$OUT/summary.txt"
claim seed-000000043 another-key "new-key-of-a-holder"
grep -q '"limit_reached"' "$OUT/claim-new-key-of-a-holder.json" || die "a holder's new key was not refused by the limit; see $OUT/claim-new-key-of-a-holder.json"

# /stats waits for the holders read (the claimant count comes with it).
curl -s -o "$OUT/stats.json" -w "stats (waits for the holders read): HTTP %{http_code} in %{time_total} s\n" \
    -H "Authorization: Bearer $(token reactivation-bench marketing)" "$API_URL/api/campaigns/$CAMPAIGN/stats" | tee -a "$OUT/summary.txt"
echo "silo resident once the holders were read: $(rss_mib) MiB" | tee -a "$OUT/summary.txt"

"${LOADGEN[@]}" --target claims --base-url $API_URL --signing-key "$SIGNING_KEY" --campaign-ids "$CAMPAIGN" --shoppers "$CLAIMS" \
    --requests "$CLAIMS" --replay-share 0.1 --connections 64 --db "$CONN" >"$OUT/loadgen.txt"
grep -E '^(requests|throughput|latency|invariants)' "$OUT/loadgen.txt" | tee -a "$OUT/summary.txt"
echo "silo resident after $CLAIMS more claims: $(rss_mib) MiB" | tee -a "$OUT/summary.txt"
kill "$SAMPLER"
echo "silo resident at most since the restart: $(($(sort -n "$OUT/silo-rss.txt" | tail -1) / 1024)) MiB" | tee -a "$OUT/summary.txt"
echo "reactivation-at-scale: $OUT" >&2
