# shellcheck shell=bash
# What the deploy and benchmark scripts share; sourced, not run. The script sets ME, the name its messages carry.
# shellcheck disable=SC2317  # functions invoked from traps

say() { printf '%s: %s\n' "$ME" "$*" >&2; }
die() { printf '%s: ERROR: %s\n' "$ME" "$*" >&2; exit 1; }
is_root() { [[ $(id -u) -eq 0 ]]; }

# detach CMD...: runs CMD from / with every file descriptor above 2 closed. A server started this way holds
# none of its caller's pipes (conn=$(postgres.sh start ...) would wait for its whole life) and none of its locks.
detach() {
    (
        cd /
        local fd
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if ((fd > 2)); then { exec {fd}>&-; } 2>/dev/null || true; fi
        done
        exec "$@"
    )
}

# stop_on_exit: however the script ends, its background jobs are sent SIGTERM and waited for, then its own
# function cleanup runs if it has one. A signal exits with 128 + its number, as the shell's default would.
stop_on_exit() {
    trap stop_jobs_and_clean_up EXIT
    trap 'exit 130' INT
    trap 'exit 143' TERM
    trap 'exit 129' HUP
}

stop_jobs_and_clean_up() {
    local rc=$? jobs
    trap '' INT TERM HUP
    jobs=$(jobs -p)
    if [[ -n $jobs ]]; then
        # shellcheck disable=SC2086  # one pid a word
        kill -TERM $jobs 2>/dev/null || true
        wait || true
    fi
    if declare -F cleanup >/dev/null; then cleanup || true; fi
    exit "$rc"
}

# build_solution: the Release build of the whole solution, keeping no build server. It runs as a job, so
# that a signal stops the script (and the build) at once.
build_solution() {
    "${DOTNET:-dotnet}" build "$REPO/FlashSale.slnx" -c Release -v q -nologo --disable-build-servers </dev/null >&2 &
    wait "$!" || die "dotnet build failed (exit status $?)"
}

# wait_for SECONDS CMD...: runs CMD every 0.2 s until it succeeds (0), at most SECONDS long (1).
wait_for() {
    local deadline=$((SECONDS + $1))
    shift
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || return 1
        sleep 0.2
    done
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
answers() { curl -fs -o /dev/null --max-time 5 "$@"; }
