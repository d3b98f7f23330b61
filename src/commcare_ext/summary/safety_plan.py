"""The safety plan, printable for the person in their language: HTML and a DocumentReference.

Headings and the lines around them are ours, translated in the catalogues (context
``plan:<key>``); what the person wrote stays exactly as written, marked with ``dir="auto"``;
crisis lines are described in the page's language. No external assets: it prints as is.
"""

import base64
from collections.abc import Iterator, Sequence
from html import escape
from typing import Any, Final

from commcare_ext.extract.context import Organization
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.safety_plan import SECTIONS, plan_entries
from commcare_ext.intake import Intake, SafetyPlan
from commcare_ext.terminology.catalogue import translate
from commcare_ext.terminology.crisis import CrisisResource
from commcare_ext.terminology.languages import form_language, text_direction
from commcare_ext.terminology.standard import MENTAL_HEALTH_EVALUATION_NOTE

#: The printout's own words (English; other languages from the catalogues).
PLAN_WORDS: Final[dict[str, str]] = {
    "title": "My safety plan",
    "intro": (
        "A plan you made with your care team for when things feel very hard. Keep it where "
        "you can find it, and go through the steps in order until you feel safer."
    ),
    "emergency": (
        "If you are in danger right now, call your local emergency number or go to the "
        "nearest emergency department."
    ),
    "made-on": "Made on {date}",
    **{f"section-{key}": heading for key, heading in SECTIONS.items()},
}
#: Sections whose entries are the person's own words (kept as written).
_OWN_WORDS = frozenset({"warning-signs", "on-my-own", "safer-surroundings"})
_STYLE = (
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:40rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5}h1{font-size:1.5rem}"
    "h2{font-size:1.15rem;border-bottom:2px solid #1a1a1a}"
    ".emergency{border:3px solid #8b0000;padding:.5rem;font-weight:700}"
)


def plan_word(language: str, key: str, /, **values: str) -> str:
    """The printout's text ``key`` in ``language``."""
    text = translate(language, PLAN_WORDS[key], f"plan:{key}")
    return text.format(**values) if values else text


def plan_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every printout text, for the catalogues."""
    for key, english in PLAN_WORDS.items():
        yield f"plan:{key}", english, "The person's printed safety plan (keep {placeholders})"


def safety_plan_html(
    intake: Intake,
    plan: SafetyPlan,
    *,
    clinic: Organization,
    crisis: Sequence[CrisisResource],
    language: str | None = None,
) -> str:
    """The plan as one printable, accessible HTML page in ``language``.

    Without ``language``: the person's preferred language when the form is published in
    it, else English.

    Raises:
        SafetyPlanError: the plan names someone who may not be contacted.

    """
    lang = form_language(language or _page_language(intake)).value
    entries = plan_entries(intake, plan, clinic, crisis, lang)
    out = [
        f'<!DOCTYPE html><html lang="{lang}" dir="{text_direction(lang)}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        f"<title>{escape(plan_word(lang, 'title'))}</title><style>{_STYLE}</style></head>",
        f"<body><main><h1>{escape(plan_word(lang, 'title'))}</h1>",
        f"<p>{escape(plan_word(lang, 'intro'))}</p>",
        f'<p class="emergency" role="note">{escape(plan_word(lang, "emergency"))}</p>',
    ]
    for number, key in enumerate(SECTIONS, start=1):
        texts = [text for section, text, _ in entries if section == key]
        if not texts:
            continue
        out.append(f"<section><h2>{number}. {escape(plan_word(lang, f'section-{key}'))}</h2><ul>")
        marked = ' dir="auto"' if key in _OWN_WORDS else ""
        out.extend(f"<li{marked}>{escape(text)}</li>" for text in texts)
        out.append("</ul></section>")
    made = plan_word(lang, "made-on", date=intake.authored.date().isoformat())
    out.append(f"<p>{escape(made)}</p></main></body></html>")
    return "".join(out)


def _page_language(intake: Intake) -> str:
    try:
        return form_language(intake.language.preferred_language).value
    except ValueError:
        return "en"


def safety_plan_document_reference(
    intake: Intake,
    plan: SafetyPlan,
    patient_reference: str,
    *,
    clinic: Organization,
    crisis: Sequence[CrisisResource],
    language: str | None = None,
) -> dict[str, Any]:
    """A current DocumentReference carrying the printable plan (EHR only, never referred)."""
    lang = form_language(language or _page_language(intake)).value
    html = safety_plan_html(intake, plan, clinic=clinic, crisis=crisis, language=lang)
    title = plan_word(lang, "title")
    return {
        "resourceType": "DocumentReference",
        "id": resource_id(intake, "safety-plan-document"),
        "identifier": [business_identifier(intake, "DocumentReference", "safety-plan")],
        "status": "current",
        "docStatus": "final",
        "type": {"coding": [MENTAL_HEALTH_EVALUATION_NOTE.as_coding()]},
        "subject": {"reference": patient_reference},
        "date": intake.authored.isoformat(),
        "description": title,
        "content": [
            {
                "attachment": {
                    "contentType": "text/html; charset=utf-8",
                    "language": lang,
                    "data": base64.b64encode(html.encode("utf-8")).decode("ascii"),
                    "title": title,
                    "creation": intake.authored.isoformat(),
                }
            }
        ],
    }
