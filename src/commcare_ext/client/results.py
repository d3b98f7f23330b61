"""What the client hands back: small frozen values, free of transport details."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the server's CapabilityStatement says about what we send."""

    fhir_version: str
    transaction: bool
    batch: bool
    resource_types: frozenset[str]


@dataclass(frozen=True, slots=True)
class SubmissionResult:
    """Where each Bundle entry landed: ``references`` maps fullUrl -> ``Type/id``."""

    references: dict[str, str]
    statuses: dict[str, str]
    mode: str


@dataclass(frozen=True, slots=True)
class Versioned:
    """A resource with the version facts a server sent beside it.

    ``version_id`` is ``meta.versionId`` (or, failing that, the ETag's value); ``etag`` and
    ``last_modified`` are the ``ETag`` and ``Last-Modified`` headers as sent, or None (as
    from Medplum's router). Pass ``version_id`` (or ``if_match``) to
    ``update(..., if_match=...)`` and ``if_match`` to ``read_versioned(..., if_none_match=...)``.
    """

    resource: dict[str, Any]
    version_id: str | None
    etag: str | None
    last_modified: str | None

    @property
    def if_match(self) -> str | None:
        """What ``If-Match`` must say: the server's ETag, else ``W/"<version_id>"``."""
        if self.etag:
            return self.etag
        return f'W/"{self.version_id}"' if self.version_id else None

    def __repr__(self) -> str:
        kind = self.resource.get("resourceType")
        return f"Versioned({kind}/{self.resource.get('id')}, version_id={self.version_id!r})"
