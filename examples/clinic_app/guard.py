"""The checks every request passes before the app looks at it; each refusal is an HTTP answer.

A browser will send a request to this app from any page the clinician has open. So a write
(``POST``) must prove it comes from the app's own page twice over: the ``Origin`` (and, when the
browser sends it, ``Sec-Fetch-Site``) must be the app's own, and it must carry the CSRF token
that only the app's own pages hold. It must be JSON, which an HTML form on another site cannot
send without a CORS preflight. Every request must name one of the configured hosts, which stops
DNS rebinding. Refusals quote nothing from the request, so no patient data reaches an error.
"""

import hmac
import ipaddress
import json
import re
from collections.abc import Iterable
from email.message import Message
from http import HTTPStatus
from typing import Any, NoReturn

#: Sent with every answer, errors included. The app's pages load scripts only from the app
#: itself; LHC-Forms and the summary page put styles inline, so styles may be inline.
SECURITY_HEADERS: tuple[tuple[str, str], ...] = (
    (
        "Content-Security-Policy",
        "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
        "img-src 'self' data:; font-src 'self'; connect-src 'self'; form-action 'self'; "
        "frame-ancestors 'none'; base-uri 'none'",
    ),
    ("X-Frame-Options", "DENY"),
    ("X-Content-Type-Options", "nosniff"),
    ("Referrer-Policy", "no-referrer"),
    ("Cross-Origin-Opener-Policy", "same-origin"),
    ("Cross-Origin-Resource-Policy", "same-origin"),
)

#: The media types a write may carry.
JSON_TYPES = frozenset({"application/json", "application/fhir+json"})
#: The header the app's pages put the CSRF token in.
CSRF_HEADER = "X-CSRF-Token"

_DIGITS = re.compile(r"[0-9]{1,15}")


class Refused(Exception):  # noqa: N818 - a refusal is an answer, not a failure of the app
    """A request the app will not serve: ``status`` and a short ``reason`` for the answer."""

    def __init__(self, status: HTTPStatus, reason: str) -> None:
        self.status = status
        self.reason = reason
        super().__init__(f"{int(status)} {reason}")


def _refuse(status: HTTPStatus, reason: str) -> NoReturn:
    raise Refused(status, reason)


def host_values(names: Iterable[str], port: int) -> frozenset[str]:
    """The ``Host`` header values that name this app: each host name with the bound port."""
    values: set[str] = set()
    for name in names:
        try:
            host = f"[{name}]" if ipaddress.ip_address(name).version == 6 else name
        except ValueError:
            host = name.lower()
        values.add(f"{host}:{port}")
        if port == 80:
            values.add(host)
    return frozenset(values)


def origins_for(hosts: Iterable[str]) -> frozenset[str]:
    """The ``Origin`` values of the app's own pages, for the given ``Host`` values."""
    return frozenset(f"http://{host}" for host in hosts)


def check_host(headers: Message, allowed: frozenset[str]) -> None:
    """Exactly one ``Host`` header, naming this app (400 otherwise)."""
    values = headers.get_all("Host") or []
    if len(values) != 1 or values[0].strip().lower() not in allowed:
        _refuse(HTTPStatus.BAD_REQUEST, "unknown Host")


def check_same_origin(headers: Message, origins: frozenset[str]) -> None:
    """A write from the app's own page: its ``Origin``, and ``Sec-Fetch-Site`` if sent (403)."""
    site = headers.get("Sec-Fetch-Site")
    if site is not None and site.strip().lower() != "same-origin":
        _refuse(HTTPStatus.FORBIDDEN, "cross-site request refused")
    values = headers.get_all("Origin") or []
    if not values:
        _refuse(HTTPStatus.FORBIDDEN, "Origin header required")
    if len(values) != 1 or values[0].strip() not in origins:
        _refuse(HTTPStatus.FORBIDDEN, "cross-origin request refused")


def check_csrf(headers: Message, token: str) -> None:
    """The CSRF token of this app's pages, compared in constant time (403)."""
    values = headers.get_all(CSRF_HEADER) or []
    given = values[0].strip() if len(values) == 1 else ""
    if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
        _refuse(HTTPStatus.FORBIDDEN, "missing or wrong CSRF token")


def check_json(headers: Message) -> None:
    """A JSON body (``application/json`` or ``application/fhir+json``, UTF-8) (415)."""
    media, _, params = (headers.get("Content-Type") or "").partition(";")
    if media.strip().lower() not in JSON_TYPES:
        _refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send application/json")
    for param in params.split(";"):
        key, _, value = param.partition("=")
        if key.strip().lower() == "charset" and value.strip().strip('"').lower() != "utf-8":
            _refuse(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, "send UTF-8")


def body_length(headers: Message, limit: int) -> int:
    """The declared body length: missing 411, malformed or ambiguous 400, over ``limit`` 413.

    Chunked bodies are refused (411) rather than parsed: one plain ``Content-Length`` leaves
    no room for request smuggling between a proxy and this server.
    """
    lengths = headers.get_all("Content-Length") or []
    if headers.get_all("Transfer-Encoding"):
        if lengths:
            _refuse(HTTPStatus.BAD_REQUEST, "both Transfer-Encoding and Content-Length")
        _refuse(HTTPStatus.LENGTH_REQUIRED, "Content-Length required")
    if not lengths:
        _refuse(HTTPStatus.LENGTH_REQUIRED, "Content-Length required")
    if len(lengths) != 1 or not _DIGITS.fullmatch(lengths[0].strip()):
        _refuse(HTTPStatus.BAD_REQUEST, "malformed Content-Length")
    length = int(lengths[0])
    if length > limit:
        _refuse(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, f"body over {limit} bytes")
    return length


def _no_constant(name: str) -> NoReturn:
    msg = f"{name} is not JSON"
    raise ValueError(msg)


def read_json(body: bytes) -> dict[str, Any]:
    """The body as a JSON object (400 otherwise).

    The refusal is raised outside the ``except`` so it does not chain the parser's error,
    which holds the whole body.
    """
    try:
        value = json.loads(body.decode("utf-8"), parse_constant=_no_constant)
    except UnicodeDecodeError:
        reason = "body is not UTF-8"
    except (ValueError, RecursionError):
        reason = "body is not JSON"
    else:
        if isinstance(value, dict):
            return value
        reason = "body must be a JSON object"
    raise Refused(HTTPStatus.BAD_REQUEST, reason)
