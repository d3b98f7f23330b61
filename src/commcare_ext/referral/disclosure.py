"""Consent-aware disclosure: what a community organisation may receive, enforced in code.

Every outgoing referral passes through :func:`disclose`. A resource goes out only when its
:class:`DisclosureCategory` is permitted by the patient's referral-sharing choices (CORE
always, EHR_ONLY never); references to withheld resources are removed so nothing dangles
and nothing hints at what was withheld; the Patient is reduced to what is permitted.
"""

from dataclasses import dataclass
from typing import Any

from commcare_ext.extract import DisclosureCategory, ExtractedResources
from commcare_ext.fhir.language import language_concept
from commcare_ext.fhir.narrative import xhtml_div
from commcare_ext.fhir.references import rewrite_references
from commcare_ext.intake import Intake
from commcare_ext.terminology.systems import PATIENT_RELIGION, US_CORE_INTERPRETER_NEEDED

_C = DisclosureCategory


@dataclass(frozen=True, slots=True)
class DisclosurePolicy:
    """The categories one recipient may receive besides CORE."""

    permitted: frozenset[DisclosureCategory]

    def allows(self, category: DisclosureCategory) -> bool:
        """Whether a resource of ``category`` may be disclosed."""
        if category is _C.EHR_ONLY:
            return False
        return category is _C.CORE or category in self.permitted


def policy_for(intake: Intake) -> DisclosurePolicy:
    """The policy the patient chose for referral organisations (nothing without consent)."""
    if intake.care.referral_consent is not True:
        return DisclosurePolicy(frozenset())
    return DisclosurePolicy(frozenset(_C.for_share(s) for s in intake.care.referral_share))


def disclose(
    extracted: ExtractedResources,
    intake: Intake,
    recipient_ref: str,
    policy: DisclosurePolicy,
) -> list[dict[str, Any]]:
    """The resources ``recipient_ref`` may receive, references to anything else removed."""
    request_refs = {
        r.reference
        for r in extracted.service_requests
        if {p["reference"] for p in r.resource["performer"]} == {recipient_ref}
    }
    kept = []
    for item in extracted.all():
        resource = item.resource
        kind = resource["resourceType"]
        if not policy.allows(item.category) or kind == "Goal":
            continue
        if kind == "Organization" and item.reference not in {
            recipient_ref,
            extracted.organizations[0].reference,
        }:
            continue
        if kind == "ServiceRequest" and item.reference not in request_refs:
            continue
        if kind == "Task" and resource["focus"]["reference"] not in request_refs:
            continue
        if kind == "Consent" and item.category is _C.CORE and not _names(resource, recipient_ref):
            continue
        kept.append(item)
    patient = _patient(extracted, intake, policy)
    keep_refs = {item.reference for item in kept} | {extracted.patient_reference}
    return [patient] + [
        rewrite_references(
            item.resource, lambda reference: reference if reference in keep_refs else None
        )
        for item in kept
        if item.resource["resourceType"] != "Patient"
    ]


def _names(consent: dict[str, Any], recipient_ref: str) -> bool:
    actors = consent["provision"].get("actor", [])
    return any(actor["reference"]["reference"] == recipient_ref for actor in actors)


def _patient(
    extracted: ExtractedResources, intake: Intake, policy: DisclosurePolicy
) -> dict[str, Any]:
    """The Patient as this recipient may see it: identifier always, the rest by category."""
    source = extracted.patient.resource if extracted.patient else {}
    patient_id = extracted.patient_reference.split("/", 1)[1]
    reduced: dict[str, Any] = {
        "resourceType": "Patient",
        "id": patient_id,
        "identifier": [
            {
                "system": intake.patient.identifier_system,
                "value": intake.patient.identifier_value,
            }
        ],
        "active": True,
    }
    if policy.allows(_C.LANGUAGE_NEEDS):
        reduced["extension"] = [
            {"url": US_CORE_INTERPRETER_NEEDED, "valueBoolean": intake.language.interpreter_needed}
        ]
        reduced["communication"] = source.get("communication") or [
            {
                "language": language_concept(intake.language.preferred_language),
                "preferred": True,
            }
        ]
    if policy.allows(_C.CONTACT_DETAILS):
        for key in ("name", "birthDate", "telecom"):
            if key in source:
                reduced[key] = source[key]
    assert all(e["url"] != PATIENT_RELIGION for e in reduced.get("extension", []))  # noqa: S101
    reduced["text"] = {
        "status": "generated",
        "div": xhtml_div("<p>Patient (shared with consent)</p>"),
    }
    return reduced
