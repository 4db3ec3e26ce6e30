#!/usr/bin/env bash
# shellcheck disable=SC2317  # cleanup functions are invoked from traps
# Runs the whole FlashSale system locally: private PostgreSQL, Orleans silo, HTTP API.
# Ctrl-C (or SIGTERM) stops everything in order: API, silo, PostgreSQL. Data is kept in .data/.
#
# Environment:
#   FLASHSALE_PG_PORT       PostgreSQL port (default 25432)
#   FLASHSALE_URL           API URL(s), passed as ASPNETCORE_URLS (default http://localhost:5000)
#   FLASHSALE_GATEWAY_PORT  Orleans gateway port the silo listens on (default 30000)
#   FLASHSALE_SKIP_BUILD=1  skip 'dotnet build'
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
DATA="$REPO/.data"
LOGS="$DATA/logs"
PG_DATA="$DATA/postgres"
PG_PORT=${FLASHSALE_PG_PORT:-25432}
URL=${FLASHSALE_URL:-http://localhost:5000}
GATEWAY_PORT=${FLASHSALE_GATEWAY_PORT:-30000}
SILO_DLL="$REPO/silo/bin/Release/net10.0/FlashSale.Silo.dll"
API_DLL="$REPO/api/bin/Release/net10.0/FlashSale.Api.dll"
SILO_LOG="$LOGS/silo.log"
API_LOG="$LOGS/api.log"
READY_TIMEOUT=60
STOP_GRACE=${FLASHSALE_STOP_GRACE:-20}

export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() { printf 'run.sh: ERROR: %s\n' "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------------
# Shutdown handling
# ---------------------------------------------------------------------------------------------------------------------
PG_STARTED=0
BUILD_PID=""
SILO_PID=""
API_PID=""
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
    stop_proc "API" "$API_PID"
    API_PID=""
    stop_proc "silo" "$SILO_PID"
    SILO_PID=""
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
gateway_listening() {
    local a
    if command -v ss >/dev/null 2>&1; then
        ss -Hltn "sport = :$GATEWAY_PORT" 2>/dev/null | grep -q . && return 0
    fi
    for a in 127.0.0.1 $(hostname -I 2>/dev/null || true); do
        [[ $a == *:* ]] && continue
        port_open "$a" "$GATEWAY_PORT" && return 0
    done
    return 1
}

# First URL of ASPNETCORE_URLS, with wildcard hosts replaced by localhost, without trailing slash.
probe_base() {
    local u=${URL%%;*}
    u=${u%/}
    u=$(printf '%s' "$u" | sed -E 's#^(https?://)(\+|\*|0\.0\.0\.0|\[::\])(:|/|$)#\1localhost\3#')
    printf '%s' "$u"
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

if gateway_listening; then
    die "something is already listening on the Orleans gateway port $GATEWAY_PORT (another silo running?)"
fi

say "starting the silo (log: $SILO_LOG)..."
printf '\n===== %s run.sh: starting silo =====\n' "$(date -Is)" >>"$SILO_LOG"
SILO_LOG_START=$(file_size "$SILO_LOG")
start_bg "$SILO_LOG" env ConnectionStrings__FlashSale="$CONN" DOTNET_ENVIRONMENT=Development "$DOTNET" "$SILO_DLL"
SILO_PID=$BG_PID
deadline=$((SECONDS + READY_TIMEOUT))
until gateway_listening; do
    if ! kill -0 "$SILO_PID" 2>/dev/null; then
        wait "$SILO_PID" 2>/dev/null && rc=0 || rc=$?
        SILO_PID=""
        log_tail "$SILO_LOG" "$SILO_LOG_START"
        die "the silo exited during startup (exit status $rc); see $SILO_LOG"
    fi
    if ((SECONDS >= deadline)); then
        log_tail "$SILO_LOG" "$SILO_LOG_START"
        die "the silo did not open the Orleans gateway port $GATEWAY_PORT within ${READY_TIMEOUT}s; see $SILO_LOG"
    fi
    sleep 0.5
done
say "silo is ready (gateway port $GATEWAY_PORT)"

BASE=$(probe_base)
if curl -fsS --max-time 2 -o /dev/null "$BASE/health/live" 2>/dev/null; then
    die "something already answers $BASE/health/live (another API running?); set FLASHSALE_URL to use another address"
fi
say "starting the API on $URL (log: $API_LOG)..."
printf '\n===== %s run.sh: starting API =====\n' "$(date -Is)" >>"$API_LOG"
API_LOG_START=$(file_size "$API_LOG")
start_bg "$API_LOG" env ConnectionStrings__FlashSale="$CONN" ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS="$URL" "$DOTNET" "$API_DLL"
API_PID=$BG_PID
deadline=$((SECONDS + READY_TIMEOUT))
until curl -fsS --max-time 2 -o /dev/null "$BASE/health/live" 2>/dev/null; do
    if ! kill -0 "$API_PID" 2>/dev/null; then
        wait "$API_PID" 2>/dev/null && rc=0 || rc=$?
        API_PID=""
        log_tail "$API_LOG" "$API_LOG_START"
        die "the API exited during startup (exit status $rc); see $API_LOG"
    fi
    if ((SECONDS >= deadline)); then
        log_tail "$API_LOG" "$API_LOG_START"
        die "the API did not answer $BASE/health/live within ${READY_TIMEOUT}s; see $API_LOG"
    fi
    sleep 0.5
done

cat >&2 <<EOF

FlashSale is running.
  API              $BASE
  OpenAPI document $BASE/openapi/v1.json
  API reference    $BASE/scalar
  PostgreSQL       $CONN
  Logs             $SILO_LOG
                   $API_LOG
Press Ctrl-C to stop (API, then silo, then PostgreSQL).

EOF

# Wait until we are signalled or one of the processes dies.
rc=0
wait -n "$SILO_PID" "$API_PID" || rc=$?
if ! kill -0 "$SILO_PID" 2>/dev/null; then
    say "the silo exited unexpectedly (status $rc); see $SILO_LOG"
    log_tail "$SILO_LOG" "$SILO_LOG_START"
else
    say "the API exited unexpectedly (status $rc); see $API_LOG"
    log_tail "$API_LOG" "$API_LOG_START"
fi
exit 1
