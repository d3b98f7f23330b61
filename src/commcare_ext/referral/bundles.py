"""Transaction and referral message Bundles, built from an extraction alone.

Both are validated before they leave (``validate=True``, the default): fhir.resources R4B
models plus the R4 guard (:mod:`commcare_ext.validation`). A Bundle that fails raises
:class:`~commcare_ext.validation.FhirValidationError` instead of reaching a server.
"""

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from commcare_ext.errors import CommcareError
from commcare_ext.extract import ExtractedResources, Organization
from commcare_ext.extract.ids import organization_id
from commcare_ext.fhir.narrative import narrative, xhtml_div
from commcare_ext.fhir.references import rewrite_references
from commcare_ext.fhir.urn import urn_uuid
from commcare_ext.referral.disclosure import DisclosurePolicy, disclose, policy_for
from commcare_ext.terminology.standard import REFERRAL_EVENT, REFERRAL_TO_SERVICE
from commcare_ext.terminology.systems import (
    BSER_MESSAGE_BUNDLE,
    BSER_MESSAGE_HEADER,
    DATA_ABSENT_REASON,
    URI_IDENTIFIER,
    US_CORE_PRACTITIONER_ROLE,
)
from commcare_ext.validation import validate_bundle

_BUNDLES = uuid.UUID("6f1c2a52-4f0e-5b8e-9a57-3c1f5e0b7d21")


class ReferralError(CommcareError, ValueError):
    """A referral Bundle cannot be built; ``field`` names what to fix."""

    def __init__(self, field: str, expected: str) -> None:
        self.field = field
        super().__init__(f"{field}: {expected}")


class ReferralDeclinedError(ReferralError):
    """The patient wants no community referral now: no referral message is ever built."""

    def __init__(self) -> None:
        super().__init__(
            "care.community_referral_declined",
            "no referral message: the patient does not want a community referral now",
        )


def _to_urns(resources: list[dict[str, Any]]) -> list[tuple[str, dict[str, Any]]]:
    """FullUrl and resource, with ``Type/id`` references inside the set rewritten to urn:uuid."""
    local = {f"{r['resourceType']}/{r['id']}": urn_uuid(r["id"]) for r in resources}
    return [
        (urn_uuid(r["id"]), rewrite_references(r, lambda ref: local.get(ref, ref)))
        for r in resources
    ]


def _if_none_exist(resource: dict[str, Any]) -> str | None:
    identifiers = resource.get("identifier")
    if isinstance(identifiers, dict):
        identifiers = [identifiers]
    if not identifiers:
        return None
    first = identifiers[0]
    return f"identifier={quote(first['system'], safe=':/')}|{quote(first['value'], safe='')}"


def transaction_bundle(
    extracted: ExtractedResources,
    *,
    extra: Sequence[dict[str, Any]] = (),
    validate: bool = True,
) -> dict[str, Any]:
    """A transaction Bundle: urn:uuid fullUrls, conditional create on business identifiers.

    Posting it twice creates nothing twice: every entry is a conditional create
    (``ifNoneExist``), except Provenance, which has no identifier and is PUT to its
    deterministic id. The same extraction always gives the same Bundle. ``extra`` joins
    more resources with ids and identifiers of their own, such as the summary
    DocumentReference. ``validate`` checks the Bundle as R4 before returning it.
    """
    resources = [item.resource for item in extracted.all()] + list(extra)
    entries = []
    for full_url, resource in _to_urns(resources):
        kind = resource["resourceType"]
        condition = _if_none_exist(resource)
        if condition is None:
            request = {"method": "PUT", "url": f"{kind}/{resource['id']}"}
            body = resource
        else:
            request = {"method": "POST", "url": kind, "ifNoneExist": condition}
            body = {k: v for k, v in resource.items() if k != "id"}
        entries.append({"fullUrl": full_url, "resource": body, "request": request})
    seed = extracted.questionnaire_response.resource["id"]
    bundle = {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_BUNDLES, f"transaction|{seed}")),
        "type": "transaction",
        "entry": entries,
    }
    if validate:
        validate_bundle(bundle)
    return bundle


def _org_ref(org: Organization) -> str:
    return f"Organization/{organization_id(org.identifier_system, org.identifier_value)}"


def recipient_role(recipient: Organization) -> dict[str, Any]:
    """The PractitionerRole BSeR addresses: the receiving organisation, no person named.

    Raises :class:`ReferralError` when the organisation has neither phone nor endpoint
    (US Core PractitionerRole pd-1 needs a telecom or an endpoint).
    """
    telecom = []
    if recipient.phone:
        telecom.append({"system": "phone", "value": recipient.phone, "use": "work"})
    if recipient.endpoint:
        telecom.append({"system": "url", "value": recipient.endpoint, "use": "work"})
    if not telecom:
        raise ReferralError("recipient.phone", "a phone or an endpoint to reach the recipient")
    return {
        "resourceType": "PractitionerRole",
        "id": organization_id(
            f"PractitionerRole|{recipient.identifier_system}", recipient.identifier_value
        ),
        "meta": {"profile": [US_CORE_PRACTITIONER_ROLE]},
        "text": narrative("Referral recipient", [("Organisation", recipient.name)]),
        "active": True,
        "organization": {"reference": _org_ref(recipient)},
        "telecom": telecom,
    }


def _endpoint(url: str | None) -> dict[str, Any]:
    """``MessageHeader.*.endpoint`` (1..1): the configured endpoint, else ``unknown``.

    It is the url messages are routed to; with none configured a data-absent-reason says so
    rather than an address we made up (an Organization's urn:uuid is not an endpoint).
    """
    if url:
        return {"endpoint": url}
    return {"_endpoint": {"extension": [{"url": DATA_ABSENT_REASON, "valueCode": "unknown"}]}}


def referral_message_bundle(
    extracted: ExtractedResources,
    recipient: Organization,
    *,
    clinic: Organization,
    policy: DisclosurePolicy | None = None,
    validate: bool = True,
) -> dict[str, Any]:
    """A BSeR referral message to ``recipient``, carrying only what consent permits.

    MessageHeader first: event v2-0003 I12, sender the referring clinician's PractitionerRole,
    receiver a PractitionerRole of the recipient organisation, focus the referral Task (which
    points at the ServiceRequest, whose ``supportingInfo`` is the patient's Consent); source
    and destination endpoints are the clinic's and the recipient's ``endpoint``. The Bundle's
    ``identifier`` is the message's identity, stable across resends.
    ``policy`` defaults to the patient's own choices (:func:`policy_for`); it is a parameter
    so tests can show that a permissive policy leaks. Raises :class:`ReferralDeclinedError`
    when the patient wants no community referral, and :class:`ReferralError` when no
    referral in ``extracted`` is addressed to ``recipient``, when the extraction has no
    referring clinician, or when the recipient has no phone or endpoint.
    """
    if extracted.community_referral_declined:
        raise ReferralDeclinedError
    recipient_ref = _org_ref(recipient)
    requests = [
        r
        for r in extracted.service_requests
        if r.resource["performer"][0]["reference"] == recipient_ref
    ]
    if not requests:
        raise ReferralError("recipient", "no referral in this extraction is addressed to it")
    sender = extracted.referring_role
    if sender is None:
        raise ReferralError(
            "context.referring_clinician", "a referring clinician: BSeR's sender is one"
        )
    receiver = recipient_role(recipient)
    task = next(
        t for t in extracted.tasks if t.resource["focus"]["reference"] == requests[0].reference
    )
    resources = disclose(extracted, recipient_ref, policy or policy_for(extracted, recipient_ref))
    seed = f"message|{requests[0].resource['id']}"
    header = {
        "resourceType": "MessageHeader",
        "id": str(uuid.uuid5(_BUNDLES, seed)),
        "meta": {"profile": [BSER_MESSAGE_HEADER]},
        "text": {
            "status": "generated",
            "div": xhtml_div("<p>Referral request</p>"),
        },
        "eventCoding": REFERRAL_EVENT.as_coding(),
        "destination": [
            {
                "name": recipient.name,
                **_endpoint(recipient.endpoint),
                "receiver": {"reference": f"PractitionerRole/{receiver['id']}"},
            }
        ],
        "sender": {"reference": sender},
        "source": {
            "name": clinic.name,
            **_endpoint(clinic.endpoint),
        },
        "reason": {"coding": [REFERRAL_TO_SERVICE.as_coding()]},
        "focus": [{"reference": task.reference}],
    }
    entries = [
        {"fullUrl": url, "resource": r} for url, r in _to_urns([header, receiver, *resources])
    ]
    bundle_id = str(uuid.uuid5(_BUNDLES, f"bundle|{seed}"))
    bundle = {
        "resourceType": "Bundle",
        "id": bundle_id,
        "meta": {"profile": [BSER_MESSAGE_BUNDLE]},
        # The message's identity, the same on every resend (receivers drop duplicates by it).
        "identifier": {"system": URI_IDENTIFIER, "value": urn_uuid(bundle_id)},
        "type": "message",
        "timestamp": extracted.authored.isoformat(),
        "entry": entries,
    }
    if validate:
        validate_bundle(bundle)
    return bundle
