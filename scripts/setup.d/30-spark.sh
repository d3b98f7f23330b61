#!/usr/bin/env bash
# Apache Spark for the tests that run jobs in local mode (population batch, outcome views):
# Java 17 from Debian (pyspark 4 needs 17 or later) and the project's `spark` extra in .venv.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "Java is missing: sudo apt-get install openjdk-17-jre-headless" >&2
        exit 1
    fi
fi
if ! "$ROOT/.venv/bin/python" -c "import pyspark" 2>/dev/null; then
    "$ROOT/.venv/bin/python" -m pip install --quiet --disable-pip-version-check -e "$ROOT[spark]"
fi
