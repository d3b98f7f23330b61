"""'Reaching supports' through the form: every answer reads back; absent stays absent."""

from datetime import time
from typing import Any, Literal

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import HealthCheck, given, settings

from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ProblemKind,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from tests.budget import cases
from tests.fixtures import load_example
from tests.strategies import intakes_with_practical


def _with_practical(practical: dict[str, Any]) -> Intake:
    data = load_example("maria-garcia").model_dump()
    data["practical"] = practical
    return Intake.model_validate(data)


RURAL_EVENINGS = {
    "availability": [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "start": time(19, 30), "end": time(0)},
        {"days": ["sat", "sun"], "start": time(9), "end": time(18)},
    ],
    "ways_to_take_part": ["take-part-in-person", "take-part-phone"],
    "travel_modes": ["travel-rides", "travel-walking"],
    "max_travel_minutes": 30,
    "max_travel_distance": 12.5,
    "distance_unit": "[mi_i]",
    "postal_code": "81101",
    "latitude": 37.4695,
    "longitude": -105.87,
    "phone_access": "phone-shared",
    "internet_access": "internet-none",
    "groups": ["group-woman", "group-immigrant", "group-farmworker"],
}


def _section(response: dict[str, Any]) -> dict[str, Any]:
    return next(i for i in response["item"] if i["linkId"] == "practical")


@pytest.mark.parametrize("language", ["en", "es"])
def test_every_practical_answer_round_trips(language: Literal["en", "es"]) -> None:
    intake = _with_practical(RURAL_EVENINGS)
    response = intake_to_response(intake, language=language)
    QuestionnaireResponse.model_validate(response)
    section = _section(response)
    windows = [i for i in section["item"] if i["linkId"] == "practical.availability"]
    assert len(windows) == 2
    assert windows[0]["item"][1]["answer"] == [{"valueTime": "19:30:00"}]
    assert response_to_intake(response) == intake


def test_an_intake_without_the_section_writes_no_practical_item() -> None:
    response = intake_to_response(load_example("maria-garcia"))
    assert all(item["linkId"] != "practical" for item in response["item"])


def test_a_renderer_that_sends_an_empty_group_gives_no_section() -> None:
    maria = load_example("maria-garcia")
    response = intake_to_response(maria)
    response["item"].append({"linkId": "practical", "item": []})
    assert response_to_intake(response) == maria


def test_the_form_offers_time_integer_and_decimal_questions() -> None:
    questionnaire = build_questionnaire()
    section = next(i for i in questionnaire["item"] if i["linkId"] == "practical")
    types = {i["linkId"]: i["type"] for i in section["item"]}
    assert types["practical.availability"] == "group"
    assert types["practical.travel-minutes"] == "integer"
    assert types["practical.travel-distance"] == "decimal"
    window = {i["linkId"]: i["type"] for i in section["item"][0]["item"]}
    assert window == {
        "practical.availability.days": "choice",
        "practical.availability.start": "time",
        "practical.availability.end": "time",
    }
    days = section["item"][0]["item"][0]["answerOption"]
    assert [o["valueCoding"]["code"] for o in days] == [
        "mon", "tue", "wed", "thu", "fri", "sat", "sun"
    ]  # fmt: skip
    assert {o["valueCoding"]["system"] for o in days} == {"http://hl7.org/fhir/days-of-week"}


@pytest.mark.parametrize(
    ("link_id", "answer", "kind"),
    [
        ("practical.travel-minutes", {"valueInteger": "30"}, ProblemKind.WRONG_ANSWER_TYPE),
        ("practical.travel-minutes", {"valueDecimal": 30.5}, ProblemKind.WRONG_ANSWER_TYPE),
        ("practical.travel-minutes", {"valueInteger": True}, ProblemKind.WRONG_ANSWER_TYPE),
        ("practical.latitude", {"valueDecimal": "37.4"}, ProblemKind.WRONG_ANSWER_TYPE),
    ],
)
def test_wrong_answer_types_are_reported_with_their_link_id(
    link_id: str, answer: dict[str, Any], kind: ProblemKind
) -> None:
    response = intake_to_response(_with_practical(RURAL_EVENINGS))
    for item in _section(response)["item"]:
        if item["linkId"] == link_id:
            item["answer"] = [answer]
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    assert any(p.kind is kind and p.path.endswith(link_id) for p in raised.value.problems), (
        raised.value.problems
    )


@pytest.mark.parametrize("written", ["7:30:00", "19:30", "25:00:00", "19:30:00Z"])
def test_times_must_be_fhir_times(written: str) -> None:
    response = intake_to_response(_with_practical(RURAL_EVENINGS))
    window = _section(response)["item"][0]
    window["item"][1]["answer"] = [{"valueTime": written}]
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    (problem,) = raised.value.problems
    assert problem.path == "practical/practical.availability[1]/practical.availability.start"
    assert problem.kind is ProblemKind.INVALID_VALUE


def test_a_fractional_second_is_kept_not_dropped() -> None:
    response = intake_to_response(_with_practical(RURAL_EVENINGS))
    _section(response)["item"][0]["item"][1]["answer"] = [{"valueTime": "19:30:00.5"}]
    read = response_to_intake(response)
    assert read.practical is not None
    assert read.practical.availability[0].start == time(19, 30, 0, 500000)


def test_a_distance_without_its_unit_is_a_required_answer_missing() -> None:
    response = intake_to_response(_with_practical(RURAL_EVENINGS))
    section = _section(response)
    section["item"] = [
        i for i in section["item"] if i["linkId"] != "practical.travel-distance-unit"
    ]
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    assert [p.path for p in raised.value.problems] == ["practical/practical.travel-distance-unit"]


@settings(max_examples=cases(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes_with_practical())
def test_generated_practical_sections_round_trip(intake: Intake) -> None:
    for language in ("en", "es"):
        assert response_to_intake(intake_to_response(intake, language=language)) == intake
