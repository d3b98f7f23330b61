"""Authentication: a static bearer token, or SMART Backend Services (client credentials + JWT).

Tokens never appear in reprs, logs or exception messages.
"""

import math
import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol
from urllib.parse import urlencode

from commcare_ext.client.errors import AuthenticationError, MalformedResponseError
from commcare_ext.client.transport import Request, Timeout, Transport
from commcare_ext.fhir.json_text import JsonTextError, parse_json


class Auth(Protocol):
    """Supplies the Authorization header; ``invalidate`` drops a token the server refused."""

    def authorization(self, transport: Transport) -> str:
        """The Authorization header value; a token request goes through ``transport``."""
        ...

    def invalidate(self) -> None:
        """Forget any cached token (after a 401)."""
        ...


class BearerToken:
    """A fixed bearer token (e.g. issued by the EHR for a service account)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def authorization(self, transport: Transport) -> str:
        """The Authorization header value."""
        return f"Bearer {self._token}"

    def invalidate(self) -> None:
        """A static token cannot be refreshed; nothing to forget."""

    def __repr__(self) -> str:
        return "BearerToken(<hidden>)"


@dataclass
class SmartBackendServices:
    """SMART Backend Services: a signed JWT client assertion exchanged for an access token.

    The token is cached until ``refresh_margin`` seconds before it expires. Signing uses
    PyJWT (``pip install commcare-ext[smart]``), RS384 or ES384 as the SMART spec requires.
    """

    token_url: str
    client_id: str
    private_key: str = field(repr=False)
    key_id: str | None = None
    algorithm: str = "RS384"
    scope: str = "system/*.rs system/*.cu"
    refresh_margin: float = 30.0
    timeout: float = 10.0
    clock: Callable[[], float] = time.time
    _token: str | None = field(default=None, repr=False, init=False)
    _expires_at: float = field(default=0.0, repr=False, init=False)

    def authorization(self, transport: Transport) -> str:
        """The Authorization header value, fetching a new token when needed.

        The token request goes through the FHIR client's own ``transport``, so it checks
        TLS with the same ``verify`` setting and, like every request, follows no redirect.
        """
        if self._token is None or self.clock() >= self._expires_at - self.refresh_margin:
            self._fetch(transport)
        return f"Bearer {self._token}"

    def invalidate(self) -> None:
        """Forget the cached token so the next request fetches a new one."""
        self._token = None

    def client_assertion(self) -> str:
        """The signed JWT that authenticates this client to the token endpoint."""
        try:
            import jwt  # noqa: PLC0415 - optional dependency, only for SMART auth
        except ImportError as exc:  # pragma: no cover - depends on the install
            msg = "SMART Backend Services needs PyJWT: pip install 'commcare-ext[smart]'"
            raise RuntimeError(msg) from exc
        now = int(self.clock())
        claims = {
            "iss": self.client_id,
            "sub": self.client_id,
            "aud": self.token_url,
            "exp": now + 300,
            "iat": now,
            "jti": str(uuid.uuid4()),
        }
        headers = {"kid": self.key_id} if self.key_id else None
        return jwt.encode(claims, self.private_key, algorithm=self.algorithm, headers=headers)

    def _fetch(self, transport: Transport) -> None:
        form = {
            "grant_type": "client_credentials",
            "scope": self.scope,
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": self.client_assertion(),
        }
        request = Request(
            "POST",
            self.token_url,
            {"Content-Type": "application/x-www-form-urlencoded", "Accept": "application/json"},
            urlencode(form).encode("ascii"),
            Timeout(connect=self.timeout, read=self.timeout),
        )
        response = transport.handle_request(request)
        if response.status in (400, 401, 403):
            raise AuthenticationError(response.status, (), "POST", "token endpoint")
        token, lifetime = _token_answer(response.status, response.content)
        self._token = token
        self._expires_at = self.clock() + lifetime


def _token_answer(status: int, content: bytes) -> tuple[str, float]:
    """The access token and its lifetime from a token endpoint's JSON answer."""
    body: Any = None
    try:
        body = parse_json(content, source="token endpoint")
    except JsonTextError:
        body = None
    token = body.get("access_token") if isinstance(body, dict) else None
    lifetime = body.get("expires_in", 300) if isinstance(body, dict) else None
    if (
        status != 200
        or not isinstance(token, str)
        or not token
        or isinstance(lifetime, bool)
        or not isinstance(lifetime, int | float)
        or not math.isfinite(lifetime)
        or lifetime <= 0
    ):
        msg = f"token endpoint answered HTTP {status} without a usable access_token"
        raise MalformedResponseError(msg)
    return token, float(lifetime)
