"""The catalogues are the one place other languages live: complete, current, and marked."""

import re
from pathlib import Path

import pytest
from babel.messages.pofile import read_po

from commcare_ext.terminology.catalogue import LOCALE_DIR, MissingTranslationError, translate
from commcare_ext.terminology.languages import (
    FormLanguage,
    UnsupportedLanguageError,
    form_language,
    needs_review,
    text_direction,
)
from tests.i18n.catalogues import Entry, library_strings, translated_languages

_PLACEHOLDER = re.compile(r"\{[a-z_]*\}")


def _entries(path: Path) -> dict[tuple[str, str], str]:
    with path.open("rb") as handle:
        return {(str(m.context), str(m.id)): str(m.string) for m in read_po(handle) if m.id}


def check_catalogue(directory: Path, wanted: list[Entry], language: FormLanguage) -> None:
    """Every wanted text translated (placeholders kept), nothing unused, marked for review."""
    path = directory / f"{language.value}.po"
    found = _entries(path)
    keys = [(context, english) for context, english, _ in wanted]
    assert len(keys) == len(set(keys)), "the code asks for the same text twice"
    missing = [context for context, english in keys if not found.get((context, english))]
    assert not missing, f"untranslated in {path.name} (run ./scripts/update-catalogues): {missing}"
    unused = sorted(set(found) - set(keys))
    assert not unused, f"unused entries in {path.name}: {unused[:5]}"
    for (context, english), text in found.items():
        assert sorted(_PLACEHOLDER.findall(text)) == sorted(_PLACEHOLDER.findall(english)), context
        assert text == text.strip(), context
    assert "NEEDS REVIEW BY A QUALIFIED MEDICAL TRANSLATOR" in path.read_text("utf-8")


@pytest.mark.parametrize("language", translated_languages(), ids=str)
def test_library_catalogue_is_complete_and_current(language: FormLanguage) -> None:
    check_catalogue(LOCALE_DIR, list(library_strings()), language)


def test_the_check_finds_a_missing_translation(tmp_path: Path) -> None:
    wanted = [*library_strings(), ("test:new", "A text nobody translated", "note")]
    with pytest.raises(AssertionError, match="test:new"):
        check_catalogue(LOCALE_DIR, wanted, FormLanguage.ES)


def test_a_missing_translation_is_our_error_not_english() -> None:
    with pytest.raises(MissingTranslationError, match="test:absent"):
        translate("vi", "Never written anywhere", "test:absent")
    assert translate("en", "Never written anywhere", "test:absent") == "Never written anywhere"


@pytest.mark.parametrize(
    ("tag", "expected"),
    [
        ("en-US", "en"),
        ("es-419", "es"),
        ("vi-VN", "vi"),
        ("zh", "zh-Hans"),
        ("zh-Hans-CN", "zh-Hans"),
        ("zh_SG", "zh-Hans"),
        ("AR", "ar"),
    ],
)
def test_bcp47_tags_choose_a_language(tag: str, expected: str) -> None:
    assert form_language(tag) == expected


@pytest.mark.parametrize("tag", ["zh-Hant", "zh-TW", "zh-HK", "yue", "fa", "", "e"])
def test_other_tags_are_refused(tag: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        form_language(tag)


def test_only_arabic_is_right_to_left_and_only_english_needs_no_review() -> None:
    assert [text_direction(lang) for lang in FormLanguage] == ["ltr", "ltr", "ltr", "ltr", "rtl"]
    assert [needs_review(lang) for lang in FormLanguage] == [False, True, True, True, True]
