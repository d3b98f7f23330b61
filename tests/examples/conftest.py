"""The example clinic app on a free loopback port, and clients that talk to it as a browser would
(or as an attacker would: raw sockets for what ``requests`` will not send)."""

import json
import re
import socket
import threading
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, field, replace
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

import pytest
import requests
from examples.clinic_app.assets import LFORMS_FILES
from examples.clinic_app.config import AppConfig
from examples.clinic_app.server import ClinicServer, serve

#: A file in the LHC-Forms tree that the form page does not load: never served.
UNLISTED = ("webcomponent/index.html", "webcomponent/main.js.map", "fhir/STU3/lformsFHIR.min.js")


@pytest.fixture(scope="session")
def lforms_tree(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A stand-in for the unpacked LHC-Forms tarball: listed and unlisted files, small."""
    root = tmp_path_factory.mktemp("lforms")
    for name in (*LFORMS_FILES, *UNLISTED):
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(f"/* {name} */".encode())
    return root


@dataclass
class Reply:
    """An answer as it came over the socket."""

    status: int
    headers: dict[str, str]
    body: bytes

    def json(self) -> Any:
        return json.loads(self.body)


@dataclass
class App:
    """A running app and what a page of it knows: its address, Origin and CSRF token."""

    server: ClinicServer
    token: str

    @property
    def port(self) -> int:
        return int(self.server.server_address[1])

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def page_headers(self, content_type: str = "application/fhir+json") -> dict[str, str]:
        """The headers the app's own page sends with a write."""
        return {
            "Origin": self.url,
            "Sec-Fetch-Site": "same-origin",
            "X-CSRF-Token": self.token,
            "Content-Type": content_type,
        }

    def post(self, path: str, body: bytes | str, **headers: str) -> requests.Response:
        """POST as the app's page does, with ``headers`` changed (an empty value drops one)."""
        sent = self.page_headers() | {k.replace("_", "-"): v for k, v in headers.items()}
        sent = {k: v for k, v in sent.items() if v}
        data = body.encode("utf-8") if isinstance(body, str) else body
        return requests.post(self.url + path, data=data, headers=sent, timeout=30)

    def raw(self, request: bytes, *, shut: bool = False) -> Reply:
        """Send bytes as they are; read the answer until the app closes the connection."""
        with socket.create_connection(("127.0.0.1", self.port), timeout=15) as sock:
            sock.sendall(request)
            if shut:
                sock.shutdown(socket.SHUT_WR)
            chunks = []
            while chunk := sock.recv(65536):
                chunks.append(chunk)
        data = b"".join(chunks)
        head, _, body = data.partition(b"\r\n\r\n")
        lines = head.decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1."), data[:200]
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        return Reply(int(lines[0].split()[1]), headers, body)

    def request_head(self, method: str, path: str, **headers: str) -> bytes:
        """A request head with this app's Host unless ``headers`` say otherwise."""
        sent = {"Host": f"127.0.0.1:{self.port}"} | {
            k.replace("_", "-"): v for k, v in headers.items()
        }
        lines = [f"{method} {path} HTTP/1.1", *(f"{k}: {v}" for k, v in sent.items())]
        return ("\r\n".join(lines) + "\r\n\r\n").encode("utf-8")


@contextmanager
def running(config: AppConfig) -> Iterator[App]:
    """Serve ``config`` on a free loopback port for the duration of the block."""
    server = serve(replace(config, port=0))
    # A short poll keeps shutdown() quick: many tests start an app of their own.
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        port = server.server_address[1]
        host = {"Host": f"{config.allowed_hosts[0]}:{port}"} if config.allowed_hosts else {}
        page = requests.get(f"http://127.0.0.1:{port}/", headers=host, timeout=30).text
        token = re.search(r'<meta name="csrf-token" content="([^"]+)">', page)
        assert token is not None
        yield App(server, token[1])
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def start_app(lforms_tree: Path) -> Iterator[Callable[..., App]]:
    """Start apps with the given settings (stand-in LHC-Forms files); all stop after the test."""
    with ExitStack() as stack:

        def start(**settings: Any) -> App:
            return stack.enter_context(running(AppConfig(assets=lforms_tree, **settings)))

        yield start


@pytest.fixture
def app(start_app: Callable[..., App]) -> App:
    """The app as ``./scripts/clinic-app`` starts it, with no FHIR server configured."""
    return start_app()


@dataclass
class Recorder:
    """A loopback HTTP server that answers 400 to everything and remembers what it was sent."""

    server: ThreadingHTTPServer
    requests: list[tuple[str, str, bytes]] = field(default_factory=list)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}/fhir/"


@contextmanager
def recording_server() -> Iterator[Recorder]:
    """Run a :class:`Recorder` for the duration of the block."""
    seen: list[tuple[str, str, bytes]] = []

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _record(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            seen.append((self.command, self.path, self.rfile.read(length)))
            body = b'{"resourceType": "OperationOutcome"}'
            self.send_response(400)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = do_PUT = _record  # noqa: N815 - stdlib's method names

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, args=(0.02,), daemon=True)
    thread.start()
    try:
        yield Recorder(server, seen)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=10)


@pytest.fixture
def recorders() -> Iterator[tuple[Recorder, Recorder]]:
    """Two recording servers: the one configured at start, and one a request might name."""
    with recording_server() as configured, recording_server() as named:
        yield configured, named


def free_port() -> int:
    """A loopback port nothing listens on (bound, then released)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])
