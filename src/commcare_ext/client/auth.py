"""Authentication: a static bearer token, or SMART Backend Services (client credentials + JWT).

Tokens never appear in reprs, logs or exception messages.
"""

import time
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import requests

from commcare_ext.client.errors import AuthenticationError, ConnectError, MalformedResponseError


class Auth(Protocol):
    """Supplies the Authorization header; ``invalidate`` drops a token the server refused."""

    def authorization(self, session: requests.Session) -> str:
        """The Authorization header value."""
        ...

    def invalidate(self) -> None:
        """Forget any cached token (after a 401)."""
        ...


class BearerToken:
    """A fixed bearer token (e.g. issued by the EHR for a service account)."""

    def __init__(self, token: str) -> None:
        self._token = token

    def authorization(self, session: requests.Session) -> str:
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

    def authorization(self, session: requests.Session) -> str:
        """The Authorization header value, fetching a new token when needed."""
        if self._token is None or self.clock() >= self._expires_at - self.refresh_margin:
            self._fetch(session)
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

    def _fetch(self, session: requests.Session) -> None:
        form = {
            "grant_type": "client_credentials",
            "scope": self.scope,
            "client_assertion_type": "urn:ietf:params:oauth:client-assertion-type:jwt-bearer",
            "client_assertion": self.client_assertion(),
        }
        try:
            response = session.post(self.token_url, data=form, timeout=self.timeout)
        except requests.RequestException as exc:
            raise ConnectError("token endpoint unreachable") from exc
        if response.status_code in (400, 401, 403):
            raise AuthenticationError(response.status_code, (), "POST", "token endpoint")
        try:
            body = response.json()
            token = body["access_token"]
            lifetime = float(body.get("expires_in", 300))
        except (ValueError, KeyError, TypeError) as exc:
            raise MalformedResponseError("token endpoint answered without an access_token") from exc
        self._token = str(token)
        self._expires_at = self.clock() + lifetime
