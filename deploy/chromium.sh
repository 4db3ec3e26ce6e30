#!/usr/bin/env bash
# Makes sure Debian's Chromium is installed for the browser tests, with a font for Chinese (the pages
# read in Simplified Chinese too; without one, screenshots show boxes), and prints its path.
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
# A small CJK font (WenQuanYi Micro Hei) where the machine has none.
if command -v fc-list >/dev/null 2>&1 && [[ -z $(fc-list :lang=zh 2>/dev/null) ]] && command -v apt-get >/dev/null 2>&1; then
    echo "chromium.sh: no Chinese font; installing fonts-wqy-microhei..." >&2
    export DEBIAN_FRONTEND=noninteractive
    apt-get -y -q -o DPkg::Lock::Timeout=600 install --no-install-recommends fonts-wqy-microhei >&2 \
        || { apt-get -q -o DPkg::Lock::Timeout=600 update >&2 && apt-get -y -q -o DPkg::Lock::Timeout=600 install --no-install-recommends fonts-wqy-microhei >&2; }
fi
echo "$chromium"
