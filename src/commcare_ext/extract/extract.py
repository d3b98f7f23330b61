"""Turn one intake into the FHIR R4 resources an EHR stores."""

from collections.abc import Mapping
from typing import Any

from commcare_ext.extract.care_team import care_team
from commcare_ext.extract.consent import organization_consent, person_consent
from commcare_ext.extract.context import ExtractionContext
from commcare_ext.extract.disclosure import ReferralSharing
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.identity import identity_observations
from commcare_ext.extract.observations import observations
from commcare_ext.extract.organizations import organization
from commcare_ext.extract.patient import patient
from commcare_ext.extract.provenance import provenance
from commcare_ext.extract.questionnaire_response import stored_response
from commcare_ext.extract.referrals import referral
from commcare_ext.extract.related_person import related_person
from commcare_ext.extract.result import ExtractedResource, ExtractedResources, PatientIdentifier
from commcare_ext.intake import Intake


def extract(
    intake: Intake, *, context: ExtractionContext, response: Mapping[str, Any] | None = None
) -> ExtractedResources:
    """Extract ``intake`` into the resources an EHR stores.

    Patient details, RelatedPersons, Consents, Observations, Goals, referrals
    (ServiceRequest + Task), CareTeam and Provenance.

    ``response`` is the QuestionnaireResponse the intake was read from. It is never copied:
    the stored response is written from the intake in the form variant (en/es) and status
    ``response`` names (English, completed without it). Raises :class:`ExtractionError`
    naming the field when a referral cannot be made (no performer, or no consent to refer)
    or ``response`` answers a form that is not ours.
    """
    _check_referrals(intake, context)
    clinic = organization(context.clinic)
    new_patient = None if context.patient_reference else patient(intake)
    patient_ref = context.patient_reference or (new_patient.reference if new_patient else "")
    questionnaire_response = stored_response(intake, patient_ref, response)

    people = [
        related_person(intake, index, person, patient_ref)
        for index, person in enumerate(intake.support_persons)
    ]
    consents = [
        consent
        for index, person in enumerate(people)
        if (consent := person_consent(intake, index, patient_ref, person.reference)) is not None
    ]
    found = [
        *observations(intake, patient_ref, questionnaire_response.reference),
        *identity_observations(intake, patient_ref, questionnaire_response.reference),
    ]
    team = care_team(intake, patient_ref, [p.reference for p in people], clinic.reference)

    performers: dict[str, ExtractedResource] = {}
    goals, requests, tasks = [], [], []
    for index, target in enumerate(context.referrals):
        assert target.organization is not None  # noqa: S101 - checked by _check_referrals
        performer = performers.setdefault(
            target.organization.identifier_value, organization(target.organization)
        )
        org_consent = organization_consent(
            intake, performer.reference, target.organization.name, patient_ref
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
                "performer": performer.reference,
                "consent": org_consent.reference,
                "reasons": reasons,
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
        *([team] if team else []),
        *goals,
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
    )


def _check_referrals(intake: Intake, context: ExtractionContext) -> None:
    for index, target in enumerate(context.referrals):
        if target.organization is None:
            raise ExtractionError(
                f"context.referrals[{index}].organization",
                "a referral needs a performing organisation",
            )
        if intake.care.referral_consent is not True:
            raise ExtractionError(
                "intake.care.referral_consent",
                "the patient has not consented to referral to community organisations",
            )
