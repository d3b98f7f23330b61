"""The resources one intake becomes, each labelled with who may receive it.

An extraction is everything later steps need: referral Bundles are built from it alone, so
it also carries the few plain values (sharing decision, authored time, patient identifier)
that are not resources. Reprs show kinds and counts only: an extraction is full of
patient data and must not reveal it when it reaches a log line or a traceback.
"""

from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING, Any

from commcare_ext.extract.disclosure import DisclosureCategory, ReferralSharing
from commcare_ext.validation import to_model

if TYPE_CHECKING:
    from fhir_core.fhirabstractmodel import FHIRAbstractModel

    from commcare_ext.extract.concerns import ProposedConcern


@dataclass(frozen=True, slots=True, repr=False)
class ExtractedResource:
    """One FHIR R4 resource (JSON, with a deterministic ``id``) and its disclosure category."""

    resource: dict[str, Any]
    category: DisclosureCategory

    @property
    def reference(self) -> str:
        """``ResourceType/id``, as other extracted resources refer to it."""
        return f"{self.resource['resourceType']}/{self.resource['id']}"

    def __repr__(self) -> str:
        kind = self.resource.get("resourceType", "?")
        return f"ExtractedResource({kind}, category={self.category.value})"


@dataclass(frozen=True, slots=True, repr=False)
class PatientIdentifier:
    """The patient's business identifier in the clinic's system (such as an MRN)."""

    system: str
    value: str

    def as_fhir(self) -> dict[str, Any]:
        """The FHIR ``Identifier``."""
        return {"system": self.system, "value": self.value}

    def __repr__(self) -> str:
        return f"PatientIdentifier(system={self.system!r}, value=<hidden>)"


@dataclass(frozen=True, slots=True, repr=False)
class ExtractedResources:
    """Everything extracted from one intake, in groups, and what referral needs besides.

    ``patient`` is None when the intake was filed against an existing EHR Patient
    (``patient_reference``); ``patient_identifier`` is there either way. ``practitioners``
    holds the referring clinician's Practitioner and PractitionerRole (empty without one);
    ``conditions`` only the health concerns the clinician confirmed, while
    ``proposed_concerns`` lists every concern the answers support (not resources).
    ``sharing_for`` gives one recipient's sharing decision (``referral_sharing`` unless the
    referral to it carried a choice of its own).
    """

    organizations: tuple[ExtractedResource, ...]
    patient: ExtractedResource | None
    questionnaire_response: ExtractedResource
    related_persons: tuple[ExtractedResource, ...]
    consents: tuple[ExtractedResource, ...]
    observations: tuple[ExtractedResource, ...]
    care_team: ExtractedResource | None
    goals: tuple[ExtractedResource, ...]
    service_requests: tuple[ExtractedResource, ...]
    tasks: tuple[ExtractedResource, ...]
    provenance: ExtractedResource
    patient_reference: str
    patient_identifier: PatientIdentifier
    authored: datetime
    referral_sharing: ReferralSharing
    practitioners: tuple[ExtractedResource, ...] = ()
    conditions: tuple[ExtractedResource, ...] = ()
    proposed_concerns: tuple["ProposedConcern", ...] = ()
    #: HealthcareServices chosen from a directory (``ReferralTarget.service``).
    services: tuple[ExtractedResource, ...] = ()
    #: ``(Organization/id, sharing)`` for recipients with a choice of their own.
    recipient_sharing: tuple[tuple[str, ReferralSharing], ...] = ()
    #: Flags for the EHR (an active suicide-risk Flag after a positive screen).
    flags: tuple[ExtractedResource, ...] = ()
    #: Care plans for the EHR (the person's safety plan).
    care_plans: tuple[ExtractedResource, ...] = ()
    #: The patient wants no community referral now (``care.community_referral_declined``).
    community_referral_declined: bool = False

    def sharing_for(self, recipient_ref: str) -> ReferralSharing:
        """What the patient chose for ``recipient_ref``: its own choice, else the general one."""
        return next(
            (sharing for ref, sharing in self.recipient_sharing if ref == recipient_ref),
            self.referral_sharing,
        )

    @property
    def referring_role(self) -> str | None:
        """The referring clinician's ``PractitionerRole/id``, if the context named one."""
        return next(
            (
                p.reference
                for p in self.practitioners
                if p.resource["resourceType"] == "PractitionerRole"
            ),
            None,
        )

    def all(self) -> tuple[ExtractedResource, ...]:
        """Every resource, referenced ones before those that refer to them."""
        single = [r for r in (self.patient,) if r is not None]
        team = [r for r in (self.care_team,) if r is not None]
        return (
            *self.organizations,
            *self.services,
            *self.practitioners,
            *single,
            self.questionnaire_response,
            *self.related_persons,
            *self.consents,
            *self.observations,
            *self.flags,
            *self.conditions,
            *team,
            *self.goals,
            *self.care_plans,
            *self.service_requests,
            *self.tasks,
            self.provenance,
        )

    def as_models(self) -> tuple["FHIRAbstractModel", ...]:
        """Every resource as its fhir.resources R4B model, in :meth:`all` order.

        For users who want typed objects; raises
        :class:`~commcare_ext.validation.FhirValidationError` if one does not validate.
        """
        return tuple(to_model(item.resource) for item in self.all())

    def __repr__(self) -> str:
        counts = Counter(item.resource.get("resourceType", "?") for item in self.all())
        kinds = ", ".join(f"{kind}: {count}" for kind, count in sorted(counts.items()))
        return f"ExtractedResources({kinds})"
