"""Every text of the form and its terminology that the catalogues must translate.

``(context, English)`` pairs in a stable order: the form's title and items (context: the
linkId), the ValueSet titles, every coded answer and published concept (context:
``<system>|<code>``) and every instrument's result names. ``scripts/update-catalogues`` writes the
``.po`` files from this list and the catalogue tests hold every language to it.
"""

from collections.abc import Iterator

from commcare_ext.instruments import Instrument, registered
from commcare_ext.questionnaire.build import PLACEHOLDERS
from commcare_ext.questionnaire.form import FORM
from commcare_ext.terminology.answers import ANSWER_SETS, COMMON_LANGUAGES
from commcare_ext.terminology.catalogue import code_context
from commcare_ext.terminology.crisis import crisis_strings
from commcare_ext.terminology.followup import LOCAL_CODES as FOLLOW_UP_CODES
from commcare_ext.terminology.questions import QUESTION_CONCEPTS
from commcare_ext.terminology.safety import local_safety_codes
from commcare_ext.terminology.standard import NO, YES
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM


def instrument_strings(instrument: Instrument, seen: set[str]) -> Iterator[tuple[str, str, str]]:
    """An instrument's answer labels, placeholder code names and result names."""
    name = instrument.name_en
    for item in instrument.items:
        for point in instrument.scale_of(item):
            context = code_context(point.code)
            if context not in seen:
                seen.add(context)
                yield context, point.code.display, f"{name} answer"
    for item in instrument.items:
        if item.code.system == COMMCARE_CODESYSTEM:
            yield code_context(item.code), item.code.display, f"Name of a {name} item (clinicians)"
    for code in instrument.result_codes():
        if code.system == COMMCARE_CODESYSTEM:
            yield code_context(code), code.display, f"Name of a {name} score (for clinicians)"
    for key, english in instrument.result_names().items():
        yield f"{instrument.id}-scale:{key}", english, f"Name of a {name} result"


def form_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note for translators) for every text of the form."""
    yield "form.title", FORM.title.en, "Title of the intake form"
    yield "form.description", FORM.description.en, "Shown under the form's title"
    for item in FORM.walk():
        kind = (
            "section heading" if item.is_group else "instructions" if item.display else "question"
        )
        yield item.link_id, item.text.en, f"Form {kind}"
        if item.entry_format is not None:
            yield f"{item.link_id}#entry-format", item.entry_format.en, "Hint inside an answer box"
    for kind, english in PLACEHOLDERS.items():
        yield f"placeholder:{kind}", english, f"Hint inside an empty {kind} answer box"
    yield from _terminology_strings()


def _terminology_strings() -> Iterator[tuple[str, str, str]]:
    seen: set[str] = set()
    for answer_set in ANSWER_SETS:
        yield answer_set.title_context, answer_set.title, "Title of a list of answers"
        for answer in answer_set.answers.values():
            context = code_context(answer.code)
            if context not in seen:
                seen.add(context)
                yield context, answer.code.display, answer.definition or "An answer choice"
    for language in COMMON_LANGUAGES:
        yield code_context(language.code), language.code.display, "Name of a language"
    for yes_no in (YES, NO):
        yield code_context(yes_no), yes_no.display, "Yes/no answer (instead of a renderer's own)"
    for code, definition in QUESTION_CONCEPTS:
        yield code_context(code), code.display, definition
    for instrument in registered():
        yield from instrument_strings(instrument, seen)
    for follow_up_code in FOLLOW_UP_CODES:
        yield code_context(follow_up_code), follow_up_code.display, "Referral follow-up concept"
    yield from _safety_strings()


def _safety_strings() -> Iterator[tuple[str, str, str]]:
    for safety_code in local_safety_codes():
        yield code_context(safety_code), safety_code.display, "Suicide-risk screen concept"
    yield from crisis_strings()
