#!/usr/bin/env bash
# Results and export at scale: CLAIMS distinct shoppers claim one campaign of CLAIMS coupons (closed
# loop, 128 connections), then /stats is timed five times, again after the silo is SIGKILLed and
# restarted, and the CSV export is timed while the API node's resident memory is sampled.
#
# Usage: tests/benchmark/results-at-scale.sh [CLAIMS]   (default 1000000; about 2 minutes of load per million)
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="results-at-scale"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
CLAIMS=${1:-1000000}
WORK="$REPO/.data/bench"
OUT="$WORK/results-$(date -u +%Y%m%dT%H%M%SZ)"
API_URL=http://127.0.0.1:5330
# A key of the run's own (the load generator mints tokens with it): outside Development the API refuses the repository's.
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
# And of its own for signing proof-of-work challenges, for the same reason.
CHALLENGE_KEY=$(head -c 48 /dev/urandom | base64 -w0)
BIN=bin/Release/net10.0
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/results-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

build_solution
mkdir -p "$OUT"
rm -rf "$WORK/results-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/results-postgres" 25535)
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=results Orleans__ServiceId=results Logging__LogLevel__Default=Warning)
start_silo() {
    env "${common[@]}" DOTNET_ENVIRONMENT=Production Orleans__SiloPort=21331 Orleans__GatewayPort=23331 \
        dotnet "$REPO/silo/$BIN/FlashSale.Silo.dll" >>"$OUT/silo.log" 2>&1 </dev/null &
    SILO=$!
    wait_for 60 port_open 23331 || die "the silo did not come up; see $OUT/silo.log"
}
start_silo
env "${common[@]}" ASPNETCORE_ENVIRONMENT=Production Jwt__SigningKey="$SIGNING_KEY" Risk__Challenges__HmacKey="$CHALLENGE_KEY" ASPNETCORE_URLS=$API_URL Orleans__GatewayPort=23331 \
    RateLimits__PerAddress__PermitsPerSecond=0 RateLimits__PerShopper__PermitsPerSecond=0 \
    dotnet "$REPO/api/$BIN/FlashSale.Api.dll" >"$OUT/api.log" 2>&1 </dev/null &
API=$!
wait_for 60 answers "$API_URL/health/live" || die "the API did not come up; see $OUT/api.log"

dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --target claims --base-url $API_URL --signing-key "$SIGNING_KEY" \
    --shoppers "$CLAIMS" --campaigns 1 --stock "$CLAIMS" --per-user-limit 1 --replay-share 0 --connections 128 --requests "$CLAIMS" \
    --db "$CONN" >"$OUT/loadgen.txt"
grep -E '^(requests|invariants)' "$OUT/loadgen.txt"
CAMPAIGN=$(sed -n 's/^ledger *\([0-9a-f-]*\):.*/\1/p' "$OUT/loadgen.txt")
TOKEN=$(python3 - "$SIGNING_KEY" <<'PY'
import base64, hashlib, hmac, json, sys, time
part = lambda d: base64.urlsafe_b64encode(json.dumps(d, separators=(',', ':')).encode()).rstrip(b'=')
now = int(time.time())
unsigned = part({"alg": "HS256", "typ": "JWT"}) + b'.' + part(
    {"sub": "results-bench", "role": "marketing", "iss": "flashsale", "aud": "flashsale-api", "nbf": now - 10, "exp": now + 3600})
print((unsigned + b'.' + base64.urlsafe_b64encode(hmac.new(sys.argv[1].encode(), unsigned, hashlib.sha256).digest()).rstrip(b'=')).decode())
PY
)
stats() { curl -s -o /dev/null -w "stats $1: HTTP %{http_code} in %{time_total} s\n" -H "Authorization: Bearer $TOKEN" "$API_URL/api/campaigns/$CAMPAIGN/stats"; }
for _ in 1 2 3 4 5; do stats warm; done
kill -KILL "$SILO"; wait "$SILO" 2>/dev/null || true
start_silo
# The API node answers 503 until its gateway connection is back; the first 200 pays the grain's reactivation.
until stats "after restart" | tee /dev/stderr | grep -q 'HTTP 200'; do sleep 0.2; done 2>&1
for _ in 1 2 3 4; do stats "after restart"; done
echo "API resident before export: $(ps -o rss= -p "$API") KiB"
( while kill -0 "$API" 2>/dev/null; do ps -o rss= -p "$API"; sleep 0.5; done >"$OUT/export-rss.txt" ) &
SAMPLER=$!
curl -s -o "$OUT/export.csv" -w "export: HTTP %{http_code}, %{size_download} bytes in %{time_total} s\n" \
    -H "Authorization: Bearer $TOKEN" "$API_URL/api/campaigns/$CAMPAIGN/coupons.csv"
kill "$SAMPLER"
echo "API resident at most during export: $(sort -n "$OUT/export-rss.txt" | tail -1) KiB; $(wc -l <"$OUT/export.csv") lines"
echo "results-at-scale: $OUT" >&2
