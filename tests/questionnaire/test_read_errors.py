import copy
from typing import Any

import pytest

from commcare_ext.errors import CommcareError
from commcare_ext.questionnaire import IntakeResponseError, intake_to_response, response_to_intake
from commcare_ext.questionnaire.errors import ProblemKind
from tests.fixtures import load_example

SENTINEL = "Zebulon Quackenbush"


@pytest.fixture
def response() -> dict[str, Any]:
    return intake_to_response(load_example("maria-garcia"))


def _item(response: dict[str, Any], *link_ids: str, index: int = 0) -> dict[str, Any]:
    items = response["item"]
    found: dict[str, Any] = {}
    for depth, link_id in enumerate(link_ids):
        matches = [i for i in items if i["linkId"] == link_id]
        found = matches[index if depth == len(link_ids) - 1 else 0]
        items = found.get("item", [])
    return found


def _problems(response: dict[str, Any], **kwargs: Any) -> list[tuple[str, ProblemKind]]:
    with pytest.raises(IntakeResponseError) as caught:
        response_to_intake(response, **kwargs)
    assert isinstance(caught.value, CommcareError)
    return [(p.path, p.kind) for p in caught.value.problems]


def test_unknown_link_id(response: dict[str, Any]) -> None:
    _item(response, "care")["item"].append(
        {"linkId": "care.favourite-colour", "answer": [{"valueString": "x"}]}
    )
    assert _problems(response) == [("care/care.favourite-colour", ProblemKind.UNKNOWN_LINK_ID)]


def test_wrong_answer_type(response: dict[str, Any]) -> None:
    _item(response, "language", "language.interpreter-needed")["answer"] = [{"valueString": "yes"}]
    assert _problems(response) == [
        ("language/language.interpreter-needed", ProblemKind.WRONG_ANSWER_TYPE)
    ]


def test_code_outside_value_set(response: dict[str, Any]) -> None:
    _item(response, "barriers", "barriers.list")["answer"][1] = {
        "valueCoding": {"system": "http://snomed.info/sct", "code": "160695008"}
    }
    assert _problems(response) == [
        ("barriers/barriers.list.answer[1]", ProblemKind.NOT_IN_VALUE_SET)
    ]


def test_right_code_wrong_system_is_outside_value_set(response: dict[str, Any]) -> None:
    answer = _item(response, "care", "care.visit-mode")["answer"][0]["valueCoding"]
    answer["system"] = "http://example.org/other"
    assert _problems(response) == [("care/care.visit-mode", ProblemKind.NOT_IN_VALUE_SET)]


def test_missing_required_answer(response: dict[str, Any]) -> None:
    language = _item(response, "language")
    language["item"] = [i for i in language["item"] if i["linkId"] != "language.preferred"]
    assert _problems(response) == [("language/language.preferred", ProblemKind.REQUIRED)]


def test_missing_required_answer_inside_repeating_group(response: dict[str, Any]) -> None:
    person = _item(response, "network", "network.person", index=1)
    person["item"] = [i for i in person["item"] if i["linkId"] != "network.person.relationship"]
    assert _problems(response) == [
        ("network/network.person[2]/network.person.relationship", ProblemKind.REQUIRED)
    ]


def test_response_to_another_questionnaire(response: dict[str, Any]) -> None:
    response["questionnaire"] = "http://example.org/Questionnaire/phq-9|1.0"
    assert _problems(response) == [
        ("QuestionnaireResponse.questionnaire", ProblemKind.WRONG_QUESTIONNAIRE)
    ]


def test_response_to_another_version(response: dict[str, Any]) -> None:
    response["questionnaire"] = response["questionnaire"].split("|")[0] + "|9.9.9"
    assert _problems(response) == [
        ("QuestionnaireResponse.questionnaire", ProblemKind.WRONG_QUESTIONNAIRE)
    ]


def test_wrong_resource_and_status(response: dict[str, Any]) -> None:
    response["resourceType"] = "Observation"
    response["status"] = "stopped"
    assert _problems(response) == [
        ("resourceType", ProblemKind.WRONG_RESOURCE),
        ("QuestionnaireResponse.status", ProblemKind.WRONG_STATUS),
    ]


def test_in_progress_only_when_allowed(response: dict[str, Any]) -> None:
    response["status"] = "in-progress"
    assert _problems(response) == [("QuestionnaireResponse.status", ProblemKind.WRONG_STATUS)]
    assert response_to_intake(response, allow_in_progress=True).intake_id == "int-2026-0412"


def test_too_many_answers(response: dict[str, Any]) -> None:
    item = _item(response, "care", "care.visit-mode")
    item["answer"] = item["answer"] * 2
    assert _problems(response) == [("care/care.visit-mode", ProblemKind.TOO_MANY_ANSWERS)]


def test_answer_to_disabled_question(response: dict[str, Any]) -> None:
    person = _item(response, "network", "network.person", index=2)  # the do-not-contact person
    person["item"].append(
        {"linkId": "network.person.phone", "answer": [{"valueString": "+1 555 010 0199"}]}
    )
    assert _problems(response) == [
        ("network/network.person[3]/network.person.phone", ProblemKind.INVALID_VALUE)
    ]


def test_model_rule_reported_at_link_id(response: dict[str, Any]) -> None:
    answer = _item(response, "network", "network.person", "network.person.phone")["answer"][0]
    answer["valueString"] = "call me maybe"
    problems = _problems(response)
    assert problems == [
        ("network/network.person[1]/network.person.phone", ProblemKind.INVALID_VALUE)
    ]


def test_every_problem_is_listed_at_once(response: dict[str, Any]) -> None:
    response["questionnaire"] = "http://example.org/Questionnaire/other"
    _item(response, "care")["item"].append(
        {"linkId": "care.bogus", "answer": [{"valueBoolean": True}]}
    )
    _item(response, "language", "language.interpreter-needed")["answer"] = [{"valueInteger": 1}]
    language = _item(response, "language")
    language["item"] = [i for i in language["item"] if i["linkId"] != "language.preferred"]
    kinds = {kind for _, kind in _problems(response)}
    assert kinds == {
        ProblemKind.WRONG_QUESTIONNAIRE,
        ProblemKind.UNKNOWN_LINK_ID,
        ProblemKind.WRONG_ANSWER_TYPE,
        ProblemKind.REQUIRED,
    }


def test_missing_context_is_reported(response: dict[str, Any]) -> None:
    del response["identifier"]
    del response["subject"]
    del response["authored"]
    paths = [path for path, _ in _problems(response)]
    assert paths == [
        "QuestionnaireResponse.identifier",
        "QuestionnaireResponse.subject",
        "QuestionnaireResponse.authored",
    ]


def test_conflicting_context_is_reported(response: dict[str, Any]) -> None:
    assert _problems(response, intake_id="someone-else") == [
        ("QuestionnaireResponse.identifier", ProblemKind.MISSING_CONTEXT)
    ]


def test_partial_date_is_refused(response: dict[str, Any]) -> None:
    _item(response, "about", "about.birth-date")["answer"] = [{"valueDate": "1991-03"}]
    assert _problems(response) == [("about/about.birth-date", ProblemKind.INVALID_VALUE)]


def test_errors_never_echo_patient_answers(response: dict[str, Any]) -> None:
    broken = copy.deepcopy(response)
    _item(broken, "network", "network.person", "network.person.phone")["answer"] = [
        {"valueString": SENTINEL}
    ]
    _item(broken, "about", "about.given-name")["answer"] = [{"valueInteger": 7}]
    broken["item"].append({"linkId": "x", "answer": [{"valueString": SENTINEL}]})
    with pytest.raises(IntakeResponseError) as caught:
        response_to_intake(broken)
    assert SENTINEL not in str(caught.value)
    assert SENTINEL not in repr(caught.value.problems)


def test_nested_items_under_answers_are_not_dropped_silently(response: dict[str, Any]) -> None:
    _item(response, "care", "care.visit-mode")["answer"][0]["item"] = [
        {"linkId": "care.visit-mode.detail", "answer": [{"valueString": "x"}]}
    ]
    assert _problems(response) == [("care/care.visit-mode", ProblemKind.UNEXPECTED_NESTING)]


def test_model_rules_are_listed_with_answer_problems_in_one_pass(response: dict[str, Any]) -> None:
    causes = _item(response, "formulation", "formulation.causes", "formulation.perceived-causes")
    causes["answer"].append(causes["answer"][0])  # the same choice twice: a model rule
    _item(response, "language", "language.interpreter-needed")["answer"] = [{"valueString": "y"}]
    assert _problems(response) == [
        ("language/language.interpreter-needed", ProblemKind.WRONG_ANSWER_TYPE),
        (
            "formulation/formulation.causes/formulation.perceived-causes",
            ProblemKind.INVALID_VALUE,
        ),
    ]


def test_a_rule_across_answers_is_reported_at_the_question_it_is_about(
    response: dict[str, Any],
) -> None:
    preferred = _item(response, "language", "language.preferred")["answer"][0]
    _item(response, "language", "language.other")["answer"].append(preferred)
    # "other languages must not repeat the preferred one" is a rule of the section, not the form
    assert _problems(response) == [("language/language.other", ProblemKind.INVALID_VALUE)]


def test_a_future_birth_date_is_reported_at_its_question(response: dict[str, Any]) -> None:
    _item(response, "about", "about.birth-date")["answer"] = [{"valueDate": "2999-01-01"}]
    assert _problems(response) == [("about/about.birth-date", ProblemKind.INVALID_VALUE)]


@pytest.mark.parametrize("authored", [0, 1772362800, 1.5, "1772362800", "2026-03-01", True])
def test_authored_that_is_not_a_date_time_is_refused(
    response: dict[str, Any], authored: object
) -> None:
    response["authored"] = authored  # a number would otherwise read as seconds since 1970
    assert _problems(response) == [("QuestionnaireResponse.authored", ProblemKind.INVALID_VALUE)]


@pytest.mark.parametrize("bad", ["\x00", "\x1b[31m", "\ufffe", "\x85", "\U0001ffff", "\x7f"])
def test_control_characters_in_free_text_are_refused_where_they_were_typed(
    response: dict[str, Any], bad: str
) -> None:
    answer = _item(response, "formulation", "formulation.definition", "formulation.problem")
    answer["answer"] = [{"valueString": f"{SENTINEL}{bad}nervios"}]
    with pytest.raises(IntakeResponseError) as caught:
        response_to_intake(response)
    assert [(p.path, p.kind) for p in caught.value.problems] == [
        (
            "formulation/formulation.definition/formulation.problem",
            ProblemKind.INVALID_VALUE,
        )
    ]
    assert f"U+{ord(bad[0]):04X}" in caught.value.problems[0].message
    assert SENTINEL not in str(caught.value)


def test_control_characters_in_names_are_refused_where_they_were_typed(
    response: dict[str, Any],
) -> None:
    _item(response, "network", "network.person", "network.person.name")["answer"] = [
        {"valueString": "Ana\x00Lucía"}
    ]
    assert _problems(response) == [
        ("network/network.person[1]/network.person.name", ProblemKind.INVALID_VALUE)
    ]


def test_vertical_tab_and_form_feed_read_as_spaces(response: dict[str, Any]) -> None:
    answer = _item(response, "formulation", "formulation.definition", "formulation.problem")
    answer["answer"] = [{"valueString": "nervios\vsince\fspring\v"}]
    assert response_to_intake(response).formulation.problem_in_own_words == ("nervios since spring")
