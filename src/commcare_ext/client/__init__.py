"""FHIR REST client for integrators.

Capability check, transactions without duplicates, typed errors, retries, auth, and a
durable outbox.
"""

from commcare_ext.client.auth import Auth, BearerToken, SmartBackendServices
from commcare_ext.client.bundles import dependency_order, is_idempotent
from commcare_ext.client.client import (
    Capabilities,
    FhirClient,
    SubmissionIncomplete,
    SubmissionResult,
    Timeout,
)
from commcare_ext.client.errors import (
    AuthenticationError,
    CapabilityError,
    ConnectError,
    ContentRejected,
    FhirClientError,
    HttpStatusError,
    Issue,
    MalformedResponseError,
    RateLimited,
    RequestTimeout,
    ServerError,
    TransportError,
)
from commcare_ext.client.outbox import Outbox, Submission, SubmissionStatus
from commcare_ext.client.retry import NO_RETRY, RetryPolicy

__all__ = [
    "NO_RETRY",
    "Auth",
    "AuthenticationError",
    "BearerToken",
    "Capabilities",
    "CapabilityError",
    "ConnectError",
    "ContentRejected",
    "FhirClient",
    "FhirClientError",
    "HttpStatusError",
    "Issue",
    "MalformedResponseError",
    "Outbox",
    "RateLimited",
    "RequestTimeout",
    "RetryPolicy",
    "ServerError",
    "SmartBackendServices",
    "Submission",
    "SubmissionIncomplete",
    "SubmissionResult",
    "SubmissionStatus",
    "Timeout",
    "TransportError",
    "dependency_order",
    "is_idempotent",
]
