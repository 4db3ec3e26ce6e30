#!/usr/bin/env bash
# Notification processing rate (issue 19): ORDERS orders of a paid sale, their payments started, then
# all paid at the sandbox gateway at once; measures captures/s at the gateway, orders settled/s from the
# first payment to the last settlement, and each capture's delay from payment to settlement (p50, p99)
# (tests/benchmark/notifications.py). One silo, one API node, the sandbox with WeChat's retry schedule.
#
# Usage: tests/benchmark/notifications.sh [ORDERS] [RUNS]   (defaults 2000, 3)
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="notifications"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
ORDERS=${1:-2000}
RUNS=${2:-3}
WORK="$REPO/.data/bench"
OUT="$WORK/notifications-$(date -u +%Y%m%dT%H%M%SZ)"
API_URL=http://127.0.0.1:5390
SANDBOX_URL=http://127.0.0.1:5391
BIN=bin/Release/net10.0
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/notifications-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

build_solution
mkdir -p "$OUT"
rm -rf "$WORK/notifications-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/notifications-postgres" 25535)
Sandbox__KeyFile="$OUT/platform-key.pem" ASPNETCORE_URLS=$SANDBOX_URL Logging__LogLevel__Default=Warning \
    dotnet "$REPO/deploy/PaymentSandbox/$BIN/FlashSale.PaymentSandbox.dll" >"$OUT/sandbox.log" 2>&1 </dev/null &
wait_for 60 answers "$SANDBOX_URL/sandbox/health" || die "the sandbox did not come up; see $OUT/sandbox.log"
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=notifications Orleans__ServiceId=notifications Logging__LogLevel__Default=Warning
    Payments__NotifyBaseUrl=$API_URL Payments__Channels__wechat__BaseUrl=$SANDBOX_URL/ Payments__Channels__alipay__BaseUrl=$SANDBOX_URL/)
env "${common[@]}" DOTNET_ENVIRONMENT=Development Orleans__SiloPort=21391 Orleans__GatewayPort=23391 ASPNETCORE_URLS=http://127.0.0.1:21392 \
    dotnet "$REPO/silo/$BIN/FlashSale.Silo.dll" >"$OUT/silo.log" 2>&1 </dev/null &
wait_for 60 port_open 23391 || die "the silo did not come up; see $OUT/silo.log"
env "${common[@]}" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$API_URL Orleans__GatewayPort=23391 \
    RateLimits__PerAddress__PermitsPerSecond=0 RateLimits__PerShopper__PermitsPerSecond=0 \
    dotnet "$REPO/api/$BIN/FlashSale.Api.dll" >"$OUT/api.log" 2>&1 </dev/null &
wait_for 60 answers "$API_URL/health/live" || die "the API did not come up; see $OUT/api.log"

for ((run = 1; run <= RUNS; run++)); do
    say "run $run: $ORDERS orders paid at once"
    python3 "$REPO/tests/benchmark/notifications.py" --api $API_URL --sandbox $SANDBOX_URL --db "$CONN" --orders "$ORDERS" | tee "$OUT/run$run.json"
done
say "results: $OUT/run*.json"
