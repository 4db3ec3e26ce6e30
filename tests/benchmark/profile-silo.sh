#!/usr/bin/env bash
# Where the silo's CPU goes during one ladder rung: runs the rung (tests/benchmark/run.sh, E2 by
# default) for 50 s, samples the silo with dotnet-trace for 20 s from 15 s into the measured window,
# and prints the share of its running samples by component (tests/benchmark/profile-summary.py).
#
# Usage: tests/benchmark/profile-silo.sh [RUNG]     (E1, E2, L50 or L80; default E2; L50 and L80 need BENCH_E1_RATE; PROFILE_PROCESS=api samples the API node instead;
#   PROFILE_KIND=allocations traces what it allocates instead of where its CPU goes; PROFILE_KIND=heap dumps its heap
#   (dotnet-gcdump) at the same moment and counts the live objects by type; PROFILE_KIND=gc traces its collections and
#   prints their pauses, promotions and marking by root, per generation)
# Needs dotnet-trace (installed as a global tool when missing). Writes the trace and its speedscope
# export under .data/bench/profile-RUNG-TIME/.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="profile-silo"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
# If this script stops early (an error, Ctrl-C), the rung it started is stopped with it, servers and all.
stop_on_exit
RUNG=${1:-E2}
PROCESS=${PROFILE_PROCESS:-silo}
KIND=${PROFILE_KIND:-cpu}
case $KIND in
    cpu) PROFILE=dotnet-sampled-thread-time ;;
    allocations) PROFILE=gc-verbose ;;
    gc) PROFILE=gc-collect ;;
    heap) PROFILE= ;;
    *) die "PROFILE_KIND is cpu, allocations, gc or heap" ;;
esac
# The open-loop rungs run as a pair (run.sh's L): L80 is traced after L50 has run.
LADDER_RUNG=$RUNG
if [[ $RUNG == L50 || $RUNG == L80 ]]; then
    LADDER_RUNG=L
    [[ -n ${BENCH_E1_RATE:-} ]] || die "$RUNG runs at a share of E1's rate: set BENCH_E1_RATE (e.g. 5000)"
fi
case $PROCESS in silo) DLL=FlashSale.Silo.dll ;; api) DLL=FlashSale.Api.dll ;; *) die "PROFILE_PROCESS is silo or api" ;; esac
OUT="$REPO/.data/bench/profile-$RUNG-$(date -u +%Y%m%dT%H%M%SZ)"
TRACE=${DOTNET_TRACE:-$HOME/.dotnet/tools/dotnet-trace}
[[ -x $TRACE ]] || dotnet tool install -g dotnet-trace --version 10.0.750501 >&2
GCDUMP=${DOTNET_GCDUMP:-$HOME/.dotnet/tools/dotnet-gcdump}
[[ $KIND != heap || -x $GCDUMP ]] || dotnet tool install -g dotnet-gcdump --version 10.0.750501 >&2
mkdir -p "$OUT"

BENCH_RUNGS=$LADDER_RUNG BENCH_DURATION=50s BENCH_OUT="$OUT/run" "$REPO/tests/benchmark/run.sh" 1 >"$OUT/run.log" 2>&1 &
ladder=$!
until grep -q "run 1, $RUNG" "$OUT/run.log" 2>/dev/null; do
    kill -0 "$ladder" 2>/dev/null || die "the rung did not start; see $OUT/run.log"
    sleep 1
done
# Past the load generator's warm-up and well inside the measured window.
sleep 15
pid=$(pgrep -f "$DLL" | head -1)
if [[ $KIND == heap ]]; then
    say "dumping the $PROCESS's heap (pid $pid)"
    "$GCDUMP" collect -p "$pid" -o "$OUT/$PROCESS.gcdump" >"$OUT/gcdump.log" 2>&1 || die "dotnet-gcdump failed; see $OUT/gcdump.log"
    wait "$ladder" || die "the rung failed; see $OUT/run.log"
    "$GCDUMP" report "$OUT/$PROCESS.gcdump" | python3 "$REPO/tests/benchmark/heap-summary.py"
    say "heap dump: $OUT/$PROCESS.gcdump"
    exit 0
fi
say "tracing the $PROCESS (pid $pid) for 20 s"
"$TRACE" collect -p "$pid" --profile "$PROFILE" --duration 00:00:00:20 -o "$OUT/$PROCESS.nettrace" >"$OUT/trace.log" 2>&1
wait "$ladder" || die "the rung failed; see $OUT/run.log"
if [[ $KIND == allocations || $KIND == gc ]]; then
    tool=allocations summary=AllocationSummary
    [[ $KIND == gc ]] && tool=gc-pauses summary=GcPauseSummary
    SUMMARY="$REPO/tests/benchmark/$tool/bin/Release/net10.0/$summary.dll"
    # Built every time (a second when nothing changed), so that a summary edited since is not read by its old build.
    dotnet build "$REPO/tests/benchmark/$tool" -c Release >"$OUT/summary-build.log" 2>&1 \
        || die "tests/benchmark/$tool did not build; see $OUT/summary-build.log"
    dotnet "$SUMMARY" "$OUT/$PROCESS.nettrace"
    say "trace: $OUT/$PROCESS.nettrace"
    exit 0
fi
"$TRACE" convert --format speedscope "$OUT/$PROCESS.nettrace" -o "$OUT/$PROCESS" >/dev/null
python3 "$REPO/tests/benchmark/profile-summary.py" "$OUT/$PROCESS.speedscope.json"
say "trace: $OUT/$PROCESS.nettrace"
