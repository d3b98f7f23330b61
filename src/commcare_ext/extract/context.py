"""What extraction needs besides the intake: who sends, who receives, which patient record."""

import re
from collections.abc import Iterable
from typing import Annotated

from pydantic import AfterValidator, AwareDatetime, BaseModel, ConfigDict, Field

from commcare_ext.directory import Service as DirectoryService
from commcare_ext.intake.safety_plan import SafetyPlan
from commcare_ext.intake.vocabulary import ReferralShare, SupportType
from commcare_ext.primitives import ID
from commcare_ext.terminology.crisis import CrisisResource, default_crisis_resources

_REFERENCE = re.compile(rf"^Patient/{ID}$")


def _patient_reference(value: str) -> str:
    if not _REFERENCE.match(value):
        msg = "expected a literal reference such as 'Patient/123'"
        raise ValueError(msg)
    return value


class Organization(BaseModel):
    """An organisation: the sending clinic or a referral's performer.

    ``directory_last_updated`` is when a human services directory last changed its record of
    the organisation (``ReferralTarget.for_service`` copies it); with it the Organization is
    also an HSD Organization, whose ``meta.lastUpdated`` is required and must not be invented.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200)]
    identifier_system: Annotated[str, Field(pattern=r"^(urn:(oid|uuid):|https?://)\S+$")]
    identifier_value: Annotated[str, Field(min_length=1, max_length=64)]
    phone: str | None = None
    endpoint: str | None = None
    directory_last_updated: AwareDatetime | None = None


class Clinician(BaseModel):
    """The referring clinician: a US Core Practitioner with a PractitionerRole at the clinic.

    BSeR sends and SDOHCC requests referrals as a PractitionerRole, so a referral message
    needs one. ``phone`` reaches the clinician in that role; without it the clinic's phone
    is used (US Core pd-1: a PractitionerRole has a telecom or an endpoint).
    """

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    family_name: Annotated[str, Field(min_length=1, max_length=100)]
    given_names: tuple[Annotated[str, Field(min_length=1, max_length=100)], ...] = ()
    identifier_system: Annotated[str, Field(pattern=r"^(urn:(oid|uuid):|https?://)\S+$")]
    identifier_value: Annotated[str, Field(min_length=1, max_length=64)]
    phone: str | None = None

    def __repr__(self) -> str:
        return "Clinician(<hidden>)"


_SYSTEM = r"^(urn:(oid|uuid):|https?://)\S+$"


class ServiceChoice(BaseModel):
    """The directory service chosen for a referral, without FHIR: it becomes a HealthcareService.

    ``identifier_system``/``identifier_value`` name the directory record (the value is the
    directory's service id); ``reasons`` are the needs it meets, as the clinician read them;
    ``directory_last_updated`` is when the directory last changed the record (see
    :class:`Organization`).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    name: Annotated[str, Field(min_length=1, max_length=200)]
    identifier_system: Annotated[str, Field(pattern=_SYSTEM)]
    identifier_value: Annotated[str, Field(min_length=1, max_length=64)]
    reasons: tuple[Annotated[str, Field(min_length=1, max_length=300)], ...] = ()
    directory_last_updated: AwareDatetime | None = None


class ReferralTarget(BaseModel):
    """A community support the patient is referred to, and the organisation that provides it.

    ``service`` is the directory service chosen (matching's proposal), written as a
    HealthcareService that the organisation provides. ``share`` is what this organisation may
    receive; None means the patient's general referral-sharing choice. Either way nothing
    beyond the minimum goes without referral consent.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    kind: SupportType
    organization: Organization | None = None
    note: str | None = None
    service: ServiceChoice | None = None
    share: frozenset[ReferralShare] | None = None

    @classmethod
    def for_service(
        cls,
        service: DirectoryService,
        kind: SupportType,
        *,
        organization_system: str,
        service_system: str,
        reasons: Iterable[str] = (),
        note: str | None = None,
        share: Iterable[ReferralShare] | None = None,
    ) -> "ReferralTarget":
        """The referral to a chosen directory service, performed by its organisation.

        The directory's organisation and service ids become identifier values under
        ``organization_system`` and ``service_system``; the phone is the organisation's, else
        the service's; the endpoint is the service's referral endpoint. ``reasons`` are the
        proposal's reasons as text (e.g. ``render(r)`` of each). Raises pydantic's
        ``ValidationError`` naming the field when a directory value does not fit.
        """
        org = service.organization
        return cls(
            kind=kind,
            organization=Organization(
                name=org.name,
                identifier_system=organization_system,
                identifier_value=org.id,
                phone=org.phone or service.contact.phone,
                endpoint=service.contact.referral_endpoint,
                directory_last_updated=org.last_updated,
            ),
            note=note,
            service=ServiceChoice(
                name=service.name,
                identifier_system=service_system,
                identifier_value=service.id,
                reasons=tuple(reasons),
                directory_last_updated=service.last_updated,
            ),
            share=None if share is None else frozenset(share),
        )


class ExtractionContext(BaseModel):
    """The sending clinic, the referrals to make, and optionally the patient's existing record.

    With ``patient_reference`` the intake is filed against that Patient and no Patient is
    written (a full PUT would overwrite the EHR's demographics); language and interpreter
    needs still travel as Observations. Health concerns are proposed by every extraction
    and written only once listed in ``confirmed_concerns`` (docs/extraction.md).
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    clinic: Organization
    patient_reference: Annotated[str, AfterValidator(_patient_reference)] | None = None
    referrals: tuple[ReferralTarget, ...] = ()
    #: Who refers: required for a BSeR referral message and to confirm health concerns.
    referring_clinician: Clinician | None = None
    #: Ids of proposed health concerns (``proposed_concerns``) the clinician confirmed.
    confirmed_concerns: frozenset[str] = frozenset()
    #: Days from the intake to each referral Goal's ``target.dueDate`` (a clinic policy).
    goal_due_days: Annotated[int, Field(ge=1, le=366)] = 90
    #: The safety plan the person made with the clinician (a CarePlan for the EHR only).
    safety_plan: SafetyPlan | None = None
    #: The clinic's crisis lines for the person's country (default: the 988 Lifeline, US).
    crisis: tuple[CrisisResource, ...] = Field(
        default_factory=lambda: default_crisis_resources().for_country()
    )
