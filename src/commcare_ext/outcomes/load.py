"""NDJSON into DuckDB on every core: byte ranges of the files, one worker process each.

Each worker streams its ranges (a range starts after a newline, so no line is split or read
twice), runs the views and writes its rows into its own DuckDB file; the parent attaches each
file and copies its tables in. Rows reach the parent as DuckDB pages, never as Python objects,
so the parent stays light and memory stays bounded by one batch per table per worker.
"""

import multiprocessing
import os
import tempfile
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

from commcare_ext.outcomes.duck import DuckDbTables
from commcare_ext.outcomes.source import ndjson_files, read_ndjson
from commcare_ext.outcomes.tables import materialise, view_resource_types
from commcare_ext.views import TABLES

#: Aim for this many byte ranges per worker, so a slow range does not hold up the rest.
RANGES_PER_WORKER: Final = 4
Range = tuple[str, int, int]


def byte_ranges(paths: Sequence[Path], pieces: int) -> list[Range]:
    """About ``pieces`` ranges over all the files, split by size."""
    total = sum(p.stat().st_size for p in paths) or 1
    ranges: list[Range] = []
    for path in paths:
        size = path.stat().st_size
        parts = max(1, round(pieces * size / total))
        step = -(-size // parts)
        ranges.extend((str(path), start, min(size, start + step)) for start in range(0, size, step))
    return ranges


def _lines(path: str, start: int, end: int) -> Iterator[bytes]:
    """The lines that *begin* in ``[start, end)``."""
    with open(path, "rb") as handle:
        if start:
            handle.seek(start - 1)
            handle.readline()  # finish the line that began before us (or the newline at start-1)
        while handle.tell() < end:
            line = handle.readline()
            if not line:
                return
            yield line


def _worker(job: tuple[list[Range], str]) -> str:
    ranges, database = job
    types = view_resource_types()
    tables = DuckDbTables(database)
    try:
        materialise(_ranged_resources(ranges, types), tables)
    finally:
        tables.close()
    return database


def _ranged_resources(ranges: list[Range], types: frozenset[str]) -> Iterator[dict[str, object]]:
    import orjson  # noqa: PLC0415 - imported in the worker process

    from commcare_ext.outcomes.errors import OutcomesSourceError  # noqa: PLC0415

    for path, start, end in ranges:
        for line in _lines(path, start, end):
            if not line.strip():
                continue
            try:
                resource = orjson.loads(line)
            except orjson.JSONDecodeError:
                msg = f"{Path(path).name}: a line near byte {start} is not JSON"
                raise OutcomesSourceError(msg) from None
            if isinstance(resource, dict) and resource.get("resourceType") in types:
                yield resource


def load_ndjson(
    folder: Path, *, workers: int | None = None, database: str = ":memory:"
) -> DuckDbTables:
    """The view tables of every NDJSON file in ``folder``, in DuckDB, using ``workers`` cores.

    ``workers=1`` reads in this process (no pool); the default is every available core.
    """
    types = view_resource_types()
    paths = ndjson_files(folder, types)
    count = workers or len(os.sched_getaffinity(0))
    if count <= 1:
        tables = DuckDbTables(database)
        materialise(read_ndjson(paths, types), tables)
        return tables
    ranges = byte_ranges(paths, count * RANGES_PER_WORKER)
    with tempfile.TemporaryDirectory(prefix="commcare-outcomes-") as scratch:
        jobs = [
            (ranges[index::count], str(Path(scratch) / f"part-{index}.duckdb"))
            for index in range(count)
        ]
        context = multiprocessing.get_context("spawn")
        with context.Pool(count) as pool:
            parts = pool.map(_worker, jobs)
        tables = DuckDbTables(database)
        _combine(tables, parts)
    return tables


def _combine(tables: DuckDbTables, parts: Sequence[str]) -> None:
    connection = tables.connection
    for index, part in enumerate(parts):
        alias = f"part{index}"
        connection.execute(f"ATTACH '{part}' AS {alias} (READ_ONLY)")
        for table in TABLES:
            # Table names are our own (TABLES); the part files are ours, in our scratch folder.
            source = f'SELECT * FROM {alias}."{table}"'  # noqa: S608
            if index == 0:
                connection.execute(f'CREATE OR REPLACE TABLE "{table}" AS {source}')
            else:
                connection.execute(f'INSERT INTO "{table}" {source}')
        connection.execute(f"DETACH {alias}")
