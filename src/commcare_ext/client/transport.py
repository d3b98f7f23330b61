"""The transport: the one method between the client and the network.

``handle_request(Request) -> Response`` is the whole seam (as in httpx), so the client's
retry, redirect and error logic runs unchanged over any implementation — a test can pass
a real in-process one and step a clock instead of waiting. A transport sends exactly one
request: it never follows a redirect and never retries. It raises only
:class:`TransportError`, whose message names the method and path and nothing else: no
query string (it carries names and identifiers), and no chained foreign exception (a
``requests`` error quotes the whole URL).
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Protocol
from urllib.parse import urlsplit

import requests

from commcare_ext.client.errors import (
    ConnectError,
    RequestTimeout,
    ResponseTooLarge,
    TransportError,
)

#: Raw bytes read at a time: even a maximally compressed chunk inflates to a few MB only.
_CHUNK = 16 * 1024


@dataclass(frozen=True, slots=True)
class Timeout:
    """Connect and read timeouts in seconds (both always set)."""

    connect: float = 5.0
    read: float = 30.0


@dataclass(frozen=True, slots=True)
class Request:
    """One HTTP request, ready to send: the body is already bytes."""

    method: str
    url: str
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes | None = None
    timeout: Timeout = field(default_factory=Timeout)
    #: The most bytes of (decompressed) answer to read; a longer one is ResponseTooLarge.
    max_response_bytes: int | None = None

    def __repr__(self) -> str:
        return f"Request({self.method!r}, {shown(self.url)!r})"


@dataclass(frozen=True, slots=True)
class Response:
    """One HTTP answer. Header names are matched without regard to case."""

    status: int
    headers: Mapping[str, str] = field(default_factory=dict)
    content: bytes = b""

    def header(self, name: str) -> str | None:
        """The value of header ``name`` (any case), or None."""
        wanted = name.lower()
        return next((v for k, v in self.headers.items() if k.lower() == wanted), None)

    def __repr__(self) -> str:
        return f"Response({self.status})"


class Transport(Protocol):
    """Sends one request and returns its answer, whatever the status.

    Implementations must not follow redirects (the client decides) and must raise only
    ``TransportError`` (``ConnectError``, ``RequestTimeout``) when no answer came.
    """

    def handle_request(self, request: Request) -> Response:
        """Send ``request`` once; return the server's answer."""
        ...


class RequestsTransport:
    """The default transport, over a ``requests.Session`` (yours, for proxies or certificates).

    ``verify`` is passed on every request (True, False or a CA bundle path), so every
    request made through this transport — FHIR calls and SMART token requests alike —
    checks TLS the same way.
    """

    def __init__(self, session: requests.Session | None = None, *, verify: bool | str = True):
        self.session = session if session is not None else requests.Session()
        self.verify = verify

    def handle_request(self, request: Request) -> Response:
        """Send ``request`` once with ``requests``, redirects off."""
        failure: TransportError | None = None
        try:
            answer = self.session.request(
                request.method,
                request.url,
                data=request.content,
                headers=dict(request.headers),
                timeout=(request.timeout.connect, request.timeout.read),
                verify=self.verify,
                allow_redirects=False,
                stream=True,
            )
            with answer:
                content = _read_capped(answer, request)
        except requests.Timeout:
            failure = RequestTimeout(f"{request.method} {shown(request.url)} timed out")
        except requests.RequestException as exc:
            failure = ConnectError(
                f"{request.method} {shown(request.url)} failed: {type(exc).__name__}"
            )
        if failure is not None:
            raise failure  # raised outside ``except``: the requests error (with the URL) stays out
        return Response(answer.status_code, dict(answer.headers), content)

    def __repr__(self) -> str:
        return f"RequestsTransport(verify={self.verify!r})"


def _read_capped(answer: requests.Response, request: Request) -> bytes:
    """The decoded body, read chunk by chunk and abandoned past ``max_response_bytes``."""
    limit = request.max_response_bytes
    chunks: list[bytes] = []
    size = 0
    for chunk in answer.iter_content(_CHUNK):
        size += len(chunk)
        if limit is not None and size > limit:
            raise ResponseTooLarge(request.method, shown(request.url), limit)
        chunks.append(chunk)
    return b"".join(chunks)


def shown(url: str) -> str:
    """The part of ``url`` safe to show in logs and errors: its path, never its query."""
    return urlsplit(url).path or "/"


def host_of(url: str) -> str:
    """The host (and port, if given) of ``url``: never its user info, path or query."""
    parts = urlsplit(url)
    try:
        port = parts.port
    except ValueError:
        port = None
    host = parts.hostname or "?"
    return f"{host}:{port}" if port else host


def origin(url: str) -> tuple[str, str, int | None]:
    """Scheme, host and port of ``url`` (default ports made explicit), for same-origin checks."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    default = {"http": 80, "https": 443}.get(scheme)
    try:
        port = parts.port or default
    except ValueError:  # a port that is not a number: an origin that matches nothing
        port = -1
    return scheme, (parts.hostname or "").lower(), port
