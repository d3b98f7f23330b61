#!/usr/bin/env bash
# Browser tests need Debian's Chromium (Playwright drives it; no browser download).
set -euo pipefail
if [ ! -x /usr/bin/chromium ]; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
    else
        echo "Chromium is missing: sudo apt-get install chromium" >&2
        exit 1
    fi
fi
