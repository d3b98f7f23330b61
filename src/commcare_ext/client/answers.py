"""Reading what the server answered: JSON bodies, resources, Bundles, capabilities.

Each reader checks every part it relies on and raises :class:`MalformedResponseError` for
anything FHIR does not allow (an entry that is not an object, a ``response`` that is a
string, a ``rest`` that is not a list), so a strange answer never escapes as a KeyError,
TypeError or AttributeError, and nothing is read from a part that was not checked.
"""

from collections.abc import Mapping
from typing import Any

from commcare_ext.client.errors import MalformedResponseError
from commcare_ext.client.results import Capabilities, SubmissionResult, Versioned
from commcare_ext.client.transport import Response
from commcare_ext.fhir.json_text import JsonTextError, parse_json

_INVALID = object()


def malformed(where: str, expected: str) -> MalformedResponseError:
    """The error for an answer whose ``where`` is not ``expected``."""
    return MalformedResponseError(f"{where}: expected {expected}")


def json_body(response: Response, method: str, path: str) -> Any:
    """The parsed JSON body (None when empty); a success that is not JSON is malformed."""
    if not response.content:
        return None
    try:
        parsed = parse_json(response.content, source=f"{method} {path}")
    except JsonTextError:
        parsed = _INVALID
    if parsed is _INVALID:
        if response.status < 400:
            raise malformed(f"{method} {path}", "a JSON body")
        return None  # an error page from a proxy: the status says enough
    return parsed


def resource_of(body: Any, kind: str) -> dict[str, Any]:
    """``body`` as a resource of type ``kind`` with an id."""
    if (
        not isinstance(body, dict)
        or body.get("resourceType") != kind
        or not isinstance(body.get("id"), str)
        or not body["id"]
    ):
        raise malformed("answer", f"a {kind} with an id")
    return body


def objects(value: Any, where: str) -> list[dict[str, Any]]:
    """``value`` as a list of objects (absent is empty)."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise malformed(where, "a list of objects")
    return value


def text(value: Any, where: str) -> str:
    """``value`` as a string."""
    if not isinstance(value, str):
        raise malformed(where, "a string")
    return value


def optional_text(value: Any, where: str) -> str | None:
    """``value`` as a string, or None when absent."""
    return None if value is None else text(value, where)


def versioned_of(
    resource: dict[str, Any], etag: str | None, last_modified: str | None
) -> Versioned:
    """``resource`` with its version: ``meta.versionId``, else the ETag's value."""
    meta = resource.get("meta")
    if meta is not None and not isinstance(meta, dict):
        raise malformed(f"{resource['resourceType']}.meta", "an object")
    version = optional_text((meta or {}).get("versionId"), f"{resource['resourceType']}.meta")
    if version is None and etag:
        version = etag.removeprefix("W/").strip('"') or None
    return Versioned(resource, version, etag, last_modified)


def capabilities_of(body: Any) -> Capabilities:
    """Summarise a CapabilityStatement."""
    if not isinstance(body, dict) or body.get("resourceType") != "CapabilityStatement":
        raise malformed("GET metadata", "a CapabilityStatement")
    version = optional_text(body.get("fhirVersion"), "CapabilityStatement.fhirVersion") or ""
    rests = objects(body.get("rest"), "CapabilityStatement.rest")
    server = next((r for r in rests if r.get("mode") == "server"), {})
    codes = {
        text(i.get("code"), "CapabilityStatement.rest.interaction.code")
        for i in objects(server.get("interaction"), "CapabilityStatement.rest.interaction")
    }
    resources = objects(server.get("resource"), "CapabilityStatement.rest.resource")
    types = frozenset(
        text(r.get("type"), "CapabilityStatement.rest.resource.type") for r in resources
    )
    where = "CapabilityStatement.rest.resource.interaction"
    per_type = {
        str(r["type"]): {
            text(i.get("code"), f"{where}.code") for i in objects(r.get("interaction"), where)
        }
        for r in resources
    }
    return Capabilities(
        fhir_version=version,
        transaction="transaction" in codes,
        batch="batch" in codes,
        resource_types=types,
        history=frozenset(t for t, found in per_type.items() if "history-instance" in found),
        search=frozenset(t for t, found in per_type.items() if "search-type" in found),
    )


def bundle_of(body: Any, kind: str, where: str) -> dict[str, Any]:
    """``body`` as a Bundle of type ``kind`` whose ``entry`` and ``link`` are lists of objects."""
    if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
        raise malformed(where, "a Bundle")
    if body.get("type", kind) != kind:
        raise malformed(f"{where}: Bundle.type", kind)
    objects(body.get("entry"), f"{where}: Bundle.entry")
    objects(body.get("link"), f"{where}: Bundle.link")
    return body


def transaction_result(bundle: Mapping[str, Any], body: Any, mode: str) -> SubmissionResult:
    """Map each request entry's fullUrl to where the transaction-response says it landed."""
    answer = bundle_of(body, "transaction-response", "transaction")
    sent = bundle.get("entry", [])
    got = objects(answer.get("entry"), "transaction: Bundle.entry")
    if len(sent) != len(got):
        raise malformed("transaction", "one response entry per request entry")
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    for index, (request_entry, response_entry) in enumerate(zip(sent, got, strict=True)):
        reference, status = _landed(response_entry, f"transaction: Bundle.entry[{index}]")
        references[request_entry["fullUrl"]] = reference
        statuses[request_entry["fullUrl"]] = status
    return SubmissionResult(references, statuses, mode)


def _landed(entry: dict[str, Any], where: str) -> tuple[str, str]:
    """``Type/id`` and status of one transaction-response entry."""
    response = entry.get("response")
    if not isinstance(response, dict):
        raise malformed(f"{where}.response", "an object")
    status = text(response.get("status"), f"{where}.response.status")
    if not status.startswith("2"):
        raise malformed(f"{where}.response.status", "a 2xx status in a transaction-response")
    location = optional_text(response.get("location"), f"{where}.response.location") or ""
    resource = entry.get("resource")
    if resource is not None:
        if not isinstance(resource, dict):
            raise malformed(f"{where}.resource", "a resource")
        kind = optional_text(resource.get("resourceType"), f"{where}.resource.resourceType")
        resource_id = optional_text(resource.get("id"), f"{where}.resource.id")
        if kind and resource_id:
            return f"{kind}/{resource_id}", status
    parts = location.split("/_history")[0].split("/")
    if len(parts) < 2 or not parts[-2] or not parts[-1]:
        raise malformed(f"{where}.response.location", "Type/id")
    return "/".join(parts[-2:]), status


def history_page(body: Any, where: str) -> tuple[dict[str, Any], str | None]:
    """One history page and its ``next`` link (an entry may lack a resource: a deletion)."""
    page = bundle_of(body, "history", where)
    entries = objects(page.get("entry"), f"{where}: Bundle.entry")
    for index, entry in enumerate(entries):
        resource = entry.get("resource")
        if resource is not None and not (
            isinstance(resource, dict) and isinstance(resource.get("resourceType"), str)
        ):
            raise malformed(f"{where}: Bundle.entry[{index}].resource", "a resource")
    return {**page, "entry": entries}, _next_link(page, where)


def searchset_page(body: Any, where: str) -> tuple[dict[str, Any], str | None]:
    """One searchset page (each entry checked to hold a resource) and its ``next`` link."""
    page = bundle_of(body, "searchset", where)
    entries = objects(page.get("entry"), f"{where}: Bundle.entry")
    for index, entry in enumerate(entries):
        resource = entry.get("resource")
        if (
            not isinstance(resource, dict)
            or not isinstance(resource.get("resourceType"), str)
            or not isinstance(resource.get("id"), str)
        ):
            raise malformed(f"{where}: Bundle.entry[{index}].resource", "a resource with an id")
        search = entry.get("search", {})
        if not isinstance(search, dict) or not isinstance(search.get("mode", "match"), str):
            raise malformed(f"{where}: Bundle.entry[{index}].search", "an object with a mode")
    # Callers read page["entry"] as a list: a null or missing entry becomes an empty one.
    return {**page, "entry": entries}, _next_link(page, where)


def _next_link(page: Mapping[str, Any], where: str) -> str | None:
    following = None
    for link in objects(page.get("link"), f"{where}: Bundle.link"):
        relation = text(link.get("relation"), f"{where}: Bundle.link.relation")
        url = text(link.get("url"), f"{where}: Bundle.link.url")
        if relation == "next":
            following = url
    return following
