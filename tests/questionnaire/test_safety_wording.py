"""'Is it safe for us to contact this person?': asked positively, stored exactly as before.

The stored flag is ``SupportPerson.do_not_contact``; the question's linkId
(``network.person.do-not-contact``) still names it. The new wording offers two coded answers
that each say what they mean; a response to the earlier, negative wording carried the flag
itself as a boolean. Both must give the same flags, in every language, for every intake.
"""

import copy
import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings

from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ProblemKind,
    intake_to_response,
    response_to_intake,
)
from tests.budget import cases
from tests.fixtures import load_example
from tests.strategies import intakes_with_networks

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")
_ITEM = "network.person.do-not-contact"
_NEVER = "contact-never"


def _flags(intake: Intake) -> list[bool]:
    return [person.do_not_contact for person in intake.support_persons]


def _safety_answers(node: Any) -> list[dict[str, Any]]:
    """Every answer given to the safety question in a response."""
    found: list[dict[str, Any]] = []
    if isinstance(node, dict):
        if node.get("linkId") == _ITEM:
            found.extend(node["answer"])
        for value in node.values():
            found.extend(_safety_answers(value))
    elif isinstance(node, list):
        for value in node:
            found.extend(_safety_answers(value))
    return found


def _as_earlier_wording(response: dict[str, Any]) -> dict[str, Any]:
    """The same answers as a response to 'Must we never contact...?' (boolean = the flag)."""
    earlier = copy.deepcopy(response)
    for answer in _safety_answers(earlier):
        code = answer.pop("valueCoding")["code"]
        answer["valueBoolean"] = code == _NEVER
    return earlier


@settings(max_examples=cases(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes_with_networks())
def test_the_stored_flag_is_identical_in_every_language_and_either_wording(
    intake: Intake,
) -> None:
    for language in LANGUAGES:
        response = intake_to_response(intake, language=language)
        answers = _safety_answers(response)
        assert len(answers) == len(intake.support_persons)
        assert [a["valueCoding"]["code"] == _NEVER for a in answers] == _flags(intake)
        assert _flags(response_to_intake(response)) == _flags(intake)
        assert _flags(response_to_intake(_as_earlier_wording(response))) == _flags(intake)


def test_every_example_keeps_its_flags() -> None:
    for name in ("amina-hassan", "maria-garcia", "raymond-begay", "tran-van-minh", "jordan-lee"):
        intake = load_example(name)
        for language in LANGUAGES:
            read = response_to_intake(intake_to_response(intake, language=language))
            assert read == intake
            assert _flags(read) == _flags(intake)
    assert any(any(_flags(load_example(n))) for n in ("amina-hassan", "maria-garcia"))


@pytest.mark.parametrize("code", ["LA33-6", "LA32-8"])
def test_a_bare_yes_or_no_is_refused_as_ambiguous(code: str) -> None:
    response = intake_to_response(load_example("amina-hassan"), language="es")
    answer = _safety_answers(response)[0]
    answer["valueCoding"] = {"system": "http://loinc.org", "code": code}
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(response)
    at_item = [p for p in raised.value.problems if p.path.endswith(_ITEM)]
    assert [p.kind for p in at_item] == [ProblemKind.NOT_IN_VALUE_SET]


def test_never_contact_hides_every_way_to_reach_them_in_every_language() -> None:
    for language in LANGUAGES:
        text = json.dumps(intake_to_response(load_example("amina-hassan"), language=language))
        assert '"valueBoolean"' not in text or language == "en"
        barred = [
            a for a in _safety_answers(json.loads(text)) if a["valueCoding"]["code"] == _NEVER
        ]
        assert barred
