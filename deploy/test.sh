#!/usr/bin/env bash
# Runs every FlashSale test: dotnet test on the whole solution, Release configuration.
# Extra arguments go to 'dotnet test' (e.g. deploy/test.sh --filter FullyQualifiedName~Grains).
# The tests start their own private PostgreSQL through deploy/postgres.sh and drive the web pages in
# headless Chromium; this script only makes sure both are installed (the pages' npm packages are
# restored by the API's build). Screenshots of the pages land in artifacts/screenshots.
# Exits with dotnet test's exit status.
set -euo pipefail

REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd -P)
export DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

"$REPO/deploy/postgres.sh" ensure-installed >/dev/null
CHROMIUM=$("$REPO/deploy/chromium.sh" ensure-installed)
export CHROMIUM

if [[ ${CI:-} == true || ${CI:-} == 1 ]]; then
    # Leave no MSBuild node or compiler server running after CI.
    export MSBUILDDISABLENODEREUSE=1 UseSharedCompilation=false
fi

exec dotnet test "$REPO/FlashSale.slnx" -c Release "$@" </dev/null
