"""The same views on Apache Spark: for a health system's data, on a cluster or ``local[*]``.

The NDJSON lines are read by Spark (``textFile``, so partitions are spread over executors);
each partition is parsed and run through the library's views on the executors — the same
compiled ViewDefinitions the DuckDB path uses — and each table becomes a DataFrame with the
ViewDefinition's types, registered as a temporary view for the measures' SQL. Needs the
``spark`` extra (pyspark) and Java 17+.
"""

import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, Final

import orjson
from pyspark.sql import SparkSession
from pyspark.sql.types import (
    BooleanType,
    DataType,
    DoubleType,
    LongType,
    StringType,
    StructField,
    StructType,
)

from commcare_ext.outcomes.source import ndjson_files
from commcare_ext.outcomes.tables import TableSpec, library_tables, view_resource_types

_SPARK_TYPES: Final[dict[str, DataType]] = {
    "DOUBLE": DoubleType(),
    "BIGINT": LongType(),
    "BOOLEAN": BooleanType(),
}
#: Resources per slice when a stream (a server search) is handed to Spark.
SLICE: Final = 20_000


def _schema(spec: TableSpec) -> StructType:
    return StructType(
        [
            StructField(name, _SPARK_TYPES.get(kind, StringType()), nullable=True)
            for name, kind in zip(spec.columns, spec.types, strict=True)
        ]
    )


def _converter(kind: str) -> Any:
    """Python value -> what Spark's column type accepts (DuckDB casts the same way)."""
    if kind == "DOUBLE":
        return lambda v: None if v is None or isinstance(v, bool) else float(v)
    if kind == "BIGINT":
        return lambda v: None if v is None or isinstance(v, bool) else int(v)
    if kind == "BOOLEAN":
        return lambda v: v if isinstance(v, bool) else None
    return lambda v: None if v is None else str(v)


def partition_rows(lines: Iterable[str | bytes]) -> Iterator[tuple[str, tuple[Any, ...]]]:
    """``(table, row)`` for every view row of the resources on ``lines`` (runs on executors)."""
    tables = library_tables()
    by_type: dict[str, list[tuple[TableSpec, Any, list[Any]]]] = {}
    for spec, view in tables.values():
        converters = [_converter(kind) for kind in spec.types]
        by_type.setdefault(view.resource, []).append((spec, view, converters))
    for line in lines:
        if not line or not line.strip():
            continue
        resource = orjson.loads(line)
        for spec, view, converters in by_type.get(resource.get("resourceType", ""), ()):
            for row in view.rows(resource):
                values = (row[name] for name in spec.columns)
                yield spec.name, tuple(c(v) for c, v in zip(converters, values, strict=True))


class SparkTables:
    """The view tables as Spark DataFrames (temporary views named like the DuckDB tables)."""

    def __init__(self, session: SparkSession | None = None, master: str = "local[*]") -> None:
        os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
        self._owned = session is None
        self.session = session or (
            SparkSession.builder.master(master)
            .appName("commcare-ext outcomes")
            .config("spark.ui.enabled", "false")
            .config("spark.ui.showConsoleProgress", "false")
            .config("spark.sql.session.timeZone", "UTC")
            .getOrCreate()
        )
        self.session.sparkContext.setLogLevel("ERROR")

    def load_ndjson(self, folder: Path) -> dict[str, int]:
        """Materialise every view from the NDJSON files in ``folder``; rows per table."""
        paths = ndjson_files(folder, view_resource_types())
        lines = self.session.sparkContext.textFile(",".join(str(p) for p in paths))
        return self._register(lines.mapPartitions(partition_rows))

    def load(self, resources: Iterable[dict[str, Any]]) -> dict[str, int]:
        """Materialise every view from a stream of resources (e.g. a server search)."""
        lines: list[bytes] = [orjson.dumps(r) for r in resources]
        slices = max(1, len(lines) // SLICE)
        rdd = self.session.sparkContext.parallelize(lines, slices)
        return self._register(rdd.mapPartitions(partition_rows))

    def _register(self, rows: Any) -> dict[str, int]:
        rows = rows.cache()
        counts = {}
        for spec, _ in library_tables().values():
            table_rows = rows.filter(lambda item, name=spec.name: item[0] == name).map(
                lambda item: item[1]
            )
            frame = self.session.createDataFrame(table_rows, _schema(spec))
            frame.createOrReplaceTempView(spec.name)
            counts[spec.name] = frame.count()
        return counts

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` over the temporary views."""
        return [tuple(row) for row in self.session.sql(sql).collect()]

    def close(self) -> None:
        """Stop the session if this object started it."""
        if self._owned:
            self.session.stop()
