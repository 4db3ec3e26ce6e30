#!/usr/bin/env bash
# Push latency at peak: DASHBOARDS SignalR clients watch one campaign while the load generator rushes
# it as in E1 (128 connections, closed loop). Each dashboard times every snapshot from the earliest
# commit it is the first to include to its arrival (tests/FlashSale.PushLatency).
#
# Usage: tests/benchmark/push-latency.sh [DASHBOARDS]   (default 1000; BENCH_DURATION=10s)
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="push-latency"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
DASHBOARDS=${1:-1000}
DURATION=${BENCH_DURATION:-10s}
WORK="$REPO/.data/bench"
OUT="$WORK/push-$(date -u +%Y%m%dT%H%M%SZ)"
API_URL=http://127.0.0.1:5320
# A key of the run's own (the load generator mints tokens with it): outside Development the API refuses the repository's.
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
# And of its own for signing proof-of-work challenges, for the same reason.
CHALLENGE_KEY=$(head -c 48 /dev/urandom | base64 -w0)
BIN=bin/Release/net10.0
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/push-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

build_solution
mkdir -p "$OUT"
rm -rf "$WORK/push-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/push-postgres" 25534)
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=push Orleans__ServiceId=push Logging__LogLevel__Default=Warning)
env "${common[@]}" DOTNET_ENVIRONMENT=Production Orleans__SiloPort=21321 Orleans__GatewayPort=23321 \
    dotnet "$REPO/silo/$BIN/FlashSale.Silo.dll" >"$OUT/silo.log" 2>&1 </dev/null &
wait_for 60 port_open 23321 || die "the silo did not come up; see $OUT/silo.log"
env "${common[@]}" ASPNETCORE_ENVIRONMENT=Production Jwt__SigningKey="$SIGNING_KEY" Risk__Challenges__HmacKey="$CHALLENGE_KEY" ASPNETCORE_URLS=$API_URL Orleans__GatewayPort=23321 \
    RateLimits__PerAddress__PermitsPerSecond=0 RateLimits__PerShopper__PermitsPerSecond=0 \
    dotnet "$REPO/api/$BIN/FlashSale.Api.dll" >"$OUT/api.log" 2>&1 </dev/null &
wait_for 60 answers "$API_URL/health/live" || die "the API did not come up; see $OUT/api.log"

# The dashboards listen through the warm-up, the measured rush and a little after it; commits of the
# rush's 5 s warm-up (and the second the load generator takes to start) are reported apart.
listen=$(( ${DURATION%s} + 20 ))
dotnet "$REPO/tests/FlashSale.PushLatency/$BIN/FlashSale.PushLatency.dll" --base-url $API_URL --signing-key "$SIGNING_KEY" \
    --dashboards "$DASHBOARDS" --listen "00:00:$listen" --warmup 00:00:06 >"$OUT/push.txt" 2>&1 &
push=$!
until grep -q '^ready' "$OUT/push.txt" 2>/dev/null; do
    kill -0 $push 2>/dev/null || { cat "$OUT/push.txt" >&2; exit 1; }
    sleep 0.5
done
campaign=$(sed -n 's/^campaign //p' "$OUT/push.txt")
dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --target claims --base-url $API_URL --signing-key "$SIGNING_KEY" \
    --shoppers 100000 --connections 128 --warmup 5s --duration "$DURATION" --campaign-ids "$campaign" >"$OUT/loadgen.txt"
wait $push
grep -E '^(requests|new coupons|latency)' "$OUT/loadgen.txt"
tail -3 "$OUT/push.txt"
echo "push-latency: $OUT" >&2
