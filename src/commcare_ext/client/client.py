"""A FHIR R4 REST client over ``requests``: capability check, CRUD, search, transactions.

Every request has a timeout; TLS is verified unless the caller says otherwise; retries
follow one injected :class:`RetryPolicy` and repeat only safe requests. Logs name the
method, resource path and status — never query strings, bodies or tokens.
"""

import json
import logging
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin, urlsplit

import requests

from commcare_ext.client.auth import Auth
from commcare_ext.client.bundles import dependency_order, is_idempotent, resolve
from commcare_ext.client.errors import (
    AuthenticationError,
    CapabilityError,
    ConnectError,
    FhirClientError,
    MalformedResponseError,
    RateLimited,
    RequestTimeout,
    ServerError,
    TransportError,
)
from commcare_ext.client.outcome import error_for
from commcare_ext.client.retry import RetryPolicy

log = logging.getLogger("commcare_ext.client")

_FHIR_JSON = "application/fhir+json"


@dataclass(frozen=True, slots=True)
class Timeout:
    """Connect and read timeouts in seconds (both always set)."""

    connect: float = 5.0
    read: float = 30.0


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


class SubmissionIncomplete(FhirClientError):
    """Part of a Bundle landed before a failure; ``landed`` lists those fullUrls.

    Re-submitting the same Bundle is safe: its entries are conditional creates, so the
    landed ones are found again, not duplicated.
    """

    def __init__(self, landed: SubmissionResult, cause: FhirClientError) -> None:
        self.landed = landed
        self.cause = cause
        super().__init__(f"{len(landed.references)} entries landed before: {type(cause).__name__}")


@dataclass
class FhirClient:
    """Talk to one FHIR R4 server. Pass your own ``session`` for proxies or certificates."""

    base_url: str
    session: requests.Session = field(default_factory=requests.Session)
    auth: Auth | None = None
    retry: RetryPolicy = field(default_factory=RetryPolicy)
    timeout: Timeout = field(default_factory=Timeout)
    verify: bool | str = True
    max_transaction_entries: int | None = None
    sleep: Any = time.sleep
    _capabilities: Capabilities | None = field(default=None, init=False, repr=False)

    def __post_init__(self) -> None:
        self.base_url = self.base_url.rstrip("/") + "/"

    # -- requests -------------------------------------------------------------------------

    def request(
        self,
        method: str,
        path: str,
        *,
        body: Any = None,
        params: Mapping[str, str] | None = None,
        headers: Mapping[str, str] | None = None,
        safe: bool | None = None,
    ) -> tuple[int, Any, Mapping[str, str]]:
        """Send one request with retries; return (status, parsed JSON or None, headers)."""
        is_safe = method in ("GET", "HEAD") if safe is None else safe
        url = path if path.startswith(("http://", "https://")) else urljoin(self.base_url, path)
        shown = urlsplit(url).path
        attempt = 0
        refreshed = False
        while True:
            attempt += 1
            try:
                return self._send_once(method, url, shown, body, params, headers)
            except AuthenticationError:
                if self.auth is not None and not refreshed:
                    refreshed = True
                    self.auth.invalidate()
                    continue
                raise
            except (TransportError, RateLimited, ServerError, MalformedResponseError) as error:
                if not self.retry.allows(attempt, safe=is_safe):
                    raise
                wait = self.retry.delay(
                    attempt, error.retry_after if isinstance(error, RateLimited) else None
                )
                log.info(
                    "retrying %s %s after %s (attempt %d, wait %.2fs)",
                    method,
                    shown,
                    type(error).__name__,
                    attempt,
                    wait,
                )
                self.sleep(wait)

    def _send_once(  # noqa: PLR0917 - private; mirrors request()'s parts
        self,
        method: str,
        url: str,
        shown: str,
        body: Any,
        params: Mapping[str, str] | None,
        headers: Mapping[str, str] | None,
    ) -> tuple[int, Any, Mapping[str, str]]:
        sent = {"Accept": _FHIR_JSON, **(headers or {})}
        data = None
        if body is not None:
            sent["Content-Type"] = _FHIR_JSON
            data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        if self.auth is not None:
            sent["Authorization"] = self.auth.authorization(self.session)
        try:
            response = self.session.request(
                method,
                url,
                data=data,
                params=params,
                headers=sent,
                timeout=(self.timeout.connect, self.timeout.read),
                verify=self.verify,
            )
            raw = response.content
        except requests.Timeout as exc:
            raise RequestTimeout(f"{method} {shown} timed out") from exc
        except requests.RequestException as exc:
            raise ConnectError(f"{method} {shown} failed: {type(exc).__name__}") from exc
        log.debug("%s %s -> %d", method, shown, response.status_code)
        parsed = None
        if raw:
            try:
                parsed = json.loads(raw)
            except ValueError as exc:
                if response.status_code < 400:
                    raise MalformedResponseError(f"{method} {shown}: body is not JSON") from exc
        if response.status_code >= 400:
            raise error_for(
                response.status_code, parsed, method, shown, response.headers.get("Retry-After")
            )
        return response.status_code, parsed, response.headers

    # -- capability -----------------------------------------------------------------------

    def capabilities(self) -> Capabilities:
        """Read (once) and summarise the server's CapabilityStatement."""
        if self._capabilities is None:
            _, body, _ = self.request("GET", "metadata")
            if not isinstance(body, dict) or body.get("resourceType") != "CapabilityStatement":
                raise MalformedResponseError("GET metadata: not a CapabilityStatement")
            rest: dict[str, Any] = next(
                (r for r in body.get("rest", []) if r.get("mode") == "server"), {}
            )
            codes = {i.get("code") for i in rest.get("interaction", [])}
            self._capabilities = Capabilities(
                fhir_version=str(body.get("fhirVersion", "")),
                transaction="transaction" in codes,
                batch="batch" in codes,
                resource_types=frozenset(r.get("type") for r in rest.get("resource", [])),
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
        _, body, _ = self.request("GET", f"{resource_type}/{resource_id}")
        return _resource(body, resource_type)

    def create(
        self, resource: Mapping[str, Any], *, if_none_exist: str | None = None
    ) -> dict[str, Any]:
        """Create a resource; with ``if_none_exist`` it is a conditional create (safe to retry)."""
        headers = {"If-None-Exist": if_none_exist} if if_none_exist else None
        kind = str(resource["resourceType"])
        _, body, _ = self.request(
            "POST", kind, body=resource, headers=headers, safe=if_none_exist is not None
        )
        return _resource(body, kind)

    def update(self, resource: Mapping[str, Any]) -> dict[str, Any]:
        """PUT a resource to its id (idempotent)."""
        kind = str(resource["resourceType"])
        _, body, _ = self.request("PUT", f"{kind}/{resource['id']}", body=resource, safe=True)
        return _resource(body, kind)

    def search(
        self, resource_type: str, params: Mapping[str, str] | None = None
    ) -> Iterator[dict[str, Any]]:
        """Every matching resource, following ``next`` links on this server only."""
        _, page, _ = self.request("GET", resource_type, params=params)
        while True:
            if not isinstance(page, dict) or page.get("resourceType") != "Bundle":
                raise MalformedResponseError(f"search {resource_type}: not a Bundle")
            for entry in page.get("entry", []):
                if entry.get("search", {}).get("mode", "match") == "match":
                    yield entry["resource"]
            following = next(
                (link["url"] for link in page.get("link", []) if link.get("relation") == "next"),
                None,
            )
            if following is None:
                return
            if urlsplit(following).netloc != urlsplit(self.base_url).netloc:
                raise MalformedResponseError("search: next link points to another server")
            _, page, _ = self.request("GET", following)

    # -- bundles --------------------------------------------------------------------------

    def transaction(self, bundle: Mapping[str, Any]) -> SubmissionResult:
        """POST a transaction Bundle; retried only when every entry is idempotent."""
        _, body, _ = self.request("POST", "", body=bundle, safe=is_idempotent(bundle))
        return _mapping(bundle, body, "transaction")

    def batch(self, bundle: Mapping[str, Any]) -> dict[str, Any]:
        """POST a batch Bundle; returns the batch-response Bundle."""
        batch = {**bundle, "type": "batch"}
        _, body, _ = self.request("POST", "", body=batch, safe=is_idempotent(batch))
        if not isinstance(body, dict):
            raise MalformedResponseError("batch: no response Bundle")
        return body

    def submit(self, bundle: Mapping[str, Any]) -> SubmissionResult:
        """Land a transaction Bundle whatever the server supports, without duplicates.

        Whole, when the server takes transactions of this size; else in dependency-ordered
        chunks (transactions of ``max_transaction_entries``, or one conditional create per
        entry when the server takes no transactions), rewriting urn:uuid references to the
        ids already created. A failure raises :class:`SubmissionIncomplete` listing what
        landed; submitting the same Bundle again resumes without duplicates.
        """
        if not is_idempotent(bundle):
            msg = "submit() needs conditional creates or PUTs so that it can resume safely"
            raise ValueError(msg)
        capabilities = self.require_r4()
        entries = list(bundle.get("entry", []))
        limit = self.max_transaction_entries
        if capabilities.transaction and (limit is None or len(entries) <= limit):
            return self.transaction(bundle)
        size = (limit or 1) if capabilities.transaction else 1
        references: dict[str, str] = {}
        statuses: dict[str, str] = {}
        mode = "chunked-transaction" if capabilities.transaction else "individual"
        ordered = dependency_order(entries)
        try:
            for start in range(0, len(ordered), size):
                chunk = [resolve(e, references) for e in ordered[start : start + size]]
                if capabilities.transaction:
                    landed = self.transaction({**bundle, "entry": chunk})
                    references.update(landed.references)
                    statuses.update(landed.statuses)
                else:
                    for entry in chunk:
                        reference, status = self._one(entry)
                        references[entry["fullUrl"]] = reference
                        statuses[entry["fullUrl"]] = status
        except FhirClientError as error:
            raise SubmissionIncomplete(
                SubmissionResult(references, statuses, mode), error
            ) from error
        return SubmissionResult(references, statuses, mode)

    def _one(self, entry: Mapping[str, Any]) -> tuple[str, str]:
        request = entry["request"]
        resource = entry["resource"]
        if request["method"] == "PUT":
            status, body, _ = self.request("PUT", request["url"], body=resource, safe=True)
        else:
            status, body, _ = self.request(
                "POST",
                request["url"],
                body=resource,
                headers={"If-None-Exist": request["ifNoneExist"]},
                safe=True,
            )
        created = _resource(body, str(resource["resourceType"]))
        return f"{created['resourceType']}/{created['id']}", str(status)


def _resource(body: Any, kind: str) -> dict[str, Any]:
    if not isinstance(body, dict) or body.get("resourceType") != kind or "id" not in body:
        raise MalformedResponseError(f"expected a {kind} with an id")
    return body


def _mapping(bundle: Mapping[str, Any], body: Any, mode: str) -> SubmissionResult:
    if not isinstance(body, dict) or body.get("resourceType") != "Bundle":
        raise MalformedResponseError("transaction: no response Bundle")
    sent = bundle.get("entry", [])
    got = body.get("entry", [])
    if len(sent) != len(got):
        raise MalformedResponseError("transaction: response entries do not match the request")
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    for request_entry, response_entry in zip(sent, got, strict=True):
        response = response_entry.get("response", {})
        location = response.get("location") or ""
        resource = response_entry.get("resource") or {}
        if resource.get("id"):
            reference = f"{resource['resourceType']}/{resource['id']}"
        else:
            parts = location.split("/_history")[0].split("/")
            reference = "/".join(parts[-2:]) if len(parts) >= 2 else ""
        if not reference:
            raise MalformedResponseError("transaction: an entry came back without a location")
        references[request_entry["fullUrl"]] = reference
        statuses[request_entry["fullUrl"]] = str(response.get("status", ""))
    return SubmissionResult(references, statuses, mode)
