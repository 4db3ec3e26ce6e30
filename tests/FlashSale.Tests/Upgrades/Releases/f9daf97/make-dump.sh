#!/usr/bin/env bash
# Remakes flashsale.sql beside this script: a PostgreSQL 15 dump of a FlashSale database written by
# the release at commit f9daf97 (f9daf9768d06ec87f212a0d2cefacecc08bc863f), for the upgrade tests.
#
#   ./make-dump.sh
#
# It checks that release out into a temporary git worktree, builds it, starts a private PostgreSQL,
# the old silo and the old API as processes of its own, drives realistic traffic through the public
# HTTP API only (curl and jq), waits for the asynchronous work to land, stops everything gracefully
# and dumps the database (plain SQL, --no-owner --no-privileges). Everything it starts is stopped on
# exit, on failure and on Ctrl-C, and the temporary folder and worktree are removed.
#
# The committed flashsale.sql is never regenerated or edited: see README.md.
#
# Environment (all optional):
#   UPGRADE_PG_PORT        PostgreSQL port (default 25500)
#   UPGRADE_SILO_PORT      Orleans silo port (default 21111)
#   UPGRADE_GATEWAY_PORT   Orleans gateway port (default 21000)
#   UPGRADE_SILO_HTTP_PORT the silo's health/metrics port (default 21180)
#   UPGRADE_API_PORT       the API's port (default 21500)
#   UPGRADE_KEEP_WORK=1    keep the temporary folder (logs) on failure, for a post-mortem
set -euo pipefail

readonly COMMIT=f9daf9768d06ec87f212a0d2cefacecc08bc863f
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# The repository this script lives in (any clone that has the commit will do).
REPO=$(git -C "$HERE" rev-parse --show-toplevel) || { echo "make-dump: $HERE is not inside a git repository" >&2; exit 1; }
readonly HERE REPO
readonly OUT=$HERE/flashsale.sql

readonly PG_PORT=${UPGRADE_PG_PORT:-25500}
readonly SILO_PORT=${UPGRADE_SILO_PORT:-21111}
readonly GATEWAY_PORT=${UPGRADE_GATEWAY_PORT:-21000}
readonly SILO_HTTP_PORT=${UPGRADE_SILO_HTTP_PORT:-21180}
readonly API_PORT=${UPGRADE_API_PORT:-21500}
readonly API=http://127.0.0.1:$API_PORT
readonly SILO_HTTP=http://127.0.0.1:$SILO_HTTP_PORT

log() { printf '%s make-dump: %s\n' "$(date -u +%T)" "$*" >&2; }
die() { printf '%s make-dump: ERROR: %s\n' "$(date -u +%T)" "$*" >&2; exit 1; }

# ---------------------------------------------------------------------------------------------------------------------
# Cleanup: whatever happened, stop what we started (API, silo, PostgreSQL), remove the worktree and the temp folder.
# ---------------------------------------------------------------------------------------------------------------------
WORK=""
WT=""
WT_ADDED=0
PG_DATA=""
PG_STARTED=0
API_PID=""
SILO_PID=""

# stop_process NAME PID: SIGTERM, up to 45 s to exit gracefully, then SIGKILL. Only ever our own child's pid.
stop_process() {
    local name=$1 pid=$2 i
    [[ -n $pid ]] || return 0
    if ! kill -0 "$pid" 2>/dev/null; then
        wait "$pid" 2>/dev/null || true
        return 0
    fi
    log "stopping the $name (pid $pid) with SIGTERM"
    kill -TERM "$pid" 2>/dev/null || true
    for ((i = 0; i < 450; i++)); do
        kill -0 "$pid" 2>/dev/null || break
        sleep 0.1
    done
    if kill -0 "$pid" 2>/dev/null; then
        log "the $name did not exit within 45 s; SIGKILL"
        kill -KILL "$pid" 2>/dev/null || true
    fi
    local rc=0
    wait "$pid" 2>/dev/null || rc=$?
    log "the $name exited (status $rc)"
}

cleanup() {
    local rc=$?
    trap - EXIT
    trap '' INT TERM
    set +e
    stop_process API "$API_PID"
    API_PID=""
    stop_process silo "$SILO_PID"
    SILO_PID=""
    if ((PG_STARTED)); then
        "$WT/deploy/postgres.sh" stop "$PG_DATA" || log "could not stop PostgreSQL for $PG_DATA"
        PG_STARTED=0
    fi
    if ((rc != 0)) && [[ -n $WORK && -d $WORK/logs ]]; then
        local f
        for f in "$WORK"/logs/*.log; do
            [[ -f $f ]] || continue
            log "---- last lines of $f ----"
            tail -n 40 "$f" >&2
        done
    fi
    if ((WT_ADDED)); then
        git -C "$REPO" worktree remove --force "$WT" 2>/dev/null || rm -rf "$WT"
        git -C "$REPO" worktree prune
    fi
    if [[ -n $WORK && -d $WORK ]]; then
        if ((rc != 0)) && [[ ${UPGRADE_KEEP_WORK:-0} == 1 ]]; then
            log "keeping $WORK for a post-mortem"
        else
            rm -rf "$WORK"
        fi
    fi
    rm -f "$OUT.partial"
    if ((rc == 0)); then log "done: $OUT"; else log "FAILED (status $rc); $OUT left as it was"; fi
    exit "$rc"
}
trap cleanup EXIT
trap 'log "interrupted"; exit 130' INT
trap 'log "terminated"; exit 143' TERM

# ---------------------------------------------------------------------------------------------------------------------
# Preconditions
# ---------------------------------------------------------------------------------------------------------------------
command -v dotnet >/dev/null || die "dotnet is not on the PATH"
command -v npm >/dev/null || die "npm is not on the PATH (building the API runs npm ci)"
command -v curl >/dev/null || die "curl is not on the PATH"
if ! command -v jq >/dev/null; then
    log "installing jq"
    apt-get install -y -q jq >&2 || { apt-get update -q >&2 && apt-get install -y -q jq >&2; } || die "could not install jq"
fi
git -C "$REPO" cat-file -e "$COMMIT^{commit}" 2>/dev/null || die "commit $COMMIT is not in $REPO"
for port in "$PG_PORT" "$SILO_PORT" "$GATEWAY_PORT" "$SILO_HTTP_PORT" "$API_PORT"; do
    if [[ -n $(ss -Hltn "sport = :$port" 2>/dev/null) ]]; then
        die "port $port is already in use; set UPGRADE_*_PORT (see the top of this script)"
    fi
done

# The daily limits (shopper and device) count UTC calendar days: the traffic must not straddle midnight.
if (($(date -u -d 'tomorrow 00:00' +%s) - $(date -u +%s) < 900)); then
    die "it is less than 15 minutes to midnight UTC, and the daily limits' refusals depend on one day; run again after midnight"
fi

WORK=$(mktemp -d -t flashsale-upgrade-f9daf97.XXXXXX)
WT=$WORK/release
PG_DATA=$WORK/postgres
mkdir -p "$WORK/logs"

# ---------------------------------------------------------------------------------------------------------------------
# The old release: worktree and build
# ---------------------------------------------------------------------------------------------------------------------
log "checking out $COMMIT into $WT"
git -C "$REPO" worktree add --detach "$WT" "$COMMIT" >&2
WT_ADDED=1
[[ $(git -C "$WT" rev-parse HEAD) == "$COMMIT" ]] || die "the worktree is not at $COMMIT"

log "building the release (dotnet build FlashSale.slnx -c Release; a few minutes), log $WORK/logs/build.log"
# No build servers: nothing of the build may stay running after the script.
(cd "$WT" && MSBUILDDISABLENODEREUSE=1 DOTNET_CLI_USE_MSBUILD_SERVER=0 \
    dotnet build FlashSale.slnx -c Release --disable-build-servers >"$WORK/logs/build.log" 2>&1) \
    || { tail -n 60 "$WORK/logs/build.log" >&2; die "the build failed"; }
readonly SILO_DLL=$WT/silo/bin/Release/net10.0/FlashSale.Silo.dll
readonly API_DLL=$WT/api/bin/Release/net10.0/FlashSale.Api.dll
[[ -f $SILO_DLL && -f $API_DLL ]] || die "the build did not produce $SILO_DLL and $API_DLL"

# ---------------------------------------------------------------------------------------------------------------------
# PostgreSQL, the silo, the API
# ---------------------------------------------------------------------------------------------------------------------
PG_BIN_DIR=$("$WT/deploy/postgres.sh" ensure-installed)
[[ -x $PG_BIN_DIR/pg_dump && -x $PG_BIN_DIR/psql ]] || die "no pg_dump/psql in $PG_BIN_DIR"
"$PG_BIN_DIR/pg_dump" --version | grep -q ' 15\.' || die "$PG_BIN_DIR/pg_dump is not PostgreSQL 15"
log "starting PostgreSQL on 127.0.0.1:$PG_PORT"
PG_STARTED=1
CONN=$("$WT/deploy/postgres.sh" start "$PG_DATA" "$PG_PORT")
[[ $CONN == Host=* ]] || die "postgres.sh start printed no connection string"

# sql QUERY: one query against the application database, unaligned, tuples only.
sql() {
    PGPASSWORD=flashsale PGCONNECT_TIMEOUT=5 "$PG_BIN_DIR/psql" -X -qAt -v ON_ERROR_STOP=1 \
        -h 127.0.0.1 -p "$PG_PORT" -U flashsale -d flashsale -c "$1"
}

# wait_until WHAT SECONDS COMMAND...: polls COMMAND (twice a second) until it succeeds, or fails after SECONDS.
wait_until() {
    local what=$1 seconds=$2 deadline
    shift 2
    deadline=$((SECONDS + seconds))
    until "$@" >/dev/null 2>&1; do
        ((SECONDS < deadline)) || die "timed out after ${seconds}s waiting for $what"
        sleep 0.5
    done
}

# db_true CONDITION: succeeds when SELECT (CONDITION) is true.
db_true() { [[ $(sql "SELECT ($1)") == t ]]; }
wait_db() { log "waiting for $1"; wait_until "$1" "$2" db_true "$3"; }

healthy() {
    local pid=$1 url=$2
    kill -0 "$pid" 2>/dev/null || die "the process for $url exited; see its log"
    curl -fsS --max-time 3 "$url" >/dev/null
}

log "starting the silo (silo port $SILO_PORT, gateway $GATEWAY_PORT, http $SILO_HTTP)"
# setsid: a Ctrl-C on the terminal reaches this script only, whose trap stops the processes in order.
ConnectionStrings__FlashSale=$CONN DOTNET_ENVIRONMENT=Development Orleans__SiloPort=$SILO_PORT \
    Orleans__GatewayPort=$GATEWAY_PORT ASPNETCORE_URLS=$SILO_HTTP \
    setsid dotnet "$SILO_DLL" >"$WORK/logs/silo.log" 2>&1 </dev/null &
SILO_PID=$!
log "waiting for the silo's /health/ready"
wait_until "the silo's /health/ready" 90 healthy "$SILO_PID" "$SILO_HTTP/health/ready"

log "starting the API on $API"
ConnectionStrings__FlashSale=$CONN ASPNETCORE_ENVIRONMENT=Development ASPNETCORE_URLS=$API \
    RateLimits__PerAddress__PermitsPerSecond=0 RateLimits__PerShopper__PermitsPerSecond=0 \
    setsid dotnet "$API_DLL" >"$WORK/logs/api.log" 2>&1 </dev/null &
API_PID=$!
log "waiting for the API's /health/live"
wait_until "the API's /health/live" 90 healthy "$API_PID" "$API/health/live"
# Live answers as soon as Kestrel runs; a first call through the cluster shows the Orleans client is connected.
wait_until "the API's /health/ready" 90 healthy "$API_PID" "$API/health/ready"

# ---------------------------------------------------------------------------------------------------------------------
# HTTP helpers
# ---------------------------------------------------------------------------------------------------------------------
BODY=$WORK/body
HEADERS=$WORK/headers

# call EXPECT METHOD PATH TOKEN [JSON [CURL ARGS...]]: prints the answer's body. EXPECT is a status (200, 201,
# 204), or STATUS:CODE for a problem answer with that "code". Anything else fails the script.
call() {
    local expect=$1 method=$2 path=$3 token=$4 data=${5-}
    shift 4
    (($# > 0)) && shift
    local args=(-sS --max-time 60 -o "$BODY" -D "$HEADERS" -w '%{http_code}' -X "$method" "$API$path")
    [[ -n $token ]] && args+=(-H "Authorization: Bearer $token")
    [[ -n $data ]] && args+=(-H 'Content-Type: application/json' --data-binary "$data")
    local status
    status=$(curl "${args[@]}" "$@") || die "$method $path: curl failed"
    local want_status=${expect%%:*} want_code=""
    [[ $expect == *:* ]] && want_code=${expect#*:}
    if [[ $status != "$want_status" ]]; then
        die "$method $path: expected $expect, got $status: $(head -c 600 "$BODY")"
    fi
    if [[ -n $want_code ]]; then
        local code
        code=$(jq -r '.code // empty' "$BODY")
        [[ $code == "$want_code" ]] || die "$method $path: expected code $want_code, got '$code': $(head -c 600 "$BODY")"
    fi
    cat "$BODY"
}

token() { # token USER ROLE [TIER]
    local body
    body=$(jq -nc --arg u "$1" --arg r "$2" --arg t "${3-}" '{userId: $u, roles: [$r]} + (if $t == "" then {} else {tier: $t} end)')
    call 200 POST /api/dev/tokens "" "$body" | jq -r .token
}

declare -A TOKEN=()
shopper() { printf 'upgrade-shopper-%02d' "$((10#$1))"; }
device() { printf 'upgrade-device-%02d' "$((10#$1))"; }

# claim EXPECT N CAMPAIGN KEY [DEVICE [QUERY [CURL ARGS...]]]: shopper N claims; prints the coupon id when issued or
# replayed. EXPECT: issued, replayed, or the refusal's code.
claim() {
    local expect=$1 n=$2 campaign=$3 key=$4 dev=${5:-$(device "$2")} query=${6-}
    shift 4
    (($# > 0)) && shift
    (($# > 0)) && shift
    local status
    status=$(curl -sS --max-time 60 -o "$BODY" -D "$HEADERS" -w '%{http_code}' -X POST \
        "$API/api/campaigns/$campaign/claims$query" -H "Authorization: Bearer ${TOKEN[$n]}" \
        -H "Idempotency-Key: $key" -H "X-Device-Id: $dev" "$@") || die "claim $key: curl failed"
    local replayed=0
    grep -qi '^Idempotent-Replayed: *true' "$HEADERS" && replayed=1
    case $expect in
        issued | replayed)
            [[ $status == 201 ]] || die "claim $key by $(shopper "$n"): expected $expect, got $status: $(head -c 400 "$BODY")"
            if [[ $expect == issued && $replayed == 1 ]] || [[ $expect == replayed && $replayed == 0 ]]; then
                die "claim $key by $(shopper "$n"): expected $expect, the Idempotent-Replayed header says otherwise"
            fi
            jq -r .couponId "$BODY"
            ;;
        *)
            local code
            code=$(jq -r '.code // empty' "$BODY" 2>/dev/null || true)
            [[ $code == "$expect" ]] || die "claim $key by $(shopper "$n"): expected $expect, got $status $code: $(head -c 400 "$BODY")"
            ;;
    esac
}

# claims EXPECT FROM TO CAMPAIGN TAG [QUERY]: shoppers FROM..TO each claim once with key upgrade-TAG-NN-1 (NN the shopper).
claims() {
    local expect=$1 from=$2 to=$3 campaign=$4 tag=$5 query=${6-} n
    for ((n = 10#$from; n <= 10#$to; n++)); do
        claim "$expect" "$n" "$campaign" "$(printf 'upgrade-%s-%02d-1' "$tag" "$n")" "" "$query" >/dev/null
    done
}

# coupon_of N CAMPAIGN [K]: the id of shopper N's K-th coupon (default 1) on CAMPAIGN or its batches or variants
# (by issue time), from the ledger.
coupon_of() {
    local id
    id=$(sql "SELECT coupon_id FROM coupons WHERE shopper_id = '$(shopper "$1")' AND campaign_id IN
                (SELECT campaign_id FROM campaign_stock WHERE campaign_id = '$2' OR parent_id = '$2')
              ORDER BY issued_at, seq OFFSET $((${3:-1} - 1)) LIMIT 1")
    [[ -n $id ]] || die "$(shopper "$1") holds no coupon #${3:-1} of campaign $2"
    printf '%s\n' "$id"
}
code_of() { sql "SELECT code FROM coupons WHERE coupon_id = '$1'"; }

iso() { date -u -d "$1" +%FT%TZ; }
# passed ISO: succeeds once the instant has passed by a second.
passed() { (($(date -u +%s) >= $(date -u -d "$1" +%s) + 1)); }

# create JSON: creates a campaign as marketing; prints its id.
create() { call 201 POST /api/campaigns "$MARKETER" "$1" | jq -r .id; }

# A campaign body: campaign NAME COUPON_JSON STOCK LIMIT STARTS ENDS VALIDITY_JSON [EXTRA_JSON]
campaign() {
    jq -nc --arg name "$1" --argjson coupon "$2" --argjson stock "$3" --argjson limit "$4" --arg starts "$5" \
        --arg ends "$6" --argjson validity "$7" --argjson extra "${8:-{\}}" \
        '{name: $name, coupon: $coupon, totalStock: $stock, perUserLimit: $limit, startsAt: $starts, endsAt: $ends,
          validity: $validity} + $extra'
}

# ---------------------------------------------------------------------------------------------------------------------
# Traffic
# ---------------------------------------------------------------------------------------------------------------------
log "minting tokens: marketing, admin, merchant and 48 shoppers (01-06 gold members)"
MARKETER=$(token upgrade-marketer marketing)
ADMIN=$(token upgrade-admin admin)
MERCHANT=$(token upgrade-merchant-01 merchant)
for ((n = 1; n <= 48; n++)); do
    if ((n <= 6)); then TOKEN[$n]=$(token "$(shopper $n)" shopper gold); else TOKEN[$n]=$(token "$(shopper $n)" shopper); fi
done
# A wrong token role is refused without a trace in the database.
call 403:forbidden POST /api/campaigns "${TOKEN[1]}" '{}' >/dev/null

# The sale windows. A sale lasts at most 366 days in this release (CampaignValidation.MaxSaleLength), so the
# campaigns that must stay open after the dump end 366 days after they start; their coupons are valid until 2099.
NOW=$(date -u +%s)
OPEN_START=$(iso "@$((NOW - 60))")
OPEN_END=$(iso "$OPEN_START + 366 days")
UNTIL_2099='{"until": "2099-12-31T00:00:00Z"}'
CNY() { jq -nc --arg kind "$1" "{kind: \$kind, currency: \"CNY\"} + ${2:-{\}}"; }

log "creating the campaigns whose clocks run during the script first"
# Expiry reminders: coupons valid 70 s after the claim, reminded 60 s before they expire (Development polls every second).
C_REMIND=$(create "$(campaign 'Upgrade f9daf97: reminders ¥3 off (70 s validity)' "$(CNY fixed '{amountOff: 3}')" 100 1 \
    "$OPEN_START" "$OPEN_END" '{"afterClaim": "00:01:10"}' '{"use": {"remindBefore": ["00:01:00"]}}')")
# Recycling: coupons valid 20 s; expired unused ones go back into the stock while the sale is open.
C_RECYCLE=$(create "$(campaign 'Upgrade f9daf97: recycled ¥2 off (20 s validity)' "$(CNY fixed '{amountOff: 2}')" 5 1 \
    "$OPEN_START" "$OPEN_END" '{"afterClaim": "00:00:20"}' '{"use": {"recycleExpired": true}}')")
# Ends on its own schedule during the script: its final results row comes from the schedule grain's reminder.
C_SCHED_END=$(create "$(campaign 'Upgrade f9daf97: ends on schedule ¥1 off' "$(CNY fixed '{amountOff: 1}')" 50 1 \
    "$OPEN_START" "$(iso "@$((NOW + 100))")" "$UNTIL_2099")")

log "claims on the reminder and recycling campaigns"
claims issued 1 8 "$C_REMIND" remind
claims issued 41 45 "$C_RECYCLE" recycle
claim sold_out 46 "$C_RECYCLE" upgrade-recycle-46-1 >/dev/null
claims issued 26 35 "$C_SCHED_END" schedend

log "creating the long-open campaigns of every kind"
C_FIXED=$(create "$(campaign 'Upgrade f9daf97: fixed ¥20 off' "$(CNY fixed '{amountOff: 20}')" 400 2 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"use": {"transfer": "withinLimit", "remindBefore": ["30.00:00:00", "1.00:00:00"]}}')")
C_PERCENT=$(create "$(campaign 'Upgrade f9daf97: 15% off up to ¥30' "$(CNY percent '{percentOff: 15, maxDiscount: 30}')" 300 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_THRESHOLD=$(create "$(campaign 'Upgrade f9daf97: ¥30 off from ¥200' "$(CNY threshold '{amountOff: 30, minSpend: 200}')" 300 2 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_GIFT=$(create "$(campaign 'Upgrade f9daf97: ¥100 gift card (transferable)' "$(CNY giftcard '{cardValue: 100}')" 200 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"use": {"transfer": "free"}}')")
C_POINTSCARD=$(create "$(campaign 'Upgrade f9daf97: 500-point card' "$(CNY points '{points: 500}')" 200 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_PRICED=$(create "$(campaign 'Upgrade f9daf97: ¥10 off for 300 points' "$(CNY fixed '{amountOff: 10}')" 100 2 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"price": {"points": 300, "cash": 9.90}}')")
C_SECRETS=$(create "$(campaign 'Upgrade f9daf97: ¥50 card with secret' "$(CNY giftcard '{cardValue: 50}')" 30 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"cardSecrets": true}')")
C_EXCLUSIVE=$(create "$(campaign 'Upgrade f9daf97: 50% off up to ¥80, not stackable' "$(CNY percent '{percentOff: 50, maxDiscount: 80}')" 100 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"use": {"stackable": false}}')")
C_RISK=$(create "$(campaign 'Upgrade f9daf97: device-limited ¥5 off' "$(CNY fixed '{amountOff: 5}')" 300 2 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" \
    '{"risk": {"maxAccountsPerDevice": 2, "maxClaimsPerDevice": 3, "maxClaimsPerDevicePerDay": 4, "dailyClaimCap": 10}}')")
C_RISK_DAY=$(create "$(campaign 'Upgrade f9daf97: device-day-limited ¥3 off' "$(CNY fixed '{amountOff: 3}')" 100 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"risk": {"maxClaimsPerDevicePerDay": 4}}')")
C_BATCHES=$(create "$(jq -nc --arg s "$OPEN_START" --arg e "$OPEN_END" --argjson v "$UNTIL_2099" '{
    name: "Upgrade f9daf97: tiers", startsAt: $s, endsAt: $e, validity: $v,
    batches: [
      {key: "b10", name: "¥10 off", coupon: {kind: "fixed", currency: "CNY", amountOff: 10}, totalStock: 200, perUserLimit: 1},
      {key: "b50", name: "¥50 off from ¥300", coupon: {kind: "threshold", currency: "CNY", amountOff: 50, minSpend: 300}, totalStock: 60, perUserLimit: 1}]}')")
C_VARIANTS=$(create "$(jq -nc --arg s "$OPEN_START" --arg e "$OPEN_END" --argjson v "$UNTIL_2099" '{
    name: "Upgrade f9daf97: A/B", startsAt: $s, endsAt: $e, validity: $v, perUserLimit: 1,
    variants: [
      {key: "a", coupon: {kind: "fixed", currency: "CNY", amountOff: 8}, totalStock: 200, weight: 1},
      {key: "b", coupon: {kind: "percent", currency: "CNY", percentOff: 10, maxDiscount: 20}, totalStock: 200, weight: 1}]}')")

log "creating the lifecycle campaigns"
C_DRAFT=$(create "$(campaign 'Upgrade f9daf97: draft, never published' "$(CNY fixed '{amountOff: 99}')" 100 1 \
    "$(iso "@$((NOW + 86400))")" "$(iso "@$((NOW + 2 * 86400))")" '{"days": 7}' '{"draft": true}')")
C_DRAFT_PUB=$(create "$(campaign 'Upgrade f9daf97: draft to edit' "$(CNY threshold '{amountOff: 20, minSpend: 100}')" 50 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099" '{"draft": true}')")
C_2099=$(create "$(campaign 'Upgrade f9daf97: scheduled for 2099' "$(CNY fixed '{amountOff: 66}')" 1000 1 \
    '2099-01-01T00:00:00Z' '2099-06-30T00:00:00Z' '{"until": "2099-12-31T00:00:00Z"}' \
    '{"risk": {"maxClaimsPerDevice": 2}, "use": {"transfer": "free", "stackable": false, "remindBefore": ["1.00:00:00"]}, "price": {"points": 100}, "earlyAccess": [{"tier": "gold", "lead": "01:00:00"}]}')")
C_PAUSED=$(create "$(campaign 'Upgrade f9daf97: paused ¥6 off' "$(CNY fixed '{amountOff: 6}')" 100 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_RESUMED=$(create "$(campaign 'Upgrade f9daf97: paused and resumed ¥7 off' "$(CNY fixed '{amountOff: 7}')" 100 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_TOPUP=$(create "$(campaign 'Upgrade f9daf97: topped up ¥9 off' "$(CNY fixed '{amountOff: 9}')" 10 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_SOLDOUT=$(create "$(campaign 'Upgrade f9daf97: sold out ¥30 off' "$(CNY fixed '{amountOff: 30}')" 5 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
C_ENDED=$(create "$(campaign 'Upgrade f9daf97: ended early ¥4 off' "$(CNY fixed '{amountOff: 4}')" 50 1 \
    "$OPEN_START" "$OPEN_END" "$UNTIL_2099")")
# A refused body changes nothing.
call 400:validation_failed POST /api/campaigns "$MARKETER" '{"name": "", "totalStock": 0}' >/dev/null

log "the draft: invisible to shoppers, edited, published"
call 404 GET "/api/campaigns/$C_DRAFT" "${TOKEN[1]}" >/dev/null
claim campaign_not_found 1 "$C_DRAFT" upgrade-draft-01-1 >/dev/null
call 200 PATCH "/api/campaigns/$C_DRAFT" "$MARKETER" '{"name": "Upgrade f9daf97: draft, never published (edited)", "totalStock": 120}' >/dev/null
call 200 PATCH "/api/campaigns/$C_DRAFT_PUB" "$MARKETER" '{"name": "Upgrade f9daf97: draft edited and published ¥20 off from ¥100", "totalStock": 80}' >/dev/null
call 200 POST "/api/campaigns/$C_DRAFT_PUB/publish" "$MARKETER" >/dev/null
claims issued 31 40 "$C_DRAFT_PUB" draftpub
claim not_started 1 "$C_2099" upgrade-2099-01-1 >/dev/null

# These two open 30 s from now: the traffic below takes longer than that, so waiting for them later costs nothing.
log "early access: gold members before the opening, others refused"
EARLY_START=$(iso "@$(($(date -u +%s) + 30))")
C_EARLY=$(create "$(campaign 'Upgrade f9daf97: early access ¥15 off' "$(CNY fixed '{amountOff: 15}')" 300 1 \
    "$EARLY_START" "$(iso "$EARLY_START + 366 days")" "$UNTIL_2099" '{"earlyAccess": [{"tier": "gold", "lead": "00:10:00"}]}')")
claims issued 1 6 "$C_EARLY" early
claim not_started 7 "$C_EARLY" upgrade-early-07-0 >/dev/null

log "a scheduled campaign edited before its opening (PATCH)"
C_EDITED=$(create "$(campaign 'Upgrade f9daf97: to be edited' "$(CNY fixed '{amountOff: 11}')" 100 1 \
    "$(iso "@$(($(date -u +%s) + 3600))")" "$(iso "@$(($(date -u +%s) + 7200))")" "$UNTIL_2099")")
EDIT_START=$(iso "@$(($(date -u +%s) + 30))")
call 200 PATCH "/api/campaigns/$C_EDITED" "$MARKETER" "$(jq -nc --arg s "$EDIT_START" --arg e "$(iso "$EDIT_START + 366 days")" \
    '{name: "Upgrade f9daf97: edited before opening ¥12 off", coupon: {kind: "fixed", currency: "CNY", amountOff: 12},
      totalStock: 150, perUserLimit: 2, startsAt: $s, endsAt: $e}')" >/dev/null
claim not_started 21 "$C_EDITED" upgrade-edited-21-0 >/dev/null

log "points: admin credits before the points-priced claims"
for ((n = 1; n <= 11; n++)); do
    call 200 POST /api/admin/points "$ADMIN" "$(jq -nc --arg s "$(shopper $n)" '{shopperId: $s, points: 1000, note: "upgrade: welcome points"}')" >/dev/null
done
call 200 POST /api/admin/points "$ADMIN" "$(jq -nc --arg s "$(shopper 12)" '{shopperId: $s, points: 400, note: "upgrade: partial points"}')" >/dev/null
call 200 POST /api/admin/points "$ADMIN" "$(jq -nc --arg s "$(shopper 21)" '{shopperId: $s, points: 50, note: "upgrade: goodwill"}')" >/dev/null

log "claims on the open campaigns (with replays and refusals)"
claims issued 1 40 "$C_FIXED" fixed
for ((n = 1; n <= 10; n++)); do claim issued "$n" "$C_FIXED" "$(printf 'upgrade-fixed-%02d-2' "$n")" >/dev/null; done
claim limit_reached 1 "$C_FIXED" upgrade-fixed-01-3 >/dev/null
for ((n = 1; n <= 5; n++)); do claim replayed "$n" "$C_FIXED" "$(printf 'upgrade-fixed-%02d-1' "$n")" >/dev/null; done
claim replayed 2 "$C_FIXED" upgrade-fixed-02-1 >/dev/null
# The same key for another campaign is a different request.
claim idempotency_key_reused 1 "$C_PERCENT" upgrade-fixed-01-1 >/dev/null

claims issued 1 30 "$C_PERCENT" percent
claim limit_reached 2 "$C_PERCENT" upgrade-percent-02-2 >/dev/null
claims replayed 1 3 "$C_PERCENT" percent
claims issued 11 40 "$C_THRESHOLD" threshold
claims issued 1 20 "$C_GIFT" gift
claims issued 21 40 "$C_POINTSCARD" pointscard
claims issued 1 20 "$C_EXCLUSIVE" exclusive

for ((n = 1; n <= 11; n++)); do
    claim issued "$n" "$C_PRICED" "$(printf 'upgrade-priced-%02d-1' "$n")" >/dev/null
    claim issued "$n" "$C_PRICED" "$(printf 'upgrade-priced-%02d-2' "$n")" >/dev/null
done
claim limit_reached 1 "$C_PRICED" upgrade-priced-01-3 >/dev/null
claim issued 12 "$C_PRICED" upgrade-priced-12-1 >/dev/null
claim insufficient_points 12 "$C_PRICED" upgrade-priced-12-2 >/dev/null
claim insufficient_points 13 "$C_PRICED" upgrade-priced-13-1 >/dev/null

log "card secrets: import, claim, reveal"
SECRETS_A=$(jq -nc '[range(1; 26) | "UPGRADE-F9DAF97-CARD-\(. | tostring | ("000" + .)[-4:])"]')
SECRETS_B=$(jq -nc '[range(26; 31) | "UPGRADE-F9DAF97-CARD-\(. | tostring | ("000" + .)[-4:])"] + ["UPGRADE-F9DAF97-CARD-0001", "UPGRADE-F9DAF97-CARD-0031"]')
call 200 POST "/api/campaigns/$C_SECRETS/secrets" "$MARKETER" "$(jq -nc --argjson s "$SECRETS_A" '{secrets: $s}')" \
    | jq -e '.imported == 25' >/dev/null || die "the first secret import did not import 25"
call 200 POST "/api/campaigns/$C_SECRETS/secrets" "$MARKETER" "$(jq -nc --argjson s "$SECRETS_B" '{secrets: $s}')" \
    | jq -e '.imported == 5 and .totalImported == 30 and (.refused | length) == 2' >/dev/null \
    || die "the second secret import did not import 5 and refuse 2"
claims issued 1 15 "$C_SECRETS" secrets
for ((n = 1; n <= 5; n++)); do
    call 200 GET "/api/me/coupons/$(coupon_of "$n" "$C_SECRETS")/secret" "${TOKEN[$n]}" >/dev/null
done
call 200 GET "/api/me/coupons/$(coupon_of 5 "$C_SECRETS")/secret" "${TOKEN[5]}" >/dev/null
# Not the holder: not found, and no reveal.
call 404:coupon_not_found GET "/api/me/coupons/$(coupon_of 1 "$C_SECRETS")/secret" "${TOKEN[2]}" >/dev/null

log "batches and variants"
claims issued 1 30 "$C_BATCHES" b10 '?batch=b10'
claims issued 1 10 "$C_BATCHES" b50 '?batch=b50'
claim limit_reached 1 "$C_BATCHES" upgrade-b10-01-2 "" '?batch=b10' >/dev/null
claim batch_required 2 "$C_BATCHES" upgrade-batch-02-x >/dev/null
call 200 POST "/api/campaigns/$C_BATCHES/stock" "$MARKETER" '{"add": 20, "batch": "b50"}' >/dev/null
claims issued 10 39 "$C_VARIANTS" variant
for ((n = 10; n <= 14; n++)); do claim limit_reached "$n" "$C_VARIANTS" "$(printf 'upgrade-variant-%02d-2' "$n")" >/dev/null; done


log "risk: device limits on shared devices, a daily cap, blocks"
# Device upgrade-device-shared-01 on a campaign of at most 2 accounts and 3 claims per device.
claim issued 41 "$C_RISK" upgrade-risk-41-1 upgrade-device-shared-01 >/dev/null
claim issued 42 "$C_RISK" upgrade-risk-42-1 upgrade-device-shared-01 >/dev/null
claim device_limit_reached 43 "$C_RISK" upgrade-risk-43-1 upgrade-device-shared-01 >/dev/null
claim issued 41 "$C_RISK" upgrade-risk-41-2 upgrade-device-shared-01 >/dev/null
claim device_limit_reached 42 "$C_RISK" upgrade-risk-42-2 upgrade-device-shared-01 >/dev/null
# Device upgrade-device-shared-02: four new accounts in a row (flagged), then its limit of 4 claims a day.
claim issued 43 "$C_RISK_DAY" upgrade-riskday-43-1 upgrade-device-shared-02 >/dev/null
claim issued 44 "$C_RISK_DAY" upgrade-riskday-44-1 upgrade-device-shared-02 >/dev/null
claim issued 45 "$C_RISK_DAY" upgrade-riskday-45-1 upgrade-device-shared-02 >/dev/null
claim issued 46 "$C_RISK_DAY" upgrade-riskday-46-1 upgrade-device-shared-02 >/dev/null
claim device_limit_reached 47 "$C_RISK_DAY" upgrade-riskday-47-1 upgrade-device-shared-02 >/dev/null
claims issued 31 40 "$C_RISK" risk
claims issued 31 40 "$C_RISK_DAY" riskday
# Shopper 01 has claimed more than the campaign's daily cap of 10 today.
claim daily_limit_reached 1 "$C_RISK" upgrade-risk-01-1 >/dev/null

BLOCK_SHOPPER=$(call 201 POST /api/admin/blocks "$ADMIN" "{\"kind\":\"shopper\",\"value\":\"$(shopper 48)\",\"reason\":\"upgrade: chargeback abuse\"}" | jq -r .id)
BLOCK_DEVICE=$(call 201 POST /api/admin/blocks "$ADMIN" '{"kind":"device","value":"upgrade-device-farm-01","reason":"upgrade: ten accounts in a minute"}' | jq -r .id)
BLOCK_RANGE=$(call 201 POST /api/admin/blocks "$ADMIN" '{"kind":"address","value":"127.0.0.64/28","reason":"upgrade: scripted traffic from this range"}' | jq -r .id)
call 201 POST /api/admin/blocks "$ADMIN" '{"kind":"address","value":"203.0.113.7","reason":"upgrade: known proxy abuser","expiresAt":"2099-01-01T00:00:00Z"}' >/dev/null
call 201 POST /api/admin/blocks "$ADMIN" "{\"kind\":\"device\",\"value\":\"upgrade-device-temp-01\",\"reason\":\"upgrade: short cooling-off\",\"expiresAt\":\"$(iso "@$(($(date -u +%s) + 20))")\"}" >/dev/null
BLOCK_LIFTED=$(call 201 POST /api/admin/blocks "$ADMIN" "{\"kind\":\"shopper\",\"value\":\"$(shopper 47)\",\"reason\":\"upgrade: mistaken block, lifted\"}" | jq -r .id)
claim risk_blocked 48 "$C_FIXED" upgrade-fixed-48-1 >/dev/null
claim risk_blocked 47 "$C_FIXED" upgrade-fixed-47-1 >/dev/null
claim risk_blocked 46 "$C_FIXED" upgrade-fixed-46-1 upgrade-device-farm-01 >/dev/null
claim risk_blocked 45 "$C_FIXED" upgrade-fixed-45-1 upgrade-device-45 '' --interface 127.0.0.70 >/dev/null
call 204 DELETE "/api/admin/blocks/$BLOCK_LIFTED" "$ADMIN" >/dev/null
claim issued 47 "$C_THRESHOLD" upgrade-threshold-47-1 >/dev/null
claim issued 47 "$C_FIXED" upgrade-fixed-47-2 >/dev/null
call 200 GET /api/admin/blocks "$ADMIN" | jq -e 'length >= 5' >/dev/null || die "fewer than 5 blocks in force"

log "lifecycle: pause, resume, top up, sell out, end early"
claims issued 1 5 "$C_PAUSED" paused
call 200 POST "/api/campaigns/$C_PAUSED/pause" "$MARKETER" >/dev/null
claim paused 6 "$C_PAUSED" upgrade-paused-06-1 >/dev/null
call 409:already_paused POST "/api/campaigns/$C_PAUSED/pause" "$MARKETER" >/dev/null

claims issued 6 10 "$C_RESUMED" resumed
call 200 POST "/api/campaigns/$C_RESUMED/pause" "$MARKETER" >/dev/null
claim paused 11 "$C_RESUMED" upgrade-resumed-11-0 >/dev/null
call 200 POST "/api/campaigns/$C_RESUMED/resume" "$MARKETER" >/dev/null
claims issued 11 15 "$C_RESUMED" resumed

claims issued 21 30 "$C_TOPUP" topup
claim sold_out 31 "$C_TOPUP" upgrade-topup-31-0 >/dev/null
call 200 POST "/api/campaigns/$C_TOPUP/stock" "$MARKETER" '{"add": 20}' | jq -e '.state == "open"' >/dev/null \
    || die "the topped-up campaign is not open again"
claims issued 31 35 "$C_TOPUP" topup

claims issued 41 45 "$C_SOLDOUT" soldout
claim sold_out 46 "$C_SOLDOUT" upgrade-soldout-46-1 >/dev/null
claim sold_out 47 "$C_SOLDOUT" upgrade-soldout-47-1 >/dev/null

claims issued 16 25 "$C_ENDED" ended
call 200 POST "/api/campaigns/$C_ENDED/end" "$MARKETER" | jq -e '.state == "ended"' >/dev/null || die "the campaign did not end"
claim ended 26 "$C_ENDED" upgrade-ended-26-1 >/dev/null
call 409:campaign_ended POST "/api/campaigns/$C_ENDED/resume" "$MARKETER" >/dev/null

log "wallet: redemptions by shoppers and by a merchant, checkouts, refunds"
redeem() { # redeem EXPECT N COUPON ORDER AMOUNT
    call "$1" POST "/api/me/coupons/$3/redeem" "${TOKEN[$2]}" "{\"orderId\":\"$4\",\"amount\":$5,\"currency\":\"CNY\"}"
}
merchant_redeem() { # merchant_redeem EXPECT COUPON ORDER AMOUNT
    call "$1" POST /api/merchant/redemptions "$MERCHANT" "{\"code\":\"$(code_of "$2")\",\"orderId\":\"$3\",\"amount\":$4,\"currency\":\"CNY\"}"
}
REDEEMED_COUPON=$(coupon_of 1 "$C_FIXED")
redeem 200 1 "$REDEEMED_COUPON" upgrade-order-01 199.00 | jq -e '.discount == 20' >/dev/null || die "order-01: not ¥20 off"
redeem 200 1 "$REDEEMED_COUPON" upgrade-order-01 199.00 >/dev/null
grep -qi '^Idempotent-Replayed: *true' "$HEADERS" || die "order-01 was not replayed"
redeem 409:order_conflict 1 "$REDEEMED_COUPON" upgrade-order-01 250.00 >/dev/null
REFUNDED_COUPON=$(coupon_of 2 "$C_FIXED")
redeem 200 2 "$REFUNDED_COUPON" upgrade-order-02 120.00 >/dev/null
call 200 POST /api/me/orders/upgrade-order-02/refund "${TOKEN[2]}" | jq -e '.refunded[0].status == "available"' >/dev/null \
    || die "order-02's coupon is not available again"
call 409:already_refunded POST /api/me/orders/upgrade-order-02/refund "${TOKEN[2]}" >/dev/null
merchant_redeem 200 "$(coupon_of 11 "$C_THRESHOLD")" upgrade-order-03 260.00 | jq -e '.discount == 30' >/dev/null || die "order-03"
MERCHANT_REFUNDED_COUPON=$(coupon_of 12 "$C_THRESHOLD")
merchant_redeem 200 "$MERCHANT_REFUNDED_COUPON" upgrade-order-04 300.00 >/dev/null
call 200 POST /api/merchant/orders/upgrade-order-04/refund "$MERCHANT" >/dev/null
# A merchant cannot undo an order it did not redeem.
call 404:order_not_found POST /api/merchant/orders/upgrade-order-01/refund "$MERCHANT" >/dev/null
GIFT_PARTIAL=$(coupon_of 3 "$C_GIFT")
redeem 200 3 "$GIFT_PARTIAL" upgrade-order-05 30.00 | jq -e '.balanceLeft == 70' >/dev/null || die "order-05"
redeem 200 3 "$GIFT_PARTIAL" upgrade-order-06 45.00 | jq -e '.balanceLeft == 25' >/dev/null || die "order-06"
call 200 POST /api/me/orders/upgrade-order-06/refund "${TOKEN[3]}" >/dev/null
redeem 200 4 "$(coupon_of 4 "$C_GIFT")" upgrade-order-07 150.00 | jq -e '.discount == 100 and .balanceLeft == 0' >/dev/null || die "order-07"
call 200 POST /api/me/checkout "${TOKEN[5]}" "$(jq -nc --arg a "$(coupon_of 5 "$C_FIXED")" --arg b "$(coupon_of 5 "$C_PERCENT")" \
    --arg c "$(coupon_of 5 "$C_GIFT")" '{orderId: "upgrade-order-08", amount: 300, currency: "CNY", couponIds: [$a, $b, $c]}')" \
    | jq -e '.totalDiscount == 150' >/dev/null || die "order-08: not ¥150 off"
call 200 POST /api/me/checkout/plan "${TOKEN[6]}" '{"amount": 500, "currency": "CNY"}' >/dev/null
call 200 POST /api/me/checkout "${TOKEN[6]}" '{"orderId": "upgrade-order-09", "amount": 500, "currency": "CNY"}' >/dev/null
call 200 POST /api/me/checkout "${TOKEN[7]}" '{"orderId": "upgrade-order-10", "amount": 400, "currency": "CNY"}' >/dev/null
call 200 POST /api/me/orders/upgrade-order-10/refund "${TOKEN[7]}" >/dev/null
call 200 POST /api/me/checkout/plan "${TOKEN[8]}" '{"amount": 100, "currency": "CNY"}' >/dev/null
call 200 POST /api/me/checkout "${TOKEN[8]}" "$(jq -nc --arg a "$(coupon_of 8 "$C_EXCLUSIVE")" \
    '{orderId: "upgrade-order-11", amount: 100, currency: "CNY", couponIds: [$a]}')" >/dev/null
call 409:not_stackable POST /api/me/checkout "${TOKEN[9]}" "$(jq -nc --arg a "$(coupon_of 9 "$C_EXCLUSIVE")" --arg b "$(coupon_of 9 "$C_FIXED")" \
    '{orderId: "upgrade-order-12", amount: 300, currency: "CNY", couponIds: [$a, $b]}')" >/dev/null
merchant_redeem 200 "$(coupon_of 13 "$C_PERCENT")" upgrade-order-13 88.88 | jq -e '.discount == 13.33' >/dev/null || die "order-13"
redeem 200 14 "$(coupon_of 14 "$C_BATCHES")" upgrade-order-14 59.90 >/dev/null
redeem 200 31 "$(coupon_of 31 "$C_VARIANTS")" upgrade-order-15 99.00 >/dev/null
redeem 200 15 "$(coupon_of 15 "$C_SECRETS")" upgrade-order-16 20.00 >/dev/null
redeem 200 16 "$(coupon_of 16 "$C_ENDED")" upgrade-order-19 40.00 >/dev/null
redeem 409:below_min_spend 17 "$(coupon_of 17 "$C_THRESHOLD")" upgrade-order-20 150.00 >/dev/null

log "wallet: transfers"
TRANSFERRED_GIFT=$(coupon_of 10 "$C_GIFT")
call 200 POST "/api/me/coupons/$TRANSFERRED_GIFT/transfer" "${TOKEN[10]}" "{\"to\":\"$(shopper 45)\"}" >/dev/null
redeem 200 45 "$TRANSFERRED_GIFT" upgrade-order-17 60.00 >/dev/null
TRANSFERRED_FIXED=$(coupon_of 11 "$C_FIXED")
call 200 POST "/api/me/coupons/$TRANSFERRED_FIXED/transfer" "${TOKEN[11]}" "{\"to\":\"$(shopper 41)\"}" >/dev/null
CHAINED_GIFT=$(coupon_of 12 "$C_GIFT")
call 200 POST "/api/me/coupons/$CHAINED_GIFT/transfer" "${TOKEN[12]}" "{\"to\":\"$(shopper 46)\"}" >/dev/null
call 200 POST "/api/me/coupons/$CHAINED_GIFT/transfer" "${TOKEN[46]}" "{\"to\":\"$(shopper 44)\"}" >/dev/null
call 409:not_transferable POST "/api/me/coupons/$(coupon_of 13 "$C_PERCENT")/transfer" "${TOKEN[13]}" "{\"to\":\"$(shopper 14)\"}" >/dev/null
call 409:already_redeemed POST "/api/me/coupons/$REDEEMED_COUPON/transfer" "${TOKEN[1]}" "{\"to\":\"$(shopper 14)\"}" >/dev/null
redeem 200 32 "$(coupon_of 32 "$C_DRAFT_PUB")" upgrade-order-18 100.00 >/dev/null

log "points cards redeemed into points"
for ((n = 21; n <= 30; n++)); do
    call 200 POST "/api/me/coupons/$(coupon_of "$n" "$C_POINTSCARD")/redeem-points" "${TOKEN[$n]}" >/dev/null
done
call 409:already_redeemed POST "/api/me/coupons/$(coupon_of 21 "$C_POINTSCARD")/redeem-points" "${TOKEN[21]}" >/dev/null
call 200 GET /api/me/points "${TOKEN[21]}" | jq -e '.balance == 550' >/dev/null || die "shopper 21 does not have 550 points"
call 200 GET /api/me/points "${TOKEN[1]}" | jq -e '.balance == 400' >/dev/null || die "shopper 01 does not have 400 points"

log "waiting for the edited and early-access campaigns to open"
wait_until "the opening at $EARLY_START" 90 passed "$EARLY_START"
wait_until "the opening at $EDIT_START" 90 passed "$EDIT_START"
claims issued 21 30 "$C_EDITED" edited
claim issued 22 "$C_EDITED" upgrade-edited-22-2 >/dev/null
claims issued 7 20 "$C_EARLY" early
redeem 200 22 "$(coupon_of 22 "$C_EDITED")" upgrade-order-21 100.00 >/dev/null

log "recycling: the expired unused coupons go back to the stock, and the stock is claimed again"
wait_db "5 recycled coupons" 120 "(SELECT count(*) FROM recycled_coupons WHERE campaign_id = '$C_RECYCLE') >= 5"
wait_until "the recycled campaign to reopen" 30 bash -c "curl -fsS '$API/api/campaigns/$C_RECYCLE' | jq -e '.remaining > 0'"
claim issued 46 "$C_RECYCLE" upgrade-recycle-46-2 >/dev/null
claim issued 47 "$C_RECYCLE" upgrade-recycle-47-1 >/dev/null

log "expiry reminders"
wait_db "8 expiry reminders" 150 "(SELECT count(*) FROM shopper_alerts WHERE campaign_id = '$C_REMIND') >= 8"
ALERT=$(call 200 GET '/api/me/alerts?unread=true' "${TOKEN[1]}" | jq -r '.alerts[0].alertId')
[[ -n $ALERT && $ALERT != null ]] || die "shopper 01 has no unread alert"
call 204 POST "/api/me/alerts/$ALERT/read" "${TOKEN[1]}" >/dev/null

log "reading results, audits and wallets"
for c in "$C_FIXED" "$C_BATCHES" "$C_VARIANTS" "$C_TOPUP" "$C_ENDED" "$C_RISK" "$C_PRICED"; do
    call 200 GET "/api/campaigns/$c/stats" "$MARKETER" >/dev/null
done
for c in "$C_EDITED" "$C_DRAFT" "$C_DRAFT_PUB" "$C_PAUSED" "$C_RESUMED" "$C_TOPUP" "$C_ENDED" "$C_BATCHES"; do
    call 200 GET "/api/campaigns/$c/changes" "$MARKETER" >/dev/null
done
call 200 GET "/api/campaigns/$C_FIXED/coupons.csv" "$MARKETER" >/dev/null
call 200 GET '/api/campaigns?state=draft,scheduled,open,paused,sold_out,ended&limit=100' "$MARKETER" >/dev/null
call 200 GET "/api/admin/risk/decisions?campaignId=$C_RISK" "$ADMIN" >/dev/null
call 200 GET "/api/admin/risk/campaigns/$C_RISK/rules" "$ADMIN" >/dev/null
for coupon in "$TRANSFERRED_GIFT" "$REFUNDED_COUPON" "$(coupon_of 1 "$C_SECRETS")"; do
    call 200 GET "/api/admin/coupons/$coupon/history" "$ADMIN" >/dev/null
done
for n in 1 3 10 45; do call 200 GET /api/me/coupons "${TOKEN[$n]}" >/dev/null; done
call 200 GET '/api/me/coupons?status=transferred' "${TOKEN[10]}" >/dev/null

log "waiting for the asynchronous work: final results, the risk audit"
wait_db "the early end's final results" 60 "EXISTS (SELECT 1 FROM campaign_final_results WHERE campaign_id = '$C_ENDED')"
wait_db "the scheduled end's final results" 240 "EXISTS (SELECT 1 FROM campaign_final_results WHERE campaign_id = '$C_SCHED_END')"
claim ended 36 "$C_SCHED_END" upgrade-schedend-36-1 >/dev/null
wait_db "the risk audit" 30 "(SELECT count(DISTINCT rule) FROM risk_decisions WHERE rule IN ('blocked_shopper', 'blocked_device', 'blocked_address',
    'max_accounts_per_device', 'max_claims_per_device', 'max_claims_per_device_per_day', 'daily_claim_cap')) = 7"
wait_db "the refusal counts" 30 "(SELECT count(DISTINCT campaign_id) FROM campaign_refusals) >= 5"

# ---------------------------------------------------------------------------------------------------------------------
# Stop gracefully, check, dump
# ---------------------------------------------------------------------------------------------------------------------
stop_process API "$API_PID"
API_PID=""
stop_process silo "$SILO_PID"
SILO_PID=""

log "rows per table:"
TABLES=$(sql "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename")
EMPTY=()
for t in $TABLES; do
    rows=$(sql "SELECT count(*) FROM public.\"$t\"")
    printf '  %-30s %6s\n' "$t" "$rows" >&2
    ((rows > 0)) || EMPTY+=("$t")
done
((${#EMPTY[@]} == 0)) || die "tables left empty: ${EMPTY[*]}"
log "campaigns (state at the dump, issued, left):"
sql "SELECT format('%-62s %-9s %4s %6s', g.campaign_name,
                   CASE WHEN g.draft THEN 'draft' WHEN f.campaign_id IS NOT NULL THEN 'ended' WHEN g.paused THEN 'paused'
                        WHEN g.starts_at > now() THEN 'scheduled' WHEN sum(u.total_stock + u.recycled - u.issued) = 0 THEN 'sold out'
                        ELSE 'open' END,
                   sum(u.issued), sum(u.total_stock + u.recycled - u.issued))
       FROM campaign_stock g
       JOIN campaign_stock u ON u.parent_id = g.campaign_id
         OR (u.campaign_id = g.campaign_id AND NOT EXISTS (SELECT 1 FROM campaign_stock c WHERE c.parent_id = g.campaign_id))
       LEFT JOIN campaign_final_results f ON f.campaign_id = g.campaign_id
      WHERE g.parent_id IS NULL
      GROUP BY g.campaign_id, g.campaign_name, g.draft, g.paused, g.starts_at, f.campaign_id
      ORDER BY g.campaign_name" | sed 's/^/  /' >&2
[[ $(sql "SELECT string_agg(DISTINCT status::text, ',') FROM orleans_membership") == 6 ]] \
    || die "the silo did not leave the membership as Dead (status 6): it did not shut down gracefully"

log "dumping to $OUT"
PGPASSWORD=flashsale "$PG_BIN_DIR/pg_dump" -h 127.0.0.1 -p "$PG_PORT" -U flashsale -d flashsale \
    --format=plain --no-owner --no-privileges --file "$OUT.partial"
mv -f "$OUT.partial" "$OUT"
log "$(du -h "$OUT" | cut -f1) written"
