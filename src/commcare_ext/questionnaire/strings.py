"""Every text of the form and its terminology that the catalogues must translate.

``(context, English)`` pairs in a stable order: the form's title and items (context: the
linkId), the ValueSet titles, every coded answer and published concept (context:
``<system>|<code>``) and the MOS-SSS scale names. ``scripts/update-catalogues`` writes the
``.po`` files from this list and the catalogue tests hold every language to it.
"""

from collections.abc import Iterator

from commcare_ext.instruments import (
    MOS_SSS_ITEMS,
    MOS_SSS_OVERALL_NAME,
    MOS_SSS_SUBSCALE_NAMES,
)
from commcare_ext.questionnaire.build import PLACEHOLDERS
from commcare_ext.questionnaire.form import FORM
from commcare_ext.terminology.answers import ANSWER_SETS, COMMON_LANGUAGES
from commcare_ext.terminology.catalogue import code_context
from commcare_ext.terminology.crisis import crisis_strings
from commcare_ext.terminology.followup import LOCAL_CODES as FOLLOW_UP_CODES
from commcare_ext.terminology.mos_sss import (
    MOS_SSS_ANSWERS,
    MOS_SSS_ITEM_CODES,
    MOS_SSS_SCORE_CODES,
)
from commcare_ext.terminology.questions import QUESTION_CONCEPTS
from commcare_ext.terminology.safety import local_safety_codes
from commcare_ext.terminology.standard import NO, YES
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM

#: Context of a MOS-SSS subscale's name (``None``: the overall index).
MOS_NAME_CONTEXT = "mos-sss-scale:{}"


def mos_name_context(subscale: object) -> str:
    """The catalogue context of a MOS-SSS scale's name (``None``: the overall index)."""
    return MOS_NAME_CONTEXT.format("overall" if subscale is None else subscale)


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
    for point in MOS_SSS_ANSWERS.values():
        yield code_context(point.code), point.code.display, "MOS-SSS answer (how often)"
    for code, definition in QUESTION_CONCEPTS:
        yield code_context(code), code.display, definition
    for mos_item in MOS_SSS_ITEMS:
        code = MOS_SSS_ITEM_CODES[mos_item.number]
        if code.system == COMMCARE_CODESYSTEM:
            yield code_context(code), code.display, "Name of a MOS-SSS item (for clinicians)"
    for subscale, score in MOS_SSS_SCORE_CODES.items():
        if score.system == COMMCARE_CODESYSTEM:
            yield code_context(score), score.display, "Name of a MOS-SSS score (for clinicians)"
        yield mos_name_context(subscale), MOS_SSS_SUBSCALE_NAMES[subscale], "MOS-SSS subscale"
    yield mos_name_context(None), MOS_SSS_OVERALL_NAME, "MOS-SSS overall index"
    for follow_up_code in FOLLOW_UP_CODES:
        yield code_context(follow_up_code), follow_up_code.display, "Referral follow-up concept"
    yield from _safety_strings()


def _safety_strings() -> Iterator[tuple[str, str, str]]:
    for safety_code in local_safety_codes():
        yield code_context(safety_code), safety_code.display, "Suicide-risk screen concept"
    yield from crisis_strings()
