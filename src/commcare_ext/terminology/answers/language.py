"""Answers of the 'Language, culture and faith' section, and the languages the form offers."""

from typing import Final

from commcare_ext.intake.vocabulary import SpiritualImportance
from commcare_ext.terminology.answers.base import answer_set
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.systems import BCP47

SPIRITUAL_IMPORTANCE = answer_set(
    SpiritualImportance,
    "spiritual-importance",
    "Importance of faith in coping",
    "How much faith or spirituality helps the patient cope.",
    {
        SpiritualImportance.NOT_IMPORTANT: (
            "Not important",
            "Faith or spirituality plays no part in coping.",
        ),
        SpiritualImportance.SOMEWHAT_IMPORTANT: (
            "Somewhat important",
            "Faith or spirituality helps somewhat.",
        ),
        SpiritualImportance.VERY_IMPORTANT: (
            "Very important",
            "Faith or spirituality is central to coping.",
        ),
    },
)


def _language(tag: str, english: str) -> Answer:
    return Answer(Code(BCP47, tag, english))


#: Languages offered in the preferred-language pick list (any other BCP-47 tag may be typed),
#: chosen to cover the languages most often needing interpreters in US and European community
#: clinics; the list is a convenience, not a limit.
COMMON_LANGUAGES: Final[tuple[Answer, ...]] = (
    _language("en", "English"),
    _language("es", "Spanish"),
    _language("zh", "Chinese"),
    _language("yue", "Cantonese"),
    _language("vi", "Vietnamese"),
    _language("tl", "Tagalog"),
    _language("ar", "Arabic"),
    _language("ko", "Korean"),
    _language("ru", "Russian"),
    _language("ht", "Haitian Creole"),
    _language("pt", "Portuguese"),
    _language("fr", "French"),
    _language("so", "Somali"),
    _language("am", "Amharic"),
    _language("ti", "Tigrinya"),
    _language("fa", "Persian (Farsi)"),
    _language("ps", "Pashto"),
    _language("hi", "Hindi"),
    _language("pa", "Punjabi"),
    _language("bn", "Bengali"),
    _language("ne", "Nepali"),
    _language("my", "Burmese"),
    _language("uk", "Ukrainian"),
    _language("pl", "Polish"),
    _language("nv", "Navajo"),
    _language("ase", "American Sign Language"),
)
