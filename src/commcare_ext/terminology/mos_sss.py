"""The MOS Social Support Survey's codes, where terminology users have always found them.

The codes now live with the instrument (``commcare_ext.instruments.mos_sss.codes``); this
module keeps the old names and gives each answer code its :class:`Answer`.
"""

from typing import Final

from commcare_ext.instruments.mos_sss.codes import (
    MOS_SSS_ANSWER_CODES,
    MOS_SSS_ITEM_CODES,
    MOS_SSS_OVERALL_INDEX,
    MOS_SSS_PANEL,
    MOS_SSS_SCORE_CODES,
    loinc_confirmed,
    mos_score_code,
)
from commcare_ext.terminology.code import Answer

#: Scale value (1-5) -> its LOINC answer (other languages: the catalogues).
MOS_SSS_ANSWERS: Final[dict[int, Answer]] = {
    value: Answer(code) for value, code in MOS_SSS_ANSWER_CODES.items()
}

__all__ = [
    "MOS_SSS_ANSWERS",
    "MOS_SSS_ITEM_CODES",
    "MOS_SSS_OVERALL_INDEX",
    "MOS_SSS_PANEL",
    "MOS_SSS_SCORE_CODES",
    "loinc_confirmed",
    "mos_score_code",
]
