"""Consent-aware disclosure: what a community organisation may receive, enforced in code.

Every outgoing referral passes through :func:`disclose`, which reads nothing but the
extraction. A resource goes out only when its :class:`DisclosureCategory` is permitted by
the patient's referral-sharing choices (CORE always, EHR_ONLY never); references to withheld
resources are removed so nothing dangles and nothing hints at what was withheld (an
extension left without its value goes too); the Patient is reduced, element by element, from
the extracted one, and checked before it leaves. A Consent whose source, the stored
QuestionnaireResponse, stays behind names it by identifier only: SDOHCC requires a source.

Risk never leaves: a resource labelled ``SAFETY_RISK`` (or ``EHR_ONLY``) is never allowed,
whatever the person chose to share, and every outgoing resource is then searched for any
code that reveals a suicide-risk screen (and for a Flag); one found refuses the whole
message (:class:`DisclosureError`), so a mislabelled resource cannot slip through either.
"""

import uuid
from dataclasses import dataclass
from typing import Any

from commcare_ext.errors import CommcareError
from commcare_ext.extract import NEVER_SHARED, DisclosureCategory, ExtractedResources
from commcare_ext.extract.patient import absent_name
from commcare_ext.fhir.narrative import xhtml_div
from commcare_ext.fhir.references import rewrite_references
from commcare_ext.terminology.safety import risk_codes
from commcare_ext.terminology.systems import (
    BSER_PATIENT,
    US_CORE_INTERPRETER_NEEDED,
    US_CORE_PATIENT,
)

_C = DisclosureCategory
_EXISTING_PATIENT = uuid.UUID("0c7f4d1e-6a2b-5c3d-8e9f-1a2b3c4d5e6f")

#: Patient elements a recipient may see, by the category that lets them through.
_PATIENT_ELEMENTS: dict[DisclosureCategory, tuple[str, ...]] = {
    # ``name`` in CORE only as the masked placeholder US Core's name 1..* needs.
    _C.CORE: ("resourceType", "id", "meta", "identifier", "active", "text", "gender", "name"),
    _C.LANGUAGE_NEEDS: ("extension", "communication"),
    _C.CONTACT_DETAILS: ("name", "birthDate", "telecom"),
}
#: The only Patient extensions that may leave the clinic (religion, for one, never does).
_SHAREABLE_EXTENSIONS = frozenset({US_CORE_INTERPRETER_NEEDED})


class DisclosureError(CommcareError):
    """A Patient about to leave the clinic holds an element its recipient may not receive.

    ``element`` names the element (never its value). It means a bug in the reduction, so the
    message is refused rather than sent.
    """

    def __init__(self, element: str, expected: str) -> None:
        self.element = element
        super().__init__(f"{element}: {expected}")


@dataclass(frozen=True, slots=True)
class DisclosurePolicy:
    """The categories one recipient may receive besides CORE."""

    permitted: frozenset[DisclosureCategory]

    def allows(self, category: DisclosureCategory) -> bool:
        """Whether a resource of ``category`` may be disclosed."""
        if category in NEVER_SHARED:
            return False
        return category is _C.CORE or category in self.permitted


def policy_for(extracted: ExtractedResources, recipient_ref: str | None = None) -> DisclosurePolicy:
    """The policy the patient chose for ``recipient_ref`` (nothing without consent).

    A recipient whose referral carried a choice of its own gets that choice; any other, or
    no ``recipient_ref``, the general referral-sharing choice.
    """
    if recipient_ref is None:
        return DisclosurePolicy(extracted.referral_sharing.permitted)
    return DisclosurePolicy(extracted.sharing_for(recipient_ref).permitted)


def disclose(
    extracted: ExtractedResources, recipient_ref: str, policy: DisclosurePolicy
) -> list[dict[str, Any]]:
    """The resources ``recipient_ref`` may receive, references to anything else removed.

    The reduced Patient comes first. Raises :class:`DisclosureError` if it would carry an
    element ``policy`` does not allow.
    """
    request_refs = {
        r.reference
        for r in extracted.service_requests
        if r.resource["performer"][0]["reference"] == recipient_ref
    }
    kept = []
    for item in extracted.all():
        resource = item.resource
        kind = resource["resourceType"]
        if not policy.allows(item.category) or kind in {"Goal", "Patient"}:
            continue
        if kind == "Organization" and item.reference not in {
            recipient_ref,
            extracted.organizations[0].reference,
        }:
            continue
        if kind == "ServiceRequest" and item.reference not in request_refs:
            continue
        if kind == "HealthcareService" and resource["providedBy"]["reference"] != recipient_ref:
            continue
        if kind == "Task" and resource["focus"]["reference"] not in request_refs:
            continue
        if kind == "Consent" and item.category is _C.CORE and not _names(resource, recipient_ref):
            continue
        kept.append(item)
    patient = reduced_patient(extracted, policy)
    patient_ref = f"Patient/{patient['id']}"
    keep_refs = {item.reference for item in kept}

    def rewrite(reference: str) -> str | None:
        if reference == extracted.patient_reference:
            return patient_ref
        return reference if reference in keep_refs else None

    response = extracted.questionnaire_response.resource
    out = [patient]
    for item in kept:
        resource = _drop_empty_extensions(rewrite_references(item.resource, rewrite))
        if resource["resourceType"] == "Consent" and "sourceReference" not in resource:
            resource["sourceReference"] = {
                "type": "QuestionnaireResponse",
                "identifier": response["identifier"],
            }
        out.append(resource)
    for resource in out:
        check_no_risk(resource)
    return out


#: Resource types that exist only to carry risk (never in a referral).
_RISK_TYPES = frozenset({"Flag"})


def check_no_risk(resource: Any) -> None:
    """Raise :class:`DisclosureError` if ``resource`` reveals a suicide-risk screen.

    Looks at every Coding (system and code) anywhere in it, and at its type; names the
    resource type and the code found, never a value the person gave.
    """
    if isinstance(resource, dict) and resource.get("resourceType") in _RISK_TYPES:
        raise DisclosureError(resource["resourceType"], "risk data never leaves the EHR")
    codes = risk_codes()
    stack: list[Any] = [resource]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            system, code = node.get("system"), node.get("code")
            if isinstance(system, str) and isinstance(code, str) and (system, code) in codes:
                kind = resource.get("resourceType", "resource")
                raise DisclosureError(f"{kind} coding {code}", "risk data never leaves the EHR")
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)


def _drop_empty_extensions(resource: dict[str, Any]) -> dict[str, Any]:
    """Remove top-level extensions whose only value was a reference that was dropped."""
    if "extension" not in resource:
        return resource
    kept = [e for e in resource["extension"] if len(e) > 1]
    if kept:
        return {**resource, "extension": kept}
    return {k: v for k, v in resource.items() if k != "extension"}


def reduced_patient(extracted: ExtractedResources, policy: DisclosurePolicy) -> dict[str, Any]:
    """The Patient as a recipient under ``policy`` may see it, reduced from the extracted one.

    The identifier always goes, with the US Core minimum: a ``masked`` name and gender
    ``unknown`` unless contact details may go (then the real ones). Every other element
    only when its category is allowed. An
    intake filed against an existing EHR Patient extracted none: the recipient then gets the
    identifier only, under an id derived from the EHR reference (the EHR's own id stays
    inside the clinic).
    """
    if extracted.patient is None:
        source: dict[str, Any] = {"identifier": [extracted.patient_identifier.as_fhir()]}
        patient_id = str(uuid.uuid5(_EXISTING_PATIENT, extracted.patient_reference))
    else:
        source = extracted.patient.resource
        patient_id = source["id"]
    reduced: dict[str, Any] = {
        "resourceType": "Patient",
        "id": patient_id,
        "meta": {"profile": [US_CORE_PATIENT, BSER_PATIENT]},
        "identifier": source["identifier"],
        "active": True,
        "name": [absent_name("masked")],
        "gender": "unknown",
    }
    if policy.allows(_C.LANGUAGE_NEEDS):
        extensions = [
            e for e in source.get("extension", []) if e.get("url") in _SHAREABLE_EXTENSIONS
        ]
        if extensions:
            reduced["extension"] = extensions
        if "communication" in source:
            reduced["communication"] = source["communication"]
    if policy.allows(_C.CONTACT_DETAILS):
        for key in (*_PATIENT_ELEMENTS[_C.CONTACT_DETAILS], "gender"):
            if key in source:
                reduced[key] = source[key]
    reduced["text"] = {
        "status": "generated",
        "div": xhtml_div("<p>Patient (shared with consent)</p>"),
    }
    check_reduced_patient(reduced, policy)
    return reduced


def check_reduced_patient(patient: dict[str, Any], policy: DisclosurePolicy) -> None:
    """Raise :class:`DisclosureError` unless ``patient`` holds only what ``policy`` allows.

    A real check, not an ``assert``: it stays on under ``python -O``.
    """
    allowed = {
        element
        for category, elements in _PATIENT_ELEMENTS.items()
        if policy.allows(category)
        for element in elements
    }
    for element in patient:
        if element not in allowed:
            raise DisclosureError(f"Patient.{element}", "not permitted for this recipient")
    if not policy.allows(_C.CONTACT_DETAILS):
        if patient.get("name", [absent_name("masked")]) != [absent_name("masked")]:
            raise DisclosureError("Patient.name", "only the masked placeholder for this recipient")
        if patient.get("gender", "unknown") != "unknown":
            raise DisclosureError("Patient.gender", "only 'unknown' for this recipient")
    for index, extension in enumerate(patient.get("extension", [])):
        if extension.get("url") not in _SHAREABLE_EXTENSIONS:
            raise DisclosureError(
                f"Patient.extension[{index}]", "only the interpreter-needed extension may leave"
            )


def _names(consent: dict[str, Any], recipient_ref: str) -> bool:
    actors = consent["provision"].get("actor", [])
    return any(actor["reference"]["reference"] == recipient_ref for actor in actors)
