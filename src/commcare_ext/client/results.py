"""What the client hands back: small frozen values, free of transport details."""

from dataclasses import dataclass


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
