"""The one place the follow-up talks to the server: versioned reads and writes, searches, history.

Everything goes through the project's :class:`FhirClient`: versioned reads
(``read_versioned``), ``If-Match`` updates (``update(..., if_match=)``, a 412 becoming
:class:`VersionConflict`) and searches POSTed to ``_search`` so patient ids never sit in a
URL. This module only turns the client's conflict into the follow-up's own
:class:`ReferralConflict`, and a server without history into None.

Servers differ in what they send: Medplum's router sends no ``ETag`` header and ignores
``If-None-Match``; it honours ``If-Match`` only in the quoted form ``W/"<versionId>"``, the
form the client sends.
"""

import logging
from collections.abc import Iterator, Mapping
from typing import Any

from commcare_ext.client import (
    FhirClient,
    HttpStatusError,
    MalformedResponseError,
    VersionConflict,
    Versioned,
)
from commcare_ext.followup.errors import ReferralConflict

log = logging.getLogger("commcare_ext.followup")

#: Answers that mean "this server keeps no history for you" rather than a fault.
_NO_HISTORY = frozenset({404, 405, 410, 501})

__all__ = [
    "Versioned",
    "capability_statement",
    "create",
    "history",
    "read_if_changed",
    "read_versioned",
    "search_all",
    "update_if_match",
]


def read_versioned(client: FhirClient, resource_type: str, resource_id: str) -> Versioned:
    """Read a resource with its version (``ETag`` header, else ``meta.versionId``)."""
    return client.read_versioned(resource_type, resource_id)


def read_if_changed(client: FhirClient, known: Versioned) -> Versioned | None:
    """Re-read ``known`` cheaply: None when it has not changed (304, or the same version).

    Sends ``If-None-Match``; a server that ignores it answers 200, and the version decides.
    """
    resource = known.resource
    kind, resource_id = str(resource["resourceType"]), str(resource["id"])
    if known.if_match is None:
        fresh: Versioned | None = client.read_versioned(kind, resource_id)
    else:
        fresh = client.read_versioned(kind, resource_id, if_none_match=known.if_match)
    if fresh is None:
        return None
    if known.version_id is not None and fresh.version_id == known.version_id:
        return None
    return fresh


def update_if_match(
    client: FhirClient, resource: Mapping[str, Any], if_match: str
) -> dict[str, Any]:
    """PUT ``resource`` only if the server still holds the version ``if_match`` names.

    Raises :class:`ReferralConflict` on 412 (someone else wrote in between): the caller
    re-reads and re-decides; nothing is overwritten blindly.
    """
    kind, resource_id = str(resource["resourceType"]), str(resource["id"])
    try:
        return client.update(resource, if_match=if_match)
    except VersionConflict as conflict:
        raise ReferralConflict(f"{kind}/{resource_id}", _version_in(if_match)) from conflict


def search_all(
    client: FhirClient, resource_type: str, params: Mapping[str, str]
) -> Iterator[dict[str, Any]]:
    """Every match of a search across pages, searched by POST so ids stay out of URLs."""
    for resource in client.search_all(resource_type, dict(params)):
        if resource.get("resourceType") == resource_type:
            yield resource


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
    """Every stored version of a resource, oldest first; None if the server keeps no history.

    Paged by the client, within its page and result caps (past them: SearchLimitExceeded).
    """
    try:
        return client.history(resource_type, resource_id)
    except HttpStatusError as error:
        if error.status in _NO_HISTORY:
            log.info("no history for %s: HTTP %d", resource_type, error.status)
            return None
        raise


def _version_in(if_match: str) -> str:
    return if_match.removeprefix("W/").strip('"')
