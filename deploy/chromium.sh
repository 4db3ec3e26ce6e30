#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, and prints its path.
# Usage: deploy/chromium.sh ensure-installed
# Environment: CHROMIUM=/path/to/chromium overrides discovery (the tests read it too).
set -euo pipefail

[[ ${1:-} == ensure-installed ]] || { echo "usage: deploy/chromium.sh ensure-installed" >&2; exit 2; }

chromium=${CHROMIUM:-/usr/bin/chromium}
if [[ ! -x $chromium ]]; then
    command -v apt-get >/dev/null 2>&1 || { echo "chromium.sh: $chromium not found and apt-get is not available; install Chromium or set CHROMIUM." >&2; exit 1; }
    echo "chromium.sh: Chromium not found; installing the Debian package (this can take a minute)..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -q -o DPkg::Lock::Timeout=600 update >&2
    apt-get -y -q -o DPkg::Lock::Timeout=600 install --no-install-recommends chromium >&2
fi
echo "$chromium"
