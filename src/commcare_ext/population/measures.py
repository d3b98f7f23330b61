"""The outcome measures a synthetic population is followed with, and how each moves.

A measure is a score with a LOINC code, a range, and the direction that means "better".
PHQ-9 and GAD-7 codes were looked up on loinc.org (44261-6, "Patient Health Questionnaire
9 item (PHQ-9) total score [Reported]"; 70274-6, "Generalized anxiety disorder 7 item
(GAD-7) total score [Reported.PHQ]"); the MOS-SSS overall index is the code the intake
extraction already uses (``terminology.mos_sss``), on its 1-5 mean scale. Once the
instrument registry (issue #17) publishes PHQ-9 and GAD-7, their entries here are read
from it; the outcome model only needs the fields below.
"""

from dataclasses import dataclass
from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.mos_sss import mos_score_code
from commcare_ext.terminology.systems import LOINC


@dataclass(frozen=True, slots=True)
class Measure:
    """A total score followed over time.

    ``lower_is_better``: PHQ-9 and GAD-7 fall as people improve; MOS-SSS support rises.
    ``natural_change`` is the average improvement by six months without any planted effect
    (treatment as usual), ``noise`` the standard deviation of a follow-up around its mean.
    """

    key: str
    code: Code
    low: float
    high: float
    lower_is_better: bool
    natural_change: float
    noise: float
    decimals: int = 0


PHQ9: Final = Measure(
    "phq9",
    Code(LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
    0,
    27,
    lower_is_better=True,
    natural_change=2.0,
    noise=3.0,
)
GAD7: Final = Measure(
    "gad7",
    Code(
        LOINC, "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"
    ),
    0,
    21,
    lower_is_better=True,
    natural_change=1.5,
    noise=2.5,
)
MOS_SSS: Final = Measure(
    "mos-sss",
    mos_score_code(None),
    1,
    5,
    lower_is_better=False,
    natural_change=0.1,
    noise=0.3,
    decimals=4,
)
MEASURES: Final = {m.key: m for m in (PHQ9, GAD7, MOS_SSS)}


def baseline_score(measure: Measure, severity: float, noise: float) -> float:
    """A baseline total for a latent ``severity`` (0-1) plus ``noise`` (already drawn)."""
    return clamp(measure, measure.low + severity * (measure.high - measure.low) + noise)


def clamp(measure: Measure, value: float) -> float:
    """``value`` kept inside the instrument's range and rounded as the instrument reports."""
    inside = min(measure.high, max(measure.low, value))
    return round(inside, measure.decimals) if measure.decimals else float(round(inside))


def toward_better(measure: Measure, improvement: float) -> float:
    """The change in score that an ``improvement`` of that many points means."""
    return -improvement if measure.lower_is_better else improvement
