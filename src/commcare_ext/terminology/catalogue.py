"""Translations: one gettext catalogue per language, the only place non-English wording lives.

English is written once, in the code that defines a question, an answer or a label; each
other language's wording is written once, in ``locale/<tag>.po`` (msgctxt names where the
text is used, msgid is the English). Nothing else holds a translation, so there is never a
second copy to keep in step. Babel reads the catalogues (the standard library's ``gettext``
reads only compiled ``.mo`` files, which would be a second, derived copy to keep current).
A text missing from a catalogue is an error, never English in the middle of another language;
``tests/terminology/test_catalogues.py`` keeps every catalogue complete.
"""

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Final

from babel.messages.pofile import read_po

from commcare_ext.errors import CommcareError
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.languages import FormLanguage, form_language
from commcare_ext.terminology.systems import BCP47, COMMCARE_CODESYSTEM, LOINC, V3_ROLE_CODE

#: Where the library's catalogues live (``<tag>.po``, e.g. ``zh-Hans.po``).
LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

_SYSTEM_ALIASES: Final = {
    COMMCARE_CODESYSTEM: "commcare-intake",
    V3_ROLE_CODE: "v3-RoleCode",
    LOINC: "loinc",
    BCP47: "bcp47",
}


class MissingTranslationError(CommcareError, LookupError):
    """A catalogue lacks a text the code asks for (names its context, never patient data)."""

    def __init__(self, language: str, context: str) -> None:
        self.language = language
        self.context = context
        super().__init__(f"no {language} translation for {context!r}")


def code_context(code: Code) -> str:
    """The msgctxt of a code's display: ``<system alias>|<code>`` (a designation)."""
    return f"{_SYSTEM_ALIASES.get(code.system, code.system)}|{code.code}"


def read_catalogue(path: Path) -> Mapping[tuple[str, str], str]:
    """(msgctxt, English msgid) -> translation, for every translated entry of a ``.po`` file."""
    with path.open("rb") as handle:
        catalogue = read_po(handle)
    return {
        (str(message.context or ""), str(message.id)): str(message.string)
        for message in catalogue
        if message.id and message.string and not message.fuzzy
    }


@cache
def _catalogue(language: FormLanguage) -> Mapping[tuple[str, str], str]:
    return read_catalogue(LOCALE_DIR / f"{language.value}.po")


def translate(language: str, english: str, context: str) -> str:
    """``english`` (used at ``context``) in ``language``: the text itself for English.

    Raises:
        UnsupportedLanguageError: ``language`` is not published.
        MissingTranslationError: the catalogue has no translation of this text here.

    """
    chosen = form_language(language)
    if chosen is FormLanguage.EN:
        return english
    text = _catalogue(chosen).get((context, english))
    if text is None:
        raise MissingTranslationError(chosen.value, context)
    return text


def code_display(code: Code, language: str) -> str:
    """A code's display in ``language`` (its own display in English)."""
    return translate(language, code.display, code_context(code))
