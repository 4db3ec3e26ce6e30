#!/usr/bin/env bash
# The benchmark ladder, all rungs driven by the same load generator in one run, on this machine:
#   E0  bare ASP.NET Core endpoint (read a small JSON request, answer JSON): the HTTP ceiling
#   E1  FlashSale claims on ONE hot campaign with stock to spare: durable claims per second
#   P1  as E1 on a paid sale (issue 19): each claim places an order holding its unit (orders per second)
#   E2  FlashSale claims spread over 1,000 campaigns
#   E3  FlashSale claims on a sold-out campaign: the rejection path
#   B1  the Redis "seckill" design (one Lua script per claim), appendfsync everysec and always
#   L50, L80  FlashSale claims open-loop at 50% and 80% of E1's rate: latency from intended send time
#   R1  as E1 with ten risk rules in force on its campaign that match none of its claims (tests/benchmark/rules/
#       e1-unmatched.json, issue 21): what judging every claim by rules costs; RL50 the same open-loop at L50's rate
#   O   the opening instant: 1,000 campaigns created to open at the same millisecond, the silo restarted
#       (cold, as after campaigns made days before) so that their schedules warm them, 100,000 shoppers
#       claiming from before the opening; measured: the first second after it
# Each claims rung also records the CPU per request of the API node, the silo and PostgreSQL.
# Writes one JSON per rung and run, then results.md and results.json with the medians and ratios.
#
# Usage: tests/benchmark/run.sh [RUNS]        (default 3; BENCH_DURATION=10s BENCH_WARMUP=3s BENCH_CONNECTIONS=128)
#   BENCH_RUNGS="E1 E2" runs those rungs only (E0 E1 P1 E2 E3 B1 L O, and R1 RL50 which the ladder leaves out;
#   L and RL50 need E1) and writes their JSON only; BENCH_E1_RATE=N takes N claims/s as E1's rate for L and RL50
#   (two builds compared open-loop at the same offered load, tests/benchmark/pairs.sh);
#   BENCH_SERVERS=DIR runs the silo and API node built in DIR (another checkout) with this one's tools.
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME=bench
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
RUNS=${1:-3}
DURATION=${BENCH_DURATION:-10s}
WARMUP=${BENCH_WARMUP:-3s}
CONNECTIONS=${BENCH_CONNECTIONS:-128}
SHOPPERS=${BENCH_SHOPPERS:-1000000}
WORK="$REPO/.data/bench"
OUT=${BENCH_OUT:-$WORK/results-$(date -u +%Y%m%dT%H%M%SZ)}
PG_PORT=25532
API_URL=http://127.0.0.1:5300
BASE_EVERYSEC_URL=http://127.0.0.1:5301
BASE_ALWAYS_URL=http://127.0.0.1:5302
# A key of the run's own (the load generator mints tokens with it): outside Development the API refuses the repository's.
SIGNING_KEY=$(head -c 48 /dev/urandom | base64 -w0)
# And of its own for signing proof-of-work challenges, for the same reason.
CHALLENGE_KEY=$(head -c 48 /dev/urandom | base64 -w0)
BIN=bin/Release/net10.0
# The silo and API node it runs (tests/benchmark/pairs.sh points this at another commit's build), and its rungs.
SERVERS=${BENCH_SERVERS:-$REPO}
RUNGS=" ${BENCH_RUNGS:-E0 E1 P1 E2 E3 B1 L O} "
want() { [[ $RUNGS == *" $1 "* ]]; }

cleanup() {
    "$REPO/tests/benchmark/redis.sh" stop "$WORK/redis-everysec" 6391 >/dev/null 2>&1 || true
    "$REPO/tests/benchmark/redis.sh" stop "$WORK/redis-always" 6392 >/dev/null 2>&1 || true
    "$REPO/deploy/postgres.sh" stop "$WORK/postgres" >/dev/null 2>&1 || true
}
stop_on_exit

# start NAME LOG ENV... -- COMMAND...: a background server, stopped on exit; $! is its pid after the call.
start() {
    local name=$1 log=$2
    shift 2
    local env=()
    while [[ $1 != -- ]]; do env+=("$1"); shift; done
    shift
    env "${env[@]}" "$@" >"$log" 2>&1 </dev/null &
    say "$name started (pid $!, log $log)"
}

# up WHAT CMD...: waits for CMD to succeed.
up() { wait_for 60 "${@:2}" || die "$1 did not come up; see the logs in $OUT"; }
bare_answers() { answers -X POST -H 'Content-Type: application/json' -d '{}' "$1/bare"; }

say "building (Release)"
build_solution

mkdir -p "$OUT"
# Every run starts from empty stores: a previous run's million-key Redis file takes longer to load
# than the start-up wait.
rm -rf "$WORK/postgres" "$WORK/redis-everysec" "$WORK/redis-always"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/postgres" "$PG_PORT")
"$REPO/tests/benchmark/redis.sh" start "$WORK/redis-everysec" 6391 everysec >/dev/null
"$REPO/tests/benchmark/redis.sh" start "$WORK/redis-always" 6392 always >/dev/null

# Production, as servers run for real (no developer exception page), with the run's own signing key.
common=(ConnectionStrings__FlashSale="$CONN" Orleans__ClusterId=bench Orleans__ServiceId=bench Logging__LogLevel__Default=Warning)
# Edge rate limits on but out of reach: one load generator on 127.0.0.1 stands for a million
# shoppers and cycles through them far faster than people click, yet every request still pays for
# both limiters.
unlimited=1000000
web=(ASPNETCORE_ENVIRONMENT=Production Jwt__SigningKey="$SIGNING_KEY" Risk__Challenges__HmacKey="$CHALLENGE_KEY"
    RateLimits__PerAddress__PermitsPerSecond="$unlimited" RateLimits__PerAddress__Burst="$unlimited"
    RateLimits__PerShopper__PermitsPerSecond="$unlimited" RateLimits__PerShopper__Burst="$unlimited")
start_silo() {
    start silo "$OUT/silo.log" "${common[@]}" DOTNET_ENVIRONMENT=Production Orleans__SiloPort=21311 Orleans__GatewayPort=23311 \
        -- dotnet "$SERVERS/silo/$BIN/FlashSale.Silo.dll"
    SILO_PID=$!
    up silo port_open 23311
}
start_silo
start api "$OUT/api.log" "${common[@]}" "${web[@]}" ASPNETCORE_URLS=$API_URL \
    -- dotnet "$SERVERS/api/$BIN/FlashSale.Api.dll"
API_PID=$!
for mode in everysec always; do
    url=$BASE_EVERYSEC_URL port=6391
    [[ $mode == always ]] && url=$BASE_ALWAYS_URL port=6392
    start "baseline ($mode)" "$OUT/baseline-$mode.log" "${web[@]}" ASPNETCORE_URLS=$url \
        Redis__Configuration=127.0.0.1:$port -- dotnet "$REPO/tests/FlashSale.Benchmarks.Baseline/$BIN/FlashSale.Benchmarks.Baseline.dll"
    [[ $mode == everysec ]] && BARE_PID=$!
done
PG_PID=$(head -1 "$WORK/postgres/postmaster.pid")
up api answers "$API_URL/health/live"
up "baseline (everysec)" bare_answers "$BASE_EVERYSEC_URL"
up "baseline (always)" bare_answers "$BASE_ALWAYS_URL"

loadgen() {
    local rung=$1
    shift
    say "run $run, $rung"
    # The risk screening's own latency over the rung, from the API node's histogram (tests/benchmark/screening.py).
    local scraped=0
    curl -sf "$API_URL/metrics" >"$OUT/run$run-$rung.metrics-before" && scraped=1
    dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --connections "$CONNECTIONS" --warmup "$WARMUP" \
        --duration "$DURATION" --json "$OUT/run$run-$rung.json" "$@" >"$OUT/run$run-$rung.txt"
    # Both scrapes or none: with the first missing, the difference would be everything since the node started.
    if ((scraped)) && curl -sf "$API_URL/metrics" >"$OUT/run$run-$rung.metrics-after"; then
        python3 "$REPO/tests/benchmark/screening.py" "$OUT/run$run-$rung.metrics-before" "$OUT/run$run-$rung.metrics-after" \
            "$OUT/run$run-$rung.screening.json"
    fi
    rm -f "$OUT/run$run-$rung.metrics-before" "$OUT/run$run-$rung.metrics-after"
}

# One unmeasured pass first, long enough for tiered JIT to finish (seen still compiling after 10 s
# under load), so that no rung is measured on a cold JIT or empty connection pools.
warm() {
    say "warming up $1"
    dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --connections "$CONNECTIONS" --warmup 0s --duration "${BENCH_WARM_PASS:-15s}" \
        --signing-key "$SIGNING_KEY" --shoppers 10000 --stock 10000000 --per-user-limit 1000 "${@:2}" >/dev/null 2>&1
}
warm E0 --target bare --base-url "$BASE_EVERYSEC_URL"
warm E1 --target claims --base-url "$API_URL"
warm B1 --target redis --base-url "$BASE_EVERYSEC_URL"
warm B1 --target redis --base-url "$BASE_ALWAYS_URL"

# The server side of each claim: the API node, the silo, and PostgreSQL's postmaster with its backends.
watch() { echo --watch-cpu api=$API_PID --watch-cpu silo=$SILO_PID --watch-cpu postgres=$PG_PID+; }
claims=(--target claims --base-url "$API_URL" --signing-key "$SIGNING_KEY" --shoppers "$SHOPPERS" --db "$CONN")
E1_RULES="$REPO/tests/benchmark/rules/e1-unmatched.json"
redis=(--target redis --signing-key "$SIGNING_KEY" --shoppers "$SHOPPERS" --stock 10000000 --per-user-limit 1)
# O, the opening instant: 1,000 campaigns made to open at one millisecond BENCH_OPENING_AFTER seconds on
# (90 by default), the silo then killed and started again so that no campaign grain is active until its
# schedule warms it (Reminders:WarmUpLead, 30 s, before the opening); 100,000 shoppers claim from before
# the opening (refused as not started by the API node's gates), and the first second after it is measured.
opening() {
    local open_at ids
    open_at=$(date -u -d "+${BENCH_OPENING_AFTER:-90} seconds" +%Y-%m-%dT%H:%M:%S.000Z)
    say "run $run, O: 1,000 campaigns opening at $open_at"
    ids=$(dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --setup-only --target claims --base-url "$API_URL" \
        --signing-key "$SIGNING_KEY" --campaigns 1000 --stock 100000 --per-user-limit 1 --opens-at "$open_at" 2>"$OUT/run$run-O-setup.txt")
    say "run $run, O: restarting the silo, every campaign grain cold until its warm-up"
    kill -9 "$SILO_PID"
    wait "$SILO_PID" 2>/dev/null || true
    start_silo
    up "api (the silo restarted)" answers "$API_URL/health/ready"
    # shellcheck disable=SC2046
    dotnet "$REPO/tests/FlashSale.LoadGen/$BIN/FlashSale.LoadGen.dll" --connections "$CONNECTIONS" --target claims --base-url "$API_URL" \
        --signing-key "$SIGNING_KEY" --shoppers 100000 --db "$CONN" --campaign-ids "$ids" --opens-at "$open_at" --duration 1s $(watch) \
        --json "$OUT/run$run-O.json" >"$OUT/run$run-O.txt"
}

# E1's rate for the open-loop rungs: BENCH_E1_RATE when given, else what this run's E1 reached.
e1_rate() {
    if [[ -n ${BENCH_E1_RATE:-} ]]; then
        echo "$BENCH_E1_RATE"
    else
        python3 -c "import json,sys; print(int(json.load(open(sys.argv[1]))['throughput']))" "$OUT/run$run-E1.json"
    fi
}

# E1 and the open loop at L50's rate with rules in force that match nothing (issue 21).
r1() {
    # shellcheck disable=SC2046 # watch prints options, one word each
    if want R1; then loadgen R1 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 --risk-rules "$E1_RULES" $(watch); fi
}
rl50() {
    if want RL50; then
        rate=$(e1_rate)
        loadgen RL50 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 --mode open --rate $((rate / 2)) --risk-rules "$E1_RULES"
    fi
}

for ((run = 1; run <= RUNS; run++)); do
    want E0 && loadgen E0 --target bare --base-url "$BASE_EVERYSEC_URL" --signing-key "$SIGNING_KEY" --shoppers 10000 --watch-cpu bare=$BARE_PID
    # R1 before E1 (and RL50 before L50) in even runs, after it in odd ones: the API node's cost per claim grows
    # over a session (it remembers every shopper and device id it saw for ten minutes), so a fixed order would
    # favour the first.
    if ((run % 2 == 0)); then r1; fi
    # shellcheck disable=SC2046
    want E1 && loadgen E1 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 $(watch)
    if ((run % 2 == 1)); then r1; fi
    # shellcheck disable=SC2046
    want P1 && loadgen P1 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 --cash-price 9.9 $(watch)
    # shellcheck disable=SC2046
    want E2 && loadgen E2 "${claims[@]}" --campaigns 1000 --stock 100000 --per-user-limit 1 $(watch)
    # shellcheck disable=SC2046
    want E3 && loadgen E3 "${claims[@]}" --campaigns 1 --stock 1 --per-user-limit 1 $(watch)
    if want B1; then
        loadgen B1-everysec "${redis[@]}" --base-url "$BASE_EVERYSEC_URL"
        loadgen B1-always "${redis[@]}" --base-url "$BASE_ALWAYS_URL"
    fi
    if ((run % 2 == 0)); then rl50; fi
    if want L; then
        rate=$(e1_rate)
        loadgen L50 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 --mode open --rate $((rate / 2))
        loadgen L80 "${claims[@]}" --campaigns 1 --stock 10000000 --per-user-limit 1 --mode open --rate $((rate * 4 / 5))
    fi
    if ((run % 2 == 1)); then rl50; fi
    if want O; then opening; fi
done

# Some rungs only (tests/benchmark/pairs.sh): their JSON is the result; the ladder's table and charts need them all.
if [[ -n ${BENCH_RUNGS:-} ]]; then
    say "results: $OUT/run*.json"
    exit 0
fi

python3 "$REPO/tests/benchmark/summarize.py" "$OUT" "$RUNS" "$CONNECTIONS" "$DURATION"
# The charts (ScottPlot): this run beside the one BENCHMARKS.md shows, kept in tests/benchmark/ladder/.
previous=()
[[ -f $REPO/tests/benchmark/ladder/results.json ]] && previous=(--previous "$REPO/tests/benchmark/ladder/results.json" --previous-name "BENCHMARKS.md")
dotnet "$REPO/tests/FlashSale.BenchmarkChart/$BIN/FlashSale.BenchmarkChart.dll" --current "$OUT/results.json" "${previous[@]}" --out "$OUT/ladder"
say "results: $OUT/results.md and $OUT/results.json; charts: $OUT/ladder-throughput.png and $OUT/ladder-p99.png"
cat "$OUT/results.md"
