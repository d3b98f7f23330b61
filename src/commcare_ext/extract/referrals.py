"""Referrals after the Gravity SDOH pattern: Goal, ServiceRequest to the performer, and a Task.

SDOHCC 2.3.0 Goal (``startDate``, ``target.dueDate``, SDOH category), ServiceRequest
(SDOH category, ``occurrencePeriod`` from the intake on, pertains-to-goal link to the Goal,
the Consent in ``supportingInfo``) and Task for referral management (intent order, code
fulfill, focus the ServiceRequest, owner the performer). With a referring clinician the
clinician's PractitionerRole requests them, and they also claim BSeR's referral
ServiceRequest (placer identifier) and Task.
"""

from datetime import timedelta
from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.context import ExtractionContext, ReferralTarget
from commcare_ext.extract.disclosure import DisclosureCategory, ReferralSharing
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.ids import business_identifier, organization_id, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.standard import (
    FULFILL,
    PATIENT_REFERRAL,
    PLACER_IDENTIFIER,
    REFERRAL_TO_SERVICE,
    SDOH,
    SOCIAL_CONNECTION,
)
from commcare_ext.terminology.systems import (
    BSER_REFERRAL_TASK,
    BSER_SERVICE_REQUEST,
    PERTAINS_TO_GOAL,
    SDOHCC_GOAL,
    SDOHCC_REFERRAL_TASK,
    SDOHCC_SERVICE_REQUEST,
)


def _placer(intake: Intake, kind: str, role: str, clinic: str) -> dict[str, Any]:
    """The clinic's business identifier, typed as the placer's (BSeR identifier slice)."""
    return {
        "type": concept(PLACER_IDENTIFIER),
        **business_identifier(intake, kind, role),
        "assigner": ref(clinic),
    }


def referral(
    intake: Intake,
    index: int,
    target: ReferralTarget,
    refs: dict[str, Any],
) -> tuple[ExtractedResource, ExtractedResource, ExtractedResource]:
    """Goal, ServiceRequest and Task for one referral target.

    ``refs`` carries: patient, clinic, performer, consent, ``requester`` (the clinician's
    PractitionerRole or the clinic), ``reasons`` (Condition and Observation refs),
    ``due_days`` (days to the Goal's due date) and optionally ``service`` (the chosen
    HealthcareService).
    """
    kind = answer_set_for(type(target.kind)).answer(target.kind).display_en
    role = f"referral-{index + 1}"
    by_clinician = refs["requester"].startswith("PractitionerRole/")
    authored = intake.authored.date()
    goal_id = resource_id(intake, f"{role}-goal")
    goal: dict[str, Any] = {
        "resourceType": "Goal",
        "id": goal_id,
        "meta": {"profile": [SDOHCC_GOAL]},
        "text": narrative(f"Goal: connect with {kind.lower()}"),
        "identifier": [business_identifier(intake, "Goal", role)],
        "lifecycleStatus": "proposed",
        "category": [concept(SOCIAL_CONNECTION)],
        "description": {"text": f"Connect with {kind.lower()}"},
        "subject": ref(refs["patient"]),
        "startDate": authored.isoformat(),
        "target": [{"dueDate": (authored + timedelta(days=refs["due_days"])).isoformat()}],
        "expressedBy": ref(refs["patient"]),
    }
    if refs["reasons"]:
        goal["addresses"] = [ref(r) for r in refs["reasons"]]
    request_id = resource_id(intake, f"{role}-request")
    request: dict[str, Any] = {
        "resourceType": "ServiceRequest",
        "id": request_id,
        "meta": {
            "profile": [SDOHCC_SERVICE_REQUEST, *([BSER_SERVICE_REQUEST] if by_clinician else [])]
        },
        "text": narrative(
            f"Referral to {target.organization.name if target.organization else ''}",
            [
                ("Service", kind),
                *([("Programme", target.service.name)] if target.service else []),
                ("Note", target.note or ""),
            ],
        ),
        "extension": [{"url": PERTAINS_TO_GOAL, "valueReference": ref(f"Goal/{goal_id}")}],
        "identifier": [_placer(intake, "ServiceRequest", role, refs["clinic"])],
        "status": "active",
        "intent": "order",
        "category": [concept(PATIENT_REFERRAL), concept(SDOH), concept(SOCIAL_CONNECTION)],
        "code": concept(REFERRAL_TO_SERVICE, coding_for(target.kind), text=kind),
        "subject": ref(refs["patient"]),
        "occurrencePeriod": {"start": authored.isoformat()},
        "authoredOn": intake.authored.isoformat(),
        "requester": ref(refs["requester"]),
        "performer": [
            ref(refs["performer"]),
            # SDOHCC lets a HealthcareService perform; BSeR's performer is 1..1 (a
            # PractitionerRole or Organization), so a clinician's referral names the
            # Organization only and the service is found by its providedBy.
            *([ref(refs["service"])] if refs.get("service") and not by_clinician else []),
        ],
        "supportingInfo": [ref(refs["consent"])],
    }
    if refs["reasons"]:
        request["reasonReference"] = [ref(r) for r in refs["reasons"]]
    if target.note:
        request["note"] = [{"text": target.note}]
    task = {
        "resourceType": "Task",
        "id": resource_id(intake, f"{role}-task"),
        "meta": {
            "profile": [SDOHCC_REFERRAL_TASK, *([BSER_REFERRAL_TASK] if by_clinician else [])]
        },
        "text": narrative(f"Task: fulfil referral for {kind.lower()}", [("Status", "requested")]),
        "identifier": [_placer(intake, "Task", role, refs["clinic"])],
        "status": "requested",
        "intent": "order",
        "code": concept(FULFILL),
        "focus": ref(f"ServiceRequest/{request_id}"),
        "for": ref(refs["patient"]),
        "authoredOn": intake.authored.isoformat(),
        "requester": ref(refs["requester"]),
        "owner": ref(refs["performer"]),
    }
    return (
        ExtractedResource(goal, DisclosureCategory.CORE),
        ExtractedResource(request, DisclosureCategory.CORE),
        ExtractedResource(task, DisclosureCategory.CORE),
    )


def _recipient(target: ReferralTarget) -> str:
    assert target.organization is not None  # noqa: S101 - extraction checks it first
    org = target.organization
    return f"Organization/{organization_id(org.identifier_system, org.identifier_value)}"


def check_one_choice_per_recipient(context: ExtractionContext) -> None:
    """Raise unless every referral to one organisation carries the same ``share``.

    The Consent is per organisation, so two choices for one recipient would contradict.
    """
    seen: dict[str, frozenset[ReferralShare] | None] = {}
    for index, target in enumerate(context.referrals):
        recipient = _recipient(target)
        if recipient in seen and seen[recipient] != target.share:
            raise ExtractionError(
                f"context.referrals[{index}].share",
                "the same sharing choice as the other referrals to this organisation",
            )
        seen[recipient] = target.share


def recipient_sharing(
    intake: Intake, context: ExtractionContext
) -> tuple[tuple[str, ReferralSharing], ...]:
    """``(Organization/id, sharing)`` for each recipient with a choice of its own.

    Without referral consent the sharing permits nothing, whatever was chosen.
    """
    found: dict[str, ReferralSharing] = {}
    for target in context.referrals:
        if target.share is not None:
            found[_recipient(target)] = ReferralSharing.from_choices(
                intake.care.referral_consent, target.share
            )
    return tuple(found.items())
