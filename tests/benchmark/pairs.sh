#!/usr/bin/env bash
# Before and after, side by side: the ladder's rungs E1 and E2 (or BENCH_RUNGS) run alternately on
# the servers of another commit (BASE, built in a worktree under .data/bench/pairs-base) and of this
# checkout, ROUNDS rounds of RUNS runs each side, so that both sides see the same hour of a noisy
# machine. Prints each run's claims per second and p99 latency, the API node's and the silo's CPU per claim,
# and the medians. With BENCH_RUNGS="E1 L" BENCH_E1_RATE=N both sides also run open-loop at the same offered
# load (N/2 and 4N/5 claims/s): the latency one build adds over the other at equal load.
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
rows, screening = {}, {}
for path in sorted(glob.glob(os.path.join(out, "*-*", "run*-*.json"))):
    side = os.path.basename(os.path.dirname(path)).split("-")[0]
    rung = os.path.basename(path)[:-5].split("-", 1)[1]
    d = json.load(open(path))
    if rung.endswith(".screening"):
        screening.setdefault((rung[:-len(".screening")], side), []).append(d)
        continue
    cpu = d.get("serverCpu") or {}
    rows.setdefault((rung, side), []).append((d["claimsPerSecond"], d["latencyMs"]["p99"],
        (cpu.get("api") or {}).get("cpuMicrosecondsPerClaim"), (cpu.get("silo") or {}).get("cpuMicrosecondsPerClaim")))
def median(values):
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else float("nan")
print("| rung | side | claims/s per run | median | p99 ms per run | median | API µs per claim (median) | silo µs per claim (median) |")
print("|---|---|---|---:|---|---:|---:|---:|")
for (rung, side), runs in sorted(rows.items()):
    name = f"base ({base})" if side == "base" else "current"
    print(f"| {rung} | {name} | {', '.join(f'{r[0]:,.0f}' for r in runs)} | {median(r[0] for r in runs):,.0f} | "
          f"{', '.join(f'{r[1]:.1f}' for r in runs)} | {median(r[1] for r in runs):.1f} | {median(r[2] for r in runs):.0f} | {median(r[3] for r in runs):.0f} |")
if screening:
    # Builds with the screening histogram only (tests/benchmark/screening.py): the latency the engine adds where it is spent.
    print()
    print("| rung | side | risk screening p50 µs per run | p99 µs per run | p99.9 µs per run | claims over 1 ms per run |")
    print("|---|---|---|---|---|---|")
    for (rung, side), runs in sorted(screening.items()):
        name = f"base ({base})" if side == "base" else "current"
        cells = [", ".join(f"{r[key]:.0f}" for r in runs) for key in ("p50Microseconds", "p99Microseconds", "p999Microseconds")]
        over = ", ".join(f"{r['overOneMillisecond']:,} of {r['claims']:,}" for r in runs)
        print(f"| {rung} | {name} | {' | '.join(cells)} | {over} |")
PY
say "runs: $OUT"
