#!/usr/bin/env bash
# What tracing costs on the claim path: E1-style claims (one hot campaign, closed loop) against
# deploy/run.sh (one silo, one API node), alternately with tracing off and on. On, every request is
# sampled and exported over OTLP/HTTP to a sink on this machine that reads and drops it (a collector
# would run elsewhere; the sink's own CPU is charged to "on" here).
#
# Besides claims per second, which a busy machine moves a lot, it counts the CPU the silo and the API
# node spent per issued claim while measured (the load generator's --watch-cpu reads /proc), which
# other load moves far less.
#
# Usage: tests/benchmark/tracing-cost.sh [ROUNDS]     (default 3; BENCH_DURATION=10s BENCH_CONNECTIONS=128;
#        BENCH_RATE=R measures open loop at R claims a second instead of as fast as answers come)
# Writes one JSON per round and mode, and prints each run and the medians.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="tracing-cost"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
ROUNDS=${1:-3}
DURATION=${BENCH_DURATION:-10s}
CONNECTIONS=${BENCH_CONNECTIONS:-128}
PACE=()
[[ -n ${BENCH_RATE:-} ]] && PACE=(--mode open --rate "$BENCH_RATE")
OUT=${BENCH_OUT:-$REPO/.data/bench/tracing-$(date -u +%Y%m%dT%H%M%SZ)}
# Ports of its own, clear of deploy/run.sh's defaults and of tests/benchmark/run.sh.
export FLASHSALE_PG_PORT=25542 FLASHSALE_URL=http://127.0.0.1:5310 FLASHSALE_SILO_PORT=21341 \
    FLASHSALE_GATEWAY_PORT=23341 FLASHSALE_SILO_HTTP_PORT=11190 FLASHSALE_SKIP_BUILD=1
SINK=http://127.0.0.1:24318
# Development's key (deploy/run.sh runs Development): the load generator mints its shoppers' tokens with it.
DEV_KEY=development-only-signing-key-not-for-production-0123456789
LOADGEN="$REPO/tests/FlashSale.LoadGen/bin/Release/net10.0/FlashSale.LoadGen.dll"

stop_on_exit

build_solution
mkdir -p "$OUT"
python3 - "${SINK##*:}" <<'PY' &
import http.server, sys
class Sink(http.server.BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200)
        self.end_headers()
    def log_message(self, *args):
        pass
http.server.ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Sink).serve_forever()
PY

run() {
    local mode=$1 round=$2 tracing=()
    [[ $mode == on ]] && tracing=("OTEL_EXPORTER_OTLP_ENDPOINT=$SINK" OTEL_EXPORTER_OTLP_PROTOCOL=http/protobuf)
    rm -rf "$OUT/data"
    env "${tracing[@]}" FLASHSALE_DATA="$OUT/data" "$REPO/deploy/run.sh" >"$OUT/run-$mode-$round.log" 2>&1 &
    local cluster=$!
    until curl -fs "$FLASHSALE_URL/health/ready" >/dev/null 2>&1; do
        kill -0 "$cluster" 2>/dev/null || { say "deploy/run.sh exited; see $OUT/run-$mode-$round.log"; exit 1; }
        sleep 0.5
    done
    local common=(--base-url "$FLASHSALE_URL" --signing-key "$DEV_KEY" --connections "$CONNECTIONS" --target claims
        --campaigns 1 --stock 10000000 --per-user-limit 1)
    say "round $round, tracing $mode: warming up"
    dotnet "$LOADGEN" "${common[@]}" --shoppers 10000 --warmup 0s --duration 15s >/dev/null 2>&1
    say "round $round, tracing $mode: measuring"
    dotnet "$LOADGEN" "${common[@]}" --shoppers 1000000 "${PACE[@]}" --warmup 3s --duration "$DURATION" --json "$OUT/$mode-$round.json" \
        --watch-cpu "silo=$(<"$OUT/data/run/silo-0.pid")" --watch-cpu "api=$(<"$OUT/data/run/api-0.pid")" >"$OUT/$mode-$round.txt" 2>/dev/null
    kill -TERM "$cluster"
    wait "$cluster" || true
}

for ((round = 1; round <= ROUNDS; round++)); do
    run off "$round"
    run on "$round"
done

python3 - "$OUT" "$ROUNDS" <<'PY'
import json, statistics, sys
out, rounds = sys.argv[1], int(sys.argv[2])
def cpu_ms_per_claim(run):
    return sum(server["cpuSeconds"] for server in run["serverCpu"].values()) * 1000 / run["issued"]

for mode in ("off", "on"):
    runs = [json.load(open(f"{out}/{mode}-{r}.json")) for r in range(1, rounds + 1)]
    rates = [run["claimsPerSecond"] for run in runs]
    cpu = [cpu_ms_per_claim(run) for run in runs]
    print(f"tracing {mode}: claims/s median {statistics.median(rates):,.0f} (runs {', '.join(f'{r:,.0f}' for r in rates)}); "
          f"p50 ms {statistics.median(run['latencyMs']['p50'] for run in runs):.1f}, p99 ms {statistics.median(run['latencyMs']['p99'] for run in runs):.1f}; "
          f"silo + API CPU ms per claim median {statistics.median(cpu):.3f} (runs {', '.join(f'{c:.3f}' for c in cpu)})")
PY
