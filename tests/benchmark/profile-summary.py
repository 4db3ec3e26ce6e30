#!/usr/bin/env python3
"""Shares of a process's running samples, from dotnet-trace's speedscope export.

Each sample in which the thread was running (its leaf is CPU_TIME) is charged to the component of
its leaf-most frame that names one; then the FlashSale frames seen in running samples, inclusive.

Usage: profile-summary.py TRACE.speedscope.json [TOP]
"""
import collections
import json
import re
import sys

COMPONENTS = [
    ("GC (threads held at GC polls)", r"PollGC"),
    ("thread pool waiting and spinning", r"LowLevelLifoSemaphore|LowLevelSpinWaiter|WaitHandle\.WaitOne"),
    ("sockets (sends, receives, the epoll loop)", r"System\.Net\.Sockets"),
    ("Npgsql", r"Npgsql"),
    ("Orleans dashboard's call filter", r"Orleans\.Dashboard"),
    ("OpenTelemetry and metrics", r"OpenTelemetry|Diagnostics\.Metrics"),
    ("FlashSale code (with the library code it calls)", r"FlashSale"),
    ("Orleans runtime (messaging, scheduling, serialization)", r"Orleans"),
]


def running_stacks(profile_json):
    frames = [f["name"] for f in profile_json["shared"]["frames"]]
    for profile in profile_json["profiles"]:
        stack, last = [], None
        for event in profile["events"]:
            at = event["at"]
            if last is not None and stack and at > last and frames[stack[-1]] == "CPU_TIME":
                yield [frames[i] for i in stack[:-1]], at - last
            last = at
            if event["type"] == "O":
                stack.append(event["frame"])
            elif stack:
                stack.pop()


def main():
    profile = json.load(open(sys.argv[1]))
    top = int(sys.argv[2]) if len(sys.argv) > 2 else 25
    patterns = [(name, re.compile(p)) for name, p in COMPONENTS]
    by_component, ours, total = collections.Counter(), collections.Counter(), 0.0
    for names, ms in running_stacks(profile):
        total += ms
        component = "other (runtime, unresolved native code)"
        for name in reversed(names):
            component = next((c for c, p in patterns if p.search(name)), None) or component
            if component != "other (runtime, unresolved native code)":
                break
        by_component[component] += ms
        for name in set(n for n in names if n.startswith("FlashSale")):
            ours[name] += ms
    print(f"running samples: {total / 1000:.1f} s")
    for component, ms in by_component.most_common():
        print(f"{100 * ms / total:5.1f}%  {component}")
    print("FlashSale frames, inclusive:")
    for name, ms in ours.most_common(top):
        print(f"{100 * ms / total:5.1f}%  {name[:150]}")


if __name__ == "__main__":
    main()
