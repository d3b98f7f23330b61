"""Bearer and SMART Backend Services auth against a loopback token endpoint that checks the JWT."""

import json
import ssl
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import parse_qs

import jwt
import pytest
import requests
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import rsa

from commcare_ext.client import (
    AuthenticationError,
    BearerToken,
    ConnectError,
    FhirClient,
    RequestsTransport,
    SmartBackendServices,
)
from tests.client.tls import LoopbackTls, make_loopback_tls

TOKEN = "tok-SENTINEL-123"  # noqa: S105 - a sentinel to prove tokens are never shown


@pytest.fixture(scope="module")
def keys() -> tuple[str, str]:
    key = rsa.generate_private_key(public_exponent=65537, key_size=2048)
    private = key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    ).decode()
    public = (
        key.public_key()
        .public_bytes(serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo)
        .decode()
    )
    return private, public


@pytest.fixture
def token_server(keys: tuple[str, str]) -> Iterator[tuple[str, list[dict[str, str]]]]:
    """A token endpoint that verifies the client assertion's signature and claims."""
    with _token_endpoint(keys[1], None) as served:
        yield served


@pytest.fixture
def tls(tmp_path: Path) -> LoopbackTls:
    return make_loopback_tls(tmp_path)


@contextmanager
def _token_endpoint(
    public: str, tls: LoopbackTls | None
) -> Iterator[tuple[str, list[dict[str, str]]]]:
    issued: list[dict[str, str]] = []
    scheme = "https" if tls else "http"

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def do_POST(self) -> None:
            form = {
                k: v[0]
                for k, v in parse_qs(
                    self.rfile.read(int(self.headers["Content-Length"])).decode()
                ).items()
            }
            url = f"{scheme}://127.0.0.1:{self.server.server_address[1]}/token"  # type: ignore[index]
            try:
                claims = jwt.decode(
                    form["client_assertion"],
                    public,
                    algorithms=["RS384"],
                    audience=url,
                    leeway=120,  # the test advances the client's clock to force a refresh
                )
                assert claims["iss"] == claims["sub"] == "clinic-app"
                assert form["grant_type"] == "client_credentials"
                status, body = (
                    200,
                    {
                        "access_token": f"{TOKEN}-{len(issued)}",
                        "expires_in": 60,
                        "token_type": "bearer",
                    },
                )
                issued.append(form)
            except Exception:  # noqa: BLE001 - any bad assertion is a 401 here
                status, body = 401, {"error": "invalid_client"}
            data = json.dumps(body).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    if tls is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(tls.certificate, tls.key)
        server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"{scheme}://127.0.0.1:{server.server_address[1]}/token", issued
    finally:
        server.shutdown()
        server.server_close()


def test_smart_token_is_fetched_cached_and_refreshed(
    keys: tuple[str, str], token_server: tuple[str, list[dict[str, str]]]
) -> None:
    url, issued = token_server
    now = [time.time()]
    auth = SmartBackendServices(
        token_url=url,
        client_id="clinic-app",
        private_key=keys[0],
        key_id="k1",
        clock=lambda: now[0],
    )
    transport = RequestsTransport()
    first = auth.authorization(transport)
    assert first == f"Bearer {TOKEN}-0"
    assert auth.authorization(transport) == first  # cached
    now[0] += 45  # within the 30 s refresh margin of the 60 s lifetime
    assert auth.authorization(transport) == f"Bearer {TOKEN}-1"
    assert len(issued) == 2
    assert TOKEN not in repr(auth)
    assert "PRIVATE KEY" not in repr(auth)


def test_wrong_key_is_refused(token_server: tuple[str, list[dict[str, str]]]) -> None:
    url, _ = token_server
    other = (
        rsa.generate_private_key(public_exponent=65537, key_size=2048)
        .private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        )
        .decode()
    )
    auth = SmartBackendServices(token_url=url, client_id="clinic-app", private_key=other)
    with pytest.raises(AuthenticationError, match="HTTP 401"):
        auth.authorization(RequestsTransport())


@pytest.mark.integration
def test_bearer_token_is_sent_and_never_shown(
    server_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    seen: list[str] = []
    session = requests.Session()
    session.hooks["response"].append(
        lambda r, *a, **k: seen.append(r.request.headers.get("Authorization", ""))
    )
    client = FhirClient(server_url, session=session, auth=BearerToken(TOKEN))
    caplog.set_level("DEBUG", logger="commcare_ext.client")
    client.capabilities()
    assert seen == [f"Bearer {TOKEN}"]
    assert TOKEN not in repr(client)
    assert TOKEN not in caplog.text


@pytest.mark.integration
def test_the_token_request_checks_tls_with_the_clients_verify_setting(
    server_url: str, keys: tuple[str, str], tls: LoopbackTls
) -> None:
    with _token_endpoint(keys[1], tls) as (token_url, issued):
        auth = SmartBackendServices(
            token_url=token_url, client_id="clinic-app", private_key=keys[0]
        )
        FhirClient(server_url, auth=auth, verify=str(tls.ca)).capabilities()
        assert len(issued) == 1  # the token came over TLS checked against our CA
        stranger = SmartBackendServices(
            token_url=token_url, client_id="clinic-app", private_key=keys[0]
        )
        with pytest.raises(ConnectError) as caught:  # default CAs do not know ours: refused
            FhirClient(server_url, auth=stranger).capabilities()
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None
    assert len(issued) == 1
