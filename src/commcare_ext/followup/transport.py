"""The one place the follow-up talks HTTP: versioned reads and writes, searches, history.

TO SWITCH ON MERGE: the client is gaining ``read_versioned``, ``update(..., if_match=)``
raising ``VersionConflict`` on 412, and ``search_pages``/``search_all``. Until then this thin
adapter does the same over ``FhirClient.request``; when the client API lands, each function
below becomes a one-line call to it (see docs/follow-up.md, "Merging"), and ``ReferralConflict``
subclasses the client's ``VersionConflict``. Nothing else in ``followup`` calls ``request``.

Servers differ in what they send: Medplum's router sends no ``ETag`` header and ignores
``If-None-Match``; it honours ``If-Match`` only in the quoted form ``W/"<versionId>"`` (an
unquoted value is silently ignored), so we always send that form.
"""

import logging
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from commcare_ext.client import FhirClient, HttpStatusError, MalformedResponseError
from commcare_ext.followup.errors import ReferralConflict

log = logging.getLogger("commcare_ext.followup")

_PRECONDITION_FAILED = 412
_NOT_MODIFIED = 304
#: Answers that mean "this server keeps no history for you" rather than a fault.
_NO_HISTORY = frozenset({404, 405, 410, 501})


@dataclass(frozen=True, slots=True)
class Versioned:
    """A resource with the version it was read at (what ``If-Match`` must name)."""

    resource: dict[str, Any]
    version_id: str | None
    etag: str | None
    last_modified: str | None

    @property
    def if_match(self) -> str | None:
        """The ``If-Match`` value: the server's ETag, else a weak ETag of ``meta.versionId``."""
        if self.etag:
            return self.etag
        return f'W/"{self.version_id}"' if self.version_id else None


def read_versioned(client: FhirClient, resource_type: str, resource_id: str) -> Versioned:
    """Read a resource with its version (``ETag`` header, else ``meta.versionId``)."""
    _, body, headers = client.request("GET", f"{resource_type}/{resource_id}")
    return _versioned(body, headers, resource_type)


def read_if_changed(client: FhirClient, known: Versioned) -> Versioned | None:
    """Re-read ``known`` cheaply: None when it has not changed (304, or the same version).

    Sends ``If-None-Match``; a server that ignores it answers 200, and the version decides.
    """
    resource = known.resource
    kind, resource_id = str(resource["resourceType"]), str(resource["id"])
    headers = {"If-None-Match": known.if_match} if known.if_match else None
    status, body, response_headers = client.request("GET", f"{kind}/{resource_id}", headers=headers)
    if status == _NOT_MODIFIED:
        return None
    fresh = _versioned(body, response_headers, kind)
    if known.version_id is not None and fresh.version_id == known.version_id:
        return None
    return fresh


def update_if_match(
    client: FhirClient, resource: Mapping[str, Any], if_match: str
) -> dict[str, Any]:
    """PUT ``resource`` only if the server still holds the version ``if_match`` names.

    Raises :class:`ReferralConflict` on 412 (someone else wrote in between): the caller
    re-reads and re-decides; nothing is overwritten blindly. A PUT with ``If-Match`` is safe
    to retry: a repeat of a write that landed gets 412 and the re-read finds it done.
    """
    kind, resource_id = str(resource["resourceType"]), str(resource["id"])
    reference = f"{kind}/{resource_id}"
    try:
        _, body, _ = client.request(
            "PUT", reference, body=resource, headers={"If-Match": if_match}, safe=True
        )
    except HttpStatusError as error:
        if error.status == _PRECONDITION_FAILED:
            raise ReferralConflict(reference, _version_in(if_match)) from error
        raise
    if not isinstance(body, dict) or body.get("resourceType") != kind:
        raise MalformedResponseError(f"PUT {kind}: expected the updated {kind}")
    return body


def search_all(
    client: FhirClient, resource_type: str, params: Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    """Every match of a search, across pages (the client follows ``next`` links)."""
    yield from client.search(resource_type, params)


def capability_statement(client: FhirClient) -> dict[str, Any]:
    """The server's CapabilityStatement, whole (the client keeps only a summary)."""
    _, body, _ = client.request("GET", "metadata")
    if not isinstance(body, dict) or body.get("resourceType") != "CapabilityStatement":
        raise MalformedResponseError("GET metadata: not a CapabilityStatement")
    return body


def create(client: FhirClient, resource: Mapping[str, Any]) -> dict[str, Any]:
    """Create a resource (a plain POST: not retried, a lost answer may hide a create)."""
    return client.create(resource)


def history(
    client: FhirClient, resource_type: str, resource_id: str
) -> list[dict[str, Any]] | None:
    """Every stored version of a resource, oldest first; None if the server keeps no history."""
    try:
        _, page, _ = client.request("GET", f"{resource_type}/{resource_id}/_history")
    except HttpStatusError as error:
        if error.status in _NO_HISTORY:
            log.info("no history for %s: HTTP %d", resource_type, error.status)
            return None
        raise
    versions: list[dict[str, Any]] = []
    while True:
        if not isinstance(page, dict) or page.get("resourceType") != "Bundle":
            raise MalformedResponseError(f"history {resource_type}: not a Bundle")
        versions += [e["resource"] for e in page.get("entry", []) if "resource" in e]
        following = next(
            (link["url"] for link in page.get("link", []) if link.get("relation") == "next"), None
        )
        if following is None:
            break
        if urlsplit(following).netloc != urlsplit(client.base_url).netloc:
            raise MalformedResponseError("history: next link points to another server")
        _, page, _ = client.request("GET", following)
    versions.reverse()  # FHIR sends history newest first
    return versions


def _versioned(body: Any, headers: Mapping[str, str], kind: str) -> Versioned:
    if not isinstance(body, dict) or body.get("resourceType") != kind or "id" not in body:
        raise MalformedResponseError(f"expected a {kind} with an id")
    meta = body.get("meta") or {}
    version = meta.get("versionId")
    return Versioned(
        resource=body,
        version_id=str(version) if version is not None else None,
        etag=headers.get("ETag"),
        last_modified=headers.get("Last-Modified"),
    )


def _version_in(if_match: str) -> str:
    return if_match.removeprefix("W/").strip('"')
