#!/usr/bin/env bash
# The Spark tests (pyspark, local[*]) need a Java 17+ runtime: Debian's headless JRE.
set -euo pipefail
if ! command -v java >/dev/null 2>&1; then
    if [ "$(id -u)" = "0" ]; then
        apt-get update -qq
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq openjdk-17-jre-headless >/dev/null
    else
        echo "Java is missing: sudo apt-get install openjdk-17-jre-headless" >&2
        exit 1
    fi
fi
