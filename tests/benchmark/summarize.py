"""Turns the load generator's per-rung JSON reports of a benchmark run into results.md and results.json.

Ratios are taken within each run (rungs measured minutes apart on the same machine), then the
median over runs is reported, because this machine is shared and noisy.
Usage: summarize.py OUT_DIR RUNS CONNECTIONS DURATION
"""
import json
import os
import platform
import statistics
import sys

out, runs, connections, duration = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]

# What each rung is judged by: answers per second for the ceiling and the rejection path,
# newly issued coupons per second for the rungs that issue them.
RUNGS = {
    "E0": ("bare endpoint (HTTP ceiling)", "throughput"),
    "E1": ("claims, one hot campaign", "claimsPerSecond"),
    "P1": ("orders, one hot paid sale", "claimsPerSecond"),
    "E2": ("claims over 1,000 campaigns", "claimsPerSecond"),
    "E3": ("claims on a sold-out campaign", "throughput"),
    "B1-everysec": ("Redis Lua, appendfsync everysec", "claimsPerSecond"),
    "B1-always": ("Redis Lua, appendfsync always", "claimsPerSecond"),
    "L50": ("claims open loop at 50% of E1", "throughput"),
    "L80": ("claims open loop at 80% of E1", "throughput"),
    "O": ("first second after 1,000 campaigns open at once", "claimsPerSecond"),
}
# Issue 18's latency targets: the median over runs of each rung's p99 (ms), and for O no 5xx either.
LATENCY_TARGETS = {
    "L50 p99": ("L50", 25),
    "L80 p99": ("L80", 50),
    "O p99": ("O", 200),
}
RATIOS = {
    "E1/E0": ("E1", "E0", 0.4),
    "E2/E1": ("E2", "E1", 0.8),
    # Ours (issue 19 sets none): an order costs one more row in the same commit.
    "P1/E1": ("P1", "E1", 0.8),
    "E3/E0": ("E3", "E0", 0.8),
    "E1/B1(always)": ("E1", "B1-always", 1.0),
    "E1/B1(everysec)": ("E1", "B1-everysec", 0.7),
}


def load(run, rung):
    with open(os.path.join(out, f"run{run}-{rung}.json")) as f:
        return json.load(f)


reports = {rung: [load(run, rung) for run in range(1, runs + 1)] for rung in RUNGS}


def figure(report, rung):
    return report[RUNGS[rung][1]]


def median(values):
    return statistics.median(values)


summary = {"machine": f"{os.cpu_count()} cores, {platform.platform()}", "runs": runs,
           "connections": int(connections), "duration": duration, "rungs": {}, "ratios": {}}
for rung, (label, measure) in RUNGS.items():
    rs = reports[rung]
    latency = {k: median([r["latencyMs"][k] for r in rs]) for k in ("p50", "p90", "p99", "p999", "max")}
    invariants = [r["invariants"]["passed"] for r in rs if r.get("invariants")]
    summary["rungs"][rung] = {
        "label": label,
        "measure": measure,
        "median": median([figure(r, rung) for r in rs]),
        "perRun": [round(figure(r, rung)) for r in rs],
        "latencyMs": latency,
        "errors": sum(r["errors"]["total"] for r in rs),
        "fiveHundreds": sum(v for r in rs for k, v in r["outcomes"].items() if k.startswith("5")),
        "invariantsPassed": all(invariants) if invariants else None,
        "clientCores": median([r["client"]["cpuCores"] for r in rs]),
        # Where each request's CPU went, by server process (--watch-cpu): medians of µs per request.
        "cpuMicrosecondsPerRequest": {name: median([r["serverCpu"][name]["cpuMicrosecondsPerRequest"] for r in rs])
                                      for name in (rs[0].get("serverCpu") or {})},
    }
for name, (top, bottom, target) in RATIOS.items():
    per_run = [figure(reports[top][i], top) / figure(reports[bottom][i], bottom) for i in range(runs)]
    summary["ratios"][name] = {"median": median(per_run), "perRun": [round(x, 3) for x in per_run],
                               "target": target, "met": median(per_run) >= target}
for rung in ("L50", "L80"):
    summary["rungs"][rung]["targetRate"] = median([r["rate"] for r in reports[rung]])
summary["latencyTargets"] = {}
for name, (rung, limit) in LATENCY_TARGETS.items():
    r = summary["rungs"][rung]
    p99 = r["latencyMs"]["p99"]
    summary["latencyTargets"][name] = {"p99Ms": p99, "perRun": [round(x["latencyMs"]["p99"], 1) for x in reports[rung]],
                                       "targetMs": limit, "met": p99 <= limit and (rung != "O" or r["fiveHundreds"] == 0)}

with open(os.path.join(out, "results.json"), "w") as f:
    json.dump(summary, f, indent=2)

lines = [
    f"Machine: {summary['machine']}. {runs} runs, medians; {connections} keep-alive connections, "
    f"{duration} measured per rung after warm-up; the same load generator drives every rung.",
    "",
    "| rung | what | per second (median) | runs | p50 ms | p99 ms | p99.9 ms | 5xx | invariants |",
    "|---|---|---:|---|---:|---:|---:|---:|---|",
]
for rung, r in summary["rungs"].items():
    unit = "claims" if r["measure"] == "claimsPerSecond" else "requests"
    rate = f" at {r['targetRate']:.0f}/s" if "targetRate" in r else ""
    inv = {True: "pass", False: "FAIL", None: "-"}[r["invariantsPassed"]]
    lat = r["latencyMs"]
    lines.append(f"| {rung} | {r['label']}{rate} | {r['median']:,.0f} {unit} | {', '.join(f'{x:,}' for x in r['perRun'])} "
                 f"| {lat['p50']:.1f} | {lat['p99']:.1f} | {lat['p999']:.1f} | {r['fiveHundreds']} | {inv} |")
processes = sorted({name for r in summary["rungs"].values() for name in r["cpuMicrosecondsPerRequest"]})
if processes:
    lines += ["", "CPU per request by process over the measured window (µs, medians; from /proc, the load generator's `--watch-cpu`):", "",
              "| rung | " + " | ".join(processes) + " | load generator |", "|---|" + "---:|" * (len(processes) + 1)]
    for rung, r in summary["rungs"].items():
        cpu = r["cpuMicrosecondsPerRequest"]
        if cpu:
            client = median([x["client"]["cpuMicrosecondsPerRequest"] for x in reports[rung]])
            lines.append(f"| {rung} | " + " | ".join(f"{cpu[p]:.0f}" if p in cpu else "-" for p in processes) + f" | {client:.0f} |")
lines += ["", "| ratio | median | per run | target | met |", "|---|---:|---|---:|---|"]
for name, r in summary["ratios"].items():
    lines.append(f"| {name} | {r['median']:.2f} | {', '.join(str(x) for x in r['perRun'])} | ≥ {r['target']} | {'yes' if r['met'] else 'no'} |")
lines += ["", "| latency target | p99 ms (median) | per run | target | met |", "|---|---:|---|---:|---|"]
for name, t in summary["latencyTargets"].items():
    extra = ", no 5xx" if name.startswith("O") else ""
    lines.append(f"| {name} | {t['p99Ms']:.1f} | {', '.join(str(x) for x in t['perRun'])} | ≤ {t['targetMs']} ms{extra} | {'yes' if t['met'] else 'no'} |")
with open(os.path.join(out, "results.md"), "w") as f:
    f.write("\n".join(lines) + "\n")
