#!/usr/bin/env bash
# Before and after, side by side: the ladder's rungs E1 and E2 (or BENCH_RUNGS) run alternately on
# the servers of another commit (BASE, built in a worktree under .data/bench/pairs-base) and of this
# checkout, ROUNDS rounds of RUNS runs each side, so that both sides see the same hour of a noisy
# machine. Prints each run's claims per second and the silo's CPU per claim, and the medians.
#
# Usage: tests/benchmark/pairs.sh BASE [ROUNDS] [RUNS]     (defaults 2 and 2: about 10 minutes)
# Everything it starts listens on 127.0.0.1 only and is stopped when it ends (tests/benchmark/run.sh).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
ME="pairs"
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$REPO/deploy/lib.sh"
BASE=${1:?usage: tests/benchmark/pairs.sh BASE [ROUNDS] [RUNS]}
ROUNDS=${2:-2}
RUNS=${3:-2}
BASE_TREE="$REPO/.data/bench/pairs-base"
OUT="$REPO/.data/bench/pairs-$(date -u +%Y%m%dT%H%M%SZ)"
# The base's checkout goes with the run, however it ends.
cleanup() { git -C "$REPO" worktree remove --force "$BASE_TREE" 2>/dev/null || true; git -C "$REPO" worktree prune; }
stop_on_exit

git -C "$REPO" worktree remove --force "$BASE_TREE" 2>/dev/null || rm -rf "$BASE_TREE"
git -C "$REPO" worktree prune
git -C "$REPO" worktree add --detach "$BASE_TREE" "$BASE" >&2
say "building $BASE in $BASE_TREE"
dotnet build "$BASE_TREE/FlashSale.slnx" -c Release >"$OUT.base-build.log" 2>&1 || die "the base did not build; see $OUT.base-build.log"
mkdir -p "$OUT"
for ((round = 1; round <= ROUNDS; round++)); do
    for side in base current; do
        servers=$REPO
        [[ $side == base ]] && servers=$BASE_TREE
        say "round $round, $side"
        BENCH_RUNGS=${BENCH_RUNGS:-E1 E2} BENCH_SERVERS=$servers BENCH_OUT="$OUT/$side-$round" \
            "$REPO/tests/benchmark/run.sh" "$RUNS" >"$OUT/$side-$round.log" 2>&1 || die "a run failed; see $OUT/$side-$round.log"
    done
done
python3 - "$OUT" "$BASE" <<'PY'
import glob, json, os, statistics, sys
out, base = sys.argv[1], sys.argv[2]
rows = {}
for path in sorted(glob.glob(os.path.join(out, "*-*", "run*-*.json"))):
    side = os.path.basename(os.path.dirname(path)).split("-")[0]
    rung = os.path.basename(path)[:-5].split("-", 1)[1]
    d = json.load(open(path))
    silo = d.get("serverCpu", {}).get("silo", {}).get("cpuMicrosecondsPerClaim")
    rows.setdefault((rung, side), []).append((d["claimsPerSecond"], silo))
print(f"| rung | side | claims/s per run | median | silo µs per claim (median) |")
print("|---|---|---|---:|---:|")
for (rung, side), runs in sorted(rows.items()):
    rates = [r for r, _ in runs]
    silos = [s for _, s in runs if s is not None]
    name = f"base ({base})" if side == "base" else "current"
    print(f"| {rung} | {name} | {', '.join(f'{r:,.0f}' for r in rates)} | {statistics.median(rates):,.0f} | "
          f"{statistics.median(silos):.0f} |" if silos else "")
PY
say "runs: $OUT"
