"""Turns tests/benchmark/scalpers.sh's reports (one JSON per sale) into results.md and results.json: the medians
of the before and after runs, the farm's share before over after in each run, the goal of issue 21 (the farm's
share down tenfold, under 1% of ordinary shoppers challenged, none denied), and each variant's one run.

Usage: scalpers.py OUT_DIR RUNS
"""
import json
import math
import os
import platform
import statistics
import sys

out, runs = sys.argv[1], int(sys.argv[2])


def load(name):
    with open(os.path.join(out, f"{name}.json")) as f:
        return json.load(f)


def figures(r):
    o, f = r["ordinary"], r["farm"]
    return {
        "farm coupons": r["coupons"]["farm"],
        "farm share of the stock (%)": 100 * r["coupons"]["farmShare"],
        "ordinary coupons": r["coupons"]["ordinary"],
        "ordinary challenged (%)": o["challengedPercent"],
        "ordinary denied (%)": o["deniedPercent"],
        "ordinary blocked (%)": o["blockedPercent"],
        "ordinary rate limited": o["rateLimited"],
        "ordinary claim p50 ms": o["claimLatencyMs"]["p50"],
        "ordinary claim p99 ms": o["claimLatencyMs"]["p99"],
        "farm claims": f["claims"],
        "farm 428 challenges": f["challenges"],
        "farm 403 denied": f["denied"],
        "farm 403 blocked": f["blocked"],
        "farm CPU-s solving": f["solving"]["cpuSeconds"],
        "sold out after s": r["soldOutAfterSeconds"] if r["soldOutAfterSeconds"] is not None else math.nan,
    }


sides = {side: [figures(load(f"run{run}-{side}")) for run in range(1, runs + 1)] for side in ("before", "after")}
variants = {name: figures(load(f"variant-{name}")) for name in ("shoppers-skip-read", "farm-mimics-browser")}


def median(values):
    return statistics.median(values)


def share_ratio(run):
    before, after = sides["before"][run]["farm coupons"], sides["after"][run]["farm coupons"]
    return math.inf if after == 0 else before / after


ratios = [share_ratio(run) for run in range(runs)]
after = {k: median([x[k] for x in sides["after"]]) for k in sides["after"][0]}
goal = {
    "farm share down tenfold": median(ratios) >= 10,
    "under 1% of ordinary shoppers challenged": max(x["ordinary challenged (%)"] for x in sides["after"]) < 1,
    "no ordinary shopper denied": all(x["ordinary denied (%)"] == 0 and x["ordinary blocked (%)"] == 0 for x in sides["after"]),
}
summary = {
    "machine": f"{os.cpu_count()} cores, {platform.platform()}",
    "runs": runs,
    "before": {k: median([x[k] for x in sides["before"]]) for k in sides["before"][0]},
    "after": after,
    "perRun": sides,
    "farmShareBeforeOverAfter": [None if math.isinf(x) else round(x, 1) for x in ratios],
    "goal": goal,
    "variants": variants,
}
with open(os.path.join(out, "results.json"), "w") as f:
    json.dump(summary, f, indent=2)


def number(x):
    return "-" if isinstance(x, float) and math.isnan(x) else f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}"


lines = [f"Machine: {summary['machine']}. {runs} runs of each side, medians; each run a sale of its own.", "",
         "| figure | before (median) | after (median) | before, per run | after, per run |", "|---|---:|---:|---|---|"]
for k in sides["before"][0]:
    lines.append(f"| {k} | {number(summary['before'][k])} | {number(after[k])} | "
                 f"{', '.join(number(x[k]) for x in sides['before'])} | {', '.join(number(x[k]) for x in sides['after'])} |")
lines += ["", "Farm's coupons before over after, per run: " + ", ".join("∞ (none after)" if math.isinf(x) else f"{x:.1f}×" for x in ratios), "",
          "| goal (issue 21) | met |", "|---|---|"]
lines += [f"| {name} | {'yes' if met else 'no'} |" for name, met in goal.items()]
lines += ["", "Variants, one run each with the rules:", "", "| figure | " + " | ".join(variants) + " |", "|---|" + "---:|" * len(variants)]
for k in sides["before"][0]:
    lines.append(f"| {k} | " + " | ".join(number(v[k]) for v in variants.values()) + " |")
with open(os.path.join(out, "results.md"), "w") as f:
    f.write("\n".join(lines) + "\n")
