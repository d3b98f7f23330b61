"""Problems as messages a person can act on: the question's text, never a linkId, per language."""

import copy
from typing import Any

import pytest

from commcare_ext.questionnaire import (
    IntakeResponseError,
    ProblemMessage,
    build_questionnaire,
    intake_to_response,
    problem_messages,
    response_to_intake,
)
from tests.fixtures import load_example

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")


def _error(response: dict[str, Any]) -> IntakeResponseError:
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    return raised.value


def _texts(language: str) -> dict[str, str]:
    out: dict[str, str] = {}

    def walk(items: list[dict[str, Any]]) -> None:
        for item in items:
            out[item["linkId"]] = item["text"]
            walk(item.get("item", []))

    walk(build_questionnaire(language)["item"])
    return out


def _empty(language: str) -> dict[str, Any]:
    response = intake_to_response(load_example("amina-hassan"), language=language)
    response.pop("item")
    return response


@pytest.mark.parametrize("language", LANGUAGES)
def test_an_empty_form_names_each_required_question_in_its_language(language: str) -> None:
    messages = problem_messages(_error(_empty(language)), language)
    texts = _texts(language)
    assert messages
    for message in messages:
        assert message.link_id is not None
        assert message.question == texts[message.link_id]
        assert message.link_id not in message.message
        assert "/" not in message.question
    assert {m.link_id for m in messages} >= {"about.respondent", "language.preferred"}
    if language != "en":
        english = problem_messages(_error(_empty(language)), "en")
        assert {m.message for m in messages}.isdisjoint({m.message for m in english})


def test_a_problem_in_the_second_person_says_which_person() -> None:
    response = intake_to_response(load_example("amina-hassan"), language="es")
    people = next(i for i in response["item"] if i["linkId"] == "network")["item"]
    second = [p for p in people if p["linkId"] == "network.person"][1]
    second["item"] = [i for i in second["item"] if i["linkId"] != "network.person.relationship"]
    (shown,) = problem_messages(_error(response), "es")
    assert shown.link_id == "network.person.relationship"
    assert shown.instances == (2,)
    assert shown.question == _texts("es")["network.person.relationship"]
    assert shown.message == "Por favor, responda esta pregunta."


def test_a_response_to_another_form_is_one_message_for_the_staff() -> None:
    response = copy.deepcopy(_empty("vi"))
    response["questionnaire"] = "http://example.org/Questionnaire/phq-9"
    messages = problem_messages(_error(response), "vi")
    staff = [m for m in messages if m.link_id is None]
    assert len(staff) == 1
    assert staff[0].question is None
    assert staff[0].message == "Không đọc được biểu mẫu đã gửi. Xin báo cho nhân viên phòng khám."
    assert messages[0] == staff[0]


def test_messages_are_plain_data() -> None:
    (first, *_) = problem_messages(_error(_empty("ar")), "ar")
    assert isinstance(first, ProblemMessage)
    assert first.path  # the machine-readable path stays available for logs and developers
