#!/usr/bin/env bash
# Manages a PRIVATE PostgreSQL server for FlashSale whose data directory is given as an argument.
#
#   deploy/postgres.sh start DATA_DIR PORT [DATABASE]
#                                            init (if needed) + start; prints the Npgsql connection string on stdout;
#                                            DATABASE (default flashsale) is created on the server if missing
#   deploy/postgres.sh stop DATA_DIR         fast shutdown (fine if not running)
#   deploy/postgres.sh kill DATA_DIR         immediate shutdown (simulated crash, for fault tests)
#   deploy/postgres.sh status DATA_DIR       exit 0 if running, 3 if not running, 4 if there is no cluster
#   deploy/postgres.sh ensure-installed      install the PostgreSQL 15 server binaries if missing; prints their bin dir
#
# Only the connection string (start) / bin dir (ensure-installed) goes to stdout; all progress goes to stderr.
# Environment: PG_BIN=/path/to/bin overrides binary discovery.
set -euo pipefail

# Keep the real stdout on fd 3; everything else goes to stderr.
exec 3>&1 1>&2

readonly PG_WANTED_MAJOR=15
APP_DB=flashsale
readonly APP_USER=flashsale
readonly APP_PASSWORD=flashsale

log() { printf 'postgres.sh: %s\n' "$*" >&2; }
die() { printf 'postgres.sh: ERROR: %s\n' "$*" >&2; exit 1; }

usage() {
    cat >&2 <<'EOF'
usage: deploy/postgres.sh start DATA_DIR PORT [DATABASE]
       deploy/postgres.sh stop DATA_DIR
       deploy/postgres.sh kill DATA_DIR
       deploy/postgres.sh status DATA_DIR
       deploy/postgres.sh ensure-installed
EOF
    exit 2
}

is_root() { [[ $(id -u) -eq 0 ]]; }

# Don't let the caller's libpq environment redirect our admin connections.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE PGOPTIONS PGSSLMODE PGDATA 2>/dev/null || true

# ---------------------------------------------------------------------------------------------------------------------
# Binaries
# ---------------------------------------------------------------------------------------------------------------------
PG_BIN_DIR=""

# find_bin [DATA_DIR]: sets PG_BIN_DIR, returns 1 if no usable binaries were found.
find_bin() {
    local data_dir=${1:-} candidates=() d v
    if [[ -n ${PG_BIN:-} ]]; then
        candidates+=("$PG_BIN")
    fi
    # A cluster can only be run by the major version that created it.
    if [[ -n $data_dir && -f $data_dir/PG_VERSION ]]; then
        v=$(<"$data_dir/PG_VERSION")
        candidates+=("/usr/lib/postgresql/$v/bin")
    fi
    candidates+=("/usr/lib/postgresql/$PG_WANTED_MAJOR/bin")
    # Any other (newer) Debian-packaged version, newest first.
    if [[ -d /usr/lib/postgresql ]]; then
        while IFS= read -r v; do
            if [[ $v =~ ^[0-9]+$ ]] && ((v >= PG_WANTED_MAJOR)); then
                candidates+=("/usr/lib/postgresql/$v/bin")
            fi
        done < <(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -rn)
    fi
    # Non-Debian layouts (initdb on PATH, e.g. /usr/local/pgsql/bin).
    if command -v pg_config >/dev/null 2>&1; then
        candidates+=("$(pg_config --bindir 2>/dev/null || true)")
    fi
    if command -v initdb >/dev/null 2>&1; then
        d=$(dirname "$(readlink -f "$(command -v initdb)")")
        candidates+=("$d")
    fi
    for d in "${candidates[@]}"; do
        if [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/psql ]]; then
            PG_BIN_DIR=$d
            return 0
        fi
    done
    return 1
}

install_packages() {
    is_root || die "PostgreSQL $PG_WANTED_MAJOR server binaries not found and I am not root, so I cannot install them.
  Install them as root:   apt-get update && apt-get install -y postgresql-$PG_WANTED_MAJOR
  or point PG_BIN at a directory containing initdb, pg_ctl, postgres and psql."
    command -v apt-get >/dev/null 2>&1 || die "PostgreSQL binaries not found and apt-get is not available; install PostgreSQL $PG_WANTED_MAJOR manually (or set PG_BIN)."

    local apt=(apt-get -y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    export DEBIAN_FRONTEND=noninteractive
    log "PostgreSQL binaries not found; installing the Debian package (this can take a minute)..."
    apt-get -q -o DPkg::Lock::Timeout=600 update >&2 || die "apt-get update failed"
    # Install postgresql-common first and switch off the automatic 'main' cluster, so installing the
    # server does not create (and possibly start) a system-wide cluster on port 5432 we never use.
    if "${apt[@]}" install --no-install-recommends postgresql-common >&2; then
        local conf=/etc/postgresql-common/createcluster.conf
        if [[ -f $conf ]]; then
            if grep -Eq '^[#[:space:]]*create_main_cluster' "$conf"; then
                sed -i -E 's/^[#[:space:]]*create_main_cluster.*/create_main_cluster = false/' "$conf"
            else
                echo 'create_main_cluster = false' >>"$conf"
            fi
        fi
    fi
    if ! "${apt[@]}" install --no-install-recommends "postgresql-$PG_WANTED_MAJOR" >&2; then
        log "package postgresql-$PG_WANTED_MAJOR is not available; trying the distribution default 'postgresql'"
        "${apt[@]}" install --no-install-recommends postgresql >&2 || die "could not install PostgreSQL with apt-get"
    fi
}

ensure_installed() {
    local data_dir=${1:-}
    if find_bin "$data_dir"; then
        return 0
    fi
    # Serialise concurrent installs (e.g. several test processes starting at once).
    local lock=/tmp/flashsale-pg-install.lock
    exec 8>>"$lock" || die "cannot open lock file $lock"
    flock -w 1800 8 || die "timed out waiting for another PostgreSQL installation to finish"
    if ! find_bin "$data_dir"; then
        install_packages
        find_bin "$data_dir" || die "PostgreSQL was installed but initdb/pg_ctl/postgres/psql were not found under /usr/lib/postgresql/*/bin"
    fi
    flock -u 8
    exec 8>&-
    log "using PostgreSQL binaries in $PG_BIN_DIR"
}

# ---------------------------------------------------------------------------------------------------------------------
# Running commands as the server account
# ---------------------------------------------------------------------------------------------------------------------
RUN_USER=""   # OS account that owns DATA_DIR and runs the server

ensure_postgres_account() {
    if ! getent passwd postgres >/dev/null 2>&1; then
        log "creating system user 'postgres' to run the server (PostgreSQL refuses to run as root)"
        useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /bin/bash postgres \
            || die "could not create the 'postgres' OS user"
    fi
}

# as_pg CMD ARGS...: run a command as RUN_USER, from / (so an inaccessible cwd gives no warnings) and with every
# file descriptor above 2 closed: the postmaster must not inherit our captured stdout (fd 3), our lock files or
# any pipe of the caller, or callers doing conn=$(postgres.sh start ...) would wait forever.
as_pg() {
    (
        cd /
        local fd
        for fd in /proc/self/fd/*; do
            fd=${fd##*/}
            if [[ $fd =~ ^[0-9]+$ ]] && ((fd > 2)); then
                { exec {fd}>&-; } 2>/dev/null || true
            fi
        done
        if is_root; then
            if command -v runuser >/dev/null 2>&1; then
                exec runuser -u "$RUN_USER" -- "$@"
            else
                exec su -s /bin/sh "$RUN_USER" -c "$(printf '%q ' "$@")"
            fi
        else
            exec "$@"
        fi
    )
}

# Pick the account for stop/kill/status: the owner of the existing data dir (postgres when we are root).
pick_run_user_for_existing() {
    local data_dir=$1
    if is_root; then
        local owner
        owner=$(stat -c %U "$data_dir" 2>/dev/null || echo postgres)
        if [[ $owner == root || $owner == UNKNOWN ]]; then
            owner=postgres
        fi
        RUN_USER=$owner
    else
        RUN_USER=$(id -un)
    fi
}

# Make sure RUN_USER can traverse every ancestor of DATA_DIR.
ensure_traversable() {
    local data_dir=$1 d parent
    parent=$(dirname "$data_dir")
    local chain=()
    d=$parent
    while :; do
        chain=("$d" "${chain[@]}")
        [[ $d == / ]] && break
        d=$(dirname "$d")
    done
    for d in "${chain[@]}"; do
        if ! as_pg test -x "$d" 2>/dev/null; then
            if is_root; then
                log "NOTE: directory $d is not traversable by the '$RUN_USER' account; running 'chmod o+x $d' so the server can reach its data directory"
                chmod o+x "$d" || die "chmod o+x $d failed; move DATA_DIR somewhere the '$RUN_USER' account can reach"
            else
                die "directory $d is not traversable by $RUN_USER; choose another DATA_DIR"
            fi
        fi
    done
}

# Per-data-dir lock so concurrent start/stop calls on the same cluster do not race (e.g. parallel test
# projects). The lock is taken on the data directory itself, so no lock files are left lying around.
lock_data_dir() {
    local data_dir=$1
    exec 9<"$data_dir" || die "cannot open $data_dir for locking"
    flock -w 300 9 || die "timed out waiting for another postgres.sh operation on $data_dir"
}

abs_path() {
    local p=$1
    [[ -n $p ]] || die "empty DATA_DIR"
    realpath -m -- "$p"
}

# pg_ctl status: 0 running, 3 not running, 4 no/invalid data dir.
server_status() {
    local data_dir=$1 rc=0
    as_pg "$PG_BIN_DIR/pg_ctl" status -D "$data_dir" >/dev/null 2>&1 || rc=$?
    return "$rc"
}

show_log_tail() {
    local logf=$1
    if [[ -f $logf ]]; then
        log "---- last lines of $logf ----"
        tail -n 30 "$logf" >&2 || true
        log "-----------------------------"
    fi
}

# ---------------------------------------------------------------------------------------------------------------------
# start
# ---------------------------------------------------------------------------------------------------------------------
write_config() {
    local data_dir=$1 port=$2 sock_dir=$3
    local conf_tmp
    conf_tmp=$(mktemp)
    cat >"$conf_tmp" <<EOF
# Managed by deploy/postgres.sh -- rewritten on every start; do not edit.
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$sock_dir'
unix_socket_permissions = 0700
max_connections = 200
password_encryption = 'scram-sha-256'

# Durability: we test crash recovery, so never trade it away.
fsync = on
synchronous_commit = on
full_page_writes = on

# Modest sizing for a small (2 core) developer/CI machine.
shared_buffers = 256MB
effective_cache_size = 2GB
work_mem = 4MB
maintenance_work_mem = 64MB
max_wal_size = 1GB
min_wal_size = 80MB
max_worker_processes = 4
max_parallel_workers = 2
max_parallel_workers_per_gather = 1

timezone = 'UTC'
log_timezone = 'UTC'
logging_collector = off
log_line_prefix = '%m [%p] %q%u@%d '
log_min_duration_statement = 1000
EOF
    chmod 0644 "$conf_tmp"
    if is_root; then chown "$RUN_USER": "$conf_tmp"; fi
    mv -f "$conf_tmp" "$data_dir/flashsale.conf"
    if ! grep -q "^include_if_exists = 'flashsale.conf'" "$data_dir/postgresql.conf"; then
        printf "\n# FlashSale settings (deploy/postgres.sh)\ninclude_if_exists = 'flashsale.conf'\n" >>"$data_dir/postgresql.conf"
    fi
}

prepare_socket_dir() {
    local sock_dir=$1
    if [[ -L $sock_dir ]]; then
        die "$sock_dir is a symlink; refusing to use it as the socket directory"
    fi
    if [[ ! -d $sock_dir ]]; then
        mkdir -m 0700 "$sock_dir" 2>/dev/null || [[ -d $sock_dir ]] || die "cannot create socket directory $sock_dir"
    fi
    local owner
    owner=$(stat -c %U "$sock_dir")
    if [[ $owner != "$RUN_USER" ]]; then
        if is_root; then
            chown "$RUN_USER": "$sock_dir"
        else
            die "socket directory $sock_dir belongs to $owner, not $RUN_USER (another user runs a server on this port?)"
        fi
    fi
    chmod 0700 "$sock_dir"
}

init_cluster() {
    local data_dir=$1
    local locale=C
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then
        locale=C.UTF-8
    fi
    log "initialising a new cluster in $data_dir (encoding UTF8, locale $locale)"
    as_pg "$PG_BIN_DIR/initdb" -D "$data_dir" -U "$RUN_USER" -E UTF8 --locale="$locale" \
        --auth-local=peer --auth-host=scram-sha-256 --no-instructions >/dev/null \
        || die "initdb failed for $data_dir"
}

ensure_app_role_and_db() {
    local sock_dir=$1 port=$2
    local psql=("$PG_BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$sock_dir" -p "$port" -U "$RUN_USER" -d postgres)
    as_pg "${psql[@]}" >&2 <<SQL || die "could not create role/database $APP_USER/$APP_DB"
SET client_min_messages = warning;
DO \$\$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_catalog.pg_roles WHERE rolname = '$APP_USER') THEN
        CREATE ROLE $APP_USER LOGIN PASSWORD '$APP_PASSWORD';
    ELSE
        ALTER ROLE $APP_USER LOGIN NOCREATEDB PASSWORD '$APP_PASSWORD';
    END IF;
END
\$\$;
SELECT 'CREATE DATABASE $APP_DB OWNER $APP_USER ENCODING ''UTF8'''
WHERE NOT EXISTS (SELECT FROM pg_catalog.pg_database WHERE datname = '$APP_DB')
\gexec
SQL
}

cmd_start() {
    local data_dir port
    data_dir=$(abs_path "$1")
    port=$2
    if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1024 || port > 65535)); then
        die "PORT must be a number between 1024 and 65535, got '$port'"
    fi

    ensure_installed "$data_dir"
    if is_root; then
        ensure_postgres_account
        RUN_USER=postgres
    else
        RUN_USER=$(id -un)
    fi

    # Data directory: create, hand to the server account, make sure it can be reached.
    if [[ ! -d $data_dir ]]; then
        mkdir -p -- "$data_dir"
    fi
    lock_data_dir "$data_dir"
    if is_root; then
        if [[ $(stat -c %U "$data_dir") != "$RUN_USER" ]]; then
            chown -R "$RUN_USER": "$data_dir"
        fi
        ensure_traversable "$data_dir"
    fi
    chmod 0700 "$data_dir" 2>/dev/null || true

    if [[ ! -f $data_dir/PG_VERSION ]]; then
        if [[ -n $(ls -A "$data_dir" 2>/dev/null) ]]; then
            die "$data_dir is not empty but contains no PostgreSQL cluster; refusing to initialise it"
        fi
        init_cluster "$data_dir"
    fi

    local sock_dir="/tmp/flashsale-pg-$port"
    local logf="$data_dir/postgresql.log"
    local rc=0
    server_status "$data_dir" || rc=$?
    if ((rc == 0)); then
        local running_port
        running_port=$(sed -n 4p "$data_dir/postmaster.pid" 2>/dev/null || true)
        if [[ -n $running_port && $running_port != "$port" ]]; then
            die "the server for $data_dir is already running on port $running_port, not $port; stop it first"
        fi
        log "PostgreSQL for $data_dir is already running on 127.0.0.1:$port"
        sock_dir=$(sed -n 5p "$data_dir/postmaster.pid" 2>/dev/null || echo "$sock_dir")
    else
        prepare_socket_dir "$sock_dir"
        write_config "$data_dir" "$port" "$sock_dir"
        log "starting PostgreSQL ($PG_BIN_DIR) on 127.0.0.1:$port, data $data_dir, log $logf"
        if ! as_pg "$PG_BIN_DIR/pg_ctl" start -D "$data_dir" -l "$logf" -w -t 180 -s >&2; then
            show_log_tail "$logf"
            die "PostgreSQL failed to start (see $logf)"
        fi
    fi

    ensure_app_role_and_db "$sock_dir" "$port"
    printf 'Host=127.0.0.1;Port=%s;Database=%s;Username=%s;Password=%s\n' "$port" "$APP_DB" "$APP_USER" "$APP_PASSWORD" >&3
}

# ---------------------------------------------------------------------------------------------------------------------
# stop / kill / status
# ---------------------------------------------------------------------------------------------------------------------
cmd_stop() {
    local mode=$1 data_dir
    data_dir=$(abs_path "$2")
    if [[ ! -f $data_dir/PG_VERSION ]]; then
        log "no PostgreSQL cluster in $data_dir; nothing to stop"
        return 0
    fi
    if ! find_bin "$data_dir"; then
        log "PostgreSQL binaries not found, so no server can be running for $data_dir"
        return 0
    fi
    pick_run_user_for_existing "$data_dir"
    if [[ $mode == fast ]]; then
        lock_data_dir "$data_dir"
    fi
    local rc=0
    server_status "$data_dir" || rc=$?
    if ((rc != 0)); then
        log "PostgreSQL for $data_dir is not running"
        return 0
    fi
    local sock_dir
    sock_dir=$(sed -n 5p "$data_dir/postmaster.pid" 2>/dev/null || true)
    log "stopping PostgreSQL for $data_dir (mode $mode)"
    if ! as_pg "$PG_BIN_DIR/pg_ctl" stop -D "$data_dir" -m "$mode" -w -t 120 -s >&2; then
        rc=0
        server_status "$data_dir" || rc=$?
        ((rc != 0)) || die "pg_ctl stop -m $mode failed for $data_dir"
    fi
    # Remove our private socket directory once it is empty again.
    if [[ $sock_dir == /tmp/flashsale-pg-* && -d $sock_dir && ! -L $sock_dir ]]; then
        rmdir -- "$sock_dir" 2>/dev/null || true
    fi
    log "PostgreSQL for $data_dir stopped"
}

cmd_status() {
    local data_dir
    data_dir=$(abs_path "$1")
    if [[ ! -f $data_dir/PG_VERSION ]]; then
        log "no PostgreSQL cluster in $data_dir"
        return 4
    fi
    find_bin "$data_dir" || { log "PostgreSQL binaries not found"; return 3; }
    pick_run_user_for_existing "$data_dir"
    local rc=0
    server_status "$data_dir" || rc=$?
    if ((rc == 0)); then log "running"; else log "not running"; fi
    return "$rc"
}

main() {
    local cmd=${1:-}
    case $cmd in
        start)
            [[ $# -eq 3 || $# -eq 4 ]] || usage
            if [[ $# -eq 4 ]]; then
                # Another database on the same server (tests that want one to themselves); created if missing.
                [[ $4 =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "DATABASE must be lowercase letters, digits and _, starting with a letter"
                APP_DB=$4
            fi
            cmd_start "$2" "$3"
            ;;
        stop)
            [[ $# -eq 2 ]] || usage
            cmd_stop fast "$2"
            ;;
        kill)
            [[ $# -eq 2 ]] || usage
            cmd_stop immediate "$2"
            ;;
        status)
            [[ $# -eq 2 ]] || usage
            cmd_status "$2"
            ;;
        ensure-installed)
            [[ $# -eq 1 ]] || usage
            ensure_installed
            printf '%s\n' "$PG_BIN_DIR" >&3
            ;;
        *)
            usage
            ;;
    esac
}

main "$@"
