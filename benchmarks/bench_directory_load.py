"""Load synthetic HSDS directories: time and memory per 10,000 services.

    .venv/bin/python benchmarks/bench_directory_load.py [--services N] [--repeats R]

The services are the 64 of examples/directory cloned with fresh ids (every organisation,
location, schedule... gets its own) and jittered coordinates, so nothing is shared that a
real directory would not share. Measured: reading parsed JSON (the reader alone), reading
the JSON file (parse included), retained memory of the Directory and peak memory of the
load (tracemalloc), and, as a baseline for matching, one plain scan of three constraints.
"""

import argparse
import copy
import gc
import json
import statistics
import sys
import tempfile
import time
import tracemalloc
import uuid
from collections.abc import Callable
from datetime import date
from datetime import time as clock
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from commcare_ext.directory import Directory, Weekday, read_hsds  # noqa: E402

EXAMPLE = ROOT / "examples" / "directory" / "hsds" / "services.json"
NAMESPACE = uuid.UUID("0f3b7f0e-8c1d-4c55-9d7e-2b4f7a1e6c90")
TODAY = date(2026, 11, 25)
#: Issue 19: reading a directory file costs at most this many times json.loads of it.
READ_BUDGET = 2.0


def _fresh_ids(node: Any, clone: int) -> Any:
    if isinstance(node, dict):
        out = {}
        for key, value in node.items():
            if (key == "id" or key.endswith("_id")) and isinstance(value, str):
                out[key] = str(uuid.uuid5(NAMESPACE, f"{clone}:{value}"))
            else:
                out[key] = _fresh_ids(value, clone)
        return out
    if isinstance(node, list):
        return [_fresh_ids(item, clone) for item in node]
    return node


def synthetic(count: int) -> list[dict[str, Any]]:
    """``count`` services cloned from the example, every id fresh, coordinates jittered."""
    seeds = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    services = []
    for index in range(count):
        clone = _fresh_ids(copy.deepcopy(seeds[index % len(seeds)]), index)
        for site in clone["service_at_locations"]:
            location = site["location"]
            if "latitude" in location:
                location["latitude"] += (index % 97) * 0.003
                location["longitude"] -= (index % 89) * 0.003
        services.append(clone)
    return services


def _median_s(
    action: Callable[[], Any], repeats: int, clock: Callable[[], float] = time.perf_counter
) -> float:
    """Median seconds of ``repeats`` runs on ``clock`` (wall time, or ``time.process_time``)."""
    samples = []
    for _ in range(repeats):
        gc.collect()
        start = clock()
        action()
        samples.append(clock() - start)
    return statistics.median(samples)


def _scan(directory: Directory) -> int:
    """A plain full scan: Spanish-speaking staff, open Tuesday evening, free."""
    return sum(
        1
        for s in directory
        if s.languages.speaks("es")
        and s.schedule is not None
        and s.schedule.open_during(Weekday.TUESDAY, clock(17), clock(22))
        and s.cost.free
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--services", type=int, default=10_000)
    parser.add_argument("--repeats", type=int, default=3)
    args = parser.parse_args()
    services = synthetic(args.services)
    per = 10_000 / args.services

    read_hsds(services[:100], today=TODAY)  # warm-up
    in_memory = _median_s(lambda: read_hsds(list(services), today=TODAY), args.repeats)
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "services.json"
        path.write_text(json.dumps(services), encoding="utf-8")
        size_mb = path.stat().st_size / 1e6
        from_file = _median_s(lambda: read_hsds(path, today=TODAY), args.repeats)
        # Issue 19's budget: reading the file costs at most twice parsing it with json.loads
        # (both in CPU time, measured here in the same run).
        cpu = time.process_time
        parse_cpu = _median_s(lambda: json.loads(path.read_text("utf-8")), args.repeats, cpu)
        read_cpu = _median_s(lambda: read_hsds(path, today=TODAY), args.repeats, cpu)
        services.clear()
        gc.collect()
        tracemalloc.start()
        baseline = tracemalloc.get_traced_memory()[0]
        directory, report = read_hsds(path, today=TODAY)
        gc.collect()
        retained, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
    if not report.ok:
        raise SystemExit(f"the synthetic directory did not load cleanly: {report.summary()}")
    scan = _median_s(lambda: _scan(directory), max(args.repeats, 5))

    print(f"services: {len(directory)} ({size_mb:.1f} MB of HSDS JSON)")
    print(f"read parsed JSON:  {in_memory:.2f} s  = {in_memory * per:.2f} s per 10,000")
    print(f"read JSON file:    {from_file:.2f} s  = {from_file * per:.2f} s per 10,000")
    ratio = read_cpu / parse_cpu
    verdict = "within" if ratio <= READ_BUDGET else "OVER"
    print(
        f"CPU: read_hsds(file) {read_cpu:.2f} s, json.loads(same file) {parse_cpu:.2f} s: "
        f"{ratio:.2f}x ({verdict} the {READ_BUDGET:.0f}x budget)"
    )
    print(f"retained Directory: {(retained - baseline) / 1e6 * per:.1f} MB per 10,000 services")
    print(f"peak while loading: {(peak - baseline) / 1e6 * per:.1f} MB per 10,000 services")
    print(
        f"plain scan (es staff, Tue evening, free): {scan * 1000:.2f} ms "
        f"= {scan * 1000 * per:.2f} ms per 10,000 ({_scan(directory)} found)"
    )


if __name__ == "__main__":
    main()
