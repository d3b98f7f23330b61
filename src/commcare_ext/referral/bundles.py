"""Transaction and referral message Bundles, built from an extraction alone."""

import uuid
from collections.abc import Sequence
from typing import Any
from urllib.parse import quote

from commcare_ext.errors import CommcareError
from commcare_ext.extract import ExtractedResources, Organization
from commcare_ext.extract.ids import organization_id
from commcare_ext.fhir.narrative import xhtml_div
from commcare_ext.fhir.references import rewrite_references
from commcare_ext.fhir.urn import urn_uuid
from commcare_ext.referral.disclosure import DisclosurePolicy, disclose, policy_for
from commcare_ext.terminology.questions import REFERRAL_REQUEST_EVENT

_BUNDLES = uuid.UUID("6f1c2a52-4f0e-5b8e-9a57-3c1f5e0b7d21")


class ReferralError(CommcareError, ValueError):
    """A referral Bundle cannot be built; ``field`` names what to fix."""

    def __init__(self, field: str, expected: str) -> None:
        self.field = field
        super().__init__(f"{field}: {expected}")


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
    extracted: ExtractedResources, *, extra: Sequence[dict[str, Any]] = ()
) -> dict[str, Any]:
    """A transaction Bundle: urn:uuid fullUrls, conditional create on business identifiers.

    Posting it twice creates nothing twice: every entry is a conditional create
    (``ifNoneExist``), except Provenance, which has no identifier and is PUT to its
    deterministic id. The same extraction always gives the same Bundle. ``extra`` joins
    more resources with ids and identifiers of their own, such as the summary
    DocumentReference.
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
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_BUNDLES, f"transaction|{seed}")),
        "type": "transaction",
        "entry": entries,
    }


def referral_message_bundle(
    extracted: ExtractedResources,
    recipient: Organization,
    *,
    clinic: Organization,
    policy: DisclosurePolicy | None = None,
) -> dict[str, Any]:
    """A BSeR-style referral message to ``recipient``, carrying only what consent permits.

    ``policy`` defaults to the patient's own choices (:func:`policy_for`); it is a
    parameter so tests can show that a permissive policy leaks. Raises
    :class:`ReferralError` when no referral in ``extracted`` is addressed to ``recipient``.
    """
    recipient_ref = (
        f"Organization/{organization_id(recipient.identifier_system, recipient.identifier_value)}"
    )
    requests = [
        r
        for r in extracted.service_requests
        if r.resource["performer"][0]["reference"] == recipient_ref
    ]
    if not requests:
        raise ReferralError("recipient", "no referral in this extraction is addressed to it")
    resources = disclose(extracted, recipient_ref, policy or policy_for(extracted))
    clinic_ref = (
        f"Organization/{organization_id(clinic.identifier_system, clinic.identifier_value)}"
    )
    seed = f"message|{requests[0].resource['id']}"
    header = {
        "resourceType": "MessageHeader",
        "id": str(uuid.uuid5(_BUNDLES, seed)),
        "text": {
            "status": "generated",
            "div": xhtml_div("<p>Referral request</p>"),
        },
        "eventCoding": REFERRAL_REQUEST_EVENT.as_coding(),
        "destination": [
            {
                "name": recipient.name,
                "endpoint": recipient.endpoint or urn_uuid(recipient_ref.split("/")[1]),
                "receiver": {"reference": recipient_ref},
            }
        ],
        "sender": {"reference": clinic_ref},
        "source": {
            "name": clinic.name,
            "endpoint": clinic.endpoint or urn_uuid(clinic_ref.split("/")[1]),
        },
        "focus": [{"reference": requests[0].reference}],
    }
    entries = [{"fullUrl": url, "resource": r} for url, r in _to_urns([header, *resources])]
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_BUNDLES, f"bundle|{seed}")),
        "type": "message",
        "timestamp": extracted.authored.isoformat(),
        "entry": entries,
    }
