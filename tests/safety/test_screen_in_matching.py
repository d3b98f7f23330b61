"""The intake's own suicide-risk screen reaches matching: no caller has to pass it twice."""

from typing import Any

import pytest

from commcare_ext.directory import Directory, read_hsds
from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import Intake
from commcare_ext.matching import ReasonCode, match
from tests.matching.people import TODAY, _intake
from tests.matching.standard_hsds import HOME, directory

POSITIVE = {"1": False, "2": True, "3": False, "4": False, "5": False}
NEGATIVE = {"1": False, "2": False, "3": False, "4": False}


@pytest.fixture(scope="module")
def standard() -> Directory:
    found, _ = read_hsds(directory(), today=TODAY)
    return found


def _screened(answers: dict[str, bool]) -> Intake:
    sections: dict[str, Any] = {
        "language": {"preferred_language": "en", "interpreter_needed": False},
        "care": {"preferred_supports": ["support-peer-group"]},
        "practical": {"latitude": HOME[0], "longitude": HOME[1]},
        "safety_screen": {"answers": answers},
    }
    return _intake("standard", "1980-06-01", **sections)


def test_a_positive_screen_in_the_intake_puts_crisis_help_first(standard: Directory) -> None:
    result = match(_screened(POSITIVE), standard, today=TODAY)
    first = result.proposals[0]
    assert first.crisis
    assert ReasonCode.CRISIS_FIRST in {r.code for r in first.reasons}


def test_a_negative_screen_lists_crisis_help_for_if_things_get_worse(
    standard: Directory,
) -> None:
    result = match(_screened(NEGATIVE), standard, today=TODAY)
    assert not any(p.crisis for p in result.proposals)
    assert [p.crisis for p in result.if_things_get_worse] == [True]


def test_the_caller_can_still_say_it(standard: Directory) -> None:
    result = match(_screened(NEGATIVE), standard, today=TODAY, screen=ScreenResult.ACUTE_POSITIVE)
    assert result.proposals[0].crisis
