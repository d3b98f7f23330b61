"""MOS-SSS answers and their exact scoring: subscale and overall means, and 0-100 scores.

RAND's rule: a subscale is the mean of its items; the overall support index is the mean
of all 19 items (not of the subscale scores); any scale can be shown on 0-100 as
``100 * (mean - 1) / (5 - 1)``.

Missing answers: RAND gives no imputation rule. We score a scale when at least half of
its items are answered (the half-scale rule common to RAND and MOS instruments), as the
mean of the answered items, which is what person-mean imputation of the missing items
would give. Below half, a mean would rest on too few answers to stand for the scale, so
the score is ``None`` with status ``NOT_SCORED``, never a guess. Every score lists the
items it used and the items missing, so a partial score is always visible as partial.

Precision: scores keep full float precision; round only for display (``as_display_rows``
shows 0-100 to one decimal, the precision of RAND's published means).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from math import ceil
from typing import Annotated, Any

from pydantic import ConfigDict, Field, field_validator

from commcare_ext.instruments.mos_sss.items import (
    MOS_SSS_ITEMS,
    MOS_SSS_MAX_VALUE,
    MOS_SSS_MIN_VALUE,
    MOS_SSS_OVERALL_NAME,
    MOS_SSS_SUBSCALE_ITEMS,
    MOS_SSS_SUBSCALE_NAMES,
    MosSubscale,
)
from commcare_ext.instruments.protocol import ScoreStatus
from commcare_ext.phi import PhiSafeModel

_ITEM_NUMBERS = frozenset(item.number for item in MOS_SSS_ITEMS)

ItemNumber = Annotated[int, Field(ge=1, le=len(MOS_SSS_ITEMS))]
ItemValue = Annotated[int, Field(ge=MOS_SSS_MIN_VALUE, le=MOS_SSS_MAX_VALUE)]


def _item_number(key: object) -> int | None:
    """The item number a key names (an int, or its digits as JSON object keys carry it)."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        number = key
    elif isinstance(key, str) and key.strip().isdigit():
        number = int(key)
    else:
        return None
    return number if number in _ITEM_NUMBERS else None


def _answer_problem(number: int, value: object) -> str | None:
    if isinstance(value, bool) or not isinstance(value, int):
        return f"item {number}: expected a whole number from 1 (none of the time) to 5 (all)"
    if not MOS_SSS_MIN_VALUE <= value <= MOS_SSS_MAX_VALUE:
        return f"item {number}: expected 1 (none of the time) to 5 (all of the time)"
    return None


class MosSocialSupport(PhiSafeModel):
    """The patient's MOS-SSS answers: item number (1-19) -> 1 (none) ... 5 (all of the time).

    Items may be left out (the patient skipped them); ``score_mos_sss`` says what that
    does to each scale. An empty survey is refused: "not administered" is
    ``Intake.social_support = None``. Errors name the item, never the answer given.
    """

    model_config = ConfigDict(frozen=True)

    answers: dict[ItemNumber, ItemValue] = Field(min_length=1)

    def __setattr__(self, name: str, value: Any) -> None:
        # pydantic's own frozen-instance error echoes the assigned value even with
        # hide_input_in_errors; refuse first, naming only the field.
        msg = f"MosSocialSupport is immutable: build a new survey instead of setting {name!r}"
        raise TypeError(msg)

    def __delattr__(self, name: str) -> None:
        msg = f"MosSocialSupport is immutable: cannot delete {name!r}"
        raise TypeError(msg)

    @field_validator("answers", mode="before")
    @classmethod
    def _check_items(cls, value: Any) -> Any:
        """Report every bad item at once, by item number, with what was expected."""
        if not isinstance(value, Mapping):
            return value  # pydantic reports the wrong type
        problems: list[str] = []
        checked: dict[int, int] = {}
        for key, answer in value.items():
            number = _item_number(key)
            if number is None:
                shown = f" {key}" if isinstance(key, int) and not isinstance(key, bool) else ""
                problems.append(f"unknown item{shown}: MOS-SSS items are numbered 1-19")
                continue
            if number in checked:
                problems.append(f"item {number}: answered twice")
                continue
            problem = _answer_problem(number, answer)
            if problem is not None:
                problems.append(problem)
                continue
            checked[number] = answer
        if problems:
            raise ValueError("MOS-SSS answers: " + "; ".join(problems))
        return dict(sorted(checked.items()))


@dataclass(frozen=True, slots=True)
class ScaleScore:
    """One scale's score: raw mean (1-5) and 0-100, and exactly which items it used.

    ``subscale`` is ``None`` for the overall support index. The repr shows only the scale,
    never the patient's result (scores are health data).
    """

    name: str
    subscale: MosSubscale | None
    items_used: tuple[int, ...] = field(repr=False)
    items_missing: tuple[int, ...] = field(repr=False)
    mean: float | None = field(repr=False)
    score_0_100: float | None = field(repr=False)

    @property
    def items_answered(self) -> int:
        """How many of the scale's items were answered."""
        return len(self.items_used)

    @property
    def items_total(self) -> int:
        """How many items the scale has."""
        return len(self.items_used) + len(self.items_missing)

    @property
    def complete(self) -> bool:
        """True when every item of the scale was answered."""
        return not self.items_missing

    @property
    def status(self) -> ScoreStatus:
        """Complete, partial (half-scale rule) or not scored."""
        if self.mean is None:
            return ScoreStatus.NOT_SCORED
        return ScoreStatus.COMPLETE if self.complete else ScoreStatus.PARTIAL

    @property
    def reason(self) -> str | None:
        """Why the score is missing or partial, for people; ``None`` when complete."""
        answered = f"{self.items_answered} of {self.items_total} items answered"
        if self.status is ScoreStatus.NOT_SCORED:
            return f"incomplete: {answered}, at least {_needed(self.items_total)} needed"
        if self.status is ScoreStatus.PARTIAL:
            return f"partial: {answered}"
        return None


@dataclass(frozen=True, slots=True)
class MosScores:
    """The four subscale scores (in ``MosSubscale`` order) and the overall support index."""

    subscales: dict[MosSubscale, ScaleScore]
    overall: ScaleScore

    def as_display_rows(self) -> list[tuple[str, str]]:
        """(name, score) rows for people: 0-100 to one decimal, or why there is none."""
        rows = []
        for score in (*self.subscales.values(), self.overall):
            if score.score_0_100 is None:
                shown = f"not scored ({score.items_answered} of {score.items_total} answered)"
            else:
                shown = f"{score.score_0_100:.1f}"
                if not score.complete:
                    shown += f" ({score.items_answered} of {score.items_total} answered)"
            rows.append((score.name, shown))
        return rows


def _needed(total: int) -> int:
    """The fewest answered items that still score a scale of ``total`` items."""
    return ceil(total / 2)


def to_0_100(mean: float) -> float:
    """RAND's linear transform of a 1-5 mean onto 0-100 (1 -> 0, 5 -> 100)."""
    return 100 * (mean - MOS_SSS_MIN_VALUE) / (MOS_SSS_MAX_VALUE - MOS_SSS_MIN_VALUE)


def _scale(
    subscale: MosSubscale | None, numbers: tuple[int, ...], answers: Mapping[int, int]
) -> ScaleScore:
    name = MOS_SSS_OVERALL_NAME if subscale is None else MOS_SSS_SUBSCALE_NAMES[subscale]
    used = tuple(n for n in numbers if n in answers)
    missing = tuple(n for n in numbers if n not in answers)
    if len(used) < _needed(len(numbers)):
        return ScaleScore(name, subscale, used, missing, None, None)
    mean = sum(answers[n] for n in used) / len(used)
    return ScaleScore(name, subscale, used, missing, mean, to_0_100(mean))


def score_mos_sss(survey: MosSocialSupport) -> MosScores:
    """Score a survey as RAND describes (means and 0-100), applying the half-scale rule."""
    answers = survey.answers
    subscales = {
        subscale: _scale(subscale, MOS_SSS_SUBSCALE_ITEMS[subscale], answers)
        for subscale in MosSubscale
    }
    overall = _scale(None, tuple(item.number for item in MOS_SSS_ITEMS), answers)
    return MosScores(subscales, overall)
