"""The QuestionnaireResponse the EHR stores: written from what was read, never copied.

An incoming response is foreign input: its narrative may hold markup (``<script>``), and it
may carry ``contained`` resources, extensions and items we never asked. Reading it into an
:class:`Intake` keeps only what we understood; the stored response is written back from
that intake, with our own narrative. From the incoming response extraction takes just two
closed choices: which of our form variants was answered (for the question texts the patient
saw) and the response status.
"""

from collections.abc import Mapping, Sequence
from html import escape
from typing import Any

from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.ids import resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import xhtml_div
from commcare_ext.intake import Intake, Respondent
from commcare_ext.questionnaire import QUESTIONNAIRE_URL, QUESTIONNAIRE_URLS, intake_to_response
from commcare_ext.terminology.catalogue import translate
from commcare_ext.terminology.systems import US_CORE_QUESTIONNAIRE_RESPONSE

_VARIANTS: dict[str, str] = {url: language.value for language, url in QUESTIONNAIRE_URLS.items()}
_STATUSES = ("completed", "amended", "in-progress")
#: (key, catalogue context, English) of the narrative's own words.
NARRATIVE_TEXTS: tuple[tuple[object, str, str], ...] = (
    ("title", "narrative:title", "The patient's answers"),
    (True, "narrative:yes", "yes"),
    (False, "narrative:no", "no"),
)


def _words(language: str) -> dict[object, str]:
    return {key: translate(language, english, context) for key, context, english in NARRATIVE_TEXTS}


def stored_response(
    intake: Intake, patient_ref: str, answered: Mapping[str, Any] | None
) -> ExtractedResource:
    """The response to store for ``intake``, about ``patient_ref`` (EHR only).

    ``answered`` is the response the intake was read from, if any; only its form variant
    and status are used. Raises :class:`ExtractionError` when either is not one of ours.
    """
    language, status = _variant(answered)
    response = intake_to_response(intake, language=language, status=status)
    response["id"] = resource_id(intake, "questionnaire-response")
    response["meta"] = {"profile": [US_CORE_QUESTIONNAIRE_RESPONSE]}
    response["subject"] = {"reference": patient_ref}
    if intake.respondent is not Respondent.INFORMANT:
        # US Core must-support: the patient answered (alone, or helped by a clinician or
        # an interpreter). An informant is not a resource we have: no author then.
        response["author"] = {"reference": patient_ref}
    response["text"] = _narrative(response.get("item", []), language)
    return ExtractedResource(response, DisclosureCategory.EHR_ONLY)


def _variant(answered: Mapping[str, Any] | None) -> tuple[str, str]:
    if answered is None:
        return "en", "completed"
    canonical = answered.get("questionnaire")
    url = canonical.partition("|")[0] if isinstance(canonical, str) else None
    if url not in _VARIANTS:
        raise ExtractionError(
            "response.questionnaire",
            f"a response to {QUESTIONNAIRE_URL} or one of its language variants",
        )
    status = answered.get("status")
    if status not in _STATUSES:
        raise ExtractionError("response.status", f"one of {', '.join(_STATUSES)}")
    return _VARIANTS[url], str(status)


def _narrative(items: Sequence[dict[str, Any]], language: str) -> dict[str, Any]:
    words = _words(language)
    body = f"<p><b>{escape(str(words['title']))}</b></p>{_list(items, words)}"
    return {"status": "generated", "div": xhtml_div(body)}


def _list(items: Sequence[dict[str, Any]], words: Mapping[object, str]) -> str:
    if not items:
        return ""
    parts = []
    for item in items:
        text = escape(item.get("text") or item["linkId"])
        if "item" in item:
            parts.append(f"<li>{text}{_list(item['item'], words)}</li>")
        else:
            shown = "; ".join(_shown(answer, words) for answer in item.get("answer", []))
            parts.append(f"<li>{text}: {escape(shown)}</li>")
    return f"<ul>{''.join(parts)}</ul>"


def _shown(answer: Mapping[str, Any], words: Mapping[object, str]) -> str:
    for key, value in answer.items():
        if not key.startswith("value"):
            continue
        if isinstance(value, bool):
            return words[value]
        if isinstance(value, Mapping):
            return str(value.get("display") or value.get("code", ""))
        return str(value)
    return ""
