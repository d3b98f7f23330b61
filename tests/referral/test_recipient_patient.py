"""The recipient's Patient is reduced from the extracted one, and checked before it leaves."""

import dataclasses
import json
import subprocess
import sys
import uuid
from typing import Any

import pytest

from commcare_ext.extract import DisclosureCategory, ExtractedResources, extract
from commcare_ext.referral import (
    DisclosureError,
    DisclosurePolicy,
    check_references,
    disclose,
    policy_for,
    referral_message_bundle,
)
from commcare_ext.referral.disclosure import check_reduced_patient
from commcare_ext.terminology.systems import PATIENT_RELIGION, US_CORE_INTERPRETER_NEEDED
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example

_C = DisclosureCategory


def _patient_in(bundle: dict[str, Any]) -> dict[str, Any]:
    patients: list[dict[str, Any]] = [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient"
    ]
    assert len(patients) == 1
    return patients[0]


def _maria() -> tuple[ExtractedResources, str]:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    return extracted, extracted.service_requests[0].resource["performer"][0]["reference"]


def test_policy_for_reads_the_extraction() -> None:
    extracted, _ = _maria()
    assert policy_for(extracted) == DisclosurePolicy(extracted.referral_sharing.permitted)
    assert policy_for(extracted).permitted == {
        _C.CONTACT_DETAILS,
        _C.LANGUAGE_NEEDS,
        _C.CARE_PREFERENCES,
        _C.ACCESS_BARRIERS,
    }
    declined = load_example("jordan-lee")
    assert policy_for(extract(declined, context=context_for(declined))).permitted == frozenset()


#: What every recipient's Patient holds: identity plus US Core's masked name and gender.
_MINIMAL = {"resourceType", "id", "meta", "identifier", "active", "text", "name", "gender"}
_MASKED = {
    "url": "http://hl7.org/fhir/StructureDefinition/data-absent-reason",
    "valueCode": "masked",
}


def test_the_patient_is_reduced_from_the_extracted_patient() -> None:
    """A name that only the extracted Patient holds is what the recipient gets."""
    extracted, recipient = _maria()
    assert extracted.patient is not None
    source = json.loads(json.dumps(extracted.patient.resource))
    source["name"] = [{"text": "Only-In-The-Extraction"}]
    source["communication"] = [
        {"language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "nah"}]}}
    ]
    changed = dataclasses.replace(
        extracted, patient=dataclasses.replace(extracted.patient, resource=source)
    )
    patient = disclose(changed, recipient, policy_for(changed))[0]
    assert patient["name"] == [{"text": "Only-In-The-Extraction"}]
    assert patient["communication"] == source["communication"]
    assert patient["extension"] == [
        e for e in source["extension"] if e["url"] == US_CORE_INTERPRETER_NEEDED
    ]
    assert patient["extension"][0]["valueCoding"]["code"] == "373066001"
    assert patient["identifier"] == source["identifier"]


def test_religion_and_withheld_elements_stay_home() -> None:
    extracted, recipient = _maria()
    assert extracted.patient is not None
    assert any(e["url"] == PATIENT_RELIGION for e in extracted.patient.resource["extension"])
    only_core = disclose(extracted, recipient, DisclosurePolicy(frozenset()))[0]
    assert set(only_core) == _MINIMAL
    assert only_core["name"] == [{"_family": {"extension": [_MASKED]}}]
    assert only_core["gender"] == "unknown"
    everything = DisclosurePolicy(frozenset(DisclosureCategory))
    shared = disclose(extracted, recipient, everything)[0]
    assert PATIENT_RELIGION not in json.dumps(shared)
    assert {"name", "birthDate", "communication", "extension"} <= set(shared)


def test_an_existing_ehr_patient_gets_the_minimal_patient() -> None:
    intake = load_example("maria-garcia")
    context = context_for(intake).model_copy(update={"patient_reference": "Patient/ehr-4711"})
    extracted = extract(intake, context=context)
    assert extracted.patient is None
    bundles = [
        referral_message_bundle(extracted, DIRECTORY[t.kind], clinic=CLINIC)
        for t in context.referrals
    ]
    assert bundles
    for bundle in bundles:
        check_references(bundle)
        patient = _patient_in(bundle)
        assert set(patient) == _MINIMAL
        assert patient["identifier"] == [
            {"system": intake.patient.identifier_system, "value": intake.patient.identifier_value}
        ]
        for entry in bundle["entry"]:
            uuid.UUID(entry["fullUrl"].removeprefix("urn:uuid:"))
        assert "ehr-4711" not in json.dumps(bundle)


@pytest.mark.parametrize(
    ("patient", "policy", "element"),
    [
        (
            {"extension": [{"url": US_CORE_INTERPRETER_NEEDED}, {"url": PATIENT_RELIGION}]},
            DisclosurePolicy(frozenset({_C.LANGUAGE_NEEDS})),
            "Patient.extension[1]",
        ),
        ({"name": [{"text": "Secret Name"}]}, DisclosurePolicy(frozenset()), "Patient.name"),
        (
            {"extension": [{"url": US_CORE_INTERPRETER_NEEDED}]},
            DisclosurePolicy(frozenset({_C.CONTACT_DETAILS})),
            "Patient.extension",
        ),
        ({"gender": "female"}, DisclosurePolicy(frozenset()), "Patient.gender"),
        ({"birthDate": "1990-01-01"}, DisclosurePolicy(frozenset()), "Patient.birthDate"),
    ],
)
def test_the_guard_refuses_a_patient_with_more_than_allowed(
    patient: dict[str, Any], policy: DisclosurePolicy, element: str
) -> None:
    base = {"resourceType": "Patient", "id": "p", "identifier": [], "active": True}
    with pytest.raises(DisclosureError) as caught:
        check_reduced_patient(base | patient, policy)
    assert caught.value.element == element
    assert "Secret" not in str(caught.value)
    assert "female" not in str(caught.value)


def test_the_guard_passes_what_is_allowed() -> None:
    extracted, recipient = _maria()
    patient = disclose(extracted, recipient, policy_for(extracted))[0]
    check_reduced_patient(patient, policy_for(extracted))


def test_the_guard_stays_on_under_python_optimise() -> None:
    program = (
        "from commcare_ext.referral import DisclosureError, DisclosurePolicy\n"
        "from commcare_ext.referral.disclosure import check_reduced_patient\n"
        "try:\n"
        "    check_reduced_patient({'resourceType': 'Patient', 'name': []},"
        " DisclosurePolicy(frozenset()))\n"
        "except DisclosureError:\n"
        "    raise SystemExit(0)\n"
        "raise SystemExit(1)\n"
    )
    result = subprocess.run([sys.executable, "-O", "-c", program], check=False, timeout=60)
    assert result.returncode == 0
