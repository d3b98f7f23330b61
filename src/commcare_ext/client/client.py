"""A FHIR R4 REST client: capability check, CRUD, search, transactions, with retries.

Every request goes through one :class:`Transport` and one :class:`RetryPolicy`; only safe
requests are repeated, and the number of tries is bounded by the policy. Waiting goes
through the injected ``sleep`` so tests step time instead of spending it. Logs name the
method, resource path and status — never query strings, bodies or tokens.
"""

import json
import logging
import re
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, TypeVar
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

import requests

from commcare_ext.client.answers import (
    bundle_of,
    capabilities_of,
    json_body,
    resource_of,
    searchset_page,
    transaction_result,
)
from commcare_ext.client.auth import Auth
from commcare_ext.client.bundles import is_idempotent
from commcare_ext.client.errors import (
    AuthenticationError,
    CapabilityError,
    FhirClientError,
    MalformedResponseError,
    RateLimited,
    RedirectRefused,
)
from commcare_ext.client.outcome import error_for
from commcare_ext.client.results import Capabilities, SubmissionResult
from commcare_ext.client.retry import RetryPolicy
from commcare_ext.client.submission import submit_bundle
from commcare_ext.client.transport import (
    Request,
    RequestsTransport,
    Response,
    Timeout,
    Transport,
    host_of,
    origin,
    shown,
)

log = logging.getLogger("commcare_ext.client")

_FHIR_JSON = "application/fhir+json"
_RESOURCE_TYPE = re.compile(r"[A-Z][A-Za-z]+")
#: Search parameters: a mapping (a sequence value repeats the name) or (name, value) pairs.
Form = Mapping[str, str | Sequence[str]] | Sequence[tuple[str, str]]
_MAX_REDIRECTS = 5
_FOLLOWED = frozenset({301, 302, 303, 307, 308})
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
    (anything with ``handle_request``). ``sleep`` waits between retries and ``clock``
    (epoch seconds) places a ``Retry-After`` date; tests pass ones that record and step.
    """

    base_url: str
    session: requests.Session | None = field(default=None, repr=False)
    auth: Auth | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    timeout: Timeout = field(default_factory=Timeout)
    verify: bool | str = True
    max_transaction_entries: int | None = None
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
        if body is not None:
            sent["Content-Type"] = _FHIR_JSON
            content = json.dumps(body, ensure_ascii=False).encode("utf-8")
        elif form is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
            content = urlencode(_pairs(form)).encode("ascii")
        refresh = self.auth is not None
        failures = 0
        for _ in range(self.retry.tries + 1):
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
            target = _redirect_target(method, url, content, response)
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
        response = self._wire.handle_request(Request(method, url, headers, content, self.timeout))
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

    def create(
        self, resource: Mapping[str, Any], *, if_none_exist: str | None = None
    ) -> dict[str, Any]:
        """Create a resource; with ``if_none_exist`` it is a conditional create (safe to retry)."""
        headers = {"If-None-Exist": if_none_exist} if if_none_exist else None
        kind = str(resource["resourceType"])
        return self._call(
            "POST",
            kind,
            body=resource,
            headers=headers,
            safe=if_none_exist is not None,
            read=lambda a: resource_of(a.body, kind),
        )

    def update(self, resource: Mapping[str, Any]) -> dict[str, Any]:
        """PUT a resource to its id (idempotent)."""
        kind = str(resource["resourceType"])
        return self._call(
            "PUT",
            f"{kind}/{resource['id']}",
            body=resource,
            safe=True,
            read=lambda a: resource_of(a.body, kind),
        )

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
        page, following = self._call(
            "POST",
            f"{resource_type}/_search",
            form=params or {},
            safe=True,
            read=lambda a: searchset_page(a.body, where),
        )
        yield page
        seen: set[str] = set()
        while following is not None:
            if origin(following) != origin(self.base_url) or following in seen:
                raise MalformedResponseError(f"{where}: next link leaves the server or loops")
            seen.add(following)
            page, following = self._next_page(following, where)
            yield page

    def _next_page(self, link: str, where: str) -> tuple[dict[str, Any], str | None]:
        parts = urlsplit(link)
        base_path = urlsplit(self.base_url).path
        relative = parts.path[len(base_path) :] if parts.path.startswith(base_path) else ""
        kind = relative.removesuffix("/_search")
        if parts.query and _RESOURCE_TYPE.fullmatch(kind):
            form = parse_qsl(parts.query, keep_blank_values=True)
            return self._call(
                "POST",
                f"{kind}/_search",
                form=form,
                safe=True,
                read=lambda a: searchset_page(a.body, where),
            )
        return self._call("GET", link, read=lambda a: searchset_page(a.body, where))

    def search(self, resource_type: str, params: Form | None = None) -> Iterator[dict[str, Any]]:
        """Every matching resource (search mode ``match``) across all pages."""
        for page in self.search_pages(resource_type, params):
            for entry in page.get("entry", []):
                if entry.get("search", {}).get("mode", "match") == "match":
                    yield entry["resource"]

    # -- bundles --------------------------------------------------------------------------

    def transaction(self, bundle: Mapping[str, Any]) -> SubmissionResult:
        """POST a transaction Bundle; retried only when every entry is idempotent."""
        return self._call(
            "POST",
            "",
            body=bundle,
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

    def submit(self, bundle: Mapping[str, Any]) -> SubmissionResult:
        """Land a transaction Bundle whatever the server supports, without duplicates.

        Whole, when the server takes transactions of this size; else in dependency-ordered
        chunks (transactions of ``max_transaction_entries``, or one conditional create per
        entry when the server takes no transactions), rewriting urn:uuid references to the
        ids already created. A failure raises :class:`SubmissionIncomplete` listing what
        landed; submitting the same Bundle again resumes without duplicates.
        """
        return submit_bundle(self, bundle)


def _same(answer: _Answer) -> _Answer:
    return answer


def _pairs(form: Form) -> list[tuple[str, str]]:
    """Form parameters as (name, value) pairs; a sequence value repeats its name."""
    if not isinstance(form, Mapping):
        return [(str(k), str(v)) for k, v in form]
    pairs: list[tuple[str, str]] = []
    for name, value in form.items():
        values = [value] if isinstance(value, str) else list(value)
        pairs.extend((name, str(v)) for v in values)
    return pairs


def _redirect_target(
    method: str, url: str, content: bytes | None, response: Response
) -> str | None:
    """Where to go next for a redirect the client may follow; None when it is no redirect."""
    if not 300 <= response.status < 400 or response.status == 304:
        return None
    location = response.header("Location")
    if not location:
        msg = f"{method} {shown(url)}: HTTP {response.status} without a Location"
        raise MalformedResponseError(msg)
    target = urljoin(url, location)
    if (
        method not in ("GET", "HEAD")
        or content is not None
        or response.status not in _FOLLOWED
        or origin(target) != origin(url)
    ):
        raise RedirectRefused(response.status, method, shown(url), host_of(target))
    return target
