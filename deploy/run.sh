#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are invoked from traps
# Runs the whole FlashSale system locally: private PostgreSQL, Orleans silo(s), HTTP API node(s).
# Ctrl-C (or SIGTERM) stops everything in order: API nodes, silos, PostgreSQL. Data is kept in .data/.
#
#   deploy/run.sh                          one silo, one API node
#   deploy/run.sh --silos 3 --apis 2       a local cluster on loopback ports: silo i (from 0) on silo port
#                                          11111+i, gateway 30000+i, HTTP (health, metrics) 11180+i;
#                                          API node j on port 5000+j; all on PostgreSQL membership
#
# Environment:
#   FLASHSALE_PG_PORT       PostgreSQL port (default 25432)
#   FLASHSALE_URL           the first API node's URL, passed as ASPNETCORE_URLS (default http://localhost:5000);
#                           API node j listens on its port + j
#   FLASHSALE_GATEWAY_PORT  the first silo's Orleans gateway port (default 30000)
#   FLASHSALE_SILOS, FLASHSALE_APIS  the same as --silos and --apis
#   FLASHSALE_SKIP_BUILD=1  skip 'dotnet build'
set -euo pipefail

SILOS=${FLASHSALE_SILOS:-1}
APIS=${FLASHSALE_APIS:-1}
while (($#)); do
    case $1 in
        --silos) SILOS=${2:?--silos needs a number}; shift 2 ;;
        --apis) APIS=${2:?--apis needs a number}; shift 2 ;;
        -h | --help) sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
        *) printf 'run.sh: unknown argument %s (try --help)\n' "$1" >&2; exit 2 ;;
    esac
done
[[ $SILOS =~ ^[1-9][0-9]?$ && $APIS =~ ^[1-9][0-9]?$ ]] || { printf 'run.sh: --silos and --apis take 1 to 99\n' >&2; exit 2; }

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA="$REPO/.data"
LOGS="$DATA/logs"
PG_DATA="$DATA/postgres"
PG_PORT=${FLASHSALE_PG_PORT:-25432}
URL=${FLASHSALE_URL:-http://localhost:5000}
GATEWAY_PORT=${FLASHSALE_GATEWAY_PORT:-30000}
SILO_PORT=11111
SILO_HTTP_PORT=11180
SILO_DLL="$REPO/silo/bin/Release/net10.0/FlashSale.Silo.dll"
API_DLL="$REPO/api/bin/Release/net10.0/FlashSale.Api.dll"
READY_TIMEOUT=60
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
SILO_PIDS=()
API_PIDS=()
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
    local rc=$?
    trap '' INT TERM HUP
    if ((CLEANED_UP)); then return; fi
    CLEANED_UP=1
    stop_proc "build" "$BUILD_PID"
    BUILD_PID=""
    local i
    # API nodes first (they drain their in-flight claims), then silos, then the database.
    for i in "${!API_PIDS[@]}"; do stop_proc "API node $i" "${API_PIDS[$i]}"; done
    API_PIDS=()
    for i in "${!SILO_PIDS[@]}"; do stop_proc "silo $i" "${SILO_PIDS[$i]}"; done
    SILO_PIDS=()
    if ((PG_STARTED)); then
        "$REPO/deploy/postgres.sh" stop "$PG_DATA" || say "WARNING: stopping PostgreSQL failed"
    fi
    if ((rc == 0)); then say "stopped"; else say "stopped (exit status $rc)"; fi
    exit "$rc"
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

# wait_ready NAME PID LOG OFFSET CHECK...: until CHECK succeeds; dies if the process exits or READY_TIMEOUT passes.
wait_ready() {
    local name=$1 pid=$2 logf=$3 offset=$4 deadline=$((SECONDS + READY_TIMEOUT)) rc
    shift 4
    until "$@"; do
        if ! kill -0 "$pid" 2>/dev/null; then
            wait "$pid" 2>/dev/null && rc=0 || rc=$?
            log_tail "$logf" "$offset"
            die "$name exited during startup (exit status $rc); see $logf"
        fi
        if ((SECONDS >= deadline)); then
            log_tail "$logf" "$offset"
            die "$name was not ready within ${READY_TIMEOUT}s; see $logf"
        fi
        sleep 0.5
    done
}

answers_health() { curl -fsS --max-time 2 -o /dev/null "$1/health/live" 2>/dev/null; }
ready() { curl -fsS --max-time 4 -o /dev/null "$1/health/ready" 2>/dev/null; }

# start_silo I: silo I on its own silo, gateway and HTTP ports; every silo joins one cluster.
start_silo() {
    local i=$1 logf="$LOGS/silo-$1.log" offset gateway=$((GATEWAY_PORT + $1)) http="http://127.0.0.1:$((SILO_HTTP_PORT + $1))"
    ((SILOS == 1)) && logf="$LOGS/silo.log"
    port_listening "$gateway" && die "something is already listening on the Orleans gateway port $gateway (another silo running?)"
    say "starting silo $i (gateway port $gateway, log: $logf)..."
    printf '\n===== %s run.sh: starting silo %s =====\n' "$(date -Is)" "$i" >>"$logf"
    offset=$(file_size "$logf")
    start_bg "$logf" env ConnectionStrings__FlashSale="$CONN" DOTNET_ENVIRONMENT=Development \
        Orleans__SiloPort="$((SILO_PORT + i))" Orleans__GatewayPort="$gateway" \
        ASPNETCORE_URLS="$http" "$DOTNET" "$SILO_DLL"
    SILO_PIDS[i]=$BG_PID
    # Ready: Active in the membership, and the database answers.
    wait_ready "silo $i" "$BG_PID" "$logf" "$offset" ready "$http"
    SILO_LOGS+=("$logf")
    SILO_HTTP+=("$http")
}

# start_api J: API node J, a client of the cluster through PostgreSQL membership.
start_api() {
    local j=$1 logf="$LOGS/api-$1.log" offset url base
    ((APIS == 1)) && logf="$LOGS/api.log"
    url=$(api_url "$j")
    base=$(probe_base "$url")
    answers_health "$base" && die "something already answers $base/health/live (another API running?); set FLASHSALE_URL to use another address"
    say "starting API node $j on $url (log: $logf)..."
    printf '\n===== %s run.sh: starting API node %s =====\n' "$(date -Is)" "$j" >>"$logf"
    offset=$(file_size "$logf")
    start_bg "$logf" env ConnectionStrings__FlashSale="$CONN" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$url" "$DOTNET" "$API_DLL"
    API_PIDS[j]=$BG_PID
    wait_ready "API node $j" "$BG_PID" "$logf" "$offset" answers_health "$base"
    API_BASES+=("$base")
    API_LOGS+=("$logf")
}

# ---------------------------------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------------------------------
command -v curl >/dev/null 2>&1 || die "curl is required (apt-get install -y curl)"
find_dotnet
mkdir -p "$LOGS"

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

SILO_LOGS=()
SILO_HTTP=()
API_LOGS=()
API_BASES=()
for ((i = 0; i < SILOS; i++)); do start_silo "$i"; done
for ((j = 0; j < APIS; j++)); do start_api "$j"; done

cat >&2 <<EOF

FlashSale is running: $SILOS silo(s), $APIS API node(s).
  API              ${API_BASES[*]}
  Web pages        ${API_BASES[0]}/
  OpenAPI document ${API_BASES[0]}/openapi/v1.json
  API reference    ${API_BASES[0]}/scalar
  Health, metrics  /health/live, /health/ready and /metrics on every API node and silo (${SILO_HTTP[*]})
  Orleans dashboard ${API_BASES[0]}/dashboard/ (admin; or the board page's button)
  PostgreSQL       $CONN
  Logs             ${SILO_LOGS[*]}
                   ${API_LOGS[*]}
Press Ctrl-C to stop (API nodes, then silos, then PostgreSQL).

EOF

# Wait until we are signalled or one of the processes dies.
wait -n "${SILO_PIDS[@]}" "${API_PIDS[@]}" || true
for i in "${!SILO_PIDS[@]}"; do
    kill -0 "${SILO_PIDS[$i]}" 2>/dev/null || { say "silo $i exited unexpectedly; see ${SILO_LOGS[$i]}"; log_tail "${SILO_LOGS[$i]}"; }
done
for j in "${!API_PIDS[@]}"; do
    kill -0 "${API_PIDS[$j]}" 2>/dev/null || { say "API node $j exited unexpectedly; see ${API_LOGS[$j]}"; log_tail "${API_LOGS[$j]}"; }
done
exit 1
