"""Hostile input: whatever arrives, ``response_to_intake`` answers with the typed error only.

Two property tests, over arbitrary JSON and over valid responses with parts broken, allow
exactly two outcomes: a validated intake, or an ``IntakeResponseError`` listing located
problems. Any other exception (AttributeError, TypeError, KeyError...) fails the test.
"""

from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ResponseProblem,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from tests.budget import cases
from tests.fixtures import EXAMPLE_NAMES, load_example
from tests.strategies import json_values, mutated, response_shaped

VALID_RESPONSES = [
    intake_to_response(load_example(name), language=language)
    for name in EXAMPLE_NAMES
    for language in ("en", "es")
]

_QUIET = [HealthCheck.too_slow, HealthCheck.filter_too_much]


def _link_ids(items: list[dict[str, Any]]) -> list[str]:
    return [
        link_id for item in items for link_id in (item["linkId"], *_link_ids(item.get("item", [])))
    ]


LINK_IDS = _link_ids(build_questionnaire()["item"])


def _read_or_typed_error(response: Any) -> None:
    problems: tuple[ResponseProblem, ...] = ()
    try:
        intake = response_to_intake(response)
    except IntakeResponseError as error:
        problems = error.problems
        assert problems, "an IntakeResponseError must list at least one problem"
    else:
        assert isinstance(intake, Intake)
    for problem in problems:
        assert isinstance(problem.path, str)
        assert problem.path
        assert isinstance(problem.message, str)


@settings(max_examples=cases(1000), deadline=None, suppress_health_check=_QUIET)
@given(response=json_values | response_shaped(LINK_IDS))
def test_arbitrary_json_gives_an_intake_or_the_typed_error(response: Any) -> None:
    _read_or_typed_error(response)


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=_QUIET)
@given(response=mutated(VALID_RESPONSES))
def test_broken_valid_responses_give_an_intake_or_the_typed_error(response: Any) -> None:
    _read_or_typed_error(response)


@pytest.mark.parametrize("response", [[], ["QuestionnaireResponse"], "{}", 7, 1.5, None, True])
def test_a_response_that_is_not_an_object_is_the_typed_error(response: Any) -> None:
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    assert [p.path for p in raised.value.problems] == ["QuestionnaireResponse"]


def test_a_non_object_answer_another_question_depends_on_is_the_typed_error() -> None:
    response = intake_to_response(load_example("amina-hassan"))
    network = next(i for i in response["item"] if i["linkId"] == "network")
    person = next(i for i in network["item"] if i["linkId"] == "network.person")
    gate = next(i for i in person["item"] if i["linkId"] == "network.person.do-not-contact")
    gate["answer"] = ["no"]  # phone, e-mail and involvement depend on this answer
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    assert "network/network.person[1]/network.person.do-not-contact" in raised.value.paths()
