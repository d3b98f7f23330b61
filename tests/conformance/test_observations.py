"""US Core Observation Screening Assessment 7.0.0 and SDOHCC Observation Screening Response."""

import pytest

from commcare_ext.terminology.systems import SDOHCC_SCREENING_RESPONSE, US_CORE_SCREENING_ASSESSMENT
from tests.conformance.emitted import Resource, categories, claiming, ids

_SURVEY = ("http://terminology.hl7.org/CodeSystem/observation-category", "survey")
_SDOH = ("http://hl7.org/fhir/us/core/CodeSystem/us-core-category", "sdoh")
_SDOHCC = "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
_SDOHCC_CATEGORIES = {
    "sdoh-category-unspecified",
    "food-insecurity",
    "housing-instability",
    "homelessness",
    "inadequate-housing",
    "transportation-insecurity",
    "financial-insecurity",
    "material-hardship",
    "educational-attainment",
    "employment-status",
    "veteran-status",
    "stress",
    "social-connection",
    "intimate-partner-violence",
    "elder-abuse",
    "personal-health-literacy",
    "health-insurance-coverage-status",
    "medical-cost-burden",
    "digital-literacy",
    "digital-access",
    "utility-insecurity",
    "incarceration-status",
    "language-access",
}  # SDOHCC 2.3.0 ValueSet SDOH Category


@pytest.mark.parametrize("obs", claiming(US_CORE_SCREENING_ASSESSMENT), ids=ids)
def test_us_core_screening_assessment(obs: Resource) -> None:
    assert obs["status"], "Observation.status 1..1"
    assert _SURVEY in categories(obs), "Observation.category:survey 1..1 (fixed survey)"
    assert obs["code"]["coding"], "Observation.code 1..1"
    assert obs["subject"]["reference"], "Observation.subject 1..1"
    assert len(obs["effectiveDateTime"]) >= 10, "us-core-1: effective dateTime to the day"
    assert "hasMember" in obs or any(k.startswith("value") for k in obs), (
        "us-core-2: a value unless hasMember or component"
    )


@pytest.mark.parametrize("obs", claiming(SDOHCC_SCREENING_RESPONSE), ids=ids)
def test_sdohcc_screening_response(obs: Resource) -> None:
    assert obs["status"] in {"final", "corrected", "entered-in-error", "unknown"}, (
        "Observation.status from SDOHCC ObservationStatus (required)"
    )
    assert len(obs["category"]) >= 2, "Observation.category 2..*"
    assert _SDOH in categories(obs), "SDOH-Obs-4: a category us-core-category#sdoh"
    for system, code in categories(obs):
        if system == _SDOHCC:
            assert code in _SDOHCC_CATEGORIES, "Observation.category:SDOHCC (required binding)"
    assert obs["code"]["coding"][0]["system"] == "http://loinc.org", (
        "Observation.code from USCoreSurveyCodes (required): LOINC"
    )
    assert obs["subject"]["reference"], "Observation.subject 1..1"
    assert obs["effectiveDateTime"], "Observation.effective[x] 1..1"
    if "valueQuantity" in obs:
        assert obs["valueQuantity"]["system"] == "http://unitsofmeasure.org", "UCUM (required)"
    derived = len(obs.get("derivedFrom", [])) > 1
    assert not (derived and "performer" in obs), "a derived response has no performer"
