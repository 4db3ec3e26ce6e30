#!/usr/bin/env python3
"""Counts a heap dump's objects by type: `dotnet-gcdump report FILE | heap-summary.py`.

The report lists a type once per size bucket ("System.Byte[] (Bytes > 1M)"); this adds the buckets up
and prints the heap's totals and the types with the most live objects, which is what says what a node
keeps per claim or per subject. Only the counts are summed: the report's byte column is per bucket and
does not add up to the heap's size.
"""
import collections
import re
import sys

TOP = 25
counts = collections.Counter()
for line in sys.stdin:
    if "GC Heap" in line:
        print(line.strip())
        continue
    parts = line.split()
    if len(parts) < 3 or not parts[1].replace(",", "").isdigit() or not parts[0].replace(",", "").isdigit():
        continue
    name = re.sub(r" \(Bytes > [^)]*\)", "", " ".join(parts[2:]))
    counts[name] += int(parts[1].replace(",", ""))
print(f"{'objects':>10}  type (the {TOP} most numerous)")
for name, count in counts.most_common(TOP):
    print(f"{count:>10,}  {name[:150]}")
