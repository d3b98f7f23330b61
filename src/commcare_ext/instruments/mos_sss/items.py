"""The MOS Social Support Survey (Sherbourne & Stewart 1991): items, scale, subscales, wording.

Nineteen items ask how often a kind of support is there when needed, from 1 (none of the
time) to 5 (all of the time). RAND groups 18 of them into four subscales and keeps one
additional item (our item 13, "someone to take your mind off things") for the overall
index only; ``scoring`` turns answers into scores.

Item wording here is ours, paraphrasing each item's meaning in English (translations live
in the catalogues of ``commcare_ext.terminology``); the
instrument's own text is not reproduced. This module is the scale as people see it and as
RAND scores it; its LOINC (or placeholder) codes live in ``commcare_ext.terminology.mos_sss``,
so the instrument stays free of code systems.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Final


class MosSubscale(StrEnum):
    """The four MOS-SSS subscales; the additional item belongs only to the overall index."""

    EMOTIONAL_INFORMATIONAL = "emotional-informational"
    TANGIBLE = "tangible"
    AFFECTIONATE = "affectionate"
    POSITIVE_SOCIAL_INTERACTION = "positive-social-interaction"


@dataclass(frozen=True, slots=True)
class MosItem:
    """One item: number on the form (1-19), subscale and our English wording.

    ``subscale`` is ``None`` for the additional item, which counts only towards the overall
    index.
    """

    number: int
    subscale: MosSubscale | None
    text_en: str

    @property
    def key(self) -> str:
        """The stable suffix of the item's Questionnaire ``linkId`` (``mos-sss-07``)."""
        return f"mos-sss-{self.number:02d}"


#: Lowest and highest answer value; the 0-100 transform maps them to 0 and 100.
MOS_SSS_MIN_VALUE: Final = 1
MOS_SSS_MAX_VALUE: Final = 5

#: The frequency scale: value (1 none ... 5 all of the time) -> English label.
MOS_SSS_SCALE: Final[dict[int, str]] = {
    1: "None of the time",
    2: "A little of the time",
    3: "Some of the time",
    4: "Most of the time",
    5: "All of the time",
}

_E = MosSubscale.EMOTIONAL_INFORMATIONAL
_T = MosSubscale.TANGIBLE
_A = MosSubscale.AFFECTIONATE
_P = MosSubscale.POSITIVE_SOCIAL_INTERACTION

#: The 19 items in form order (the order of the RAND form, without its first, uncounted
#: question about the number of close friends and relatives).
MOS_SSS_ITEMS: Final[tuple[MosItem, ...]] = (
    MosItem(
        1,
        _T,
        "Someone who would look after you if you were stuck in bed",
    ),
    MosItem(
        2,
        _E,
        "Someone who will hear you out when you need to talk",
    ),
    MosItem(
        3,
        _E,
        "Someone who can guide you well through a crisis",
    ),
    MosItem(
        4,
        _T,
        "Someone who would get you to a medical appointment",
    ),
    MosItem(
        5,
        _A,
        "Someone who is loving and affectionate with you",
    ),
    MosItem(6, _P, "Someone to share good times with"),
    MosItem(
        7,
        _E,
        "Someone who explains things so a situation makes sense to you",
    ),
    MosItem(
        8,
        _E,
        "Someone you can open up to about yourself or your troubles",
    ),
    MosItem(9, _A, "Someone who gives you a hug"),
    MosItem(10, _P, "Someone to meet up with and unwind"),
    MosItem(
        11,
        _T,
        "Someone who would cook for you if you could not",
    ),
    MosItem(12, _E, "Someone whose advice you truly value"),
    MosItem(
        13,
        None,
        "Someone to do things with that take your mind off your worries",
    ),
    MosItem(
        14,
        _T,
        "Someone who would help with everyday tasks if you were ill",
    ),
    MosItem(
        15,
        _E,
        "Someone you can tell your most private worries and fears",
    ),
    MosItem(
        16,
        _E,
        "Someone to ask for ideas on handling a personal problem",
    ),
    MosItem(17, _P, "Someone to do something fun with"),
    MosItem(18, _E, "Someone who gets what you are going through"),
    MosItem(
        19,
        _A,
        "Someone who loves you and makes you feel wanted",
    ),
)

#: Item numbers of each subscale, in form order (RAND's grouping, renumbered 1-19).
MOS_SSS_SUBSCALE_ITEMS: Final[dict[MosSubscale, tuple[int, ...]]] = {
    subscale: tuple(item.number for item in MOS_SSS_ITEMS if item.subscale is subscale)
    for subscale in MosSubscale
}

MOS_SSS_INSTRUCTIONS_EN: Final = (
    "People sometimes look to others for company, help or other kinds of support. How often is "
    "each of the following kinds of support there for you when you need it?"
)

#: English names of each subscale, for people (other languages: the catalogues).
MOS_SSS_SUBSCALE_NAMES: Final[dict[MosSubscale, str]] = {
    _E: "Emotional and informational support",
    _T: "Practical (tangible) support",
    _A: "Affection",
    _P: "Positive social interaction",
}

#: English name of the overall index, for people.
MOS_SSS_OVERALL_NAME: Final = "Overall support index"
