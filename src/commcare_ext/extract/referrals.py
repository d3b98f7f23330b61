"""Referrals after the Gravity SDOH pattern: Goal, ServiceRequest to the performer, and a Task."""

from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.context import ReferralTarget
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.standard import FULFILL, PATIENT_REFERRAL, REFERRAL_TO_SERVICE


def referral(
    intake: Intake,
    index: int,
    target: ReferralTarget,
    refs: dict[str, Any],
) -> tuple[ExtractedResource, ExtractedResource, ExtractedResource]:
    """Goal, ServiceRequest and Task for one referral target.

    ``refs`` carries: patient, clinic, performer, consent, and ``reasons`` (Observation refs).
    """
    kind = answer_set_for(type(target.kind)).answer(target.kind).display_en
    role = f"referral-{index + 1}"
    goal = {
        "resourceType": "Goal",
        "id": resource_id(intake, f"{role}-goal"),
        "text": narrative(f"Goal: connect with {kind.lower()}"),
        "identifier": [business_identifier(intake, "Goal", role)],
        "lifecycleStatus": "proposed",
        "description": {"text": f"Connect with {kind.lower()}"},
        "subject": ref(refs["patient"]),
        "expressedBy": ref(refs["patient"]),
        "addresses": [ref(r) for r in refs["reasons"]],
    }
    if not goal["addresses"]:
        del goal["addresses"]
    request_id = resource_id(intake, f"{role}-request")
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": request_id,
        "text": narrative(
            f"Referral to {target.organization.name if target.organization else ''}",
            [("Service", kind), ("Note", target.note or "")],
        ),
        "identifier": [business_identifier(intake, "ServiceRequest", role)],
        "status": "active",
        "intent": "order",
        "category": [concept(PATIENT_REFERRAL)],
        "code": concept(REFERRAL_TO_SERVICE, coding_for(target.kind), text=kind),
        "subject": ref(refs["patient"]),
        "authoredOn": intake.authored.isoformat(),
        "requester": ref(refs["clinic"]),
        "performer": [ref(refs["performer"])],
        "supportingInfo": [ref(refs["consent"])],
    }
    if refs["reasons"]:
        request["reasonReference"] = [ref(r) for r in refs["reasons"]]
    if target.note:
        request["note"] = [{"text": target.note}]
    task = {
        "resourceType": "Task",
        "id": resource_id(intake, f"{role}-task"),
        "text": narrative(f"Task: fulfil referral for {kind.lower()}", [("Status", "requested")]),
        "identifier": [business_identifier(intake, "Task", role)],
        "status": "requested",
        "intent": "order",
        "code": concept(FULFILL),
        "focus": ref(f"ServiceRequest/{request_id}"),
        "for": ref(refs["patient"]),
        "authoredOn": intake.authored.isoformat(),
        "requester": ref(refs["clinic"]),
        "owner": ref(refs["performer"]),
    }
    return (
        ExtractedResource(goal, DisclosureCategory.CORE),
        ExtractedResource(request, DisclosureCategory.CORE),
        ExtractedResource(task, DisclosureCategory.CORE),
    )
