"""Answers of the 'Language, culture and faith' section, and the languages the form offers."""

from typing import Final

from commcare_ext.intake.vocabulary import SpiritualImportance
from commcare_ext.terminology.answers.base import answer_set
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.systems import BCP47

SPIRITUAL_IMPORTANCE = answer_set(
    SpiritualImportance,
    "spiritual-importance",
    ("Importance of faith in coping", "Importancia de la fe para sobrellevar"),
    "How much faith or spirituality helps the patient cope.",
    {
        SpiritualImportance.NOT_IMPORTANT: (
            "Not important",
            "No es importante",
            "Faith or spirituality plays no part in coping.",
        ),
        SpiritualImportance.SOMEWHAT_IMPORTANT: (
            "Somewhat important",
            "Algo importante",
            "Faith or spirituality helps somewhat.",
        ),
        SpiritualImportance.VERY_IMPORTANT: (
            "Very important",
            "Muy importante",
            "Faith or spirituality is central to coping.",
        ),
    },
)


def _language(tag: str, english: str, spanish: str) -> Answer:
    return Answer(Code(BCP47, tag, english), spanish)


#: Languages offered in the preferred-language pick list (any other BCP-47 tag may be typed),
#: chosen to cover the languages most often needing interpreters in US and European community
#: clinics; the list is a convenience, not a limit.
COMMON_LANGUAGES: Final[tuple[Answer, ...]] = (
    _language("en", "English", "Inglés"),
    _language("es", "Spanish", "Español"),
    _language("zh", "Chinese", "Chino"),
    _language("yue", "Cantonese", "Cantonés"),
    _language("vi", "Vietnamese", "Vietnamita"),
    _language("tl", "Tagalog", "Tagalo"),
    _language("ar", "Arabic", "Árabe"),
    _language("ko", "Korean", "Coreano"),
    _language("ru", "Russian", "Ruso"),
    _language("ht", "Haitian Creole", "Criollo haitiano"),
    _language("pt", "Portuguese", "Portugués"),
    _language("fr", "French", "Francés"),
    _language("so", "Somali", "Somalí"),
    _language("am", "Amharic", "Amárico"),
    _language("ti", "Tigrinya", "Tigriña"),
    _language("fa", "Persian (Farsi)", "Persa (farsi)"),
    _language("ps", "Pashto", "Pastún"),
    _language("hi", "Hindi", "Hindi"),
    _language("pa", "Punjabi", "Panyabí"),
    _language("bn", "Bengali", "Bengalí"),
    _language("ne", "Nepali", "Nepalí"),
    _language("my", "Burmese", "Birmano"),
    _language("uk", "Ukrainian", "Ucraniano"),
    _language("pl", "Polish", "Polaco"),
    _language("nv", "Navajo", "Navajo"),
    _language("ase", "American Sign Language", "Lengua de señas americana"),
)
