"""The person's safety plan as a US Core CarePlan, for the EHR only.

US Core CarePlan 7.0.0 is the published profile for a plan of care, and no guide we claim
publishes a safety-plan profile, so the plan is a CarePlan (category ``assess-plan``, which
US Core requires, plus our ``safety-plan``) whose narrative holds the whole plan as the
person reads it and whose activities hold each entry, section by section. People who help
are the person's own RelatedPersons (performers); the clinic and its crisis lines are added
to the professionals whatever the clinician wrote. Labelled ``SAFETY_RISK``: it never
reaches a community organisation.
"""

from collections.abc import Sequence
from html import escape
from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.context import Organization
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.related_person import person_role
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import xhtml_div
from commcare_ext.intake import Intake, SafetyPlan, check_people
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.crisis import CrisisResource
from commcare_ext.terminology.safety import SAFETY_PLAN
from commcare_ext.terminology.systems import US_CORE_CAREPLAN, US_CORE_CAREPLAN_CATEGORY

ASSESS_PLAN = Code(US_CORE_CAREPLAN_CATEGORY, "assess-plan", "Assessment and Plan of Treatment")

#: The plan's sections in order: key -> English heading (the printout translates them).
SECTIONS: dict[str, str] = {
    "warning-signs": "Signs that a crisis may be starting",
    "on-my-own": "Things I can do on my own",
    "people-and-places": "People and places that help",
    "services": "Professionals and services I can reach",
    "safer-surroundings": "Making my surroundings safer",
}


def plan_entries(
    intake: Intake,
    plan: SafetyPlan,
    clinic: Organization,
    crisis: Sequence[CrisisResource],
    language: str = "en",
) -> list[tuple[str, str, str | None]]:
    """(section, text, performer reference or None) for every entry, in plan order.

    The person's words stay as written; crisis lines are described in ``language``.

    Raises:
        SafetyPlanError: a person named may not be contacted (see ``check_people``).

    """
    people = check_people(plan, intake)
    clinic_line = clinic.name + (f": {clinic.phone}" if clinic.phone else "")
    return [
        *(("warning-signs", text, None) for text in plan.warning_signs),
        *(("on-my-own", text, None) for text in plan.on_my_own),
        *(
            ("people-and-places", _person_line(person.name, person.phone), _person_ref(intake, i))
            for i, person in people
        ),
        *(("people-and-places", text, None) for text in plan.places_that_help),
        ("services", clinic_line, None),
        *(("services", resource.line_in(language), None) for resource in crisis),
        *(
            ("services", ": ".join(p for p in (s.name, s.phone, s.note) if p), None)
            for s in plan.services
        ),
        *(("safer-surroundings", text, None) for text in plan.safer_surroundings),
    ]


def _person_line(name: str, phone: str | None) -> str:
    return f"{name}: {phone}" if phone else name


def _person_ref(intake: Intake, index: int) -> str:
    return f"RelatedPerson/{resource_id(intake, person_role(index))}"


def safety_plan_resource(
    intake: Intake,
    plan: SafetyPlan,
    *,
    patient_ref: str,
    clinic: Organization,
    crisis: Sequence[CrisisResource],
    author_ref: str | None = None,
) -> ExtractedResource:
    """The CarePlan for ``plan`` (status active, intent plan), from the intake's screen time."""
    entries = plan_entries(intake, plan, clinic, crisis)
    activities = []
    for section, text, performer in entries:
        detail: dict[str, Any] = {
            "code": {"text": SECTIONS[section]},
            "status": "in-progress",
            "description": text,
        }
        if performer is not None:
            detail["performer"] = [ref(performer)]
        activities.append({"detail": detail})
    resource: dict[str, Any] = {
        "resourceType": "CarePlan",
        "id": resource_id(intake, "safety-plan"),
        "meta": {"profile": [US_CORE_CAREPLAN]},
        "text": {"status": "generated", "div": xhtml_div(_narrative(entries))},
        "identifier": [business_identifier(intake, "CarePlan", "safety-plan")],
        "status": "active",
        "intent": "plan",
        "category": [concept(ASSESS_PLAN), concept(SAFETY_PLAN)],
        "title": SAFETY_PLAN.display,
        "subject": ref(patient_ref),
        "created": intake.authored.isoformat(),
        "activity": activities,
    }
    if author_ref is not None:
        resource["author"] = ref(author_ref)
    return ExtractedResource(resource, DisclosureCategory.SAFETY_RISK)


def _narrative(entries: Sequence[tuple[str, str, str | None]]) -> str:
    parts = [f"<p><b>{escape(SAFETY_PLAN.display)}</b></p>"]
    for key, heading in SECTIONS.items():
        texts = [text for section, text, _ in entries if section == key]
        if texts:
            parts.append(f"<p>{escape(heading)}</p><ul>")
            parts.extend(f"<li>{escape(text)}</li>" for text in texts)
            parts.append("</ul>")
    return "".join(parts)
