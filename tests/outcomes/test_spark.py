"""The same views on Spark (local[*]) give the same tables, and the same report, as DuckDB.

Spark needs the spark extra and Java (scripts/setup.d/30-spark.sh installs both for the tests).
The input is small to keep the suite fast; the docs state a 5,000-patient run.
"""

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

pytest.importorskip("pyspark", reason="the spark extra (scripts/setup.d/30-spark.sh)")

from commcare_ext.outcomes import build_report, load_ndjson
from commcare_ext.outcomes.spark import SparkTables
from commcare_ext.views import TABLES

AS_OF = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)


def test_spark_tables_and_report_equal_duckdb(planted_ndjson: Path) -> None:
    duck = load_ndjson(planted_ndjson, workers=1)
    spark = SparkTables(master="local[2]")
    try:
        counts = spark.load_ndjson(planted_ndjson)
        assert counts["patient"] == 600
        for table in TABLES:
            query = f"SELECT * FROM {table}"  # noqa: S608 - our own table names
            assert sorted(spark.query(query), key=repr) == sorted(duck.query(query), key=repr), (
                table
            )
        from_spark = build_report(spark, as_of=AS_OF)
    finally:
        spark.close()
    from_duck = build_report(duck, as_of=AS_OF)
    duck.close()
    assert json.dumps(from_spark, sort_keys=True) == json.dumps(from_duck, sort_keys=True)
