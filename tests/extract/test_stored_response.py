"""The stored QuestionnaireResponse is written from what was read, never copied from the input."""

import copy
import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest

from commcare_ext.extract import ExtractionError, extract
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    QUESTIONNAIRE_URL_ES,
    intake_to_response,
    response_to_intake,
)
from commcare_ext.referral import transaction_bundle
from tests.fixtures import context_for, load_example

_EVIL = "http://evil.example"


def _hostile(response: dict[str, Any]) -> dict[str, Any]:
    """``response`` as an attacker (or a careless renderer) might send it: still readable."""
    hostile = copy.deepcopy(response)
    hostile["text"] = {
        "status": "generated",
        "div": '<div xmlns="http://www.w3.org/1999/xhtml"><script>steal()</script></div>',
    }
    hostile["contained"] = [{"resourceType": "Patient", "id": "x", "name": [{"text": "Eve"}]}]
    hostile["extension"] = [{"url": f"{_EVIL}/beacon", "valueString": "tracking"}]
    hostile["modifierExtension"] = [{"url": f"{_EVIL}/modifier", "valueBoolean": True}]
    hostile["meta"] = {"tag": [{"system": _EVIL, "code": "exfiltrate"}]}
    hostile["implicitRules"] = f"{_EVIL}/rules"
    section = hostile["item"][0]
    section["extension"] = [{"url": f"{_EVIL}/item", "valueString": "x"}]
    section["item"][0]["text"] = "<script>steal()</script>"
    section["item"][0]["answer"][0]["extension"] = [{"url": f"{_EVIL}/answer", "valueString": "x"}]
    return hostile


def _stored(intake: Intake, response: dict[str, Any] | None = None) -> dict[str, Any]:
    return extract(
        intake, context=context_for(intake), response=response
    ).questionnaire_response.resource


def test_nothing_foreign_in_the_incoming_response_is_stored() -> None:
    hostile = _hostile(intake_to_response(load_example("maria-garcia")))
    intake = response_to_intake(hostile)  # the reader tolerates what it does not use
    stored = _stored(intake, hostile)
    for element in ("contained", "extension", "modifierExtension", "implicitRules"):
        assert element not in stored
    assert stored["meta"] == {  # our own profile claim, not the incoming tag
        "profile": [
            "http://hl7.org/fhir/us/core/StructureDefinition/us-core-questionnaireresponse|7.0.0"
        ]
    }
    text = json.dumps(stored, ensure_ascii=False)
    assert "<script" not in text
    assert _EVIL not in text
    assert "Eve" not in text
    bundle_text = json.dumps(
        transaction_bundle(extract(intake, context=context_for(intake), response=hostile))
    )
    assert "<script" not in bundle_text
    assert _EVIL not in bundle_text


def test_stored_answers_are_what_the_intake_holds() -> None:
    intake = load_example("maria-garcia")
    hostile = _hostile(intake_to_response(intake))
    stored = _stored(response_to_intake(hostile), hostile)
    assert stored["item"] == intake_to_response(intake)["item"]
    assert stored == _stored(intake)


def test_stored_response_has_our_own_readable_narrative(example_intake: Intake) -> None:
    stored = _stored(example_intake)
    assert stored["text"]["status"] == "generated"
    div = ET.fromstring(stored["text"]["div"])  # noqa: S314 - our own output, parsed as proof
    shown = "".join(div.itertext())
    assert "The patient's answers" in shown
    assert example_intake.formulation.problem_in_own_words in shown
    assert "First name" in shown or example_intake.patient.given_name is None


def test_hostile_patient_text_is_escaped_in_the_narrative() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["formulation"]["problem_in_own_words"] = "<script>alert(1)</script> & more"
    stored = _stored(Intake.model_validate(data))
    assert "<script>" not in stored["text"]["div"]
    assert "&lt;script&gt;alert(1)&lt;/script&gt; &amp; more" in stored["text"]["div"]
    ET.fromstring(stored["text"]["div"])  # noqa: S314 - our own output


def test_the_spanish_form_is_stored_in_spanish() -> None:
    intake = load_example("maria-garcia")
    answered = intake_to_response(intake, language="es")
    stored = _stored(intake, answered)
    assert stored["questionnaire"] == answered["questionnaire"]
    assert stored["questionnaire"].startswith(QUESTIONNAIRE_URL_ES)
    assert stored["item"] == answered["item"]
    assert "Respuestas del paciente" in stored["text"]["div"]


@pytest.mark.parametrize(
    ("element", "value"),
    [
        ("questionnaire", f"{_EVIL}/Questionnaire/other"),
        ("questionnaire", 7),
        ("status", "<script>"),
    ],
)
def test_a_response_to_another_form_is_refused(element: str, value: object) -> None:
    intake = load_example("maria-garcia")
    answered = intake_to_response(intake)
    answered[element] = value
    with pytest.raises(ExtractionError) as caught:
        extract(intake, context=context_for(intake), response=answered)
    assert caught.value.field == f"response.{element}"
    assert str(value) not in str(caught.value)
