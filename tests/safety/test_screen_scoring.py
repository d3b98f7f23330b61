"""The suicide-risk screens' results against an oracle written here from the published rules.

The oracle reads the answers the way the publishers' scoring sheets do, question by question,
without using the library's structure (no ``asked``, no skip logic from ``SuicideScreen``):

- ASQ (NIMH): any "yes" (or a refusal) to questions 1-4 is positive; then question 5 "yes"
  is acute, "no" non-acute; a question 5 not yet answered stays acute (our stated rule).
- C-SSRS screener (Columbia triage): "yes" to 4 or 5, or to 6 with 6b "yes", is high risk
  (acute); any other "yes" low/moderate (non-acute); a question asked but not answered
  counts as "yes" (our stated rule, as the ASQ counts a refusal).
"""

import pytest
from hypothesis import given, settings
from pydantic import ValidationError

from commcare_ext.instruments import ASQ, CSSRS_SCREEN, ScreenKind, ScreenResult
from commcare_ext.intake import SuicideRiskScreen
from tests.budget import cases
from tests.strategies import asq_answers, cssrs_answers

NEG, NON_ACUTE, ACUTE = "negative", "non-acute-positive", "acute-positive"


def asq_oracle(
    q1: bool | None, q2: bool | None, q3: bool | None, q4: bool | None, q5: bool | None
) -> str:
    if q1 is False and q2 is False and q3 is False and q4 is False:
        return NEG
    return NON_ACUTE if q5 is False else ACUTE


def cssrs_oracle(answers: dict[str, bool]) -> str:
    def said(n: str) -> bool | None:
        return answers.get(n)

    asked = ["1", "2", "6"]
    if said("2") is True:
        asked += ["3", "4", "5"]
    if said("6") is True:
        asked += ["6b"]

    def yes(n: str) -> bool:
        return n in asked and said(n) is not False

    if yes("4") or yes("5") or (yes("6") and yes("6b")):
        return ACUTE
    return NON_ACUTE if any(yes(n) for n in asked) else NEG


@settings(max_examples=cases(500), deadline=None)
@given(asq_answers())
def test_asq_result_equals_the_published_scoring(answers: dict[str, bool]) -> None:
    screen = SuicideRiskScreen(screen=ScreenKind.ASQ, answers=answers)
    outcome = screen.outcome
    if not answers:
        assert outcome is None  # nothing answered: not screened, never "negative"
        return
    assert outcome is not None
    expected = asq_oracle(*(answers.get(str(n)) for n in range(1, 6)))
    assert outcome.result.value == expected
    assert set(outcome.endorsed) == {k for k, v in answers.items() if v}


@settings(max_examples=cases(500), deadline=None)
@given(cssrs_answers())
def test_cssrs_result_equals_the_published_scoring(answers: dict[str, bool]) -> None:
    outcome = SuicideRiskScreen(screen=ScreenKind.CSSRS_SCREEN, answers=answers).outcome
    if not answers:
        assert outcome is None
        return
    assert outcome is not None
    assert outcome.result.value == cssrs_oracle(answers)


@pytest.mark.parametrize(
    ("answers", "expected"),
    [
        ({"1": False, "2": False, "3": False, "4": False}, ScreenResult.NEGATIVE),
        (
            {"1": True, "2": False, "3": False, "4": False, "5": False},
            ScreenResult.NON_ACUTE_POSITIVE,
        ),
        ({"1": False, "2": False, "3": False, "4": True, "5": True}, ScreenResult.ACUTE_POSITIVE),
        ({"1": False, "2": False, "3": False}, ScreenResult.ACUTE_POSITIVE),  # 4 refused, 5 unasked
    ],
)
def test_asq_by_hand(answers: dict[str, bool], expected: ScreenResult) -> None:
    outcome = ASQ.score(answers)
    assert outcome is not None
    assert outcome.result is expected


def test_cssrs_recent_behaviour_is_acute_and_old_behaviour_is_not() -> None:
    base = {"1": True, "2": False}
    recent = CSSRS_SCREEN.score({**base, "6": True, "6b": True})
    old = CSSRS_SCREEN.score({**base, "6": True, "6b": False})
    assert recent is not None
    assert recent.result is ScreenResult.ACUTE_POSITIVE
    assert old is not None
    assert old.result is ScreenResult.NON_ACUTE_POSITIVE


@pytest.mark.parametrize(
    ("screen", "answers", "names"),
    [
        (ScreenKind.ASQ, {"7": True}, "no item 7"),
        (ScreenKind.ASQ, {"1": False, "2": False, "3": False, "4": False, "5": True}, "item 5"),
        (ScreenKind.CSSRS_SCREEN, {"2": False, "3": True}, "item 3"),
        (ScreenKind.CSSRS_SCREEN, {"6": False, "6b": True}, "item 6b"),
    ],
)
def test_an_answer_the_form_would_not_ask_is_refused(
    screen: ScreenKind, answers: dict[str, bool], names: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        SuicideRiskScreen(screen=screen, answers=answers)
    assert names in str(caught.value)


def test_outcome_repr_hides_the_result() -> None:
    outcome = ASQ.score({"1": True, "5": True})
    assert "acute" not in repr(outcome)
