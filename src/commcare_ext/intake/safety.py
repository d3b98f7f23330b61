"""The suicide-risk screen as answered: which screen, and each question's yes or no.

Answers are held by item number ("1" ... "5" for the ASQ, "1" ... "6b" for the C-SSRS
screener); an item left out was not answered. The model refuses an answer to a question the
form would not have asked (a C-SSRS follow-up after "no", the ASQ's acuity question after
four "no"s), so a stored screen always reads as the person saw it. Errors name the item,
never the answer.
"""

from typing import Self

from pydantic import ConfigDict, Field, model_validator

from commcare_ext.instruments.suicide_screen import (
    SCREENS,
    ScreenKind,
    ScreenOutcome,
    SuicideScreen,
)
from commcare_ext.intake.base import IntakeSection


class SuicideRiskScreen(IntakeSection):
    """One administration of the clinic's suicide-risk screen."""

    model_config = ConfigDict(frozen=True)

    screen: ScreenKind = ScreenKind.ASQ
    answers: dict[str, bool] = Field(default_factory=dict)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        instrument = self.instrument
        known = {item.number for item in instrument.items}
        unknown = sorted(number for number in self.answers if number not in known)
        if unknown:
            msg = f"answers: {self.screen} has no item {', '.join(unknown)}"
            raise ValueError(msg)
        asked = {item.number for item in instrument.asked(self.answers)}
        not_asked = sorted(number for number in self.answers if number not in asked)
        if not_asked:
            msg = f"answers: item {', '.join(not_asked)} is not asked after the answers given"
            raise ValueError(msg)
        return self

    @property
    def instrument(self) -> SuicideScreen:
        """The screen's structure and scoring."""
        return SCREENS[self.screen]

    @property
    def outcome(self) -> ScreenOutcome | None:
        """The scored result; ``None`` when no question was answered (not screened)."""
        return self.instrument.score(self.answers)
