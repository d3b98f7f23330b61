"""The client's exception tree. Every error carries data, never patient data in its message.

FhirClientError
├── TransportError          the request never got an HTTP answer
│   ├── ConnectError        could not connect (refused, reset, DNS)
│   └── RequestTimeout      connect or read took longer than the timeout
├── MalformedResponseError  the server answered something that is not the FHIR expected
│   └── ResponseTooLarge    the answer, decompressed, passed the client's size limit
├── SearchLimitExceeded     a search or history passed the page or result cap
├── CapabilityError         the server cannot take what we would send
├── BundleError             the Bundle given to submit() cannot be sent safely (also ValueError)
├── InvalidResource         a resource given to create()/update() lacks its type or id
├── OutboxError             the outbox refuses a request about a submission
│   ├── OutboxFileError     the outbox file is not an outbox, corrupt, locked or unwritable
│   ├── SubmissionConflict  different content under an existing id; requeue of a done one
│   └── UnknownSubmission   no submission with that id (also LookupError)
├── RedirectRefused         a redirect the client will not follow (a write, another origin)
└── HttpStatusError         the server answered 4xx/5xx (``status``, ``issues``)
    ├── AuthenticationError 401/403
    ├── ContentRejected     400/404/405/409/410/412/422: the content is refused; do not retry
    │   └── VersionConflict 412 (or 409) on an update with If-Match: changed since read
    ├── RateLimited         429 (``retry_after`` seconds, when the server said)
    └── ServerError         5xx
"""

from dataclasses import dataclass

from commcare_ext.errors import CommcareError

_ERRORS = frozenset({"fatal", "error"})


@dataclass(frozen=True, slots=True)
class Issue:
    """One OperationOutcome issue.

    ``diagnostics`` and ``details`` (``details.text``) are server text that may quote
    content, so they are kept as data and never put into an exception message or repr;
    ``code`` and ``expression`` say what is wrong and where.
    """

    severity: str
    code: str
    expression: tuple[str, ...]
    diagnostics: str | None = None
    details: str | None = None

    def __repr__(self) -> str:
        return (
            f"Issue(severity={self.severity!r}, code={self.code!r}, expression={self.expression!r})"
        )


class FhirClientError(CommcareError):
    """Base of every error the FHIR client raises."""


class TransportError(FhirClientError):
    """The request got no HTTP answer."""


class ConnectError(TransportError):
    """Could not connect, or the connection broke mid-response."""


class RequestTimeout(TransportError):
    """Connecting or reading took longer than the configured timeout."""


class MalformedResponseError(FhirClientError):
    """The server's answer is not the FHIR JSON that was expected."""


class ResponseTooLarge(MalformedResponseError):
    """An answer larger, once decompressed, than the client's limit; reading stopped there.

    A hostile or broken server (a gzip answer of 1 MB that inflates to 1 GB) cannot exhaust
    memory: the body is read in chunks and abandoned at ``limit`` bytes.
    """

    def __init__(self, method: str, path: str, limit: int) -> None:
        self.limit = limit
        super().__init__(f"{method} {path}: answer larger than {limit:,} bytes; not read")


class SearchLimitExceeded(FhirClientError):
    """A search or history went on past the client's page or result cap; nothing was cut silently.

    ``pages`` and ``results`` say how far it got. Narrow the search, or raise
    :class:`ServerLimits` ``max_pages`` / ``max_results`` for a server known to be that large.
    """

    def __init__(self, where: str, pages: int, results: int, cap: str) -> None:
        self.pages = pages
        self.results = results
        super().__init__(
            f"{where}: stopped after {pages} pages and {results} results ({cap}); "
            "the rest was not read"
        )


class CapabilityError(FhirClientError):
    """The server's CapabilityStatement says it cannot take what we would send."""


class RedirectRefused(FhirClientError):
    """A 3xx the client will not follow: on a write, with a body, or to another origin.

    Following it would send the request (the Bundle, the Authorization header) somewhere
    it was not addressed. ``host`` is the new location's host, the only part of it shown.
    """

    def __init__(self, status: int, method: str, path: str, host: str) -> None:
        self.status = status
        self.method = method
        self.path = path
        self.host = host
        super().__init__(f"{method} {path} -> HTTP {status} redirect to host {host!r} not followed")


class BundleError(FhirClientError, ValueError):
    """The Bundle given to ``submit()`` cannot be sent safely; names the entry and what is wrong."""


class InvalidResource(FhirClientError, ValueError):
    """A resource given to ``create()``/``update()`` lacks what the call needs (type, id)."""


class OutboxError(FhirClientError):
    """The outbox refuses a request about a submission (names it and what was expected)."""


class OutboxFileError(OutboxError):
    """The outbox file cannot be used: not an outbox, corrupt, locked, or not writable.

    ``path`` is the file; the message says what is wrong with it. A file that is not an
    outbox is left exactly as it was.
    """

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"outbox {self.path}: {reason}")


class SubmissionConflict(OutboxError):
    """The request contradicts where the submission stands; ``status`` says where that is.

    Raised for different content under the id of an existing submission (never taken
    silently for the old one), and for requeuing or discarding a finished submission.
    """

    def __init__(self, submission_id: str, status: str, reason: str) -> None:
        self.submission_id = submission_id
        self.status = status
        super().__init__(f"submission {submission_id!r} is {status}: {reason}")


class UnknownSubmission(OutboxError, LookupError):
    """No submission with that id in the outbox."""

    def __init__(self, submission_id: str) -> None:
        self.submission_id = submission_id
        super().__init__(f"no submission {submission_id!r} in the outbox")


class HttpStatusError(FhirClientError):
    """The server answered with an error status; ``issues`` holds its OperationOutcome.

    ``entry`` is the position, in the submitted Bundle, of the one entry the error is about
    when the client knows it (an entry sent on its own); issues name entries themselves in
    their ``expression`` (``Bundle.entry[N]...``), numbered as in the submitted Bundle.
    """

    def __init__(
        self,
        status: int,
        issues: tuple[Issue, ...],
        method: str,
        path: str,
        *,
        entry: int | None = None,
    ) -> None:
        self.status = status
        self.issues = issues
        self.method = method
        self.path = path
        self.entry = entry
        shown = [i for i in issues if i.severity in _ERRORS] or list(issues)
        where = "; ".join(f"{i.code} at {', '.join(i.expression) or '-'}" for i in shown[:5])
        message = f"{method} {path} -> HTTP {status}"
        if entry is not None:
            message += f" for Bundle.entry[{entry}]"
        super().__init__(message + (f" ({where})" if where else ""))


class AuthenticationError(HttpStatusError):
    """401/403: credentials missing, expired or not allowed."""


class ContentRejected(HttpStatusError):
    """The server refused the content (validation, conflict, precondition); fix, do not retry."""


class VersionConflict(ContentRejected):
    """The resource changed since the version named in ``If-Match`` (412; 409 on some servers).

    Read it again (``read_versioned``), apply the change to what is there now, and update
    with the new version. ``resource_type`` and ``resource_id`` name it; nothing of its
    content is kept here.
    """

    def __init__(
        self,
        status: int,
        issues: tuple[Issue, ...],
        method: str,
        path: str,
        *,
        resource_type: str,
        resource_id: str,
    ) -> None:
        super().__init__(status, issues, method, path)
        self.resource_type = resource_type
        self.resource_id = resource_id


class RateLimited(HttpStatusError):
    """429: too many requests; ``retry_after`` is the server's wait in seconds, if given."""

    def __init__(
        self,
        status: int,
        issues: tuple[Issue, ...],
        method: str,
        path: str,
        retry_after: float | None,
    ) -> None:
        super().__init__(status, issues, method, path)
        self.retry_after = retry_after


class ServerError(HttpStatusError):
    """5xx: the server failed; safe requests are retried."""
