#!/usr/bin/env bash
# One campaign grain's own ceiling, in-process (BENCHMARKS.md, "Past one grain"): the admission alone
# on one thread, the grain with its ledger and callers in the silo's own process (no HTTP), and the
# ledger alone (rows per second in full group commits, commits per second of one row). RUNS times.
#
# Usage: tests/benchmark/grain-ceiling.sh [RUNS]   (default 3; GRAIN_CEILING_DURATION=10s per part)
# Its PostgreSQL listens on 127.0.0.1 only and is stopped when it ends.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="grain-ceiling"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
RUNS=${1:-3}
WORK="$REPO/.data/bench"
cleanup() { "$REPO/deploy/postgres.sh" stop "$WORK/ceiling-postgres" >/dev/null 2>&1 || true; }
stop_on_exit

build_solution
rm -rf "$WORK/ceiling-postgres"
CONN=$("$REPO/deploy/postgres.sh" start "$WORK/ceiling-postgres" 25536)
PG_PID=$(head -1 "$WORK/ceiling-postgres/postmaster.pid")
for ((run = 1; run <= RUNS; run++)); do
    say "run $run"
    dotnet "$REPO/tests/FlashSale.GrainCeiling/bin/Release/net10.0/FlashSale.GrainCeiling.dll" --db "$CONN" \
        --duration "${GRAIN_CEILING_DURATION:-00:00:10}" --postgres-pid "$PG_PID"
done
