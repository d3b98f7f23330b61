"""The app's own words and the renderers' English chrome, in the five form languages.

English is here; other languages live in ``locale/<tag>.po`` (the same gettext catalogues as
the library, context ``app:<key>`` or ``chrome:<English>``). LHC-Forms and SMART Forms write
some words themselves ("Required", "Add Item", "Checkbox X for Y") and offer no way to
translate them, so the page replaces exactly those strings, in text and in accessible names,
with ``renderer-chrome.js``; the form's content is translated in the Questionnaire itself.
"""

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any, Final

from commcare_ext.terminology import FormLanguage, form_language, read_catalogue

LOCALE_DIR: Final = Path(__file__).resolve().parent / "locale"

APP_TEXTS: Final[dict[str, str]] = {
    "page-title": "New intake - Riverside Community Clinic",
    "heading": "New intake",
    "language": "Language of the form",
    "change-language": "Change",
    "skip": "Skip to the questions",
    "loading": "Loading the form…",
    "sections": "Sections of the form",
    "progress": "{answered} of {total} sections started",
    "submit": "Submit intake",
    "problems": "Please look at {count} answer(s) before submitting:",
    "not-submitted": "Not submitted: {reason}",
    "summary-title": "Intake summary",
    "bundles": "Referral Bundles",
    "transaction": "Transaction Bundle for the EHR",
    "referral": "Referral message: {kind}",
    "no-server": "No FHIR server is configured: start the app with --fhir-server URL to post.",
    "server": "FHIR server:",
    "post": "Post to FHIR server",
    "posting": "Posting…",
    "no-answer": "Not posted: the app did not answer. Nothing was lost; try again.",
    "posted": "Posted: {count} resources ({mode}).",
    "not-posted": "Not posted: {reason}. Nothing was lost; try again.",
}

#: English the renderers write themselves -> how to find it (exact text, or a pattern whose
#: ``{0}``, ``{1}`` are our own translated content).
CHROME_TEXTS: Final[tuple[str, ...]] = (
    "Required",
    "calendar",
    "Add Item",
    "Remove item",
    "Open",
    "Close",
    "Mandatory field",
    "Pick a date",
    "Clear",
    "No options",
    "Loading…",
)
CHROME_PATTERNS: Final[tuple[tuple[str, str], ...]] = (
    (r"^Checkbox Other for (.+)$", "Checkbox Other for {0}"),
    (r"^Checkbox (.+) for (.+)$", "Checkbox {0} for {1}"),
    (r"^add button for (.+)$", "add button for {0}"),
    (r"^remove button for (.+)$", "remove button for {0}"),
    (r'^Remove this "(.+)"$', 'Remove this "{0}"'),
)


def _catalogue(language: FormLanguage) -> dict[tuple[str, str], str]:
    return dict(read_catalogue(LOCALE_DIR / f"{language.value}.po"))


@cache
def _texts(language: FormLanguage) -> dict[tuple[str, str], str]:
    return {} if language is FormLanguage.EN else _catalogue(language)


def app_text(language: str, key: str, /, **values: str) -> str:
    """The app's text ``key`` in ``language`` (English where a catalogue lacks it)."""
    chosen = form_language(language)
    english = APP_TEXTS[key]
    text = _texts(chosen).get((f"app:{key}", english), english)
    return text.format(**values) if values else text


def chrome_words(language: str) -> dict[str, Any]:
    """What ``renderer-chrome.js`` replaces on a ``language`` page: texts and patterns."""
    chosen = form_language(language)
    texts = _texts(chosen)
    return {
        "lang": chosen.value,
        "texts": {
            english: texts.get((f"chrome:{english}", english), english) for english in CHROME_TEXTS
        },
        "patterns": [
            [pattern, texts.get((f"chrome:{english}", english), english)]
            for pattern, english in CHROME_PATTERNS
        ],
    }


def app_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every text the app translates, for its catalogues."""
    for key, english in APP_TEXTS.items():
        yield f"app:{key}", english, "Clinic app page"
    for english in CHROME_TEXTS:
        yield f"chrome:{english}", english, "Form renderer's own word (LHC-Forms / SMART Forms)"
    for _, english in CHROME_PATTERNS:
        yield f"chrome:{english}", english, "Renderer's accessible name; keep {0} and {1}"
