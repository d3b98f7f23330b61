"""The MOS Social Support Survey (Sherbourne & Stewart 1991): items, scale, subscales, wording.

Nineteen items ask how often a kind of support is there when needed, from 1 (none of the
time) to 5 (all of the time). RAND groups 18 of them into four subscales and keeps one
additional item (our item 13, "someone to take your mind off things") for the overall
index only; ``scoring`` turns answers into scores.

Item wording here is ours, paraphrasing each item's meaning in English and Spanish; the
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
    """One item: number on the form (1-19), subscale and our wording in English and Spanish.

    ``subscale`` is ``None`` for the additional item, which counts only towards the overall
    index.
    """

    number: int
    subscale: MosSubscale | None
    text_en: str
    text_es: str

    @property
    def key(self) -> str:
        """The stable suffix of the item's Questionnaire ``linkId`` (``mos-sss-07``)."""
        return f"mos-sss-{self.number:02d}"


#: Lowest and highest answer value; the 0-100 transform maps them to 0 and 100.
MOS_SSS_MIN_VALUE: Final = 1
MOS_SSS_MAX_VALUE: Final = 5

#: The frequency scale: value (1 none ... 5 all of the time) -> (English, Spanish) label.
MOS_SSS_SCALE: Final[dict[int, tuple[str, str]]] = {
    1: ("None of the time", "Nunca"),
    2: ("A little of the time", "Pocas veces"),
    3: ("Some of the time", "Algunas veces"),
    4: ("Most of the time", "La mayoría de las veces"),
    5: ("All of the time", "Siempre"),
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
        "Alguien que le cuidaría si tuviera que guardar cama",
    ),
    MosItem(
        2,
        _E,
        "Someone who will hear you out when you need to talk",
        "Alguien que le escucha cuando necesita hablar",
    ),
    MosItem(
        3,
        _E,
        "Someone who can guide you well through a crisis",
        "Alguien que le aconseja bien en una crisis",
    ),
    MosItem(
        4,
        _T,
        "Someone who would get you to a medical appointment",
        "Alguien que le llevaría a una cita médica",
    ),
    MosItem(
        5,
        _A,
        "Someone who is loving and affectionate with you",
        "Alguien que le demuestra amor y cariño",
    ),
    MosItem(6, _P, "Someone to share good times with", "Alguien con quien pasarlo bien"),
    MosItem(
        7,
        _E,
        "Someone who explains things so a situation makes sense to you",
        "Alguien que le da información para entender una situación",
    ),
    MosItem(
        8,
        _E,
        "Someone you can open up to about yourself or your troubles",
        "Alguien con quien puede sincerarse sobre usted o sus problemas",
    ),
    MosItem(9, _A, "Someone who gives you a hug", "Alguien que le da abrazos"),
    MosItem(
        10, _P, "Someone to meet up with and unwind", "Alguien con quien reunirse para relajarse"
    ),
    MosItem(
        11,
        _T,
        "Someone who would cook for you if you could not",
        "Alguien que le prepararía la comida si usted no pudiera",
    ),
    MosItem(
        12, _E, "Someone whose advice you truly value", "Alguien cuyos consejos valora de verdad"
    ),
    MosItem(
        13,
        None,
        "Someone to do things with that take your mind off your worries",
        "Alguien con quien hacer cosas que le distraigan de sus preocupaciones",
    ),
    MosItem(
        14,
        _T,
        "Someone who would help with everyday tasks if you were ill",
        "Alguien que le ayudaría con las tareas de la casa si estuviera enfermo/a",
    ),
    MosItem(
        15,
        _E,
        "Someone you can tell your most private worries and fears",
        "Alguien con quien compartir sus preocupaciones y miedos más íntimos",
    ),
    MosItem(
        16,
        _E,
        "Someone to ask for ideas on handling a personal problem",
        "Alguien a quien pedir ideas para afrontar un problema personal",
    ),
    MosItem(17, _P, "Someone to do something fun with", "Alguien con quien hacer algo divertido"),
    MosItem(
        18, _E, "Someone who gets what you are going through", "Alguien que comprende sus problemas"
    ),
    MosItem(
        19,
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
