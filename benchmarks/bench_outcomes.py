"""One million resources of Bulk Data NDJSON to every view table and the outcomes report.

    .venv/bin/python benchmarks/bench_outcomes.py [--resources N] [--workers W]

The input is a synthetic clinic population (``synthetic_population``, the issue's planted
effects) written as ``<Type>.ndjson`` files, about 10.8 resources per person. Measured:

- baseline: reading every line and parsing it with orjson, nothing else (the floor any engine
  pays for NDJSON);
- views into DuckDB: every library ViewDefinition materialised (``load_ndjson``) with 1 and
  with W worker processes;
- the report: measures, suppression, charts and HTML in English (``build_report`` +
  ``report_html``), on the W-worker tables;
- peak memory of this process (ru_maxrss), which streaming reads keep bounded; the workers'
  peak is reported too.

Target from the issue: 1,000,000 resources to all tables and the report in <= 60 s on 2 cores
with DuckDB. On a shared machine, also read the CPU seconds: wall time there includes other
people's load.
"""

import argparse
import os
import resource
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

import orjson

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commcare_ext.outcomes import (  # noqa: E402
    PlantedEffects,
    build_report,
    load_ndjson,
    report_html,
    synthetic_population,
    write_ndjson,
)

RESOURCES_PER_PERSON = 10.76


def _cpu() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _timed(label: str, action):  # type: ignore[no-untyped-def]
    wall, cpu = time.perf_counter(), _cpu()
    result = action()
    wall, cpu = time.perf_counter() - wall, _cpu() - cpu
    print(f"{label:<44} {wall:8.1f} s wall {cpu:8.1f} s CPU")
    return result, wall


def _parse_only(folder: Path) -> int:
    count = 0
    for path in sorted(folder.glob("*.ndjson")):
        with path.open("rb") as lines:
            for line in lines:
                orjson.loads(line)
                count += 1
    return count


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--resources", type=int, default=1_000_000)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args()
    people = round(args.resources / RESOURCES_PER_PERSON)
    print(f"cores available: {len(os.sched_getaffinity(0))}; load average: {os.getloadavg()}")
    with tempfile.TemporaryDirectory(prefix="bench-outcomes-") as scratch:
        folder = Path(scratch)
        counts, _ = _timed(
            f"write {people:,} synthetic people as NDJSON",
            lambda: write_ndjson(
                synthetic_population(people, seed=1, effects=PlantedEffects.issue_example()),
                folder,
            ),
        )
        total = sum(counts.values())
        size = sum(p.stat().st_size for p in folder.glob("*.ndjson")) / 1e6
        print(f"{total:,} resources, {size:,.0f} MB of NDJSON")
        _, baseline = _timed(
            "baseline: read + parse every line (orjson)", lambda: _parse_only(folder)
        )
        tables_one, one = _timed(
            "views into DuckDB, 1 worker", lambda: load_ndjson(folder, workers=1)
        )
        tables_one.close()
        tables, many = _timed(
            f"views into DuckDB, {args.workers} workers",
            lambda: load_ndjson(folder, workers=args.workers),
        )
        as_of = datetime(2026, 12, 1, tzinfo=UTC)
        report, measured = _timed(
            "measures + suppression", lambda: build_report(tables, as_of=as_of)
        )
        page, rendered = _timed("charts + HTML", lambda: report_html(report))
        tables.close()
    end_to_end = many + measured + rendered
    print(
        f"NDJSON -> all tables -> report ({args.workers} workers): {end_to_end:.1f} s wall "
        f"(target 60 s for 1,000,000 resources); {end_to_end / baseline:.1f}x the parse baseline"
    )
    print(f"views, {args.workers} workers vs 1: {one / many:.2f}x faster")
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    print(
        f"peak RSS: this process {own:,.0f} MB, largest worker {children:,.0f} MB; "
        f"page {len(page) / 1e3:,.0f} kB"
    )


if __name__ == "__main__":
    main()
