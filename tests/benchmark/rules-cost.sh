#!/usr/bin/env bash
# Issue 21: what judging every claim by risk rules costs on the claim path. Runs the ladder's E1 (one hot
# campaign, closed loop), R1 (E1 with the ten rules of tests/benchmark/rules/e1-unmatched.json in force on its
# campaign, matching none of its claims), and open-loop at half of E1's rate without (L50) and with (RL50) the
# rules, RUNS times on the same servers (tests/benchmark/run.sh, BENCH_RUNGS="E1 R1 L RL50"; L80 comes along;
# each pair in one order in odd runs and the other in even ones: the API node's cost grows over a session),
# then prints each run's figures and the medians: claims/s, p50 and p99, what the rules added to p99, the API
# node's CPU per request, and that the rules matched nothing (no 403 or 428 in R1 or RL50).
#
# Usage: tests/benchmark/rules-cost.sh [RUNS]   (default 4, two in each order; run.sh's BENCH_* settings apply)
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd -P)
OUT=${BENCH_OUT:-$REPO/.data/bench/rules-cost-$(date -u +%Y%m%dT%H%M%SZ)}
RUNS=${1:-4}
BENCH_RUNGS="E1 R1 L RL50" BENCH_OUT="$OUT" "$REPO/tests/benchmark/run.sh" "$RUNS"
python3 - "$OUT" "$RUNS" <<'PY' | tee "$OUT/rules-cost.md"
import json, os, statistics, sys
out, runs = sys.argv[1], int(sys.argv[2])
load = lambda run, rung: json.load(open(os.path.join(out, f"run{run}-{rung}.json")))
rows = []
for run in range(1, runs + 1):
    e1, r1, l50, rl50 = (load(run, rung) for rung in ("E1", "R1", "L50", "RL50"))
    refused = sum(v for r in (r1, rl50) for k, v in r["outcomes"].items() if k.startswith(("403", "428")))
    api = lambda r: r["serverCpu"]["api"]["cpuMicrosecondsPerRequest"] if r.get("serverCpu") else float("nan")
    rows.append({
        "E1 claims/s": e1["claimsPerSecond"], "R1 claims/s": r1["claimsPerSecond"], "R1/E1": r1["claimsPerSecond"] / e1["claimsPerSecond"],
        "E1 p50": e1["latencyMs"]["p50"], "R1 p50": r1["latencyMs"]["p50"], "E1 p99": e1["latencyMs"]["p99"], "R1 p99": r1["latencyMs"]["p99"],
        "R1-E1 p99": r1["latencyMs"]["p99"] - e1["latencyMs"]["p99"],
        "open-loop rate": l50["rate"], "L50 p50": l50["latencyMs"]["p50"], "RL50 p50": rl50["latencyMs"]["p50"],
        "L50 p99": l50["latencyMs"]["p99"], "RL50 p99": rl50["latencyMs"]["p99"], "RL50-L50 p99": rl50["latencyMs"]["p99"] - l50["latencyMs"]["p99"],
        "E1 API µs/req": api(e1), "R1 API µs/req": api(r1), "R1-E1 API µs/req": api(r1) - api(e1),
        "rules in force": r1.get("riskRules", 0), "refused or challenged": refused,
    })
keys = list(rows[0])
print(f"| figure | median | " + " | ".join(f"run {i}" for i in range(1, runs + 1)) + " |")
print("|---|---:|" + "---:|" * runs)
for k in keys:
    values = [r[k] for r in rows]
    fmt = (lambda x: f"{x:,.0f}") if "claims/s" in k or "rate" in k or "µs" in k else (lambda x: f"{x:.2f}")
    print(f"| {k} | {fmt(statistics.median(values))} | " + " | ".join(fmt(v) for v in values) + " |")
PY
