"""The outcome measures a synthetic population is followed with, and how each moves.

A measure is a score with a code, a range, and the direction that means "better". PHQ-9 and
GAD-7 come from the instrument registry (``commcare_ext.instruments``: their total-score
LOINC codes 44261-6 and 70274-6, their items and scale), so the intake carries their answers
and extraction writes the baseline; the MOS-SSS overall index is the code the intake
extraction uses (``terminology.mos_sss``), on its 1-5 mean scale.
"""

from dataclasses import dataclass
from typing import Final

from commcare_ext.instruments import GAD_7, PHQ_9
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.mos_sss import mos_score_code


@dataclass(frozen=True, slots=True)
class Measure:
    """A total score followed over time.

    ``lower_is_better``: PHQ-9 and GAD-7 fall as people improve; MOS-SSS support rises.
    ``natural_change`` is the average improvement by six months without any planted effect
    (treatment as usual), ``noise`` the standard deviation of a follow-up around its mean.
    """

    key: str
    #: The instrument's id in the registry (its answers live in ``Intake.measures[id]``).
    instrument_id: str
    code: Code
    low: float
    high: float
    lower_is_better: bool
    natural_change: float
    noise: float
    decimals: int = 0


def _total(total: Code) -> Code:
    return Code(total.system, total.code, total.display)


PHQ9: Final = Measure(
    "phq9",
    "phq-9",
    _total(PHQ_9.total),
    0,
    27,
    lower_is_better=True,
    natural_change=2.0,
    noise=3.0,
)
GAD7: Final = Measure(
    "gad7",
    "gad-7",
    _total(GAD_7.total),
    0,
    21,
    lower_is_better=True,
    natural_change=1.5,
    noise=2.5,
)
MOS_SSS: Final = Measure(
    "mos-sss",
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


def clamp(measure: Measure, value: float) -> float:
    """``value`` kept inside the instrument's range and rounded as the instrument reports."""
    inside = min(measure.high, max(measure.low, value))
    return round(inside, measure.decimals) if measure.decimals else float(round(inside))


def toward_better(measure: Measure, improvement: float) -> float:
    """The change in score that an ``improvement`` of that many points means."""
    return -improvement if measure.lower_is_better else improvement
