"""Publish our terminology as FHIR R4 CodeSystem and ValueSet resources (JSON dicts).

It sits beside the form builder because the form is what they serve: the Questionnaire
contains copies of these ValueSets, and both are published together (``commcare-ext publish``).
"""

import uuid
from typing import Any

from commcare_ext.instruments import Instrument, registered
from commcare_ext.terminology.answers import ANSWER_SETS, AnswerSet
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.followup import LOCAL_CODES as FOLLOW_UP_CODES
from commcare_ext.terminology.languages import FormLanguage
from commcare_ext.terminology.questions import QUESTION_CONCEPTS
from commcare_ext.terminology.safety import SAFETY_DEFINITIONS, local_safety_codes
from commcare_ext.terminology.systems import (
    CANONICAL_BASE,
    COMMCARE_CODESYSTEM,
    CONTENT_DATE,
    CONTENT_VERSION,
)

_PUBLISHER = "commcare_ext"


def value_set_url(answer_set: AnswerSet) -> str:
    """Canonical URL of the ValueSet that publishes ``answer_set``."""
    return f"{CANONICAL_BASE}/ValueSet/{answer_set.id}"


def _designations(code: Code) -> list[dict[str, str]]:
    """The code's display in every other published language (from the catalogues)."""
    return [
        {"language": language.value, "value": code_display(code, language)}
        for language in FormLanguage
        if language is not FormLanguage.EN
    ]


def local_concepts(instrument: Instrument) -> list[tuple[Code, str]]:
    """An instrument's codes in our CodeSystem (placeholders), with their definitions."""
    found = [
        (
            item.code,
            f"Placeholder for this {instrument.name_en} item until its LOINC code is confirmed.",
        )
        for item in instrument.items
        if item.code.system == COMMCARE_CODESYSTEM
    ]
    for code in instrument.result_codes():
        if code.system == COMMCARE_CODESYSTEM:
            meaning = instrument.result_definition_en or f"A {instrument.name_en} score"
            found.append((code, f"{meaning}; placeholder until its LOINC code is confirmed."))
    return found


def code_system() -> dict[str, Any]:
    """Our CodeSystem: every local answer and question concept, designations in every language."""
    concepts: list[dict[str, Any]] = []
    seen: set[str] = set()
    for code, definition in QUESTION_CONCEPTS:
        concepts.append(_concept(code, definition))
        seen.add(code.code)
    for answer_set in ANSWER_SETS:
        for answer in answer_set.answers.values():
            if answer.code.system != COMMCARE_CODESYSTEM:
                continue
            if answer.code.code in seen:
                msg = f"local code {answer.code.code!r} is defined twice"
                raise ValueError(msg)
            if answer.definition is None:
                msg = f"local code {answer.code.code!r} has no definition to publish"
                raise ValueError(msg)
            seen.add(answer.code.code)
            concepts.append(_concept(answer.code, answer.definition))
    for instrument in registered():
        concepts.extend(
            _concept(code, definition) for code, definition in local_concepts(instrument)
        )
    for safety_code in local_safety_codes():
        seen.add(safety_code.code)
        concepts.append(_concept(safety_code, SAFETY_DEFINITIONS[safety_code.code]))
    for follow_up_code in FOLLOW_UP_CODES:
        if follow_up_code.code in seen:
            msg = f"local code {follow_up_code.code!r} is defined twice"
            raise ValueError(msg)
        seen.add(follow_up_code.code)
        concepts.append(_concept(follow_up_code, follow_up_code.display))
    return {
        "resourceType": "CodeSystem",
        "id": "commcare-intake",
        "url": COMMCARE_CODESYSTEM,
        "version": CONTENT_VERSION,
        "name": "CommcareIntake",
        "title": "commcare_ext culturally informed intake concepts",
        "status": "active",
        "experimental": False,
        "date": CONTENT_DATE,
        "publisher": _PUBLISHER,
        "description": (
            "Concepts of the culturally informed mental-health intake that no standard "
            "vocabulary names: answer choices and the questions whose answers become "
            "Observations."
        ),
        "caseSensitive": True,
        "content": "complete",
        "count": len(concepts),
        "concept": concepts,
    }


def _concept(code: Code, definition: str) -> dict[str, Any]:
    return {
        "code": code.code,
        "display": code.display,
        "definition": definition,
        "designation": _designations(code),
    }


def value_set(answer_set: AnswerSet) -> dict[str, Any]:
    """One ValueSet, with its compose and a ready expansion (renderers read the expansion)."""
    includes: dict[str, list[dict[str, Any]]] = {}
    contains: list[dict[str, Any]] = []
    for answer in answer_set.answers.values():
        code = answer.code
        includes.setdefault(code.system, []).append(
            {
                "code": code.code,
                "display": code.display,
                "designation": _designations(code),
            }
        )
        contains.append({"system": code.system, "code": code.code, "display": code.display})
    url = value_set_url(answer_set)
    return {
        "resourceType": "ValueSet",
        "id": answer_set.id,
        "url": url,
        "version": CONTENT_VERSION,
        "name": "".join(part.capitalize() for part in answer_set.id.split("-")),
        "title": answer_set.title,
        "status": "active",
        "experimental": False,
        "date": CONTENT_DATE,
        "publisher": _PUBLISHER,
        "description": answer_set.description,
        "compose": {
            "include": [
                {"system": system, "concept": concepts} for system, concepts in includes.items()
            ]
        },
        "expansion": {
            "identifier": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{url}|{CONTENT_VERSION}')}",
            "timestamp": f"{CONTENT_DATE}T00:00:00Z",
            "total": len(contains),
            "contains": contains,
        },
    }


def value_sets() -> list[dict[str, Any]]:
    """Every ValueSet we publish, in a stable order."""
    return [value_set(answer_set) for answer_set in ANSWER_SETS]
