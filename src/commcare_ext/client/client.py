"""A FHIR R4 REST client: capability check, CRUD, search, transactions, with retries.

Every request goes through one :class:`Transport` and one :class:`RetryPolicy`; only safe
requests are repeated, and the number of tries is bounded by the policy. Waiting goes
through the injected ``sleep`` so tests step time instead of spending it. Logs name the
method, resource path and status — never query strings, bodies or tokens.
"""

import logging
import time
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, TypeVar, overload
from urllib.parse import urlencode, urljoin, urlsplit

import orjson
import requests

from commcare_ext.client.answers import (
    bundle_of,
    capabilities_of,
    history_page,
    json_body,
    resource_of,
    searchset_page,
    transaction_result,
    versioned_of,
)
from commcare_ext.client.auth import Auth
from commcare_ext.client.bundles import is_idempotent
from commcare_ext.client.errors import (
    AuthenticationError,
    CapabilityError,
    ContentRejected,
    FhirClientError,
    InvalidResource,
    MalformedResponseError,
    RateLimited,
    SearchLimitExceeded,
    VersionConflict,
)
from commcare_ext.client.outcome import error_for
from commcare_ext.client.redirects import redirect_target
from commcare_ext.client.results import Capabilities, ServerLimits, SubmissionResult, Versioned
from commcare_ext.client.retry import RetryPolicy
from commcare_ext.client.search import Form, form_pairs, next_page_request
from commcare_ext.client.submission import submit_bundle
from commcare_ext.client.transport import (
    Request,
    RequestsTransport,
    Response,
    Timeout,
    Transport,
    shown,
)

log = logging.getLogger("commcare_ext.client")

_FHIR_JSON = "application/fhir+json"
_MAX_REDIRECTS = 5
T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class _Answer:
    """A response with its JSON body parsed."""

    status: int
    body: Any
    response: Response


@dataclass
class FhirClient:
    """Talk to one FHIR R4 server.

    Pass your own ``session`` for proxies or certificates, or a whole ``transport``
    (anything with ``handle_request``). ``limits`` bounds how much of the server is read
    (answer size, pages and results of a search). ``sleep`` waits between retries and ``clock``
    (epoch seconds) places a ``Retry-After`` date; tests pass ones that record and step.
    """

    base_url: str
    session: requests.Session | None = field(default=None, repr=False)
    auth: Auth | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    timeout: Timeout = field(default_factory=Timeout)
    verify: bool | str = True
    max_transaction_entries: int | None = None
    limits: ServerLimits = field(default_factory=ServerLimits)
    sleep: Callable[[float], None] = field(default=time.sleep, repr=False)
    clock: Callable[[], float] = field(default=time.time, repr=False)
    transport: Transport | None = field(default=None, repr=False)
    _wire: Transport = field(init=False, repr=False)
    _capabilities: Capabilities | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/") + "/"
        self._wire = self.transport or RequestsTransport(self.session, verify=self.verify)

    # -- requests -------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        form: Form | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        safe: bool | None = None,
    ) -> tuple[int, Any, Mapping[str, str]]:
        """Send one request with retries; return (status, parsed JSON or None, headers).

        ``body`` is sent as FHIR JSON, ``form`` as a form body (what ``_search`` takes).
        ``params`` go into the query string: keep names and identifiers out of them (a
        URL is logged by proxies and servers); search with :meth:`search_pages` instead.
        """
        answer = self._call(
            method,
            path,
            body=body,
            form=form,
            params=params,
            headers=headers,
            safe=safe,
            read=_same,
        )
        return answer.status, answer.body, answer.response.headers

    def _call(
        self,
        method: str,
        path: str,
        *,
        read: Callable[[_Answer], T],
        body: Any = None,
        form: Form | None = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        safe: bool | None = None,
    ) -> T:
        """Send with retries and read the answer with ``read``; a failed read is retried too.

        The loop is bounded: at most ``retry.tries`` failures, plus one fresh token after a
        401 when there is an ``auth`` to refresh.
        """
        is_safe = method in ("GET", "HEAD") if safe is None else safe
        url = path if path.startswith(("http://", "https://")) else urljoin(self.base_url, path)
        if params:
            url += ("&" if urlsplit(url).query else "?") + urlencode(params)
        sent = {"Accept": _FHIR_JSON, **(headers or {})}
        content = None
        if isinstance(body, bytes):  # already FHIR JSON: sent as it is, not serialised again
            sent["Content-Type"] = _FHIR_JSON
            content = body
        elif body is not None:
            sent["Content-Type"] = _FHIR_JSON
            content = orjson.dumps(body)
        elif form is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            content = urlencode(form_pairs(form)).encode("ascii")
        refresh = self.auth is not None
        failures = 0
        for _ in range(max(self.retry.tries, 1) + 1):
            try:
                return read(self._once(method, url, content, sent))
            except AuthenticationError:
                if not refresh or self.auth is None:
                    raise
                refresh = False
                self.auth.invalidate()
            except FhirClientError as error:
                failures += 1
                wait = self._wait_before_retry(error, failures, safe=is_safe)
                if wait is None:
                    raise
                log.info(
                    "retrying %s %s after %s (attempt %d, wait %.2fs)",
                    method,
                    shown(url),
                    type(error).__name__,
                    failures,
                    wait,
                )
                self.sleep(wait)
        msg = "retry loop ended without an answer"  # unreachable: the last try raises
        raise AssertionError(msg)

    def _wait_before_retry(
        self, error: FhirClientError, attempt: int, *, safe: bool
    ) -> float | None:
        """Seconds to wait before trying again, or None when ``error`` must be raised."""
        if not (self.retry.retries(error) and self.retry.allows(attempt, safe=safe)):
            return None
        return self.retry.delay(
            attempt, error.retry_after if isinstance(error, RateLimited) else None
        )

    def _once(
        self, method: str, url: str, content: bytes | None, headers: dict[str, str]
    ) -> _Answer:
        """One exchange, following same-origin redirects of bodiless reads only.

        A redirect on a write, on a request with a body, or to another origin raises
        :class:`RedirectRefused`: the body and the Authorization header stay where they
        were addressed. An error status becomes its typed exception.
        """
        for _ in range(_MAX_REDIRECTS + 1):
            response = self._exchange(method, url, content, headers)
            target = redirect_target(method, url, content, response)
            if target is None:
                break
            url = target
        else:
            msg = f"{method} {shown(url)}: more than {_MAX_REDIRECTS} redirects"
            raise MalformedResponseError(msg)
        parsed = json_body(response, method, shown(url))
        if response.status >= 400:
            raise error_for(
                response.status,
                parsed,
                method,
                shown(url),
                response.header("Retry-After"),
                now=self.clock(),
            )
        return _Answer(response.status, parsed, response)

    def _exchange(
        self, method: str, url: str, content: bytes | None, headers: dict[str, str]
    ) -> Response:
        """Add the Authorization header and send through the transport."""
        if self.auth is not None:
            headers = {**headers, "Authorization": self.auth.authorization(self._wire)}
        request = Request(
            method, url, headers, content, self.timeout, self.limits.max_response_bytes
        )
        response = self._wire.handle_request(request)
        log.debug("%s %s -> %d", method, shown(url), response.status)
        return response

    # -- capability -----------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        """Read (once) and summarise the server's CapabilityStatement."""
        if self._capabilities is None:
            self._capabilities = self._call(
                "GET", "metadata", read=lambda a: capabilities_of(a.body)
            )
        return self._capabilities

    def require_r4(self) -> Capabilities:
        """Fail clearly unless the server speaks FHIR R4 (4.0.x)."""
        capabilities = self.capabilities()
        if not capabilities.fhir_version.startswith("4.0"):
            msg = f"server speaks FHIR {capabilities.fhir_version or 'unknown'}, not R4 (4.0.1)"
            raise CapabilityError(msg)
        return capabilities

    # -- resources ------------------------------------------------------------------------

    def read(self, resource_type: str, resource_id: str) -> dict[str, Any]:
        """Read one resource."""
        return self._call(
            "GET",
            f"{resource_type}/{resource_id}",
            read=lambda a: resource_of(a.body, resource_type),
        )

    @overload
    def read_versioned(
        self, resource_type: str, resource_id: str, *, if_none_match: None = None
    ) -> Versioned: ...

    @overload
    def read_versioned(
        self, resource_type: str, resource_id: str, *, if_none_match: str
    ) -> Versioned | None: ...

    def read_versioned(
        self, resource_type: str, resource_id: str, *, if_none_match: str | None = None
    ) -> Versioned | None:
        """Read one resource with its version, ETag and Last-Modified.

        With ``if_none_match`` (an ETag from an earlier read) this is a cheap poll: None
        when the server answers 304 Not Modified. A server that ignores the header (as
        Medplum's router does) answers with the resource: compare ``version_id``.
        """
        headers = {"If-None-Match": if_none_match} if if_none_match else None

        def versioned(answer: _Answer) -> Versioned | None:
            if answer.status == 304 and if_none_match:
                return None
            return versioned_of(
                resource_of(answer.body, resource_type),
                answer.response.header("ETag"),
                answer.response.header("Last-Modified"),
            )

        return self._call("GET", f"{resource_type}/{resource_id}", headers=headers, read=versioned)

    def create(
        self, resource: Mapping[str, Any], *, if_none_exist: str | None = None
    ) -> dict[str, Any]:
        """Create a resource; with ``if_none_exist`` it is a conditional create (safe to retry)."""
        headers = {"If-None-Exist": if_none_exist} if if_none_exist else None
        kind = _kind(resource)
        return self._call(
            "POST",
            kind,
            body=resource,
            headers=headers,
            safe=if_none_exist is not None,
            read=lambda a: resource_of(a.body, kind),
        )

    def update(self, resource: Mapping[str, Any], *, if_match: str | None = None) -> dict[str, Any]:
        """PUT a resource to its id; returns what the server stored.

        With ``if_match`` (the ``version_id`` read earlier, or ``Versioned.if_match``) the
        server stores it only if nobody changed it since: otherwise :class:`VersionConflict`.
        Such an update is not retried — a lost answer to a PUT that landed would come back
        as a conflict. Without it the PUT is idempotent and retried like a read.
        """
        kind = _kind(resource)
        resource_id = resource.get("id")
        if not isinstance(resource_id, str) or not resource_id:
            msg = f"update(): the {kind} needs an id"
            raise InvalidResource(msg)
        headers = {"If-Match": _weak_etag(if_match)} if if_match else None
        try:
            return self._call(
                "PUT",
                f"{kind}/{resource_id}",
                body=resource,
                headers=headers,
                safe=if_match is None,
                read=lambda a: resource_of(a.body, kind),
            )
        except ContentRejected as error:
            if error.status != 412 and not (if_match and error.status == 409):
                raise
            conflict = VersionConflict(
                error.status,
                error.issues,
                error.method,
                error.path,
                resource_type=kind,
                resource_id=resource_id,
            )
        raise conflict

    def search_pages(
        self, resource_type: str, params: Form | None = None
    ) -> Iterator[dict[str, Any]]:
        """Each searchset Bundle page, first to last.

        The first page is a POST to ``Type/_search`` with the parameters in a form body, so
        names and identifiers never sit in a URL (where logs, proxies and exceptions would
        keep them). ``next`` links are followed on this server's origin only; a link back
        to ``Type`` or ``Type/_search`` is POSTed the same way, any other (an opaque page
        token) is read with GET.
        """
        where = f"search {resource_type}"
        yield from self._pages(
            where,
            ("POST", f"{resource_type}/_search", form_pairs(params or {})),
            lambda body: searchset_page(body, where),
        )

    def history(self, resource_type: str, resource_id: str) -> list[dict[str, Any]]:
        """Every stored version of a resource, oldest first, across all history pages.

        Paged like a search, within the same caps; an entry without a resource (a deletion)
        is left out. A server that keeps no history answers with its error status.
        """
        where = f"history {resource_type}"
        versions: list[dict[str, Any]] = []
        for page in self._pages(
            where,
            ("GET", f"{resource_type}/{resource_id}/_history", None),
            lambda body: history_page(body, where),
        ):
            versions += [e["resource"] for e in page["entry"] if "resource" in e]
        versions.reverse()  # FHIR sends history newest first
        return versions

    def _pages(
        self,
        where: str,
        first: tuple[str, str, list[tuple[str, str]] | None],
        read: Callable[[Any], tuple[dict[str, Any], str | None]],
    ) -> Iterator[dict[str, Any]]:
        """Each page of a search or history, within ``limits.max_pages`` and ``max_results``."""
        limits = self.limits
        method, path, form = first
        seen: set[str] = set()
        pages = results = 0
        while True:
            page, following = self._call(
                method, path, form=form, safe=True, read=lambda a: read(a.body)
            )
            pages += 1
            results += len(page["entry"])
            if results > limits.max_results:
                cap = f"the cap is {limits.max_results:,} results"
                raise SearchLimitExceeded(where, pages, results, cap)
            yield page
            if following is None:
                return
            if pages >= limits.max_pages:
                cap = f"the cap is {limits.max_pages:,} pages"
                raise SearchLimitExceeded(where, pages, results, cap)
            method, path, form = next_page_request(self.base_url, following, seen, where)

    def search(self, resource_type: str, params: Form | None = None) -> Iterator[dict[str, Any]]:
        """Every matching resource (search mode ``match``) across all pages."""
        for page in self.search_pages(resource_type, params):
            for entry in page.get("entry", []):
                if entry.get("search", {}).get("mode", "match") == "match":
                    yield entry["resource"]

    def search_all(self, resource_type: str, params: Form | None = None) -> list[dict[str, Any]]:
        """Every resource of every page — matches and included ones (``_include``) — each once.

        A resource included on several pages (the Patient of many Observations) is listed
        the first time it comes; OperationOutcome entries (mode ``outcome``) are left out.
        """
        found: dict[tuple[str, str], dict[str, Any]] = {}
        for page in self.search_pages(resource_type, params):
            for entry in page.get("entry", []):
                if entry.get("search", {}).get("mode", "match") in ("match", "include"):
                    resource = entry["resource"]
                    found.setdefault((resource["resourceType"], resource["id"]), resource)
        return list(found.values())

    # -- bundles --------------------------------------------------------------------------

    def transaction(
        self, bundle: Mapping[str, Any], *, content: bytes | None = None
    ) -> SubmissionResult:
        """POST a transaction Bundle; retried only when every entry is idempotent.

        ``content`` is the Bundle already serialised (as the extraction path and the outbox
        hold it): sent as it is, never serialised again.
        """
        return self._call(
            "POST",
            "",
            body=bundle if content is None else content,
            safe=is_idempotent(bundle),
            read=lambda a: transaction_result(bundle, a.body, "transaction"),
        )

    def batch(self, bundle: Mapping[str, Any]) -> dict[str, Any]:
        """POST a batch Bundle; returns the batch-response Bundle."""
        batch = {**bundle, "type": "batch"}
        return self._call(
            "POST",
            "",
            body=batch,
            safe=is_idempotent(batch),
            read=lambda a: bundle_of(a.body, "batch-response", "batch"),
        )

    def submit(
        self, bundle: Mapping[str, Any], *, content: bytes | None = None
    ) -> SubmissionResult:
        """Land a transaction Bundle whatever the server supports, without duplicates.

        Whole, when the server takes transactions of this size; else in dependency-ordered
        chunks (transactions of ``max_transaction_entries``, or one conditional create per
        entry when the server takes no transactions), rewriting urn:uuid references to the
        ids already created. A failure raises :class:`SubmissionIncomplete` listing what
        landed; submitting the same Bundle again resumes without duplicates. ``content``,
        the Bundle's bytes when the caller has them, is what a whole transaction sends.
        """
        return submit_bundle(self, bundle, content)


def _same(answer: _Answer) -> _Answer:
    return answer


def _kind(resource: Mapping[str, Any]) -> str:
    kind = resource.get("resourceType")
    if not isinstance(kind, str) or not kind:
        msg = "the resource needs a resourceType"
        raise InvalidResource(msg)
    return kind


def _weak_etag(version: str) -> str:
    """``If-Match`` for a version id (an ETag given as such is sent as it is)."""
    return version if version.startswith(('W/"', '"')) else f'W/"{version}"'
