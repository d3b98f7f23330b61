"""FHIR REST client for integrators.

Capability check, transactions without duplicates, typed errors, retries, auth, and a
durable outbox. Inside: ``transport`` (one method, ``handle_request``), ``client`` (CRUD,
search, the retry loop), ``submission`` (landing a Bundle exactly once), ``outbox``.
"""

from commcare_ext.client.auth import Auth, BearerToken, SmartBackendServices
from commcare_ext.client.bundles import dependency_order, is_idempotent
from commcare_ext.client.client import FhirClient
from commcare_ext.client.errors import (
    AuthenticationError,
    BundleError,
    CapabilityError,
    ConnectError,
    ContentRejected,
    FhirClientError,
    HttpStatusError,
    InvalidResource,
    Issue,
    MalformedResponseError,
    OutboxError,
    OutboxFileError,
    RateLimited,
    RedirectRefused,
    RequestTimeout,
    ResponseTooLarge,
    SearchLimitExceeded,
    ServerError,
    SubmissionConflict,
    TransportError,
    UnknownSubmission,
    VersionConflict,
)
from commcare_ext.client.outbox import Outbox, Submission, SubmissionStatus, content_digest
from commcare_ext.client.results import Capabilities, ServerLimits, SubmissionResult, Versioned
from commcare_ext.client.retry import NO_RETRY, RetryPolicy
from commcare_ext.client.submission import SubmissionIncomplete
from commcare_ext.client.transport import Request, RequestsTransport, Response, Timeout, Transport

__all__ = [
    "NO_RETRY",
    "Auth",
    "AuthenticationError",
    "BearerToken",
    "BundleError",
    "Capabilities",
    "CapabilityError",
    "ConnectError",
    "ContentRejected",
    "FhirClient",
    "FhirClientError",
    "HttpStatusError",
    "InvalidResource",
    "Issue",
    "MalformedResponseError",
    "Outbox",
    "OutboxError",
    "OutboxFileError",
    "RateLimited",
    "RedirectRefused",
    "Request",
    "RequestTimeout",
    "RequestsTransport",
    "Response",
    "ResponseTooLarge",
    "RetryPolicy",
    "SearchLimitExceeded",
    "ServerError",
    "ServerLimits",
    "SmartBackendServices",
    "Submission",
    "SubmissionConflict",
    "SubmissionIncomplete",
    "SubmissionResult",
    "SubmissionStatus",
    "Timeout",
    "Transport",
    "TransportError",
    "UnknownSubmission",
    "VersionConflict",
    "Versioned",
    "content_digest",
    "dependency_order",
    "is_idempotent",
]
