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
# Environment: PG_BIN=/path/to/bin overrides binary discovery. FLASHSALE_PG_LISTEN=ADDRESS (default 127.0.0.1): the
# one address the server listens on, and the host of the connection string; another than 127.0.0.1 (a network
# namespace's, for the fault harness's partitions) also admits password logins from its /24.
set -euo pipefail

ME=postgres.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# Keep the real stdout on fd 3; everything else goes to stderr.
exec 3>&1 1>&2

readonly PG_WANTED_MAJOR=15 APP_USER=flashsale APP_PASSWORD=flashsale
APP_DB=flashsale
LISTEN=${FLASHSALE_PG_LISTEN:-127.0.0.1}
PG_BIN_DIR=""
RUN_USER="" # the OS account that owns DATA_DIR and runs the server

usage() { sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//' >&2; exit 2; }

# Don't let the caller's libpq environment redirect our admin connections.
unset PGHOST PGHOSTADDR PGPORT PGUSER PGDATABASE PGPASSWORD PGPASSFILE PGSERVICE PGSERVICEFILE PGOPTIONS PGSSLMODE PGDATA

# find_bin [DATA_DIR]: sets PG_BIN_DIR to the first directory with the server's programs among PG_BIN, the version
# that created DATA_DIR (only it can run that cluster), 15, newer Debian ones, pg_config's and initdb's on PATH.
find_bin() {
    local candidates=("${PG_BIN:-}") d
    if [[ -f ${1:-}/PG_VERSION ]]; then candidates+=("/usr/lib/postgresql/$(<"$1/PG_VERSION")/bin"); fi
    candidates+=("/usr/lib/postgresql/$PG_WANTED_MAJOR/bin")
    while IFS= read -r d; do
        if [[ $d =~ ^[0-9]+$ ]] && ((d >= PG_WANTED_MAJOR)); then candidates+=("/usr/lib/postgresql/$d/bin"); fi
    done < <(find /usr/lib/postgresql -mindepth 1 -maxdepth 1 -printf '%f\n' 2>/dev/null | sort -rn)
    if command -v pg_config >/dev/null; then candidates+=("$(pg_config --bindir 2>/dev/null || true)"); fi
    if command -v initdb >/dev/null; then candidates+=("$(dirname "$(readlink -f "$(command -v initdb)")")"); fi
    for d in "${candidates[@]}"; do
        if [[ -n $d && -x $d/initdb && -x $d/pg_ctl && -x $d/postgres && -x $d/psql ]]; then PG_BIN_DIR=$d; return 0; fi
    done
    return 1
}

install_packages() {
    is_root || die "PostgreSQL $PG_WANTED_MAJOR server binaries not found and I am not root, so I cannot install them.
  Install them as root:   apt-get update && apt-get install -y postgresql-$PG_WANTED_MAJOR
  or point PG_BIN at a directory containing initdb, pg_ctl, postgres and psql."
    command -v apt-get >/dev/null || die "PostgreSQL binaries not found and apt-get is not available; install PostgreSQL $PG_WANTED_MAJOR manually (or set PG_BIN)."
    local apt=(apt-get -y -q -o DPkg::Lock::Timeout=600 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)
    local conf=/etc/postgresql-common/createcluster.conf
    export DEBIAN_FRONTEND=noninteractive
    say "PostgreSQL binaries not found; installing the Debian package (this can take a minute)..."
    apt-get -q -o DPkg::Lock::Timeout=600 update || die "apt-get update failed"
    # postgresql-common first, its automatic 'main' cluster switched off: installing the server must not create
    # (and maybe start) a system-wide cluster on port 5432 that we never use.
    if "${apt[@]}" install --no-install-recommends postgresql-common && [[ -f $conf ]]; then
        sed -i -E '/^[#[:space:]]*create_main_cluster/d' "$conf"
        echo 'create_main_cluster = false' >>"$conf"
    fi
    if ! "${apt[@]}" install --no-install-recommends "postgresql-$PG_WANTED_MAJOR"; then
        say "package postgresql-$PG_WANTED_MAJOR is not available; trying the distribution default 'postgresql'"
        "${apt[@]}" install --no-install-recommends postgresql || die "could not install PostgreSQL with apt-get"
    fi
}

ensure_installed() {
    find_bin "${1:-}" && return 0
    # One install at a time (several test processes may start at once).
    exec 8>>/tmp/flashsale-pg-install.lock || die "cannot open /tmp/flashsale-pg-install.lock"
    flock -w 1800 8 || die "timed out waiting for another PostgreSQL installation to finish"
    if ! find_bin "${1:-}"; then
        install_packages
        find_bin "${1:-}" || die "PostgreSQL was installed but initdb/pg_ctl/postgres/psql were not found under /usr/lib/postgresql/*/bin"
    fi
    exec 8>&-
    say "using PostgreSQL binaries in $PG_BIN_DIR"
}

# as_pg CMD...: runs CMD as RUN_USER (PostgreSQL refuses to run as root), detached: the postmaster must keep
# neither our captured stdout (fd 3) nor our locks.
as_pg() {
    if ! is_root; then
        detach "$@"
    elif command -v runuser >/dev/null; then
        detach runuser -u "$RUN_USER" -- "$@"
    else
        detach su -s /bin/sh "$RUN_USER" -c "$(printf '%q ' "$@")"
    fi
}

# The account stop/kill/status act as: the data directory's owner (postgres, when we are root, for root's).
use_owner_of() {
    RUN_USER=$(id -un)
    if is_root; then
        RUN_USER=$(stat -c %U "$1" 2>/dev/null || echo postgres)
        [[ $RUN_USER != root && $RUN_USER != UNKNOWN ]] || RUN_USER=postgres
    fi
}

# As root: lets RUN_USER reach DATA_DIR, adding o+x to each ancestor it cannot traverse, from / down.
make_reachable() {
    local dirs=() d=$1
    while [[ $d != / ]]; do d=$(dirname "$d"); dirs=("$d" "${dirs[@]}"); done
    for d in "${dirs[@]}"; do
        as_pg test -x "$d" 2>/dev/null && continue
        say "NOTE: directory $d is not traversable by the '$RUN_USER' account; running 'chmod o+x $d' so the server can reach its data directory"
        chmod o+x "$d" || die "chmod o+x $d failed; move DATA_DIR somewhere the '$RUN_USER' account can reach"
    done
}

# Concurrent start/stop calls on one cluster (parallel test projects) take turns. The lock is on the data
# directory itself, so no lock file is left lying around.
lock_data_dir() {
    exec 9<"$1" || die "cannot open $1 for locking"
    flock -w 300 9 || die "timed out waiting for another postgres.sh operation on $1"
}

# pg_ctl status: 0 running, 3 not running, 4 no/invalid data dir.
server_status() { as_pg "$PG_BIN_DIR/pg_ctl" status -D "$1" >/dev/null 2>&1; }

# The server's settings: deploy/postgres.conf, with its port and socket directory.
write_config() {
    local data_dir=$1 conf
    conf=$(mktemp)
    {
        printf "# Managed by deploy/postgres.sh -- rewritten on every start; do not edit.\nport = %s\nunix_socket_directories = '%s'\n" "$2" "$3"
        cat "$(dirname "${BASH_SOURCE[0]}")/postgres.conf"
        printf "listen_addresses = '%s'\n" "$LISTEN"
    } >"$conf"
    chmod 0644 "$conf"
    if is_root; then chown "$RUN_USER": "$conf"; fi
    mv -f "$conf" "$data_dir/flashsale.conf"
    if ! grep -q "^include_if_exists = 'flashsale.conf'" "$data_dir/postgresql.conf"; then
        printf "\n# FlashSale settings (deploy/postgres.sh)\ninclude_if_exists = 'flashsale.conf'\n" >>"$data_dir/postgresql.conf"
    fi
    local subnet="${LISTEN%.*}.0/24"
    if [[ $LISTEN != 127.0.0.1 ]] && ! grep -q "^host all all $subnet scram-sha-256" "$data_dir/pg_hba.conf"; then
        printf "host all all %s scram-sha-256\n" "$subnet" >>"$data_dir/pg_hba.conf"
    fi
}

# The server's socket directory, /tmp/flashsale-pg-PORT: RUN_USER's alone.
prepare_socket_dir() {
    local sock_dir=$1 owner
    [[ ! -L $sock_dir ]] || die "$sock_dir is a symlink; refusing to use it as the socket directory"
    mkdir -m 0700 "$sock_dir" 2>/dev/null || [[ -d $sock_dir ]] || die "cannot create socket directory $sock_dir"
    owner=$(stat -c %U "$sock_dir")
    if [[ $owner != "$RUN_USER" ]]; then
        is_root || die "socket directory $sock_dir belongs to $owner, not $RUN_USER (another user runs a server on this port?)"
        chown "$RUN_USER": "$sock_dir"
    fi
    chmod 0700 "$sock_dir"
}

init_cluster() {
    local locale=C
    if locale -a 2>/dev/null | grep -qiE '^c\.utf-?8$'; then locale=C.UTF-8; fi
    say "initialising a new cluster in $1 (encoding UTF8, locale $locale)"
    as_pg "$PG_BIN_DIR/initdb" -D "$1" -U "$RUN_USER" -E UTF8 --locale="$locale" \
        --auth-local=peer --auth-host=scram-sha-256 --no-instructions >/dev/null || die "initdb failed for $1"
}

ensure_app_role_and_db() {
    as_pg "$PG_BIN_DIR/psql" -X -q -v ON_ERROR_STOP=1 -h "$1" -p "$2" -U "$RUN_USER" -d postgres <<SQL || die "could not create role/database $APP_USER/$APP_DB"
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
    local data_dir port=$2 sock_dir="/tmp/flashsale-pg-$2" rc=0 running_port
    data_dir=$(absolute "$1")
    if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1024 || port > 65535)); then die "PORT must be a number between 1024 and 65535, got '$port'"; fi
    ensure_installed "$data_dir"
    RUN_USER=$(id -un)
    if is_root; then
        if ! getent passwd postgres >/dev/null; then
            say "creating system user 'postgres' to run the server (PostgreSQL refuses to run as root)"
            useradd --system --user-group --home-dir /var/lib/postgresql --no-create-home --shell /bin/bash postgres \
                || die "could not create the 'postgres' OS user"
        fi
        RUN_USER=postgres
    fi

    mkdir -p -- "$data_dir"
    lock_data_dir "$data_dir"
    if is_root; then
        if [[ $(stat -c %U "$data_dir") != "$RUN_USER" ]]; then chown -R "$RUN_USER": "$data_dir"; fi
        make_reachable "$data_dir"
    fi
    chmod 0700 "$data_dir" 2>/dev/null || true
    if [[ ! -f $data_dir/PG_VERSION ]]; then
        [[ -z $(ls -A "$data_dir") ]] || die "$data_dir is not empty but contains no PostgreSQL cluster; refusing to initialise it"
        init_cluster "$data_dir"
    fi

    server_status "$data_dir" || rc=$?
    if ((rc == 0)); then
        running_port=$(sed -n 4p "$data_dir/postmaster.pid" 2>/dev/null || true)
        [[ -z $running_port || $running_port == "$port" ]] || die "the server for $data_dir is already running on port $running_port, not $port; stop it first"
        say "PostgreSQL for $data_dir is already running on $LISTEN:$port"
        sock_dir=$(sed -n 5p "$data_dir/postmaster.pid" 2>/dev/null || echo "$sock_dir")
    else
        prepare_socket_dir "$sock_dir"
        write_config "$data_dir" "$port" "$sock_dir"
        say "starting PostgreSQL ($PG_BIN_DIR) on $LISTEN:$port, data $data_dir, log $data_dir/postgresql.log"
        if ! as_pg "$PG_BIN_DIR/pg_ctl" start -D "$data_dir" -l "$data_dir/postgresql.log" -w -t 180 -s; then
            say "---- last lines of $data_dir/postgresql.log ----"
            tail -n 30 "$data_dir/postgresql.log" || true
            say "-----------------------------"
            die "PostgreSQL failed to start (see $data_dir/postgresql.log)"
        fi
    fi
    ensure_app_role_and_db "$sock_dir" "$port"
    printf 'Host=%s;Port=%s;Database=%s;Username=%s;Password=%s\n' "$LISTEN" "$port" "$APP_DB" "$APP_USER" "$APP_PASSWORD" >&3
}

# cmd_stop fast|immediate DATA_DIR
cmd_stop() {
    local mode=$1 data_dir sock_dir
    data_dir=$(absolute "$2")
    if [[ ! -f $data_dir/PG_VERSION ]]; then say "no PostgreSQL cluster in $data_dir; nothing to stop"; return 0; fi
    if ! find_bin "$data_dir"; then say "PostgreSQL binaries not found, so no server can be running for $data_dir"; return 0; fi
    use_owner_of "$data_dir"
    # Not for a crash: it must not wait for a start or stop under way.
    if [[ $mode == fast ]]; then lock_data_dir "$data_dir"; fi
    if ! server_status "$data_dir"; then say "PostgreSQL for $data_dir is not running"; return 0; fi
    sock_dir=$(sed -n 5p "$data_dir/postmaster.pid" 2>/dev/null || true)
    say "stopping PostgreSQL for $data_dir (mode $mode)"
    if ! as_pg "$PG_BIN_DIR/pg_ctl" stop -D "$data_dir" -m "$mode" -w -t 120 -s && server_status "$data_dir"; then
        die "pg_ctl stop -m $mode failed for $data_dir"
    fi
    # Our private socket directory goes once it is empty again.
    if [[ $sock_dir == /tmp/flashsale-pg-* && -d $sock_dir && ! -L $sock_dir ]]; then rmdir -- "$sock_dir" 2>/dev/null || true; fi
    say "PostgreSQL for $data_dir stopped"
}

cmd_status() {
    local data_dir rc=0
    data_dir=$(absolute "$1")
    if [[ ! -f $data_dir/PG_VERSION ]]; then say "no PostgreSQL cluster in $data_dir"; return 4; fi
    find_bin "$data_dir" || { say "PostgreSQL binaries not found"; return 3; }
    use_owner_of "$data_dir"
    server_status "$data_dir" || rc=$?
    if ((rc == 0)); then say "running"; else say "not running"; fi
    return "$rc"
}

absolute() { [[ -n $1 ]] || die "empty DATA_DIR"; realpath -m -- "$1"; }

case ${1:-} in
    start)
        [[ $# -eq 3 || $# -eq 4 ]] || usage
        if [[ $# -eq 4 ]]; then
            # Another database on the same server (tests that want one to themselves); created if missing.
            [[ $4 =~ ^[a-z][a-z0-9_]{0,62}$ ]] || die "DATABASE must be lowercase letters, digits and _, starting with a letter"
            APP_DB=$4
        fi
        cmd_start "$2" "$3"
        ;;
    stop | kill)
        [[ $# -eq 2 ]] || usage
        if [[ $1 == stop ]]; then cmd_stop fast "$2"; else cmd_stop immediate "$2"; fi
        ;;
    status) [[ $# -eq 2 ]] || usage; cmd_status "$2" ;;
    ensure-installed) [[ $# -eq 1 ]] || usage; ensure_installed; printf '%s\n' "$PG_BIN_DIR" >&3 ;;
    *) usage ;;
esac
