"""MOS-SSS answers and their exact scoring: subscale and overall means, and 0-100 scores.

Missing answers: RAND gives no imputation rule. We score a scale when at least half of
its items are answered (the half-scale rule common to RAND instruments), as the mean of
the answered items; every score records how many items it used, so a clinician can see
an incomplete scale. Fewer than half answered: the score is ``None``, never a guess.
"""

from dataclasses import dataclass
from math import ceil
from typing import Annotated

from pydantic import Field, field_validator

from commcare_ext.instruments.mos_sss import (
    MOS_SSS_ITEMS,
    MOS_SSS_OVERALL_INDEX,
    MOS_SSS_SCORE_CODES,
    MOS_SSS_SUBSCALE_NAMES,
    MosSubscale,
)
from commcare_ext.phi import PhiSafeModel
from commcare_ext.terminology.code import Code

ItemNumber = Annotated[int, Field(ge=1, le=len(MOS_SSS_ITEMS))]
ItemValue = Annotated[int, Field(ge=1, le=5)]

_MIN, _MAX = 1, 5


class MosSocialSupport(PhiSafeModel):
    """The patient's MOS-SSS answers: item number (1-19) -> 1 (none) ... 5 (all of the time).

    An empty survey is refused: "not administered" is ``Intake.social_support = None``.
    """

    answers: dict[ItemNumber, ItemValue] = Field(min_length=1)

    @field_validator("answers")
    @classmethod
    def _sorted(cls, value: dict[int, int]) -> dict[int, int]:
        return dict(sorted(value.items()))


@dataclass(frozen=True, slots=True)
class ScaleScore:
    """One scale's score: raw mean (1-5) and 0-100, with how many items it used."""

    name: str
    name_es: str
    code: Code
    items_answered: int
    items_total: int
    mean: float | None
    score_0_100: float | None

    @property
    def complete(self) -> bool:
        """True when every item of the scale was answered."""
        return self.items_answered == self.items_total


@dataclass(frozen=True, slots=True)
class MosScores:
    """The four subscale scores and the overall support index."""

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


def _scale(
    name: tuple[str, str], code: Code, numbers: list[int], answers: dict[int, int]
) -> ScaleScore:
    values = [answers[n] for n in numbers if n in answers]
    if len(values) < ceil(len(numbers) / 2):
        return ScaleScore(name[0], name[1], code, len(values), len(numbers), None, None)
    mean = sum(values) / len(values)
    transformed = 100 * (mean - _MIN) / (_MAX - _MIN)
    return ScaleScore(name[0], name[1], code, len(values), len(numbers), mean, transformed)


def score_mos_sss(survey: MosSocialSupport) -> MosScores:
    """Score a survey exactly as RAND describes (means, 0-100 transform), per scale."""
    answers = survey.answers
    subscales = {
        subscale: _scale(
            MOS_SSS_SUBSCALE_NAMES[subscale],
            MOS_SSS_SCORE_CODES[subscale],
            [item.number for item in MOS_SSS_ITEMS if item.subscale is subscale],
            answers,
        )
        for subscale in MosSubscale
    }
    overall = _scale(
        ("Overall support index", "Índice general de apoyo"),
        MOS_SSS_OVERALL_INDEX,
        [item.number for item in MOS_SSS_ITEMS],
        answers,
    )
    return MosScores(subscales, overall)
