"""The codes the outcome measures select on, each with its source.

- PHQ-9 total score: LOINC 44261-6 "Patient Health Questionnaire 9 item (PHQ-9) total score
  [Reported]" (loinc.org/44261-6).
- GAD-7 total score: LOINC 70274-6 "Generalized anxiety disorder 7 item (GAD-7) total score
  [Reported.PHQ]" (LOINC, as listed by the LOINC term browsers).
- MOS-SSS overall support index: LOINC 91663-5, as the library writes it
  (``terminology.mos_sss``).
The same codes are in the ``outcomes-score`` ViewDefinition's ``where``.
"""

from enum import StrEnum
from typing import Final

LOINC: Final = "http://loinc.org"


class Instrument(StrEnum):
    """An outcome measure, by the LOINC code of its total score."""

    PHQ9 = "44261-6"
    GAD7 = "70274-6"
    MOS_SSS = "91663-5"

    @property
    def label(self) -> str:
        """The instrument's short name."""
        return _LABELS[self]

    @property
    def lower_is_better(self) -> bool:
        """PHQ-9 and GAD-7 fall as symptoms ease; the MOS-SSS index rises as support grows."""
        return self is not Instrument.MOS_SSS


_LABELS: Final = {
    Instrument.PHQ9: "PHQ-9",
    Instrument.GAD7: "GAD-7",
    Instrument.MOS_SSS: "MOS-SSS",
}

#: SNOMED CT answers of the US Core interpreter-needed extension.
INTERPRETER_YES: Final = "373066001"
INTERPRETER_NO: Final = "373067005"
