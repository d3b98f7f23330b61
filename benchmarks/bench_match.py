"""Matching one intake against 10,000 and 100,000 HSDS services, against a plain full scan.

    .venv/bin/python benchmarks/bench_match.py [--repeats N] [--no-memory]

10,000 services are generated (benchmarks/hsds_generator.py) and read with ``read_hsds``;
memory per 10,000 services is what that directory keeps allocated (tracemalloc). 100,000 are
the same 10,000 ten times over, each copy with its own id and its sites moved (sub-records
shared), so the match does ten times the work. Reported: medians of repeats of

* ``match``: ``match()`` as a caller uses it (exclusion reasons and proposal notes are worked
  out when read);
* ``match+all``: the same, then reading every exclusion's reasons and every proposal's notes;
* ``naive``: a plain full scan written here: every constraint of every service, recomputing
  the person's side each time, no cheap-first order, no stopping at the first failure.

The naive scan must agree with ``match()`` on which services are proposed, or the run fails.
"""

import argparse
import dataclasses
import gc
import math
import statistics
import sys
import time
import tracemalloc
from collections.abc import Callable
from datetime import date
from functools import partial
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from benchmarks.hsds_generator import generate  # noqa: E402
from commcare_ext.directory import (  # noqa: E402
    Directory,
    Location,
    Population,
    Service,
    ServiceMode,
    ServiceStatus,
    read_hsds,
)
from commcare_ext.intake import AccessBarrier, Intake, TakingPart  # noqa: E402
from commcare_ext.matching import match  # noqa: E402

TODAY = date(2026, 11, 24)
NEAR = (44.97, -93.26)  # Minneapolis, where a sixth of the generated sites are


def _timed_ms(action: Callable[[], object], repeats: int) -> tuple[float, float]:
    """Median and minimum milliseconds of ``repeats`` runs (the machine may be shared)."""
    samples = []
    for _ in range(repeats):
        gc.collect()
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples), min(samples)


def _load(count: int, memory: bool) -> tuple[Directory, float | None]:
    raw = generate(count)
    gc.collect()
    if memory:
        tracemalloc.start()
    directory, report = read_hsds(raw, today=TODAY)
    del report, raw
    gc.collect()
    used = None
    if memory:
        used = tracemalloc.get_traced_memory()[0] / 1e6
        tracemalloc.stop()
    if len(directory) != count:
        raise SystemExit(f"read {len(directory)} of {count} generated services")
    return directory, used


def _ten_times(directory: Directory) -> Directory:
    copies = []
    for copy in range(10):
        for service in directory:
            moved = tuple(
                dataclasses.replace(
                    site,
                    id=f"{site.id}~{copy}",
                    latitude=None if site.latitude is None else site.latitude + copy * 0.01,
                    longitude=site.longitude,
                )
                for site in service.locations
            )
            copies.append(dataclasses.replace(service, id=f"{service.id}~{copy}", locations=moved))
    return Directory(copies)


def _read_everything(intake: Intake, directory: Directory) -> int:
    result = match(intake, directory, near=NEAR, today=TODAY)
    found = sum(len(e.because) for e in result.excluded)
    return found + sum(len(p.reasons) + len(p.cautions) for p in result.proposals)


# --- the plain full scan --------------------------------------------------------------------


def _km(a: tuple[float, float], site: Location) -> float | None:
    if site.latitude is None or site.longitude is None:
        return None
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, site.latitude, site.longitude))
    h = math.sin((lat2 - lat1) / 2) ** 2
    h += math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def _naive_failures(intake: Intake, service: Service, near: tuple[float, float]) -> list[str]:
    """Every constraint ``service`` fails, recomputing the person's side each time."""
    failed = []
    barriers = set(intake.barriers.barriers)
    if service.status is not ServiceStatus.ACTIVE:
        failed.append("active")
    wanted = set(intake.care.preferred_supports)
    if wanted and not wanted & service.support_types:
        failed.append("support-type")
    tags = [intake.language.preferred_language, *intake.language.other_languages]
    spoken = any(service.languages.speaks(tag) for tag in tags)
    barrier = intake.language.interpreter_needed or AccessBarrier.LANGUAGE in barriers
    listed = bool(service.languages.staff_languages)
    if not spoken and not service.languages.interpretation and (listed or barrier):
        failed.append("language")
    cost = service.cost
    if barriers & {AccessBarrier.COST, AccessBarrier.INSURANCE} and not (
        cost.free is True or cost.sliding_scale
    ):
        failed.append("cost")
    failed.extend(_naive_eligibility(intake, service))
    if service.discretion.conflicts(intake.privacy.discreet_contact):
        failed.append("discreet-contact")
    postal = intake.practical.postal_code if intake.practical else None
    area = service.service_area.postal_codes
    if postal and area and "".join(postal.split()).upper() not in area:
        failed.append("service-area")
    if AccessBarrier.DIGITAL_ACCESS in barriers and service.remote_only:
        failed.append("digital-access")
    if not _naive_reachable(intake, service, near):
        failed.append("reachable")
    if not _naive_hours(intake, service):
        failed.append("hours")
    return failed


def _naive_eligibility(intake: Intake, service: Service) -> list[str]:
    born, rule = intake.patient.birth_date, service.eligibility
    age = None
    if born is not None:
        age = TODAY.year - born.year - ((TODAY.month, TODAY.day) < (born.month, born.day))
    failed = []
    if (rule.minimum_age is not None or rule.maximum_age is not None) and (
        age is None or not rule.admits_age(age)
    ):
        failed.append("eligibility-age")
    if rule.genders:
        failed.append("eligibility-gender")  # the benchmark intake names no gender
    ages = {Population.YOUTH} if age is not None and age <= 24 else set()
    if age is not None and age >= 60:
        ages.add(Population.OLDER_ADULTS)
    if rule.populations and not rule.populations & ages:
        failed.append("eligibility-population")
    return failed


def _naive_reachable(intake: Intake, service: Service, near: tuple[float, float]) -> bool:
    barriers = set(intake.barriers.barriers)
    practical = intake.practical
    willing = (
        set(practical.ways_to_take_part)
        if practical and practical.ways_to_take_part
        else set(TakingPart)
    )
    remote = {
        ServiceMode.PHONE: TakingPart.PHONE in willing,
        ServiceMode.VIDEO: TakingPart.VIDEO in willing,
        ServiceMode.TEXT: TakingPart.TEXT in willing,
    }
    digital = AccessBarrier.DIGITAL_ACCESS in barriers
    if not digital and any(remote[m] for m in service.modes if m in remote):
        return True
    if ServiceMode.IN_PERSON not in service.modes or TakingPart.IN_PERSON not in willing:
        return False
    transport = barriers & {AccessBarrier.TRANSPORT, AccessBarrier.DISTANCE}
    limit = 5.0 if transport else 80.0
    distances = [km for site in service.locations if (km := _km(near, site)) is not None]
    return any(km <= limit for km in distances)


def _naive_hours(intake: Intake, service: Service) -> bool:
    practical = intake.practical
    if practical is None or not practical.availability:
        return True
    if service.schedule is None:
        return bool(service.modes) and service.modes <= {ServiceMode.TEXT}
    days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
    for window in practical.availability:
        start = window.start.hour * 60 + window.start.minute
        end = (window.end.hour * 60 + window.end.minute) or 1440
        for day in window.days:
            free = (days.index(day.value) * 1440 + start, days.index(day.value) * 1440 + end)
            for opens, closes in service.schedule.week_ranges:
                overlap = min(closes, free[1]) - max(opens, free[0])
                if overlap > 0 and overlap >= min(60, closes - opens, free[1] - free[0]):
                    return True
    return False


def naive_match(intake: Intake, directory: Directory) -> tuple[list[str], dict[str, list[str]]]:
    """Proposed ids (sorted) and every excluded service's failures, the plain way."""
    proposed, excluded = [], {}
    for service in directory:
        failures = _naive_failures(intake, service, NEAR)
        if failures:
            excluded[service.id] = failures
        else:
            proposed.append(service.id)
    return sorted(proposed), excluded


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=15)
    parser.add_argument("--no-memory", action="store_true", help="skip tracemalloc (faster)")
    args = parser.parse_args()
    intake = Intake.model_validate_json(
        (ROOT / "examples" / "intakes" / "maria-garcia.json").read_text("utf-8")
    )
    started = time.perf_counter()
    ten_thousand, megabytes = _load(10_000, not args.no_memory)
    print(f"generated and read 10,000 HSDS services in {time.perf_counter() - started:.1f} s")
    if megabytes is not None:
        print(f"memory kept by the directory: {megabytes:.1f} MB per 10,000 services")
    sizes = {10_000: ten_thousand, 100_000: _ten_times(ten_thousand)}
    match(intake, ten_thousand, near=NEAR, today=TODAY)  # warm-up
    print("milliseconds, median (min) of repeats; naive/match is the ratio of medians")
    print(f"{'services':>9} {'proposed':>9} {'match':>14} {'match+all':>14} {'naive':>14} ratio")
    medians = {}
    for count, directory in sizes.items():
        _check_agreement(intake, directory)
        proposed = len(match(intake, directory, near=NEAR, today=TODAY).proposals)
        few = max(3, args.repeats // 3)
        fast = _timed_ms(partial(match, intake, directory, near=NEAR, today=TODAY), args.repeats)
        full = _timed_ms(partial(_read_everything, intake, directory), few)
        naive = _timed_ms(partial(naive_match, intake, directory), few)
        medians[count] = fast[0]
        print(
            f"{count:>9,} {proposed:>9,} {_ms(fast)} {_ms(full)} {_ms(naive)} "
            f"{naive[0] / fast[0]:>4.1f}x"
        )
    print(f"growth 10,000 -> 100,000: {medians[100_000] / medians[10_000]:.1f}x (linear: 10x)")
    gc.freeze()  # a server keeps its directory for hours: out of the collector's way
    frozen = _timed_ms(partial(match, intake, ten_thousand, near=NEAR, today=TODAY), args.repeats)
    print(f"10,000 after gc.freeze(): {_ms(frozen)}")


def _ms(timing: tuple[float, float]) -> str:
    return f"{timing[0]:>7.1f} ({timing[1]:>5.1f})"


def _check_agreement(intake: Intake, directory: Directory) -> None:
    result = match(intake, directory, near=NEAR, today=TODAY)
    naive_ids, _ = naive_match(intake, directory)
    ours = sorted(p.service_id for p in result.proposals)
    if ours != naive_ids:
        count = len(directory)
        raise SystemExit(f"the naive scan disagrees at {count}: {len(ours)} vs {len(naive_ids)}")


if __name__ == "__main__":
    main()
