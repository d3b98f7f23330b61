"""Properties of the readers: whatever a directory holds, the load never crashes and every
record is accounted for — loaded, or listed as skipped with where and why.

Shown able to fail: with the report line in ``HsdsServiceReader.read`` (``except SkipRecord``)
removed, the first property finds a service that vanished without a word.
"""

import copy
import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.directory import read_fhir_resources, read_hsds
from tests.budget import cases

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)
_SERVICES = json.loads((ROOT / "examples/directory/hsds/services.json").read_text("utf-8"))
#: A few unlike services: in person with two schedules, online, monthly, paid and waitlisted.
SEEDS = [_SERVICES[i] for i in (1, 9, 12, 32, 47, 63)]
_BUNDLE = json.loads((ROOT / "examples/directory/fhir/bundle.json").read_text("utf-8"))
RESOURCES = [entry["resource"] for entry in _BUNDLE["entry"]][:12]

_KEYS = st.text(max_size=8).filter(lambda k: k not in ("services", "contents", "resourceType"))
JSON_VALUES = st.recursive(
    st.none()
    | st.booleans()
    | st.integers(-(10**6), 10**6)
    | st.floats(allow_nan=True, allow_infinity=True)
    | st.text(max_size=12)
    | st.sampled_from(["", "24:00", "MO", "-1FR", "active", "1999-02-30", "physical", "es"]),
    lambda children: st.lists(children, max_size=3) | st.dictionaries(_KEYS, children, max_size=3),
    max_leaves=6,
)

#: Values that break naive parsing: half of all replacements are one of these.
ODD_SCALARS: st.SearchStrategy[Any] = st.sampled_from(
    [float("nan"), float("inf"), -1, 0, 1e308, 0.5, True, "", " ", "x", None, [], {}, "24:00"]
)

Path_ = tuple[Any, ...]


def _paths(node: Any, here: Path_ = ()) -> Iterator[Path_]:
    items = (
        node.items()
        if isinstance(node, dict)
        else enumerate(node)
        if isinstance(node, list)
        else ()
    )
    for key, child in items:
        yield (*here, key)
        yield from _paths(child, (*here, key))


def _mutate(data: st.DataObject, records: list[Any]) -> None:
    for _ in range(data.draw(st.integers(1, 6), label="mutations")):
        paths = list(_paths(records))
        if not paths:
            return
        # Choose a field name first, so a rare field (minimum_age) is hit as often as a
        # common one (id); then one place where it occurs.
        names = sorted({str(p[-1]) for p in paths})
        name = data.draw(st.sampled_from(names), label="field")
        path = data.draw(st.sampled_from([p for p in paths if str(p[-1]) == name]), label="path")
        parent = records
        for key in path[:-1]:
            parent = parent[key]
        if isinstance(parent, dict) and data.draw(st.booleans(), label="delete"):
            del parent[path[-1]]
        else:
            parent[path[-1]] = data.draw(st.one_of(ODD_SCALARS, JSON_VALUES), label="value")


@settings(max_examples=cases(600), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_hsds_record_is_loaded_or_reported(data: st.DataObject) -> None:
    services = copy.deepcopy(data.draw(st.lists(st.sampled_from(SEEDS), min_size=1, max_size=3)))
    _mutate(data, services)
    directory, report = read_hsds(services, today=TODAY)
    assert report.services_read == len(services)
    assert len(directory) + len(report.skipped_ids("service")) == len(services)
    for problem in report.problems:
        assert problem.field, problem
        assert problem.message, problem


@settings(max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_every_fhir_healthcare_service_is_loaded_or_reported(data: st.DataObject) -> None:
    resources = copy.deepcopy(RESOURCES)
    _mutate(data, resources)
    services = [
        r for r in resources if isinstance(r, dict) and r.get("resourceType") == "HealthcareService"
    ]
    directory, report = read_fhir_resources(resources, today=TODAY)
    assert report.services_read == len(services)
    assert len(directory) + len(report.skipped_ids("HealthcareService")) == len(services)
