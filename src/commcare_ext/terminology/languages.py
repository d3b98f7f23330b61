"""The languages the intake is published in, chosen by a BCP-47 tag, and their direction.

A tag is matched by its language (and, for Chinese, its script): ``es-MX`` is Spanish and
``zh-CN`` Simplified Chinese, but ``zh-Hant`` or ``zh-TW`` are refused rather than shown in
Simplified characters. An unsupported tag is an error, never a silent fall back to English.
"""

from enum import StrEnum
from typing import Final, Literal

from commcare_ext.errors import CommcareError


class FormLanguage(StrEnum):
    """A language the form, its answers and the summary are published in (a BCP-47 tag)."""

    EN = "en"
    ES = "es"
    VI = "vi"
    ZH_HANS = "zh-Hans"
    AR = "ar"


class UnsupportedLanguageError(CommcareError, ValueError):
    """The form is not published in the language asked for (the message lists those it is)."""

    def __init__(self) -> None:
        supported = ", ".join(repr(str(language)) for language in FormLanguage)
        super().__init__(f"language must be a BCP-47 tag for one of {supported}")


#: Languages whose translations a qualified medical translator has reviewed. None yet: every
#: non-English text is our own translation and is marked "needs review" where it is published.
REVIEWED_LANGUAGES: Final[frozenset[FormLanguage]] = frozenset()

_RIGHT_TO_LEFT: Final = frozenset({FormLanguage.AR})
#: Regions whose Chinese is written in Simplified characters (CLDR likely subtags).
_SIMPLIFIED_REGIONS: Final = frozenset({"cn", "sg", "my"})


def form_language(tag: str) -> FormLanguage:
    """The published language a BCP-47 ``tag`` asks for (case-insensitive, subtags allowed).

    Raises:
        UnsupportedLanguageError: the tag names a language (or Chinese script) we do not publish.

    """
    if not isinstance(tag, str):
        raise UnsupportedLanguageError
    parts = tag.strip().replace("_", "-").lower().split("-")
    primary, rest = parts[0], parts[1:]
    if primary == "zh":
        script = next((p for p in rest if len(p) == 4), None)
        region = next((p for p in rest if len(p) == 2), None)
        if script == "hans" or (script is None and region in (None, *_SIMPLIFIED_REGIONS)):
            return FormLanguage.ZH_HANS
        raise UnsupportedLanguageError
    for language in FormLanguage:
        if language.value == primary:
            return language
    raise UnsupportedLanguageError


def text_direction(language: str) -> Literal["ltr", "rtl"]:
    """``rtl`` for a language written right to left (Arabic), else ``ltr``."""
    return "rtl" if form_language(language) in _RIGHT_TO_LEFT else "ltr"


def needs_review(language: str) -> bool:
    """True when ``language``'s wording is our own translation, not yet reviewed."""
    chosen = form_language(language)
    return chosen is not FormLanguage.EN and chosen not in REVIEWED_LANGUAGES
