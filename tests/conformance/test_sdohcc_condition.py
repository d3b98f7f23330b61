"""SDOHCC Condition 2.3.0: confirmed health concerns."""

import pytest

from commcare_ext.terminology.systems import SDOHCC_CONDITION
from tests.conformance.emitted import (
    Resource,
    categories,
    claiming,
    entries_by_url,
    ids,
    target_kind,
)

_HEALTH_CONCERN = ("http://hl7.org/fhir/us/core/CodeSystem/condition-category", "health-concern")
_SDOH = ("http://hl7.org/fhir/us/core/CodeSystem/us-core-category", "sdoh")
_SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"


@pytest.mark.parametrize("condition", claiming(SDOHCC_CONDITION), ids=ids)
def test_sdohcc_condition(condition: Resource) -> None:
    found = categories(condition)
    assert len(condition["category"]) >= 2, "Condition.category 2..*"
    assert _HEALTH_CONCERN in found, "SDOH-Con-2: problem-list-item or health-concern"
    assert _SDOH in found, "SDOH-Con-3: a category us-core-category#sdoh"
    assert any(system == _SDOHCC for system, _ in found), "Condition.category:SDOHCC"
    assert condition["code"]["coding"][0]["system"] == "http://snomed.info/sct", (
        "Condition.code from US Core Condition Codes (SNOMED CT)"
    )
    assert condition["clinicalStatus"]["coding"][0]["code"] == "active"
    assert condition["verificationStatus"]["coding"][0]["code"] == "confirmed", (
        "written only once a clinician confirmed it"
    )
    assert condition["subject"]["reference"], "Condition.subject 1..1"
    assert "bodySite" not in condition and "stage" not in condition, "bodySite/stage 0..0"
    assert "asserter" in condition, "Condition.asserter (MS); SDOH-Con-1: at most one"
    by_url = entries_by_url()
    details = [d["reference"] for e in condition["evidence"] for d in e.get("detail", [])]
    assert details, "Condition.evidence.detail (MS): the Observations behind it"
    assert {target_kind(by_url, d) for d in details} <= {"Observation"}
