#!/usr/bin/env python3
"""The risk screening's own latency over one rung: the API node's flashsale_risk_screening_duration_seconds
histogram (claims let through) scraped before and after, its buckets subtracted, and quantiles read from
them as Prometheus' histogram_quantile does (linear within the bucket they fall in).

Usage: screening.py BEFORE AFTER OUT.json   (two /metrics scrapes; writes nothing when the node has no such
histogram, as builds before the metric have not)
"""
import json
import math
import re
import sys

NAME = "flashsale_risk_screening_duration_seconds"
LINE = re.compile(r'^' + NAME + r'_(bucket|count|sum)\{([^}]*)\}\s+(\S+)')


def read(path):
    buckets, totals = {}, {}
    for line in open(path, encoding="utf-8"):
        match = LINE.match(line)
        if not match:
            continue
        kind, labels, value = match.groups()
        pairs = dict(re.findall(r'(\w+)="([^"]*)"', labels))
        if pairs.get("outcome") != "through":
            continue
        if kind == "bucket":
            le = pairs["le"]
            buckets[math.inf if le == "+Inf" else float(le)] = float(value)
        else:
            totals[kind] = float(value)
    return buckets, totals


def quantile(q, bounds, cumulative):
    total = cumulative[-1]
    rank = q * total
    lower, below = 0.0, 0.0
    for bound, count in zip(bounds, cumulative):
        if count >= rank:
            if math.isinf(bound):
                return lower
            inside = count - below
            return lower + (bound - lower) * ((rank - below) / inside if inside else 1)
        lower, below = bound, count
    return lower


def main():
    before, after, out = sys.argv[1:4]
    (b_buckets, b_totals), (a_buckets, a_totals) = read(before), read(after)
    if not a_buckets:
        return
    bounds = sorted(a_buckets)
    cumulative = [a_buckets[b] - b_buckets.get(b, 0) for b in bounds]
    count = a_totals.get("count", 0) - b_totals.get("count", 0)
    if count <= 0:
        return
    seconds = a_totals.get("sum", 0) - b_totals.get("sum", 0)
    result = {
        "claims": int(count),
        "meanMicroseconds": round(1e6 * seconds / count, 1),
        "p50Microseconds": round(1e6 * quantile(0.5, bounds, cumulative), 1),
        "p99Microseconds": round(1e6 * quantile(0.99, bounds, cumulative), 1),
        "p999Microseconds": round(1e6 * quantile(0.999, bounds, cumulative), 1),
        "overOneMillisecond": int(count - next(c for b, c in zip(bounds, cumulative) if b >= 0.001)),
    }
    json.dump(result, open(out, "w", encoding="utf-8"), indent=2)


main()
