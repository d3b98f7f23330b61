"""US Core RelatedPerson, CareTeam, Provenance and QuestionnaireResponse 7.0.0."""

import pytest

from commcare_ext.terminology.systems import (
    US_CORE_CARE_TEAM,
    US_CORE_PROVENANCE,
    US_CORE_QUESTIONNAIRE_RESPONSE,
    US_CORE_RELATED_PERSON,
)
from tests.conformance.emitted import Resource, claiming, codings, entries_by_url, ids, target_kind


@pytest.mark.parametrize("person", claiming(US_CORE_RELATED_PERSON), ids=ids)
def test_us_core_related_person(person: Resource) -> None:
    assert person["active"] is True, "RelatedPerson.active 1..1"
    assert person.get("name") or person.get("relationship"), "us-core-14: name or relationship"
    assert person["patient"]["reference"], "RelatedPerson.patient 1..1 (base)"


@pytest.mark.parametrize("team", claiming(US_CORE_CARE_TEAM), ids=ids)
def test_us_core_care_team(team: Resource) -> None:
    assert team["status"] in {"proposed", "active", "suspended", "inactive", "entered-in-error"}
    assert team["subject"]["reference"], "CareTeam.subject 1..1"
    assert team["participant"], "CareTeam.participant 1..*"
    for participant in team["participant"]:
        assert len(participant["role"]) == 1, "CareTeam.participant.role 1..1"
        assert participant["member"]["reference"], "CareTeam.participant.member 1..1"
    patient_roles = [
        p
        for p in team["participant"]
        if "Patient" in p["member"]["reference"] or p["role"][0].get("text") == "Patient"
    ]
    assert any(
        ("http://snomed.info/sct", "116154003") in codings(p["role"][0]) for p in patient_roles
    ), "the patient's role is coded (SNOMED CT 116154003)"


@pytest.mark.parametrize("provenance", claiming(US_CORE_PROVENANCE), ids=ids)
def test_us_core_provenance(provenance: Resource) -> None:
    assert provenance["target"], "Provenance.target 1..*"
    assert provenance["recorded"], "Provenance.recorded 1..1"
    types = [codings(agent["type"]) for agent in provenance["agent"]]
    author = ("http://terminology.hl7.org/CodeSystem/provenance-participant-type", "author")
    transmitter = (
        "http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type",
        "transmitter",
    )
    assert any(author in t for t in types), "Provenance.agent:ProvenanceAuthor"
    assert any(transmitter in t for t in types), "Provenance.agent:ProvenanceTransmitter"
    by_url = entries_by_url()
    for agent in provenance["agent"]:
        assert target_kind(by_url, agent["who"]["reference"]) not in {"Practitioner", "Device"} or (
            "onBehalfOf" in agent
        ), "provenance-1: a Practitioner or Device agent needs onBehalfOf"


@pytest.mark.parametrize("response", claiming(US_CORE_QUESTIONNAIRE_RESPONSE), ids=ids)
def test_us_core_questionnaire_response(response: Resource) -> None:
    assert response["questionnaire"], "QuestionnaireResponse.questionnaire (MS)"
    assert response["status"] in {"completed", "amended", "in-progress"}
    assert response["subject"]["reference"], "QuestionnaireResponse.subject 1..1"
    assert response["authored"], "QuestionnaireResponse.authored (MS)"
    assert response["author"]["reference"], "QuestionnaireResponse.author (MS)"
    assert all(item["linkId"] for item in response["item"]), "item.linkId 1..1"
