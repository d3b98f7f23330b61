"""The summary's own words (headings, labels, notes), in English; other languages: catalogues.

Each text has a key; its catalogue context is ``summary:<key>``. Placeholders such as
``{name}`` are filled after translation, so a translator may move them but must keep them.
"""

from collections.abc import Iterable, Iterator
from typing import Final

from commcare_ext.instruments import Band, Instrument, registered
from commcare_ext.summary.safety_plan import plan_strings
from commcare_ext.terminology.catalogue import translate

WORDS: Final[dict[str, str]] = {
    "title": "Intake summary: {name}",
    "patient": "Patient",
    "supplement": (
        "A cultural and social supplement to the clinical assessment, not a full assessment. "
        "It records how the patient sees their difficulties, who supports them, what they want "
        "from care and what may get in the way. The patient's own words are shown as written."
    ),
    "about": "About the patient",
    "mrn": "Medical record number (MRN)",
    "birth-date": "Date of birth",
    "intake-date": "Intake date",
    "answered-by": "Answered by",
    "language": "Language",
    "language-name": "{name} ({tag})",
    "interpreter-needed": "{language}, interpreter needed",
    "cultural-identity": "Cultural identity",
    "gender": "Gender identity",
    "pronouns": "Pronouns",
    "communication": "Communication needs",
    "interpreter-today": "Interpreting today",
    "professional-interpreter": "Professional interpreter still needed",
    "clinician-language": "Clinician should speak",
    "migration": "Refugee or asylum status (as the patient stated it)",
    "yes": "yes",
    "no": "no",
    "faith": "Faith or spirituality",
    "faith-importance": "Faith in coping",
    "problem": "The problem in the patient's words",
    "in-their-words": "In their words",
    "others-name": "How others name it",
    "own-name": "Their name for it",
    "idiom": "Cultural concept of distress (coded by the clinician)",
    "idiom-explained": "{name}: {meaning} The patient's own words above come first.",
    "causes": "Perceived causes",
    "cause-words": "Cause, in their words",
    "help-wanted": "Help wanted now",
    "worries": "Worries about care",
    "network": "Support network",
    "decisions": "Decisions",
    "col-name": "Name",
    "col-relationship": "Relationship",
    "col-contact": "May we contact?",
    "col-phone": "Phone",
    "col-involvement": "Involvement",
    "col-may-be-told": "May be told",
    "contact-yes": "Yes",
    "contact-emergency": "Yes, also in an emergency",
    "contact-never": "DO NOT CONTACT",
    "nothing": "nothing",
    "do-not-contact": "Do not contact or inform: {names}",
    "privacy": "Stigma and privacy",
    "concerns": "Concerns",
    "none-reported": "none reported",
    "contact-rules": "Contact rules",
    "none": "none",
    "safe-contact": "Safe contact",
    "barriers": "Barriers to care",
    "barrier-list": "Barriers",
    "details": "Details",
    "col-scale": "Scale",
    "col-answered": "Items answered",
    "wording": "Wording",
    "wording-paraphrase": "our paraphrase, not the validated wording: read scores with care",
    "wording-exact": "the instrument's exact wording ({source})",
    "safety-review": (
        "Safety: {instrument} item {items} was answered above the lowest answer. Assess "
        "suicide risk with the patient before they leave, whatever the total."
    ),
    "safety-urgent": (
        "URGENT safety: {instrument} signals imminent risk (item {items}). Do not let the "
        "patient leave alone; follow the clinic's crisis protocol now."
    ),
    "not-scored": "not scored (too few items answered)",
    "answered-of": "{answered} of {total}",
    "progress": "Progress: {name}",
    "progress-latest": "Latest ({when})",
    "progress-baseline": "Baseline ({when})",
    "progress-change": "Change since baseline",
    "progress-better": "{points} points, better",
    "progress-worse": "{points} points, worse",
    "progress-no-change": "no change",
    "progress-not-compared": "not compared (a score is missing)",
    "progress-mcid-met": "at least the minimal clinically important difference ({mcid} points)",
    "progress-mcid-not-met": (
        "less than the minimal clinically important difference ({mcid} points)"
    ),
    "progress-response": "response (at least 50% lower than baseline)",
    "progress-remission": "remission (below {below})",
    "progress-no-mcid": (
        "No minimal clinically important difference is published for this measure: the change "
        "is shown as measured, not judged."
    ),
    "progress-sources": "Thresholds: {sources}",
    "progress-chart": "{name} over time ({count} measurements)",
    "care": "Care preferences and referrals",
    "supports-wanted": "Community supports wanted",
    "referral": "Referral",
    "consent-yes": "patient consents",
    "consent-no": "patient declined referral",
    "consent-not-asked": "not asked",
    "referral-share": "May be shared with the organisation",
    "clinician": "Clinician preferences",
    "pref-language": "language",
    "pref-culture": "culture",
    "pref-gender": "gender",
    "pref-visits": "visits",
    "pref-sessions": "sessions",
    "document": "Culturally informed intake summary",
    "services": "Community services",
    "col-service": "Service",
    "col-organisation": "Organisation",
    "col-status": "Status",
    "col-why": "Why it fits",
    "col-check": "What to check",
    "proposed": "Proposed",
    "chosen-count": "Chosen",
    "proposal": "proposal {rank}",
    "crisis-first": "crisis help first (proposal {rank})",
    "crisis-later": "crisis help, if things get worse ({rank})",
    "chosen-as": "chosen ({status})",
    "chosen-excluded": "chosen although excluded",
    "override-alert": "A chosen service fails a hard constraint: check the override.",
    "risk": "Suicide-risk screen",
    "risk-result": "Result",
    "risk-acuity": "Acuity",
    "risk-acute": "acute: imminent risk",
    "risk-non-acute": "non-acute: potential risk",
    "risk-when": "Screened",
    "risk-screen": "Screen",
    "not-answered": "not answered",
    "risk-action-acute": (
        "ACUTE POSITIVE SCREEN: do not leave the patient alone. Assess safety now (full safety "
        "assessment) and keep the patient safe until it is done."
    ),
    "risk-action-non-acute": (
        "POSITIVE SCREEN: a full safety assessment is needed before the patient leaves today."
    ),
    "risk-action-negative": "Negative screen. Clinical judgement may still call for an assessment.",
    "risk-not-screened": (
        "Not screened for suicide risk in this intake: screen before the patient leaves."
    ),
}


#: How each form language separates the items of a list (CLDR's list patterns): Arabic uses
#: its own comma, Chinese the enumeration comma between items of a list.
_LIST_SEPARATORS: Final[dict[str, str]] = {"ar": "، ", "zh-Hans": "、"}


def join_list(items: Iterable[str], language: str) -> str:
    """``items`` as one list in ``language``'s punctuation ("a, b" / "a، b" / "a、b")."""
    return _LIST_SEPARATORS.get(language, ", ").join(items)


def word(language: str, key: str, /, **values: str) -> str:
    """The summary text ``key`` in ``language``, with ``values`` filled in."""
    text = translate(language, WORDS[key], f"summary:{key}")
    return text.format(**values) if values else text


def instrument_word(language: str, instrument: Instrument, part: str) -> str:
    """An instrument's summary text (``title``, ``note``, ``score``) in ``language``."""
    english = {
        "title": instrument.summary_title_en or instrument.name_en,
        "note": instrument.summary_note_en,
        "score": instrument.score_heading_en,
    }[part]
    context = f"summary:{instrument.id}" + ("" if part == "title" else f":{part}")
    return translate(language, english, context) if english else ""


def band_word(language: str, instrument: Instrument, band: Band) -> str:
    """A severity band's or categorical result's label in ``language``."""
    return translate(language, band.label_en, f"summary:{instrument.id}:band:{band.key}")


def summary_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every summary text, for the catalogues."""
    for key, english in WORDS.items():
        yield f"summary:{key}", english, "Clinician summary"
    yield from plan_strings()
    for instrument in registered():
        for part, note in (("title", "heading"), ("note", "explanation"), ("score", "column")):
            english = instrument_word("en", instrument, part)
            if english:
                context = f"summary:{instrument.id}" + ("" if part == "title" else f":{part}")
                yield context, english, f"Clinician summary: {instrument.name_en} {note}"
        for band in instrument.bands:
            yield (
                f"summary:{instrument.id}:band:{band.key}",
                band.label_en,
                f"Clinician summary: a {instrument.name_en} band",
            )
