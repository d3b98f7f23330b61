"""The library's ViewDefinitions on what the library itself writes, and on the fast path.

Each example intake is extracted into its transaction Bundle; the entries become Bulk Data
resources (``Type/id`` references, as a server or ``batch`` writes them) and every view is run
over them. The rows must say what the intake said.
"""

from typing import Any

import pytest

from commcare_ext.extract import extract
from commcare_ext.fhir import rewrite_references
from commcare_ext.outcomes import PlantedEffects, synthetic_population
from commcare_ext.referral import transaction_bundle
from commcare_ext.terminology.systems import CANONICAL_BASE
from commcare_ext.views import TABLES, compile_view, library_view, library_views
from commcare_ext.views import fhirpath as fhirpath_module
from tests.fixtures import EXAMPLE_NAMES, context_for, load_example


def bulk_resources(name: str) -> list[dict[str, Any]]:
    """The example's transaction Bundle as Bulk Data resources with ``Type/id`` references."""
    intake = load_example(name)
    bundle = transaction_bundle(extract(intake, context=context_for(intake)))
    ids = {
        entry["fullUrl"]: (entry["resource"]["resourceType"], entry["fullUrl"].rsplit(":", 1)[-1])
        for entry in bundle["entry"]
    }
    resources = []
    for entry in bundle["entry"]:
        _, resource_id = ids[entry["fullUrl"]]
        resource = rewrite_references(
            entry["resource"], lambda ref: "/".join(ids[ref]) if ref in ids else ref
        )
        resource["id"] = resource_id
        resources.append(resource)
    return resources


def rows(table: str, resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return list(compile_view(library_view(table)).run(resources))


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_the_views_read_what_the_intake_said(name: str) -> None:
    intake = load_example(name)
    resources = bulk_resources(name)
    (patient,) = rows("patient", resources)
    assert patient["language"] == intake.language.preferred_language
    assert patient["interpreter_needed"] == (
        "373066001" if intake.language.interpreter_needed else "373067005"
    )
    supports = {r["support_type"] for r in rows("preferred_support", resources)}
    assert supports == {s.value for s in intake.care.preferred_supports}
    assert all(r["patient_key"] == patient["patient_key"] for r in rows("score", resources))
    referrals = rows("referral", resources)
    expected = set(supports) if intake.care.referral_consent else set()
    assert {r["support_type"] for r in referrals} == expected
    tasks = rows("referral_task", resources)
    assert {t["referral_key"] for t in tasks} == {r["referral_key"] for r in referrals}
    assert all(t["status"] == "requested" for t in tasks)
    organisations = {o["organisation_key"] for o in rows("organisation", resources)}
    assert {r["organisation_key"] for r in referrals} <= organisations
    concerns = {r["concern"] for r in rows("stigma_concern", resources)}
    assert concerns == {c.value for c in intake.privacy.concerns}


def test_the_instrument_totals_are_read_as_scores() -> None:
    scores = {s["instrument"]: s["score"] for s in rows("score", bulk_resources("maria-garcia"))}
    # MOS-SSS overall index, PHQ-9 total and GAD-7 total, as extraction writes them.
    assert set(scores) == {"91663-5", "44261-6", "70274-6"}
    assert 0 <= scores["91663-5"] <= 100
    assert 0 <= scores["44261-6"] <= 27
    assert 0 <= scores["70274-6"] <= 21


def test_every_view_is_published_with_our_canonical_url() -> None:
    views = library_views()
    assert set(views) == set(TABLES)
    for table, view in views.items():
        assert view["resourceType"] == "ViewDefinition"
        assert view["url"] == f"{CANONICAL_BASE}/ViewDefinition/{TABLES[table]}"
        compile_view(view)


def test_the_fast_path_gives_fhirpathpy_rows_on_library_data(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    resources = [r for name in EXAMPLE_NAMES for r in bulk_resources(name)]
    resources += list(synthetic_population(40, seed=1, effects=PlantedEffects.issue_example()))
    fast = {table: rows(table, resources) for table in TABLES}
    monkeypatch.setattr(fhirpath_module, "FAST_PATH", False)
    slow = {table: rows(table, resources) for table in TABLES}
    assert fast == slow
    assert all(fast[t] for t in TABLES if t != "follow_up"), "a view found nothing: no check"
