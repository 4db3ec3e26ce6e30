#!/usr/bin/env bash
# Issue 21's evaluation: a scalper farm against ordinary shoppers (tests/FlashSale.Scalpers), before and after
# the risk rules of tests/benchmark/rules/scalpers.json, RUNS times, on one silo, one API node (Production, the
# edge's default rate limits) and a fresh PostgreSQL. Each run of each side is a sale of its own, with addresses
# of its own (the engine counts ranges and fingerprints over a day, and escalation's blocks last 30 minutes).
# Then one "after" run of each variant: ordinary shoppers who never read the campaign with their device id
# (as the shop page), and a farm that mimics a browser (full headers, a read before each claim).
# Writes each run's JSON, then results.md and results.json with the medians (tests/benchmark/scalpers.py).
#
# Usage: tests/benchmark/scalpers.sh [RUNS]   (default 3; SCALPERS_ARGS="--stock 500 ..." adds options to every run)
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME=scalpers
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
RUNS=${1:-3}
WORK="$REPO/.data/bench"
OUT="$WORK/scalpers-$(date -u +%Y%m%dT%H%M%SZ)"
API_URL=http://127.0.0.1:5397
RULES="$REPO/tests/benchmark/rules/scalpers.json"
BIN=bin/Release/net10.0
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
CHALLENGE_KEY=$(head -c 48 /dev/urandom | base64 -w0)
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/scalpers-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

build_solution
mkdir -p "$OUT"
rm -rf "$WORK/scalpers-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/scalpers-postgres" 25537)
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=scalpers Orleans__ServiceId=scalpers Logging__LogLevel__Default=Warning)
env "${common[@]}" DOTNET_ENVIRONMENT=Production Orleans__SiloPort=21397 Orleans__GatewayPort=23397 \
    dotnet "$REPO/silo/$BIN/FlashSale.Silo.dll" >"$OUT/silo.log" 2>&1 </dev/null &
wait_for 60 port_open 23397 || die "the silo did not come up; see $OUT/silo.log"
env "${common[@]}" ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS=$API_URL Orleans__GatewayPort=23397 \
    Jwt__SigningKey="$SIGNING_KEY" Risk__Challenges__HmacKey="$CHALLENGE_KEY" \
    dotnet "$REPO/api/$BIN/FlashSale.Api.dll" >"$OUT/api.log" 2>&1 </dev/null &
wait_for 60 answers "$API_URL/health/live" || die "the API did not come up; see $OUT/api.log"

# scenario NAME NETWORK [OPTIONS...]: one sale, its report in $OUT/NAME.json and .txt.
scenario() {
    local name=$1 network=$2
    shift 2
    say "$name (addresses 127.$((4 * network)).0.0/14)"
    # shellcheck disable=SC2086 # SCALPERS_ARGS is options, one word each
    dotnet "$REPO/tests/FlashSale.Scalpers/$BIN/FlashSale.Scalpers.dll" --base-url "$API_URL" --signing-key "$SIGNING_KEY" --db "$CONN" \
        --network "$network" --json "$OUT/$name.json" ${SCALPERS_ARGS:-} "$@" >"$OUT/$name.txt" 2>"$OUT/$name.log"
    cat "$OUT/$name.txt"
}

# Unmeasured: the first sale on fresh servers pays for their JIT and empty pools.
scenario warm 1
for ((run = 1; run <= RUNS; run++)); do
    scenario "run$run-before" $((2 * run))
    scenario "run$run-after" $((2 * run + 1)) --rules "$RULES"
done
scenario variant-shoppers-skip-read 60 --rules "$RULES" --shoppers-skip-read
scenario variant-farm-mimics-browser 61 --rules "$RULES" --farm-mimics-browser
python3 "$REPO/tests/benchmark/scalpers.py" "$OUT" "$RUNS"
say "results: $OUT/results.md and $OUT/results.json"
cat "$OUT/results.md"
