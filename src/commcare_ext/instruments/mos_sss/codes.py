"""The MOS Social Support Survey's codes: panel, items, scores and answer scale.

The instrument's items, wording and scoring are its sibling modules; this module
gives each part its code, keyed by item number, subscale or scale value.

Codes come from loinc.org's page for panel 91642-9 (items, subscale groups, the
emotional/informational score) and for 91663-5 (the overall index); answer codes are the
LOINC answers of the same frequency wording. Items 5, 6, 9, 10, 13, 14, 17, 19 and the
tangible, affectionate and positive-interaction scores could not be confirmed from a
source: they carry codes of our own CodeSystem (``mos-sss-…``) until confirmed, never a
guessed LOINC code. :func:`loinc_confirmed` says which is which. Code displays are LOINC's
names for its terms.
"""

from typing import Final

from commcare_ext.fhir.code import Code
from commcare_ext.instruments.codes import local as _local
from commcare_ext.instruments.codes import loinc as _loinc
from commcare_ext.instruments.codes import loinc_confirmed
from commcare_ext.instruments.mos_sss.items import MosSubscale

__all__ = [
    "MOS_SSS_ANSWER_CODES",
    "MOS_SSS_ITEM_CODES",
    "MOS_SSS_OVERALL_INDEX",
    "MOS_SSS_PANEL",
    "MOS_SSS_SCORE_CODES",
    "loinc_confirmed",
    "mos_score_code",
]


MOS_SSS_PANEL: Final = _loinc(
    "91642-9", "Medical Outcomes Study Social Support Survey panel [MOS Social Support Survey]"
)
MOS_SSS_OVERALL_INDEX: Final = _loinc("91663-5", "Social support index [MOS Social Support Survey]")

#: Item number (1-19) -> the item's code (LOINC where confirmed, otherwise our placeholder).
MOS_SSS_ITEM_CODES: Final[dict[int, Code]] = {
    1: _loinc("91652-8", "Someone to help you if you were confined to bed"),
    2: _loinc("91634-6", "Someone you can count on to listen to you when you need to talk"),
    3: _loinc("91635-3", "Someone to give you good advice about a crisis"),
    4: _loinc("91653-6", "Someone to take you to the doctor if you needed it"),
    5: _local("mos-sss-item-05", "MOS-SSS item: a person showing love and affection"),
    6: _local("mos-sss-item-06", "MOS-SSS item: a person to enjoy good times with"),
    7: _loinc("91655-1", "Someone to give you information to help you understand a situation"),
    8: _loinc("91637-9", "Someone to confide in or talk to about yourself or your problems"),
    9: _local("mos-sss-item-09", "MOS-SSS item: a person who gives hugs"),
    10: _local("mos-sss-item-10", "MOS-SSS item: a person to meet up with and relax"),
    11: _loinc("91658-5", "Someone to prepare your meals if you were unable to do it yourself"),
    12: _loinc("91638-7", "Someone whose advice you really want"),
    13: _local("mos-sss-item-13", "MOS-SSS item: a person to take your mind off things"),
    14: _local("mos-sss-item-14", "MOS-SSS item: a person to help with chores when ill"),
    15: _loinc("91640-3", "Someone to share your most private worries and fears with"),
    16: _loinc(
        "91660-1",
        "Someone to turn to for suggestions about how to deal with a personal problem",
    ),
    17: _local("mos-sss-item-17", "MOS-SSS item: a person to do something fun with"),
    18: _loinc("91662-7", "Someone who understands your problems"),
    19: _local("mos-sss-item-19", "MOS-SSS item: a person who loves you and makes you feel wanted"),
}

#: Score codes per subscale (LOINC where confirmed, otherwise our placeholder).
MOS_SSS_SCORE_CODES: Final[dict[MosSubscale, Code]] = {
    MosSubscale.EMOTIONAL_INFORMATIONAL: _loinc(
        "91647-8", "Emotional/informational support score [MOS Social Support Survey]"
    ),
    MosSubscale.TANGIBLE: _local("mos-sss-tangible-score", "MOS-SSS tangible support score"),
    MosSubscale.AFFECTIONATE: _local(
        "mos-sss-affectionate-score", "MOS-SSS affectionate support score"
    ),
    MosSubscale.POSITIVE_SOCIAL_INTERACTION: _local(
        "mos-sss-positive-interaction-score", "MOS-SSS positive social interaction score"
    ),
}

#: Scale value (1-5) -> its LOINC answer code (other languages: the catalogues).
MOS_SSS_ANSWER_CODES: Final[dict[int, Code]] = {
    1: _loinc("LA6297-1", "None of the time"),
    2: _loinc("LA14732-4", "A little of the time"),
    3: _loinc("LA14733-2", "Some of the time"),
    4: _loinc("LA14734-0", "Most of the time"),
    5: _loinc("LA6154-4", "All of the time"),
}


def mos_score_code(subscale: MosSubscale | None) -> Code:
    """The code of a subscale's score, or of the overall support index for ``None``."""
    return MOS_SSS_OVERALL_INDEX if subscale is None else MOS_SSS_SCORE_CODES[subscale]
