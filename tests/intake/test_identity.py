"""Who the person is and how they communicate: model rules, form, round trip, extraction."""

import json
from typing import Any

import pytest
from fhir.resources.R4B.observation import Observation
from fhir.resources.R4B.patient import Patient
from hypothesis import HealthCheck, given, settings
from pydantic import ValidationError

from commcare_ext.extract import extract
from commcare_ext.intake import (
    CommunicationNeed,
    GenderIdentity,
    Intake,
    InterpreterToday,
    MigrationStatus,
    Pronouns,
)
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from commcare_ext.summary import summary_text
from tests.budget import cases
from tests.fixtures import context_for, load_example
from tests.strategies import intakes

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")


def _with_identity(**identity: Any) -> Intake:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["identity"] = identity
    return Intake.model_validate(data)


def _amina() -> Intake:
    return _with_identity(
        gender_identity=GenderIdentity.NON_BINARY,
        pronouns=Pronouns.OWN_WORDS,
        pronouns_own_words="xe/xem",
        communication_needs=[CommunicationNeed.HEARING_LOSS, CommunicationNeed.LARGE_PRINT],
        interpreter_today=InterpreterToday.FAMILY_MEMBER,
        professional_interpreter_needed=True,
        clinician_language="es",
        migration_status=MigrationStatus.ASYLUM_SEEKER,
    )


@settings(max_examples=cases(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes())
def test_identity_answers_round_trip_in_every_language(intake: Intake) -> None:
    for language in LANGUAGES:
        read = response_to_intake(intake_to_response(intake, language=language))
        assert read.identity == intake.identity


def test_own_words_only_with_their_answer() -> None:
    with pytest.raises(ValidationError, match="pronouns_own_words"):
        _with_identity(pronouns=Pronouns.THEY, pronouns_own_words="they")
    with pytest.raises(ValidationError, match="migration_own_words"):
        _with_identity(migration_own_words="I left in 2019")
    with pytest.raises(ValidationError, match="communication_needs"):
        _with_identity(communication_needs=["need-large-print", "need-large-print"])


def test_declining_is_an_answer_that_extracts_as_asked_declined() -> None:
    intake = _with_identity(gender_identity=GenderIdentity.DECLINED, pronouns=Pronouns.DECLINED)
    assert response_to_intake(intake_to_response(intake, language="ar")) == intake
    patient = extract(intake, context=context_for(intake)).patient
    assert patient is not None
    extensions = {e["url"]: e for e in patient.resource["extension"]}
    gender = extensions["http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity"]
    assert gender["valueCodeableConcept"]["coding"][0]["code"] == "asked-declined"
    pronouns = extensions["http://hl7.org/fhir/StructureDefinition/individual-pronouns"]
    assert pronouns["extension"][0]["valueCodeableConcept"]["coding"][0]["code"] == (
        "asked-declined"
    )


def test_identity_extracts_to_the_right_fhir_elements() -> None:
    intake = _amina()
    extracted = extract(intake, context=context_for(intake))
    assert extracted.patient is not None
    patient = extracted.patient.resource
    Patient.model_validate(patient)
    extensions = {e["url"]: e for e in patient["extension"]}
    gender = extensions["http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity"]
    assert gender["valueCodeableConcept"]["coding"][0] == {
        "system": "http://snomed.info/sct",
        "code": "33791000087105",
        "display": "Non-binary gender identity",
    }
    pronouns = extensions["http://hl7.org/fhir/StructureDefinition/individual-pronouns"]
    assert pronouns["extension"] == [{"url": "value", "valueCodeableConcept": {"text": "xe/xem"}}]
    found = {
        o.resource["code"]["coding"][0]["code"]: o
        for o in extracted.observations
        if o.resource["code"]["coding"][0]["code"]
        in {
            "communication-needs",
            "interpreter-today",
            "professional-interpreter-needed",
            "language-for-clinician",
            "migration-status",
        }
    }
    assert set(found) == {
        "communication-needs",
        "interpreter-today",
        "professional-interpreter-needed",
        "language-for-clinician",
        "migration-status",
    }
    for observation in found.values():
        Observation.model_validate(observation.resource)
    needs = [
        o.resource["valueCodeableConcept"]["coding"][0]["code"]
        for o in extracted.observations
        if o.resource["code"]["coding"][0]["code"] == "communication-needs"
    ]
    assert needs == ["need-hearing-loss", "need-large-print"]
    assert (
        found["language-for-clinician"].resource["valueCodeableConcept"]["coding"][0]
        == {
            "system": "urn:ietf:bcp:47",
            "code": "es",
            "display": "Spanish",
        }
        or found["language-for-clinician"].resource["valueCodeableConcept"]["coding"][0]["code"]
        == "es"
    )
    assert found["professional-interpreter-needed"].resource["valueBoolean"] is True
    # migration status never leaves the EHR; language needs follow the referral consent
    assert found["migration-status"].category.value == "ehr-only"
    assert found["interpreter-today"].category.value == "referral-share-language"
    assert "asylum" not in json.dumps(patient).lower()


def test_nothing_answered_adds_nothing() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    assert extracted.patient is not None
    urls = {e["url"] for e in extracted.patient.resource["extension"]}
    assert not any("gender" in u or "pronouns" in u for u in urls)


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_summary_names_pronouns_needs_and_interpreting(language: str) -> None:
    text = summary_text(_amina(), language=language)
    assert "xe/xem" in text
    if language == "en":
        assert "Pronouns: xe/xem" in text
        assert "Communication needs: Hearing loss, Large print" in text
        assert "Refugee or asylum status (as the patient stated it): Seeking asylum" in text
        assert "Interpreting today: A family member" in text
        assert "Professional interpreter still needed: yes" in text
