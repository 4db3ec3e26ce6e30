#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are invoked from traps
# Runs the whole FlashSale system locally: private PostgreSQL, Orleans silo(s), HTTP API node(s).
# Ctrl-C (or SIGTERM) stops everything in order: API nodes, silos, PostgreSQL. Data is kept in .data/ (see
# FLASHSALE_DATA).
#
#   deploy/run.sh                          one silo, one API node
#   deploy/run.sh --silos 3 --apis 2       a local cluster on loopback ports: silo i (from 0) on silo port
#                                          11111+i, gateway 30000+i, HTTP (health, metrics) 11180+i;
#                                          API node j on port 5000+j; all on PostgreSQL membership
#
# Once everything is up, run.sh watches its nodes. A silo or API node that exits (a crash, a kill -9) is
# reported with its exit status or signal and the end of its log, and restarted on the same ports while
# the others keep serving; run.sh says when it is ready again. A node that fails 3 times in a row (it exits
# or is not ready within 60 s of a start, or exits within 30 s of being ready) is given up on; when no silo
# or no API node is left, run.sh stops everything. While a node runs, its pid is in run/silo-I.pid or
# run/api-J.pid under the data folder.
#
# Environment:
#   FLASHSALE_DATA           the data folder (default .data in the checkout): postgres/, logs/, run/
#   FLASHSALE_PG_PORT        PostgreSQL port (default 25432)
#   FLASHSALE_URL            the first API node's URL, passed as ASPNETCORE_URLS (default http://localhost:5000);
#                            API node j listens on its port + j
#   FLASHSALE_SILO_PORT      the first silo's silo-to-silo port (default 11111); silo i uses it + i
#   FLASHSALE_GATEWAY_PORT   the first silo's Orleans gateway port (default 30000); silo i uses it + i
#   FLASHSALE_SILO_HTTP_PORT the first silo's HTTP port (default 11180); silo i uses it + i
#   FLASHSALE_SILOS, FLASHSALE_APIS  the same as --silos and --apis
#   FLASHSALE_SKIP_BUILD=1   skip 'dotnet build' (the Release build must be there)
#   FLASHSALE_STOP_GRACE     seconds a stopping node may drain before SIGKILL (default 35)
#
# Exit status: 130 after Ctrl-C, 143 after SIGTERM, 129 after SIGHUP; 1 if the system could not start or
# lost every silo or every API node.
set -euo pipefail

SILOS=${FLASHSALE_SILOS:-1}
APIS=${FLASHSALE_APIS:-1}
while (($#)); do
    case $1 in
        --silos) SILOS=${2:?--silos needs a number}; shift 2 ;;
        --apis) APIS=${2:?--apis needs a number}; shift 2 ;;
        -h | --help) sed -n '3,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) printf 'run.sh: unknown argument %s (try --help)\n' "$1" >&2; exit 2 ;;
    esac
done
[[ $SILOS =~ ^[1-9][0-9]?$ && $APIS =~ ^[1-9][0-9]?$ ]] || { printf 'run.sh: --silos and --apis take 1 to 99\n' >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA=$(realpath -m -- "${FLASHSALE_DATA:-$REPO/.data}")
LOGS="$DATA/logs"
RUN="$DATA/run"
PG_DATA="$DATA/postgres"
PG_PORT=${FLASHSALE_PG_PORT:-25432}
URL=${FLASHSALE_URL:-http://localhost:5000}
SILO_PORT=${FLASHSALE_SILO_PORT:-11111}
GATEWAY_PORT=${FLASHSALE_GATEWAY_PORT:-30000}
SILO_HTTP_PORT=${FLASHSALE_SILO_HTTP_PORT:-11180}
SILO_DLL="$REPO/silo/bin/Release/net10.0/FlashSale.Silo.dll"
API_DLL="$REPO/api/bin/Release/net10.0/FlashSale.Api.dll"
READY_TIMEOUT=60
# A node failing this many times in a row is given up on; one that stayed ready this long had not been failing.
MAX_FAILURES=3
STABLE_AFTER=30
# Longer than the processes' own HostOptions:ShutdownTimeout (30 s), so that they drain before a SIGKILL.
STOP_GRACE=${FLASHSALE_STOP_GRACE:-35}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() { printf 'run.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------------
# Shutdown handling
# ---------------------------------------------------------------------------------------------------------------------
PG_STARTED=0
BUILD_PID=""
# The nodes, silo-I and api-J, and for each: its pid (empty while it is down), its state (starting, ready,
# down, given-up), when it entered that state (SECONDS), its failures in a row, where its log stood when it
# was started, and when a node that is down is restarted.
NODES=()
declare -A PID=() STATE=() SINCE=() FAILURES=() LOG_OFFSET=() RESTART_AT=()
LAUNCHING=""
CLEANED_UP=0

# stop_proc NAME PID: SIGTERM, wait up to STOP_GRACE seconds, then SIGKILL. Each child runs in its own
# session/process group (setsid), so the whole group is signalled and nothing is left behind.
stop_proc() {
    local name=$1 pid=$2 i
    [[ -n $pid ]] || return 0
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        kill -KILL -- "-$pid" 2>/dev/null || true   # stray grandchildren, if any
        return 0
    fi
    say "stopping $name (pid $pid)..."
    kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < STOP_GRACE * 5; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.2
    done
    if kill -0 "$pid" 2>/dev/null; then
        say "$name did not exit within ${STOP_GRACE}s; killing it"
        kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null || true
    fi
    wait "$pid" 2>/dev/null || true
    kill -KILL -- "-$pid" 2>/dev/null || true
    say "$name stopped"
}

cleanup() {
    local rc=$? key
    trap '' INT TERM HUP
    if ((CLEANED_UP)); then return; fi
    CLEANED_UP=1
    # A signal between a node's launch and the line recording its pid: $! is that node.
    if [[ -n $LAUNCHING ]]; then PID[$LAUNCHING]=${!:-}; fi
    stop_proc "build" "$BUILD_PID"
    BUILD_PID=""
    # API nodes first (they drain their in-flight claims), then silos, then the database.
    for key in "${NODES[@]}"; do if [[ $key == api-* ]]; then stop_node "$key"; fi; done
    for key in "${NODES[@]}"; do if [[ $key == silo-* ]]; then stop_node "$key"; fi; done
    if ((PG_STARTED)); then
        "$REPO/deploy/postgres.sh" stop "$PG_DATA" || say "WARNING: stopping PostgreSQL failed"
    fi
    if ((rc == 0)); then say "stopped"; else say "stopped (exit status $rc)"; fi
    exit "$rc"
}

stop_node() {
    stop_proc "$(node_name "$1")" "${PID[$1]:-}"
    PID[$1]=""
    rm -f "$RUN/$1.pid"
}

on_signal() {
    say "received SIG$1, shutting down..."
    case $1 in
        INT) exit 130 ;;
        HUP) exit 129 ;;
        *) exit 143 ;;
    esac
}

trap cleanup EXIT
trap 'on_signal INT' INT
trap 'on_signal TERM' TERM
trap 'on_signal HUP' HUP

# ---------------------------------------------------------------------------------------------------------------------
# Helpers
# ---------------------------------------------------------------------------------------------------------------------
find_dotnet() {
    local d
    for d in "$(command -v dotnet 2>/dev/null || true)" "${DOTNET_ROOT:-}/dotnet" "${HOME:-/root}/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
        if [[ -n $d && -x $d ]]; then
            DOTNET=$d
            return 0
        fi
    done
    die "the .NET SDK ('dotnet') was not found; install the .NET 10 SDK"
}

# start_bg LOGFILE|- CMD...: start CMD in its own session, stdin from /dev/null, output appended to LOGFILE
# ("-": to our stderr); sets BG_PID. setsid keeps the terminal's Ctrl-C away from the children, so this
# script can stop them in order. (Without job control the child is no group leader, so setsid execs in place
# and $! is the command's own pid, which is also its process group id.)
start_bg() {
    local logf=$1 setsid=()
    shift
    if command -v setsid >/dev/null 2>&1; then
        setsid=(setsid)
    fi
    if [[ $logf == - ]]; then
        "${setsid[@]}" "$@" </dev/null 1>&2 &
    else
        "${setsid[@]}" "$@" </dev/null >>"$logf" 2>&1 &
    fi
    BG_PID=$!
}

# log_tail LOGFILE [OFFSET]: last lines written since byte OFFSET (i.e. by this run).
log_tail() {
    local logf=$1 offset=${2:-0}
    say "---- last lines of $logf ----"
    tail -c "+$((offset + 1))" "$logf" 2>/dev/null | tail -n 40 >&2 || true
    say "-----------------------------"
}

file_size() { stat -c %s "$1" 2>/dev/null || echo 0; }

port_open() {
    local host=$1 port=$2
    (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null
}

# The silo may listen on loopback or on the machine's address, so try all local addresses.
port_listening() {
    local port=$1 a
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$port" 2>/dev/null | grep -q . && return 0
    fi
    for a in 127.0.0.1 $(hostname -I 2>/dev/null || true); do
        [[ $a == *:* ]] && continue
        port_open "$a" "$port" && return 0
    done
    return 1
}

# api_url J: the URL API node J listens on: FLASHSALE_URL with its port moved up by J.
api_url() {
    local j=$1
    ((j == 0)) && { printf '%s' "$URL"; return; }
    [[ $URL =~ ^(https?://[^/:]+):([0-9]+)/?$ ]] || die "with --apis above 1, FLASHSALE_URL must be one scheme://host:port URL"
    printf '%s:%s' "${BASH_REMATCH[1]}" "$((BASH_REMATCH[2] + j))"
}

# probe_base URL: the first of ASPNETCORE_URLS, with wildcard hosts replaced by localhost, without trailing slash.
probe_base() {
    local u=${1%%;*}
    u=${u%/}
    u=$(printf '%s' "$u" | sed -E 's#^(https?://)(\+|\*|0\.0\.0\.0|\[::\])(:|/|$)#\1localhost\3#')
    printf '%s' "$u"
}

answers_health() { curl -fsS --max-time 2 -o /dev/null "$1/health/live" 2>/dev/null; }
ready() { curl -fsS --max-time 4 -o /dev/null "$1/health/ready" 2>/dev/null; }

# ---------------------------------------------------------------------------------------------------------------------
# Nodes: silo-I and api-J
# ---------------------------------------------------------------------------------------------------------------------
node_name() { if [[ $1 == silo-* ]]; then printf 'silo %s' "${1#silo-}"; else printf 'API node %s' "${1#api-}"; fi; }

node_log() {
    if [[ $1 == silo-* ]]; then
        if ((SILOS == 1)); then printf '%s' "$LOGS/silo.log"; else printf '%s' "$LOGS/$1.log"; fi
    elif ((APIS == 1)); then printf '%s' "$LOGS/api.log"; else printf '%s' "$LOGS/$1.log"; fi
}

silo_http() { printf 'http://127.0.0.1:%s' "$((SILO_HTTP_PORT + $1))"; }

api_base() { probe_base "$(api_url "$1")"; }

# node_ready KEY: a silo is Active in the membership and the database answers; an API node answers.
node_ready() {
    if [[ $1 == silo-* ]]; then ready "$(silo_http "${1#silo-}")"; else answers_health "$(api_base "${1#api-}")"; fi
}

# start_node KEY: launches the node without waiting for it, on its own ports (the same ones again on a restart).
# Every silo joins one cluster; every API node is its client, through PostgreSQL membership.
start_node() {
    local key=$1 i=${1##*-} logf
    logf=$(node_log "$key")
    printf '\n===== %s run.sh: starting %s =====\n' "$(date -Is)" "$(node_name "$key")" >>"$logf"
    LOG_OFFSET[$key]=$(file_size "$logf")
    LAUNCHING=$key
    if [[ $key == silo-* ]]; then
        start_bg "$logf" env ConnectionStrings__FlashSale="$CONN" DOTNET_ENVIRONMENT=Development \
            Orleans__SiloPort="$((SILO_PORT + i))" Orleans__GatewayPort="$((GATEWAY_PORT + i))" \
            ASPNETCORE_URLS="$(silo_http "$i")" "$DOTNET" "$SILO_DLL"
    else
        start_bg "$logf" env ConnectionStrings__FlashSale="$CONN" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$(api_url "$i")" "$DOTNET" "$API_DLL"
    fi
    PID[$key]=$BG_PID
    LAUNCHING=""
    STATE[$key]=starting
    SINCE[$key]=$SECONDS
    printf '%s\n' "$BG_PID" >"$RUN/$key.pid"
}

# exit_reason STATUS: a wait status in words.
exit_reason() {
    if (($1 > 128)); then printf 'killed by SIG%s' "$(kill -l "$(($1 - 128))" 2>/dev/null || echo "$(($1 - 128))")"; else printf 'exit status %s' "$1"; fi
}

# first_start KEY: starts the node and waits until it is ready. At the first start any failure stops everything:
# it is the setup that is wrong, not the node.
first_start() {
    local key=$1 name logf rc
    name=$(node_name "$key")
    logf=$(node_log "$key")
    say "starting $name (log: $logf)..."
    start_node "$key"
    until node_ready "$key"; do
        if ! kill -0 "${PID[$key]}" 2>/dev/null; then
            wait "${PID[$key]}" 2>/dev/null && rc=0 || rc=$?
            log_tail "$logf" "${LOG_OFFSET[$key]}"
            die "$name exited during startup ($(exit_reason "$rc")); see $logf"
        fi
        if ((SECONDS - SINCE[$key] >= READY_TIMEOUT)); then
            log_tail "$logf" "${LOG_OFFSET[$key]}"
            die "$name was not ready within ${READY_TIMEOUT}s; see $logf"
        fi
        sleep 0.5
    done
    STATE[$key]=ready
    SINCE[$key]=$SECONDS
}

# node_failed KEY WHAT: the node is down: it is restarted, or given up on after MAX_FAILURES in a row.
node_failed() {
    local key=$1 what=$2 name logf k
    name=$(node_name "$key")
    logf=$(node_log "$key")
    say "$name (pid ${PID[$key]}) $what; see $logf"
    log_tail "$logf" "${LOG_OFFSET[$key]}"
    PID[$key]=""
    rm -f "$RUN/$key.pid"
    if [[ ${STATE[$key]} == ready ]] && ((SECONDS - SINCE[$key] >= STABLE_AFTER)); then FAILURES[$key]=0; fi
    FAILURES[$key]=$((${FAILURES[$key]:-0} + 1))
    if ((FAILURES[$key] < MAX_FAILURES)); then
        # Each failure in a row waits a little longer, so a cause that passes (a port in use) can pass.
        STATE[$key]=down
        RESTART_AT[$key]=$((SECONDS + 2 * (FAILURES[$key] - 1)))
        return 0
    fi
    STATE[$key]=given-up
    say "giving up on $name: it failed $MAX_FAILURES times in a row"
    for k in "${NODES[@]}"; do
        if [[ ${k%-*} == "${key%-*}" && ${STATE[$k]} != given-up ]]; then return 0; fi
    done
    die "no ${name% *} is left; stopping"
}

# watch_node KEY: one look at the node: an exit, a restarted node now ready or too slow, a restart that is due.
watch_node() {
    local key=$1 rc
    case ${STATE[$key]} in
        given-up) return 0 ;;
        down)
            if ((SECONDS >= RESTART_AT[$key])); then
                say "restarting $(node_name "$key") on the same ports (failed ${FAILURES[$key]} time(s) in a row; given up on at $MAX_FAILURES)..."
                start_node "$key"
            fi
            return 0
            ;;
    esac
    if ! kill -0 "${PID[$key]}" 2>/dev/null; then
        wait "${PID[$key]}" 2>/dev/null && rc=0 || rc=$?
        if [[ ${STATE[$key]} == starting ]]; then
            node_failed "$key" "exited while restarting ($(exit_reason "$rc"))"
        else
            node_failed "$key" "exited unexpectedly ($(exit_reason "$rc"))"
        fi
    elif [[ ${STATE[$key]} == starting ]]; then
        if node_ready "$key"; then
            STATE[$key]=ready
            say "$(node_name "$key") is back (pid ${PID[$key]}, ready $((SECONDS - SINCE[$key]))s after its restart)"
            SINCE[$key]=$SECONDS
        elif ((SECONDS - SINCE[$key] >= READY_TIMEOUT)); then
            stop_proc "$(node_name "$key")" "${PID[$key]}"
            node_failed "$key" "was not ready within ${READY_TIMEOUT}s of its restart"
        fi
    fi
}

# ---------------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------------
command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install -y curl)"
find_dotnet
mkdir -p "$LOGS" "$RUN"

say "starting PostgreSQL (data: $PG_DATA, port $PG_PORT)..."
PG_STARTED=1
CONN=$("$REPO/deploy/postgres.sh" start "$PG_DATA" "$PG_PORT")
[[ -n $CONN ]] || die "deploy/postgres.sh start printed no connection string"

if [[ ${FLASHSALE_SKIP_BUILD:-0} != 1 ]]; then
    say "building $REPO/FlashSale.slnx (Release)..."
    build_args=(build "$REPO/FlashSale.slnx" -c Release -v q -nologo)
    # Do not leave MSBuild/Roslyn build servers running after we exit.
    if "$DOTNET" build --help 2>/dev/null | grep -q -- '--disable-build-servers'; then
        build_args+=(--disable-build-servers)
    fi
    # Run in the background and wait, so Ctrl-C/SIGTERM are handled (and the build stopped) right away.
    start_bg - "$DOTNET" "${build_args[@]}"
    BUILD_PID=$BG_PID
    wait "$BUILD_PID" && rc=0 || rc=$?
    BUILD_PID=""
    ((rc == 0)) || die "dotnet build failed (exit status $rc)"
fi
[[ -f $SILO_DLL ]] || die "silo not built: $SILO_DLL is missing"
[[ -f $API_DLL ]] || die "API not built: $API_DLL is missing"

for ((i = 0; i < SILOS; i++)); do NODES+=("silo-$i"); done
for ((j = 0; j < APIS; j++)); do NODES+=("api-$j"); done
for ((i = 0; i < SILOS; i++)); do
    if port_listening "$((GATEWAY_PORT + i))"; then
        die "something is already listening on the Orleans gateway port $((GATEWAY_PORT + i)) (another silo running? see $RUN/)"
    fi
done
for ((j = 0; j < APIS; j++)); do
    if answers_health "$(api_base "$j")"; then
        die "something already answers $(api_base "$j")/health/live (another API running?); set FLASHSALE_URL to use another address"
    fi
done
# One at a time: the first silo installs the schema the others' membership needs.
for key in "${NODES[@]}"; do first_start "$key"; done

api_bases=()
silo_https=()
for ((i = 0; i < SILOS; i++)); do silo_https+=("$(silo_http "$i")"); done
for ((j = 0; j < APIS; j++)); do api_bases+=("$(api_base "$j")"); done
cat >&2 <<EOF

FlashSale is running: $SILOS silo(s), $APIS API node(s).
  API              ${api_bases[*]}
  Web pages        ${api_bases[0]}/
  OpenAPI document ${api_bases[0]}/openapi/v1.json
  API reference    ${api_bases[0]}/scalar
  Health, metrics  /health/live, /health/ready and /metrics on every API node and silo (${silo_https[*]})
  Orleans dashboard ${api_bases[0]}/dashboard/ (admin; or the board page's button)
  PostgreSQL       $CONN
  Logs, pids       $LOGS/, $RUN/
A node that exits is restarted. Press Ctrl-C to stop (API nodes, then silos, then PostgreSQL).

EOF

while :; do
    for key in "${NODES[@]}"; do watch_node "$key"; done
    sleep 0.5
done
