#!/usr/bin/env bash
# A PRIVATE Redis for the B1 benchmark baseline (one Lua script per claim), bound to loopback only.
#
#   tests/benchmark/redis.sh start DIR PORT MODE   start (or, if running, keep) it; MODE is everysec or always
#                                                  (appendfsync); prints PORT on stdout once it answers PING
#   tests/benchmark/redis.sh stop DIR PORT         shut it down without saving (fine if not running)
#
# Durability is the append-only file alone (appendonly yes, no RDB snapshots), so MODE decides what an
# acknowledged claim survives: everysec loses up to a second of claims on a crash, always fsyncs every write.
# Installs the Debian package redis-server when it is missing (needs root). Progress goes to stderr.
set -euo pipefail

ME=redis.sh
# shellcheck source=SCRIPTDIR/../../deploy/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/../../deploy/lib.sh"
# Keep the real stdout on fd 3; everything else goes to stderr.
exec 3>&1 1>&2

usage() {
    cat >&2 <<'EOF'
usage: tests/benchmark/redis.sh start DIR PORT everysec|always
       tests/benchmark/redis.sh stop DIR PORT
EOF
    exit 2
}

ping_ok() { [[ $(redis-cli -h 127.0.0.1 -p "$1" ping 2>/dev/null) == PONG ]]; }

ensure_installed() {
    if command -v redis-server >/dev/null 2>&1 && command -v redis-cli >/dev/null 2>&1; then
        return 0
    fi
    is_root || die "redis-server is missing and I am not root; install it: apt-get update && apt-get install -y redis-server"
    command -v apt-get >/dev/null 2>&1 || die "redis-server is missing and apt-get is not available; install Redis manually"
    say "redis-server not found; installing the Debian package..."
    # The package starts a system-wide Redis on 6379 unless policy-rc.d forbids it; we never use that one.
    local policy=/usr/sbin/policy-rc.d
    if [[ ! -e $policy ]]; then
        printf '#!/bin/sh\nexit 101\n' >"$policy"
        chmod +x "$policy"
        trap 'rm -f "$policy"' EXIT
    fi
    export DEBIAN_FRONTEND=noninteractive
    apt-get -q -o DPkg::Lock::Timeout=600 update >&2 || die "apt-get update failed"
    apt-get -y -q -o DPkg::Lock::Timeout=600 install --no-install-recommends redis-server >&2 \
        || die "could not install redis-server with apt-get"
}

# Run redis as the 'redis' account the Debian package creates when we are root and that account can
# write DIR; otherwise as ourselves (acceptable for a baseline listening on loopback only).
pick_user() {
    local dir=$1
    if is_root && getent passwd redis >/dev/null 2>&1; then
        chown -R redis:redis "$dir"
        if runuser -u redis -- test -w "$dir" 2>/dev/null; then
            echo redis
            return
        fi
        say "NOTE: the 'redis' account cannot reach $dir; running Redis as root"
    fi
    id -un
}

start() {
    local dir=$1 port=$2 mode=$3 user
    [[ $mode == everysec || $mode == always ]] || die "MODE must be everysec or always, not '$mode'"
    ensure_installed
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd -P)

    if ping_ok "$port"; then
        local running_dir
        running_dir=$(redis-cli -h 127.0.0.1 -p "$port" config get dir | sed -n 2p)
        [[ $running_dir == "$dir" ]] || die "port $port is taken by another Redis (data in $running_dir)"
        # Already ours: converge to the fsync mode asked for rather than restart.
        redis-cli -h 127.0.0.1 -p "$port" config set appendfsync "$mode" >/dev/null
        say "Redis already running on 127.0.0.1:$port (appendfsync $mode)"
        echo "$port" >&3
        return 0
    fi

    user=$(pick_user "$dir")
    local server=(redis-server
        --bind 127.0.0.1 --port "$port" --protected-mode no
        --dir "$dir" --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
        --save '' --appendonly yes --appendfsync "$mode"
        --daemonize yes)
    # Detached: the daemon must not keep our caller's pipes (port=$(redis.sh start ...)) open for its whole life.
    if [[ $user == "$(id -un)" ]]; then
        detach "${server[@]}" </dev/null >/dev/null 2>&1
    else
        detach runuser -u "$user" -- "${server[@]}" </dev/null >/dev/null 2>&1
    fi

    if ! wait_for 10 ping_ok "$port"; then
        tail -n 20 "$dir/redis.log" >&2 2>/dev/null || true
        die "Redis did not answer PING on 127.0.0.1:$port within 10s (log: $dir/redis.log)"
    fi
    say "Redis running on 127.0.0.1:$port as $user, data in $dir (appendonly, appendfsync $mode)"
    echo "$port" >&3
}

# gone PORT [PID]: nothing answers on the port, and the process, if known, has exited.
gone() { ! ping_ok "$1" && { [[ -z ${2:-} ]] || ! kill -0 "$2" 2>/dev/null; }; }

stop() {
    local dir=$1 port=$2 pid=""
    [[ -f $dir/redis.pid ]] && pid=$(<"$dir/redis.pid")
    if ping_ok "$port"; then
        # The connection drops as the server exits, so redis-cli reports an error even on success.
        redis-cli -h 127.0.0.1 -p "$port" shutdown nosave >/dev/null 2>&1 || true
    elif [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid"
    fi
    wait_for 10 gone "$port" "$pid" || die "Redis on 127.0.0.1:$port did not stop within 10s"
    say "Redis on 127.0.0.1:$port stopped"
}

case ${1:-} in
    start) (($# == 4)) || usage; start "$2" "$3" "$4" ;;
    stop) (($# == 3)) || usage; stop "$2" "$3" ;;
    *) usage ;;
esac
