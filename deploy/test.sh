#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are invoked from traps
# Runs every FlashSale test: dotnet test on the whole solution, Release configuration.
# Without arguments: builds once, then runs the three tiers (unit, integration, end to end) one after another
# and prints each one's time. Arguments go to one 'dotnet test' of the solution instead (e.g.
# deploy/test.sh --filter FullyQualifiedName~Grains).
# The tests start their own private PostgreSQL through deploy/postgres.sh and drive the web pages in
# headless Chromium; this script only makes sure both are installed (the pages' npm packages are
# restored by the API's build). Screenshots of the pages land in artifacts/screenshots.
#
# Nothing the run starts outlives it, however the tests end (passed, failed, test host crashed or killed,
# Ctrl-C): on exit every process started under this run is killed (test host, silos, API nodes, tools,
# run.sh clusters, the build's compiler server), found by an id in their environment, and every
# PostgreSQL server whose data lies in the tests' data folder (its test-*/ and fault-injection/ folders)
# is stopped. The build keeps no MSBuild node, and its compiler server is its own: no other build on the
# machine talks to it, and it goes when the run does.
#
# Environment:
#   FLASHSALE_TEST_DATA  the tests' data folder (default .data in the checkout): their PostgreSQL servers and
#                        run folders go there, so a run pointed elsewhere touches none of another run's
#
# Exits with dotnet test's exit status (130 after Ctrl-C, 143 after SIGTERM).
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
FLASHSALE_TEST_DATA=$(realpath -m -- "${FLASHSALE_TEST_DATA:-$REPO/.data}")
export FLASHSALE_TEST_DATA DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# Reused MSBuild nodes would serve the next build of this account on the machine, another checkout's too;
# within one build they gain nothing. A compiler server does: a full build takes ~45 s with one, ~75 s
# without (measured on this 2-core machine), so the build gets one of its own, on a pipe named after the run.
export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=true

# Every process this run starts inherits the id, also those that daemonise or lose their parent. A run inside
# another run's tests adds its own id to the list, so the outer run also finds what the inner one left.
RUN_ID=$(</proc/sys/kernel/random/uuid)
RUNS="${FLASHSALE_TEST_RUNS:+$FLASHSALE_TEST_RUNS }$RUN_ID"

say() { printf 'test.sh: %s\n' "$*" >&2; }

# run_processes [--but-postgres]: pids of the live processes started under this run.
run_processes() {
    local file pid
    while IFS= read -r file; do
        pid=${file#/proc/}
        pid=${pid%/environ}
        if [[ ${1:-} != --but-postgres || $(cat "/proc/$pid/comm" 2>/dev/null) != postgres ]]; then echo "$pid"; fi
    done < <(grep -lzE "^FLASHSALE_TEST_RUNS=(.* )?$RUN_ID( .*)?\$" /proc/[0-9]*/environ 2>/dev/null)
}

# kill_run_processes [--but-postgres]: SIGKILL, again while any is left (one may have forked meanwhile).
kill_run_processes() {
    local pids=() pass
    for pass in 1 2 3 4 5 6 7 8 9 10; do
        mapfile -t pids < <(run_processes "$@")
        ((${#pids[@]})) || return 0
        ((pass > 1)) || say "killing what this run left running: $(for pid in "${pids[@]}"; do printf '%s (%s) ' "$pid" "$(cat "/proc/$pid/comm" 2>/dev/null)"; done)"
        kill -KILL "${pids[@]}" 2>/dev/null || true
        sleep 0.2
    done
    say "WARNING: still running after SIGKILL: ${pids[*]}"
}

stop_test_servers() {
    local pidfile
    # Not the whole folder: .data/postgres is deploy/run.sh's, which may be serving while the tests run.
    while IFS= read -r pidfile; do
        "$REPO/deploy/postgres.sh" stop "$(dirname "$pidfile")" || say "WARNING: could not stop PostgreSQL in $(dirname "$pidfile")"
    done < <(find "$FLASHSALE_TEST_DATA"/test-* "$FLASHSALE_TEST_DATA"/fault-injection -maxdepth 3 -name postmaster.pid 2>/dev/null)
}

# The network namespaces and bridges of fault runs that are gone (tests/FlashSale.FaultInjection/Network/NetworkLab.cs
# marks each with its PID under /run/flashsale-netns; a run killed with this one could not tear its own down).
remove_abandoned_networks() {
    local mark tag ns suffix
    for mark in /run/flashsale-netns/*; do
        [[ -f $mark ]] || continue
        ! kill -0 "$(cat "$mark")" 2>/dev/null || continue
        tag=$(basename "$mark")
        for ns in $(ip netns list 2>/dev/null | awk '{print $1}' | grep "^$tag-"); do ip netns del "$ns"; done
        for suffix in f c d m; do ip link del "$tag$suffix" 2>/dev/null; done
        rm -f "$mark"
    done
}

finish() {
    local rc=$?
    trap '' INT TERM HUP
    # Whatever fails here, the rest must still be done.
    set +e
    # The servers last: killing their clients first keeps anything from starting them again.
    kill_run_processes --but-postgres
    stop_test_servers
    kill_run_processes
    remove_abandoned_networks
    exit "$rc"
}

"$REPO/deploy/postgres.sh" ensure-installed >/dev/null
CHROMIUM=$("$REPO/deploy/chromium.sh" ensure-installed)
export CHROMIUM
# The fault harness's partition run (FaultInjectionTests) cuts links between network namespaces: ip (iproute2) and nft.
if ((EUID == 0)) && ! { command -v ip && command -v nft; } >/dev/null; then
    say "installing iproute2 and nftables (the fault harness's network partitions)"
    { apt-get install -y -qq iproute2 nftables || { apt-get update -qq && apt-get install -y -qq iproute2 nftables; }; } >/dev/null
fi

trap finish EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# run_in_background COMMAND...: a child, not exec: this script must outlive it to clean up after it.
run_in_background() {
    FLASHSALE_TEST_RUNS=$RUNS SharedCompilationId=$RUN_ID "$@" </dev/null &
    wait "$!"
}

# The whole solution is built before any test runs: dotnet test builds project by project, so a test that
# starts a tool or a nested run with --no-build would otherwise find another project not built yet.
if [[ " $* " != *" --no-build "* ]]; then
    run_in_background dotnet build "$REPO/FlashSale.slnx" -c Release
fi

if (($#)) && [[ " $* " != " --no-build " ]]; then
    # Arguments choose the tests: one run, as asked.
    run_in_background dotnet test "$REPO/FlashSale.slnx" -c Release --no-build "$@" && rc=0 || rc=$?
    exit "$rc"
fi

# Everything, tier by tier, fastest first, each timed; a failed tier does not stop the later ones. Each tier's
# results, with every test's duration, land in artifacts/test-results/<tier>.trx. (Running the two end-to-end
# classes that mostly wait for a reminder's minute beside the rest was tried: the rest slowed by as much.)
RESULTS=$REPO/artifacts/test-results
rc=0
times=()
for tier in Unit Integration EndToEnd; do
    started=$SECONDS
    if [[ $tier == Unit ]]; then
        tests=("$REPO/tests/FlashSale.UnitTests")
    else
        tests=("$REPO/tests/FlashSale.Tests" --filter "Tier=$tier")
    fi
    run_in_background dotnet test "${tests[@]}" -c Release --no-build --results-directory "$RESULTS" --logger "trx;LogFileName=$tier.trx" \
        && tier_rc=0 || tier_rc=$?
    times+=("$(printf '%-12s %4d s  %s' "$tier" $((SECONDS - started)) "$( ((tier_rc)) && echo "FAILED (exit $tier_rc)" || echo passed)")")
    ((rc)) || rc=$tier_rc
done
say "tiers:"
printf 'test.sh:   %s\n' "${times[@]}" >&2
exit "$rc"
