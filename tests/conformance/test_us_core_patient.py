"""US Core Patient 7.0.0 (and BSeR Patient, its child): required elements and bindings."""

import pytest

from commcare_ext.terminology.systems import BSER_PATIENT, US_CORE_PATIENT
from tests.conformance.emitted import Resource, claiming, ids

_DAR = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
_INTERPRETER = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed"
_YES_NO_UNKNOWN = {"373066001", "373067005", "261665006"}


@pytest.mark.parametrize("patient", claiming(US_CORE_PATIENT), ids=ids)
def test_us_core_patient(patient: Resource) -> None:
    assert patient["identifier"], "Patient.identifier 1..*"
    for identifier in patient["identifier"]:
        assert identifier["system"] and identifier["value"], "Patient.identifier.system/value 1..1"
    assert patient["name"], "Patient.name 1..*"
    for name in patient["name"]:
        has_part = "family" in name or "given" in name
        on_family = name.get("_family", {}).get("extension", [])
        absent = any(e["url"] == _DAR for e in [*name.get("extension", []), *on_family])
        assert has_part != absent, "a family or given name, xor a data-absent-reason"
        # US Core 7.0.0 us-core-6 (on Patient.name) and BSeR's (on Patient, from US Core
        # 5.0.1) both hold only when the reason sits on name.family, not on the name.
        assert not any(e["url"] == _DAR for e in name.get("extension", [])), "us-core-6"
    assert patient["gender"] in {"male", "female", "other", "unknown"}, (
        "Patient.gender 1..1, required binding administrative-gender"
    )
    for communication in patient.get("communication", []):
        assert communication["language"]["coding"][0]["system"] == "urn:ietf:bcp:47", (
            "Patient.communication.language: BCP-47 (simple-language, extensible)"
        )
    for extension in patient.get("extension", []):
        if extension["url"] == _INTERPRETER:
            coding = extension["valueCoding"]  # Extension.value[x] only Coding, 1..1
            assert coding["system"] == "http://snomed.info/sct"
            assert coding["code"] in _YES_NO_UNKNOWN, "required binding: yes/no/unknown"


def test_every_us_core_patient_here_is_also_checked_as_bser() -> None:
    # BSeRPatient = US Core Patient + an optional telecom extension: nothing more to require.
    assert claiming(BSER_PATIENT)
