"""Reading what the server answered: JSON bodies, resources, transaction responses.

Each reader checks the shape it relies on and raises :class:`MalformedResponseError` for
anything else, so a strange answer never escapes as a KeyError or TypeError.
"""

import json
from collections.abc import Mapping
from typing import Any

from commcare_ext.client.errors import MalformedResponseError
from commcare_ext.client.results import Capabilities, SubmissionResult
from commcare_ext.client.transport import Response

_INVALID = object()


def json_body(response: Response, method: str, path: str) -> Any:
    """The parsed JSON body (None when empty); a success that is not JSON is malformed."""
    if not response.content:
        return None
    try:
        parsed = json.loads(response.content)
    except ValueError:
        parsed = _INVALID
    if parsed is _INVALID:
        if response.status < 400:
            msg = f"{method} {path}: body is not JSON"
            raise MalformedResponseError(msg)
        return None  # an error page from a proxy: the status says enough
    return parsed


def resource_of(body: Any, kind: str) -> dict[str, Any]:
    """``body`` as a resource of type ``kind`` with an id."""
    if not isinstance(body, dict) or body.get("resourceType") != kind or "id" not in body:
        msg = f"expected a {kind} with an id"
        raise MalformedResponseError(msg)
    return body


def capabilities_of(body: Any) -> Capabilities:
    """Summarise a CapabilityStatement."""
    if not isinstance(body, dict) or body.get("resourceType") != "CapabilityStatement":
        msg = "GET metadata: not a CapabilityStatement"
        raise MalformedResponseError(msg)
    rest: dict[str, Any] = next((r for r in body.get("rest", []) if r.get("mode") == "server"), {})
    codes = {i.get("code") for i in rest.get("interaction", [])}
    return Capabilities(
        fhir_version=str(body.get("fhirVersion", "")),
        transaction="transaction" in codes,
        batch="batch" in codes,
        resource_types=frozenset(r.get("type") for r in rest.get("resource", [])),
    )


def transaction_result(bundle: Mapping[str, Any], body: Any, mode: str) -> SubmissionResult:
    """Map each request entry's fullUrl to where the transaction-response says it landed."""
    if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
        msg = "transaction: no response Bundle"
        raise MalformedResponseError(msg)
    sent = bundle.get("entry", [])
    got = body.get("entry", [])
    if len(sent) != len(got):
        msg = "transaction: response entries do not match the request"
        raise MalformedResponseError(msg)
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    for request_entry, response_entry in zip(sent, got, strict=True):
        response = response_entry.get("response", {})
        location = response.get("location") or ""
        resource = response_entry.get("resource") or {}
        if resource.get("id"):
            reference = f"{resource['resourceType']}/{resource['id']}"
        else:
            parts = location.split("/_history")[0].split("/")
            reference = "/".join(parts[-2:]) if len(parts) >= 2 else ""
        if not reference:
            msg = "transaction: an entry came back without a location"
            raise MalformedResponseError(msg)
        references[request_entry["fullUrl"]] = reference
        statuses[request_entry["fullUrl"]] = str(response.get("status", ""))
    return SubmissionResult(references, statuses, mode)
