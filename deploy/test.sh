#!/usr/bin/env bash
# Runs every FlashSale test: dotnet test on the whole solution, Release configuration.
# Extra arguments go to 'dotnet test' (e.g. deploy/test.sh --filter FullyQualifiedName~Grains).
# The tests start their own private PostgreSQL through deploy/postgres.sh; this script only makes
# sure the PostgreSQL binaries are installed. Exits with dotnet test's exit status.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$REPO/deploy/postgres.sh" ensure-installed >/dev/null

if [[ ${CI:-} == true || ${CI:-} == 1 ]]; then
    # Leave no MSBuild node or compiler server running after CI.
    export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false
fi

exec dotnet test "$REPO/FlashSale.slnx" -c Release "$@" </dev/null
