"""What the catalogues must hold, and the tool that rewrites them from the code.

    ./scripts/update-catalogues        # adds new texts (empty), drops unused ones, keeps the rest

English lives in the code; each other language lives only in its ``.po`` file. Run this after
adding or rewording an English text, then fill the empty ``msgstr`` entries (or ask a
translator to); the catalogue tests fail until every entry is translated.
"""

import datetime as dt
from collections.abc import Iterator
from pathlib import Path

from babel import Locale
from babel.messages.catalog import Catalog
from babel.messages.pofile import read_po, write_po
from examples.clinic_app.texts import LOCALE_DIR as APP_LOCALE_DIR
from examples.clinic_app.texts import app_strings

from commcare_ext.extract.questionnaire_response import NARRATIVE_TEXTS
from commcare_ext.followup.words import followup_strings
from commcare_ext.matching.messages import matching_strings
from commcare_ext.outcomes.words import outcomes_strings
from commcare_ext.questionnaire.messages import message_strings
from commcare_ext.questionnaire.strings import form_strings
from commcare_ext.summary.labels import label_strings
from commcare_ext.summary.words import summary_strings
from commcare_ext.terminology.catalogue import LOCALE_DIR
from commcare_ext.terminology.languages import FormLanguage
from commcare_ext.terminology.systems import CONTENT_DATE, CONTENT_VERSION

Entry = tuple[str, str, str]  # (context, English, note for translators)

_NAMES = {"es": "Spanish", "vi": "Vietnamese", "zh-Hans": "Chinese (Simplified)", "ar": "Arabic"}
HEADER = (
    "# {name} ({tag}) wording of commcare_ext: the intake form, its answers, the clinician\n"
    "# summary and messages.\n"
    "# OUR OWN TRANSLATION: NEEDS REVIEW BY A QUALIFIED MEDICAL TRANSLATOR before clinical use.\n"
    "# msgctxt says where a text is used (a linkId, <system>|<code>, summary:..., message:...).\n"
    "# Regenerate with ./scripts/update-catalogues after changing English text in the code."
)


def library_strings() -> Iterator[Entry]:
    """Every (context, English, note) the library translates."""
    yield from form_strings()
    for _, context, english in NARRATIVE_TEXTS:
        yield context, english, "Stored response's narrative (for the EHR)"
    yield from message_strings()
    yield from summary_strings()
    yield from label_strings()
    yield from followup_strings()
    yield from matching_strings()
    yield from outcomes_strings()


def translated_languages() -> list[FormLanguage]:
    """The languages with a catalogue (all but English)."""
    return [language for language in FormLanguage if language is not FormLanguage.EN]


def po_path(directory: Path, language: FormLanguage) -> Path:
    """Where ``language``'s catalogue lives in ``directory``."""
    return directory / f"{language.value}.po"


def update(directory: Path, entries: list[Entry], project: str) -> dict[str, int]:
    """Rewrite every catalogue in ``directory`` for ``entries``; count of untranslated."""
    fixed = dt.datetime.fromisoformat(f"{CONTENT_DATE}T00:00:00+00:00")
    missing: dict[str, int] = {}
    for language in translated_languages():
        path = po_path(directory, language)
        old: dict[tuple[str, str], str] = {}
        if path.exists():
            with path.open("rb") as handle:
                for message in read_po(handle):
                    if message.id:
                        old[(str(message.context or ""), str(message.id))] = str(message.string)
        catalogue = Catalog(
            locale=Locale.parse(language.value.replace("-", "_")),
            project=project,
            version=CONTENT_VERSION,
            creation_date=fixed,
            revision_date=fixed,
            header_comment=HEADER.format(name=_NAMES[language.value], tag=language.value),
            fuzzy=False,
        )
        for context, english, note in entries:
            string = old.get((context, english), "")
            catalogue.add(english, string=string, context=context, auto_comments=[note])
            missing[language.value] = missing.get(language.value, 0) + (not string)
        with path.open("wb") as handle:
            write_po(handle, catalogue, width=100, ignore_obsolete=True, include_lineno=False)
    return missing


def main() -> None:
    """Update the library's catalogues and the clinic app's."""
    print("library:", update(LOCALE_DIR, list(library_strings()), "commcare_ext"))  # noqa: T201
    app = update(APP_LOCALE_DIR, list(app_strings()), "commcare_ext clinic app")
    print("clinic app:", app)  # noqa: T201


if __name__ == "__main__":
    main()
