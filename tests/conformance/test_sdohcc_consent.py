"""SDOHCC Consent 2.3.0 and BSeR Patient Consent."""

import pytest

from commcare_ext.terminology.systems import BSER_PATIENT_CONSENT, SDOHCC_CONSENT
from tests.conformance.emitted import (
    Resource,
    categories,
    claiming,
    entries_by_url,
    ids,
    target_kind,
)

_IDSCL = ("http://terminology.hl7.org/CodeSystem/v3-ActCode", "IDSCL")


@pytest.mark.parametrize("consent", claiming(SDOHCC_CONSENT), ids=ids)
def test_sdohcc_consent(consent: Resource) -> None:
    assert consent["status"] == "active", "Consent.status (MS; active when exchanged)"
    assert consent["scope"]["coding"][0]["code"] == "patient-privacy", "Consent.scope"
    assert _IDSCL in categories(consent), "Consent.category:IDSCL 1..1 (fixed v3-ActCode#IDSCL)"
    assert consent["patient"]["reference"], "Consent.patient 1..1"
    assert consent["dateTime"], "Consent.dateTime 1..1"
    assert len(consent["organization"]) == 1, "Consent.organization 1..1"
    by_url = entries_by_url()
    assert target_kind(by_url, consent["organization"][0]["reference"]) == "Organization"
    source = consent["sourceReference"]  # Consent.source[x] 1..1
    kind = source.get("type") or target_kind(by_url, source["reference"])
    assert kind == "QuestionnaireResponse", "source[x]: the QuestionnaireResponse"


@pytest.mark.parametrize("consent", claiming(BSER_PATIENT_CONSENT), ids=ids)
def test_bser_patient_consent(consent: Resource) -> None:
    for element in ("status", "scope", "category", "patient", "dateTime", "provision"):
        assert consent.get(element), f"Consent.{element} 1..1 (BSeR)"
    assert len(consent["performer"]) == 1, "Consent.performer 1..1 (BSeR)"
    by_url = entries_by_url()
    assert target_kind(by_url, consent["performer"][0]["reference"]) in {
        "Patient",
        "RelatedPerson",
    }, "Consent.performer only BSeRPatient or RelatedPerson"
    assert consent["provision"]["type"] in {"permit", "deny"}, "Consent.provision.type 1..1"
