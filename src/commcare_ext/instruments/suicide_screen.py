"""Suicide-risk screens: the NIMH ASQ and the C-SSRS screener, as structure and scoring.

Both screens are yes/no questions with a published three-way result: negative, non-acute
positive (potential risk: a clinician assesses before the person leaves) and acute positive
(imminent risk: the person is not left alone). A clinic chooses one; the form, extraction
and summary read the chosen screen from :data:`SCREENS`.

Wording here is ours, a plain-language paraphrase of each item's meaning, labelled as such
wherever it is shown; the instruments' own text is not reproduced. A clinic that needs the
exact wording supplies it (see ``docs/safety.md``).

Scoring follows the publishers' rules:

- **ASQ** (NIMH, public domain): "yes" to any of items 1-4 is a positive screen, and so is
  declining to answer one of them; then item 5 ("right now") decides acuity: "yes" is acute,
  "no" is non-acute.
- **C-SSRS screener** (Columbia, recent version): items 3-5 are asked only after "yes" to
  item 2, item 6b only after "yes" to item 6. The Columbia triage bands map onto the same
  three results: "yes" to item 4 or 5, or behaviour in the past three months (6 and 6b) is
  high risk (acute positive); "yes" to any other item is low or moderate risk (non-acute
  positive); all "no" is negative.

Our own rule, stated because the publishers leave it open: an acuity question left
unanswered on a positive screen counts as **acute** (the clinician asks it in person), and
a C-SSRS question left unanswered counts as a "yes" to it, as the ASQ counts a refusal.
Nothing about risk is ever inferred to be absent from a missing answer.
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class ScreenKind(StrEnum):
    """Which validated screen the clinic uses."""

    ASQ = "asq"
    CSSRS_SCREEN = "c-ssrs-screen"


class ScreenResult(StrEnum):
    """The published three-way result of a suicide-risk screen."""

    NEGATIVE = "negative"
    NON_ACUTE_POSITIVE = "non-acute-positive"
    ACUTE_POSITIVE = "acute-positive"

    @property
    def positive(self) -> bool:
        """True for either positive result."""
        return self is not ScreenResult.NEGATIVE


@dataclass(frozen=True, slots=True)
class ScreenItem:
    """One yes/no question: its number on the form, our wording, when it is asked.

    ``asked_after`` names the item whose "yes" opens this one (``None``: always asked);
    ``acuity`` marks the ASQ's "right now" question, asked after any "yes" to items 1-4 (a
    question declined makes the screen positive too, but the form cannot ask on a blank:
    the acuity is then unknown, and counts as acute).
    """

    number: str
    text_en: str
    asked_after: str | None = None
    acuity: bool = False


@dataclass(frozen=True, slots=True, repr=False)
class ScreenOutcome:
    """A scored screen: the result, which items were answered "yes", and which were left.

    The repr names no result: a screen's outcome is health data.
    """

    result: ScreenResult
    endorsed: tuple[str, ...]
    unanswered: tuple[str, ...]

    def __repr__(self) -> str:
        return "ScreenOutcome(<health data hidden>)"

    @property
    def positive(self) -> bool:
        """True for a non-acute or acute positive screen."""
        return self.result.positive


Answers = Mapping[str, bool]


@dataclass(frozen=True, slots=True)
class SuicideScreen:
    """A screen the clinic can choose: its items in form order and its scoring."""

    kind: ScreenKind
    name: str
    items: tuple[ScreenItem, ...]
    scorer: Callable[["SuicideScreen", Answers], ScreenOutcome]

    def item(self, number: str) -> ScreenItem:
        """The item numbered ``number`` (KeyError-free: raises ValueError naming it)."""
        for item in self.items:
            if item.number == number:
                return item
        msg = f"{self.kind}: no item {number!r}"
        raise ValueError(msg)

    def asked(self, answers: Answers) -> tuple[ScreenItem, ...]:
        """The items the form asks, given ``answers`` (skip logic applied)."""
        opened = any(answers.get(i.number) is True for i in self._core())
        return tuple(
            item
            for item in self.items
            if (item.asked_after is None or answers.get(item.asked_after) is True)
            and (not item.acuity or opened)
        )

    def score(self, answers: Answers) -> ScreenOutcome | None:
        """The outcome of ``answers`` (item number -> yes/no); ``None`` when nothing was answered.

        Raises:
            ValueError: an answer names no item of this screen.

        """
        for number in answers:
            self.item(number)
        if not answers:
            return None
        return self.scorer(self, answers)

    def _core(self) -> tuple[ScreenItem, ...]:
        return tuple(i for i in self.items if not i.acuity and i.asked_after is None)


def _unanswered(screen: SuicideScreen, answers: Answers) -> tuple[str, ...]:
    return tuple(i.number for i in screen.asked(answers) if i.number not in answers)


def _endorsed(answers: Answers) -> tuple[str, ...]:
    return tuple(number for number, yes in answers.items() if yes)


def _score_asq(screen: SuicideScreen, answers: Answers) -> ScreenOutcome:
    core = [i.number for i in screen.items if not i.acuity]
    acuity = next(i.number for i in screen.items if i.acuity)
    missing = _unanswered(screen, answers)
    if all(answers.get(number) is False for number in core):
        result = ScreenResult.NEGATIVE
    elif answers.get(acuity) is False:
        result = ScreenResult.NON_ACUTE_POSITIVE
    else:  # "yes" right now, or not asked yet: acute until a clinician asks
        result = ScreenResult.ACUTE_POSITIVE
    return ScreenOutcome(result, _endorsed(answers), missing)


#: C-SSRS items whose "yes" (or refusal) means high risk, given the past-three-months gate.
_CSSRS_HIGH: Final = ("4", "5")
_CSSRS_BEHAVIOUR: Final = "6"
_CSSRS_RECENT: Final = "6b"


def _score_cssrs(screen: SuicideScreen, answers: Answers) -> ScreenOutcome:
    missing = _unanswered(screen, answers)

    def yes(number: str) -> bool:  # a question asked and left unanswered counts as "yes"
        return answers.get(number) is True or number in missing

    recent_behaviour = yes(_CSSRS_BEHAVIOUR) and yes(_CSSRS_RECENT)
    if any(yes(n) for n in _CSSRS_HIGH) or recent_behaviour:
        result = ScreenResult.ACUTE_POSITIVE
    elif any(yes(i.number) for i in screen.asked(answers)):
        result = ScreenResult.NON_ACUTE_POSITIVE
    else:
        result = ScreenResult.NEGATIVE
    return ScreenOutcome(result, _endorsed(answers), missing)


#: Our paraphrase of the ASQ's five questions (not the NIMH wording).
ASQ: Final = SuicideScreen(
    ScreenKind.ASQ,
    "Ask Suicide-Screening Questions (ASQ)",
    (
        ScreenItem("1", "In recent weeks, have you found yourself wishing you were not alive?"),
        ScreenItem(
            "2",
            "In recent weeks, have you felt that you, or your family, would be better off "
            "if you were no longer alive?",
        ),
        ScreenItem("3", "During this past week, have you had thoughts of ending your own life?"),
        ScreenItem("4", "Have you ever made an attempt to end your life?"),
        ScreenItem(
            "5", "At this moment, are you having thoughts of ending your life?", acuity=True
        ),
    ),
    _score_asq,
)

#: Our paraphrase of the C-SSRS screener (recent) questions (not Columbia's wording).
CSSRS_SCREEN: Final = SuicideScreen(
    ScreenKind.CSSRS_SCREEN,
    "Columbia Suicide Severity Rating Scale, screener (C-SSRS)",
    (
        ScreenItem(
            "1",
            "In the past month, have you wished you were no longer alive, or that you could "
            "fall asleep and never wake?",
        ),
        ScreenItem("2", "In the past month, have you actually had thoughts of ending your life?"),
        ScreenItem("3", "Have you thought about how you might do it?", asked_after="2"),
        ScreenItem(
            "4",
            "Have you had these thoughts together with some intention of acting on them?",
            asked_after="2",
        ),
        ScreenItem(
            "5",
            "Have you begun to work out, or worked out, the details of a plan, and do you mean "
            "to carry it out?",
            asked_after="2",
        ),
        ScreenItem(
            "6",
            "Have you ever done anything, begun to do anything, or got ready to do anything "
            "to end your life?",
        ),
        ScreenItem("6b", "Was that in the past three months?", asked_after="6"),
    ),
    _score_cssrs,
)

#: Every screen a clinic can choose, by kind.
SCREENS: Final[dict[ScreenKind, SuicideScreen]] = {ASQ.kind: ASQ, CSSRS_SCREEN.kind: CSSRS_SCREEN}

#: Said wherever our wording is shown: the screen is valid only in its exact wording.
PARAPHRASE_NOTE_EN: Final = (
    "Questions in our own plain-language paraphrase of the validated screen, not its "
    "published wording."
)
