#!/usr/bin/env bash
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

# This script builds; the cluster itself is started, watched and stopped by deploy/Launcher.
REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
ME=run.sh
# shellcheck source=SCRIPTDIR/lib.sh
source "$REPO/deploy/lib.sh"

for arg; do
    if [[ $arg == -h || $arg == --help ]]; then sed -n '2,/^set -euo/p' "${BASH_SOURCE[0]}" | sed '$d; s/^# \{0,1\}//'; exit 0; fi
done

# Also where PATH has no dotnet (a service's environment).
DOTNET=$(command -v dotnet || true)
for candidate in "${DOTNET_ROOT:-}/dotnet" "${HOME:-/root}/.dotnet/dotnet" /usr/share/dotnet/dotnet /usr/lib/dotnet/dotnet; do
    [[ -x $DOTNET ]] || DOTNET=$candidate
done
[[ -x $DOTNET ]] || die "the .NET SDK ('dotnet') was not found; install the .NET 10 SDK"
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

if [[ ${FLASHSALE_SKIP_BUILD:-0} != 1 ]]; then
    say "building $REPO/FlashSale.slnx (Release)..."
    stop_on_exit
    build_solution
    trap - EXIT INT TERM HUP
fi
LAUNCHER="$REPO/deploy/Launcher/bin/Release/net10.0/FlashSale.Launcher.dll"
[[ -f $LAUNCHER ]] || die "the launcher is not built: $LAUNCHER is missing"
exec "$DOTNET" "$LAUNCHER" "$@"
