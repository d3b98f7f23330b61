"""The MOS Social Support Survey: its codes, items and answer scale (Sherbourne & Stewart, 1991).

Nineteen items ask how often a kind of support is there when needed, from 1 (none of the
time) to 5 (all of the time). RAND groups 18 of them into four subscales and keeps one
additional item (our item 13, "someone to take your mind off things") for the overall
index only; ``scoring`` turns answers into scores.

Item wording here is ours, paraphrasing each item's meaning in English and Spanish; the
instrument's own text is not reproduced. Code displays are LOINC's names for its terms.

Codes come from loinc.org's page for panel 91642-9 (items, subscale groups, the
emotional/informational score) and for 91663-5 (the overall index); answer codes are the
LOINC answers of the same frequency wording. Items 5, 6, 9, 10, 13, 14, 17, 19 and the
tangible, affectionate and positive-interaction scores could not be confirmed from a
source: they carry codes of our own CodeSystem (``mos-sss-…``) until confirmed, never a
guessed LOINC code. ``MosItem.loinc_confirmed`` says which is which.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, LOINC


class MosSubscale(StrEnum):
    """The four MOS-SSS subscales; the additional item belongs only to the overall index."""

    EMOTIONAL_INFORMATIONAL = "emotional-informational"
    TANGIBLE = "tangible"
    AFFECTIONATE = "affectionate"
    POSITIVE_SOCIAL_INTERACTION = "positive-social-interaction"


@dataclass(frozen=True, slots=True)
class MosItem:
    """One item: number on the form (1-19), stable key, code, subscale and our wording.

    ``key`` is the stable suffix of the item's Questionnaire ``linkId``; ``subscale`` is
    ``None`` for the additional item, which counts only towards the overall index.
    """

    number: int
    key: str
    code: Code
    subscale: MosSubscale | None
    text_en: str
    text_es: str

    @property
    def loinc(self) -> Code | None:
        """The item's LOINC code, or ``None`` while only our placeholder code is known."""
        return self.code if self.code.system == LOINC else None

    @property
    def loinc_confirmed(self) -> bool:
        """True when ``code`` is the item's LOINC code (not our placeholder)."""
        return self.loinc is not None


@dataclass(frozen=True, slots=True)
class MosAnswer:
    """One point of the 1-5 frequency scale, with its LOINC answer code."""

    value: int
    code: Code
    display_es: str

    @property
    def display_en(self) -> str:
        """English label (LOINC's answer text)."""
        return self.code.display


def _loinc(code: str, display: str) -> Code:
    return Code(LOINC, code, display)


def _local(code: str, display: str) -> Code:
    return Code(COMMCARE_CODESYSTEM, code, display)


#: Lowest and highest answer value; the 0-100 transform maps them to 0 and 100.
MOS_SSS_MIN_VALUE: Final = 1
MOS_SSS_MAX_VALUE: Final = 5

MOS_SSS_PANEL: Final = _loinc(
    "91642-9", "Medical Outcomes Study Social Support Survey panel [MOS Social Support Survey]"
)
MOS_SSS_OVERALL_INDEX: Final = _loinc("91663-5", "Social support index [MOS Social Support Survey]")

#: The frequency scale, valued 1 (none) to 5 (all of the time), with LOINC answer codes.
MOS_SSS_ANSWERS: Final[tuple[MosAnswer, ...]] = (
    MosAnswer(1, _loinc("LA6297-1", "None of the time"), "Nunca"),
    MosAnswer(2, _loinc("LA14732-4", "A little of the time"), "Pocas veces"),
    MosAnswer(3, _loinc("LA14733-2", "Some of the time"), "Algunas veces"),
    MosAnswer(4, _loinc("LA14734-0", "Most of the time"), "La mayoría de las veces"),
    MosAnswer(5, _loinc("LA6154-4", "All of the time"), "Siempre"),
)

_E = MosSubscale.EMOTIONAL_INFORMATIONAL
_T = MosSubscale.TANGIBLE
_A = MosSubscale.AFFECTIONATE
_P = MosSubscale.POSITIVE_SOCIAL_INTERACTION


def _item(
    number: int, code: Code, subscale: MosSubscale | None, text_en: str, text_es: str
) -> MosItem:
    return MosItem(number, f"mos-sss-{number:02d}", code, subscale, text_en, text_es)


#: The 19 items in form order (the order of the RAND form, without its first, uncounted
#: question about the number of close friends and relatives).
MOS_SSS_ITEMS: Final[tuple[MosItem, ...]] = (
    _item(
        1,
        _loinc("91652-8", "Someone to help you if you were confined to bed"),
        _T,
        "Someone who would look after you if you were stuck in bed",
        "Alguien que le cuidaría si tuviera que guardar cama",
    ),
    _item(
        2,
        _loinc("91634-6", "Someone you can count on to listen to you when you need to talk"),
        _E,
        "Someone who will hear you out when you need to talk",
        "Alguien que le escucha cuando necesita hablar",
    ),
    _item(
        3,
        _loinc("91635-3", "Someone to give you good advice about a crisis"),
        _E,
        "Someone who can guide you well through a crisis",
        "Alguien que le aconseja bien en una crisis",
    ),
    _item(
        4,
        _loinc("91653-6", "Someone to take you to the doctor if you needed it"),
        _T,
        "Someone who would get you to a medical appointment",
        "Alguien que le llevaría a una cita médica",
    ),
    _item(
        5,
        _local("mos-sss-item-05", "MOS-SSS item: a person showing love and affection"),
        _A,
        "Someone who is loving and affectionate with you",
        "Alguien que le demuestra amor y cariño",
    ),
    _item(
        6,
        _local("mos-sss-item-06", "MOS-SSS item: a person to enjoy good times with"),
        _P,
        "Someone to share good times with",
        "Alguien con quien pasarlo bien",
    ),
    _item(
        7,
        _loinc("91655-1", "Someone to give you information to help you understand a situation"),
        _E,
        "Someone who explains things so a situation makes sense to you",
        "Alguien que le da información para entender una situación",
    ),
    _item(
        8,
        _loinc("91637-9", "Someone to confide in or talk to about yourself or your problems"),
        _E,
        "Someone you can open up to about yourself or your troubles",
        "Alguien con quien puede sincerarse sobre usted o sus problemas",
    ),
    _item(
        9,
        _local("mos-sss-item-09", "MOS-SSS item: a person who gives hugs"),
        _A,
        "Someone who gives you a hug",
        "Alguien que le da abrazos",
    ),
    _item(
        10,
        _local("mos-sss-item-10", "MOS-SSS item: a person to meet up with and relax"),
        _P,
        "Someone to meet up with and unwind",
        "Alguien con quien reunirse para relajarse",
    ),
    _item(
        11,
        _loinc("91658-5", "Someone to prepare your meals if you were unable to do it yourself"),
        _T,
        "Someone who would cook for you if you could not",
        "Alguien que le prepararía la comida si usted no pudiera",
    ),
    _item(
        12,
        _loinc("91638-7", "Someone whose advice you really want"),
        _E,
        "Someone whose advice you truly value",
        "Alguien cuyos consejos valora de verdad",
    ),
    _item(
        13,
        _local("mos-sss-item-13", "MOS-SSS item: a person to take your mind off things"),
        None,
        "Someone to do things with that take your mind off your worries",
        "Alguien con quien hacer cosas que le distraigan de sus preocupaciones",
    ),
    _item(
        14,
        _local("mos-sss-item-14", "MOS-SSS item: a person to help with chores when ill"),
        _T,
        "Someone who would help with everyday tasks if you were ill",
        "Alguien que le ayudaría con las tareas de la casa si estuviera enfermo/a",
    ),
    _item(
        15,
        _loinc("91640-3", "Someone to share your most private worries and fears with"),
        _E,
        "Someone you can tell your most private worries and fears",
        "Alguien con quien compartir sus preocupaciones y miedos más íntimos",
    ),
    _item(
        16,
        _loinc(
            "91660-1",
            "Someone to turn to for suggestions about how to deal with a personal problem",
        ),
        _E,
        "Someone to ask for ideas on handling a personal problem",
        "Alguien a quien pedir ideas para afrontar un problema personal",
    ),
    _item(
        17,
        _local("mos-sss-item-17", "MOS-SSS item: a person to do something fun with"),
        _P,
        "Someone to do something fun with",
        "Alguien con quien hacer algo divertido",
    ),
    _item(
        18,
        _loinc("91662-7", "Someone who understands your problems"),
        _E,
        "Someone who gets what you are going through",
        "Alguien que comprende sus problemas",
    ),
    _item(
        19,
        _local("mos-sss-item-19", "MOS-SSS item: a person who loves you and makes you feel wanted"),
        _A,
        "Someone who loves you and makes you feel wanted",
        "Alguien que le quiere y le hace sentir querido/a",
    ),
)

#: Item numbers of each subscale, in form order (RAND's grouping, renumbered 1-19).
MOS_SSS_SUBSCALE_ITEMS: Final[dict[MosSubscale, tuple[int, ...]]] = {
    subscale: tuple(item.number for item in MOS_SSS_ITEMS if item.subscale is subscale)
    for subscale in MosSubscale
}

#: Score codes per subscale (LOINC where confirmed, otherwise our placeholder).
MOS_SSS_SCORE_CODES: Final[dict[MosSubscale, Code]] = {
    _E: _loinc("91647-8", "Emotional/informational support score [MOS Social Support Survey]"),
    _T: _local("mos-sss-tangible-score", "MOS-SSS tangible support score"),
    _A: _local("mos-sss-affectionate-score", "MOS-SSS affectionate support score"),
    _P: _local("mos-sss-positive-interaction-score", "MOS-SSS positive social interaction score"),
}

MOS_SSS_INSTRUCTIONS_EN: Final = (
    "People sometimes look to others for company, help or other kinds of support. How often is "
    "each of the following kinds of support there for you when you need it?"
)
MOS_SSS_INSTRUCTIONS_ES: Final = (
    "A veces las personas buscan en otros compañía, ayuda u otro tipo de apoyo. ¿Con qué "
    "frecuencia cuenta con cada uno de estos apoyos cuando lo necesita?"
)

#: (English, Spanish) names of each subscale, for people.
MOS_SSS_SUBSCALE_NAMES: Final[dict[MosSubscale, tuple[str, str]]] = {
    _E: ("Emotional and informational support", "Apoyo emocional e informativo"),
    _T: ("Practical (tangible) support", "Apoyo práctico (tangible)"),
    _A: ("Affection", "Afecto"),
    _P: ("Positive social interaction", "Interacción social positiva"),
}

#: (English, Spanish) name of the overall index, for people.
MOS_SSS_OVERALL_NAME: Final = ("Overall support index", "Índice general de apoyo")
