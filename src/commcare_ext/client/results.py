"""What the client hands back: small frozen values, free of transport details."""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True, slots=True)
class Capabilities:
    """What the server's CapabilityStatement says about what we send and read.

    ``history`` and ``search`` list the resource types that declare the ``history-instance``
    and ``search-type`` interactions; a server that declares none of either (many do not
    list interactions per type) is taken at its word only for types it lists at all.
    """

    fhir_version: str
    transaction: bool
    batch: bool
    resource_types: frozenset[str]
    history: frozenset[str] = frozenset()
    search: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class ServerLimits:
    """How much of any server the client will read: the bounds a hostile server meets.

    ``max_response_bytes`` caps one answer once decompressed (a gzip bomb stops there);
    ``max_pages`` and ``max_results`` cap one search or history, so a server that always
    links to a new ``next`` page cannot keep the client reading for ever. Past a cap the
    client raises (``ResponseTooLarge``, ``SearchLimitExceeded``): nothing is cut silently.
    """

    max_response_bytes: int = 64 * 1024 * 1024
    max_pages: int = 1_000
    max_results: int = 100_000

    def __post_init__(self) -> None:
        for name in ("max_response_bytes", "max_pages", "max_results"):
            if getattr(self, name) < 1:
                msg = f"ServerLimits.{name}: expected a number above 0"
                raise ValueError(msg)


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
