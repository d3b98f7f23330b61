"""Turn one intake into the FHIR R4 resources an EHR stores."""

from collections.abc import Mapping
from typing import Any

from commcare_ext.extract.care_team import care_team
from commcare_ext.extract.concerns import ProposedConcern, condition, propose
from commcare_ext.extract.consent import organization_consent, person_consent
from commcare_ext.extract.context import ExtractionContext
from commcare_ext.extract.disclosure import ReferralSharing
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.identity import identity_observations
from commcare_ext.extract.observations import observations
from commcare_ext.extract.organizations import organization
from commcare_ext.extract.patient import patient
from commcare_ext.extract.practitioner import practitioner, practitioner_role
from commcare_ext.extract.provenance import provenance
from commcare_ext.extract.questionnaire_response import stored_response
from commcare_ext.extract.referrals import (
    check_one_choice_per_recipient,
    recipient_sharing,
    referral,
)
from commcare_ext.extract.related_person import related_person
from commcare_ext.extract.result import ExtractedResource, ExtractedResources, PatientIdentifier
from commcare_ext.extract.risk import risk_flag, screen_observations
from commcare_ext.extract.safety_plan import safety_plan_resource
from commcare_ext.extract.services import healthcare_service
from commcare_ext.intake import Intake


def extract(
    intake: Intake, *, context: ExtractionContext, response: Mapping[str, Any] | None = None
) -> ExtractedResources:
    """Extract ``intake`` into the resources an EHR stores.

    Patient details, RelatedPersons, Consents, Observations, confirmed health concerns
    (Conditions), Goals, referrals (ServiceRequest + Task), CareTeam, Provenance, and the
    referring clinician (Practitioner + PractitionerRole) when the context names one.

    ``response`` is the QuestionnaireResponse the intake was read from. It is never copied:
    the stored response is written from the intake in the form variant (en/es) and status
    ``response`` names (English, completed without it). Raises :class:`ExtractionError`
    naming the field when a referral cannot be made (no performer, or no consent to refer),
    ``response`` answers a form that is not ours, or ``confirmed_concerns`` names a concern
    that was not proposed or has no referring clinician to confirm it.
    """
    _check_referrals(intake, context)
    proposed = propose(intake)
    confirmed = _confirmed(proposed, context)
    clinic = organization(context.clinic)
    staff = []
    if context.referring_clinician is not None:
        person = practitioner(context.referring_clinician)
        staff = [
            person,
            practitioner_role(
                context.referring_clinician, person.reference, context.clinic, clinic.reference
            ),
        ]
    requester = staff[1].reference if staff else clinic.reference
    new_patient = None if context.patient_reference else patient(intake)
    patient_ref = context.patient_reference or (new_patient.reference if new_patient else "")
    questionnaire_response = stored_response(intake, patient_ref, response)
    refs = {
        "patient": patient_ref,
        "clinic": clinic.reference,
        "response": questionnaire_response.reference,
    }

    people = [
        related_person(intake, index, person, patient_ref)
        for index, person in enumerate(intake.support_persons)
    ]
    consents = [
        consent
        for index, person in enumerate(people)
        if (consent := person_consent(intake, index, refs, person.reference)) is not None
    ]
    found = [
        *observations(
            intake,
            patient_ref,
            questionnaire_response.reference,
            clinician_ref=staff[1].reference if staff else None,
        ),
        *identity_observations(intake, patient_ref, questionnaire_response.reference),
        *screen_observations(intake, patient_ref, questionnaire_response.reference),
    ]
    flags = [
        f for f in (risk_flag(intake, patient_ref, staff[1].reference if staff else None),) if f
    ]
    plans = (
        [
            safety_plan_resource(
                intake,
                context.safety_plan,
                patient_ref=patient_ref,
                clinic=context.clinic,
                crisis=context.crisis,
                author_ref=requester,
            )
        ]
        if context.safety_plan is not None
        else []
    )
    conditions = [condition(intake, c, patient_ref, requester) for c in confirmed]
    social_concerns = [
        c.reference
        for c, concern in zip(conditions, confirmed, strict=True)
        if concern.sdoh_category is not None and concern.sdoh_category.code == "social-connection"
    ]
    team = care_team(intake, patient_ref, [p.reference for p in people], clinic.reference)

    performers: dict[str, ExtractedResource] = {}
    services: dict[str, ExtractedResource] = {}
    goals, requests, tasks = [], [], []
    for index, target in enumerate(context.referrals):
        assert target.organization is not None  # noqa: S101 - checked by _check_referrals
        performer = performers.setdefault(
            target.organization.identifier_value, organization(target.organization)
        )
        service_ref = None
        if target.service is not None:
            service = healthcare_service(target.service, target.kind, performer)
            service_ref = services.setdefault(service.reference, service).reference
        org_consent = organization_consent(
            intake, performer.reference, target.organization.name, refs, target.share
        )
        if org_consent.resource["id"] not in {c.resource["id"] for c in consents}:
            consents.append(org_consent)
        reasons = [
            o.reference
            for o in found
            if o.resource["code"]["coding"][0]["code"] == "preferred-supports"
            and o.resource["valueCodeableConcept"]["coding"][0]["code"] == target.kind.value
        ]
        goal, request, task = referral(
            intake,
            index,
            target,
            {
                "patient": patient_ref,
                "clinic": clinic.reference,
                "requester": requester,
                "performer": performer.reference,
                "service": service_ref,
                "consent": org_consent.reference,
                "reasons": [*social_concerns, *reasons],
                "due_days": context.goal_due_days,
            },
        )
        goals.append(goal)
        requests.append(request)
        tasks.append(task)

    organizations = (clinic, *(p for p in performers.values() if p.reference != clinic.reference))
    produced = [
        *([new_patient] if new_patient else []),
        *people,
        *consents,
        *found,
        *flags,
        *conditions,
        *([team] if team else []),
        *goals,
        *plans,
        *requests,
        *tasks,
    ]
    return ExtractedResources(
        organizations=tuple(organizations),
        patient=new_patient,
        questionnaire_response=questionnaire_response,
        related_persons=tuple(people),
        consents=tuple(consents),
        observations=tuple(found),
        care_team=team,
        goals=tuple(goals),
        service_requests=tuple(requests),
        tasks=tuple(tasks),
        provenance=provenance(
            intake,
            [r.reference for r in produced],
            patient_ref,
            clinic.reference,
            questionnaire_response.reference,
        ),
        patient_reference=patient_ref,
        patient_identifier=PatientIdentifier(
            intake.patient.identifier_system, intake.patient.identifier_value
        ),
        authored=intake.authored,
        referral_sharing=ReferralSharing.from_choices(
            intake.care.referral_consent, intake.care.referral_share
        ),
        community_referral_declined=intake.care.community_referral_declined is True,
        practitioners=tuple(staff),
        conditions=tuple(conditions),
        proposed_concerns=proposed,
        services=tuple(services.values()),
        recipient_sharing=recipient_sharing(intake, context),
        flags=tuple(flags),
        care_plans=tuple(plans),
    )


def _confirmed(
    proposed: tuple[ProposedConcern, ...], context: ExtractionContext
) -> list[ProposedConcern]:
    """The proposals ``context`` confirms; raises for unknown ids or no confirming clinician."""
    if not context.confirmed_concerns:
        return []
    unknown = context.confirmed_concerns - {c.id for c in proposed}
    if unknown:
        raise ExtractionError(
            "context.confirmed_concerns",
            f"ids of concerns this intake proposes; not proposed: {', '.join(sorted(unknown))}",
        )
    if context.referring_clinician is None:
        raise ExtractionError(
            "context.referring_clinician", "the clinician who confirms the health concerns"
        )
    return [c for c in proposed if c.id in context.confirmed_concerns]


def proposed_concerns(extracted: ExtractedResources) -> list[ProposedConcern]:
    """The health concerns the answers support, for the clinician to confirm or discard.

    Confirm by extracting again with their ids in ``ExtractionContext.confirmed_concerns``
    (and a ``referring_clinician``): only then do they become Conditions in the Bundle and
    reasons for the referrals.
    """
    return list(extracted.proposed_concerns)


def _check_referrals(intake: Intake, context: ExtractionContext) -> None:
    for index, target in enumerate(context.referrals):
        if target.organization is None:
            raise ExtractionError(
                f"context.referrals[{index}].organization",
                "a referral needs a performing organisation",
            )
        if intake.care.community_referral_declined is True:
            raise ExtractionError(
                "intake.care.community_referral_declined",
                "no referral: the patient does not want a community referral now",
            )
        if intake.care.referral_consent is not True:
            raise ExtractionError(
                "intake.care.referral_consent",
                "the patient has not consented to referral to community organisations",
            )
    check_one_choice_per_recipient(context)
