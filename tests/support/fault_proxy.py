"""A loopback proxy in front of the real test server that injects faults on cue.

The real server cannot be told to fail, so this forwards requests to it and, per request,
can instead: answer 5xx, 429, a rejection, a redirect to another origin, or an odd
OperationOutcome (*early* faults: the server never sees the request); or, after the server
acted (*late* faults): stall until the client gives up, reset the connection mid-response,
or answer malformed or odd JSON in place of the real answer. ``max_entries`` makes it
refuse every transaction larger than that, as Medplum does above 8. Requests that reach the
server really change it, so tests can count what landed.
"""

import json
import socket
import struct
import threading
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import requests

_TRANSIENT = (
    b'{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}'
)
_REJECTED = (
    b'{"resourceType":"OperationOutcome","issue":[{"severity":"error",'
    b'"code":"business-rule","expression":["Bundle.entry[0].resource"],'
    b'"diagnostics":"rejected by policy"}]}'
)
_TOO_MANY = (
    b'{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",'
    b'"details":{"text":"Transaction requires strict isolation but has too many entries"}}]}'
)
#: Early odd answers: (status, body, headers) that FHIR does not allow.
_ODD_EARLY: dict[str, tuple[int, bytes, dict[str, str]]] = {
    "odd:outcome": (
        422,
        b'{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"invalid",'
        b'"details":"not a CodeableConcept","expression":5}]}',
        {},
    ),
    "odd:issues": (400, b'{"resourceType":"OperationOutcome","issue":"everything"}', {}),
    "odd:retry-after": (429, b"", {"Retry-After": "nan"}),
    "odd:retry-after-negative": (429, b"", {"Retry-After": "-5"}),
}


def _entries(mangle: Callable[[Any], Any]) -> Callable[[Any], Any]:
    def odd(body: Any) -> Any:
        return {**body, "entry": [mangle(e) for e in body.get("entry", [])]}

    return odd


#: Late odd answers: the real answer, mangled into a shape FHIR does not allow.
_ODD_LATE: dict[str, Callable[[Any], Any]] = {
    "odd:entries": _entries(lambda _e: "created"),
    "odd:response": _entries(lambda e: {**e, "response": "201 Created"}),
    "odd:status": _entries(lambda e: {**e, "response": {**e.get("response", {}), "status": 201}}),
    "odd:location": _entries(lambda e: {"response": {"status": "201 Created", "location": 7}}),
    "odd:list": lambda body: [body],
    "odd:capability": lambda body: {**body, "rest": {"mode": "server"}},
}
ODD_KINDS = sorted([*_ODD_EARLY, *_ODD_LATE])


class FaultPlan:
    """A queue of faults, consumed one per request; an empty queue forwards normally."""

    def __init__(self, *faults: str, max_entries: int | None = None) -> None:
        self._faults: deque[str] = deque(faults)
        self._lock = threading.Lock()
        self.max_entries = max_entries
        self.injected: list[str] = []
        self.requests = 0
        #: transactions refused for their size (``max_entries``)
        self.too_large = 0
        #: requests that reached the trap (another origin a redirect points to): "METHOD bytes"
        self.trapped: list[str] = []
        self.trap_url = ""

    def next(self) -> str:
        with self._lock:
            self.requests += 1
            fault = self._faults.popleft() if self._faults else "ok"
            if fault != "ok":
                self.injected.append(fault)
            return fault

    def add(self, *faults: str) -> None:
        with self._lock:
            self._faults.extend(faults)

    def refuses(self, body: bytes | None) -> bool:
        """Whether ``body`` is a transaction larger than ``max_entries``."""
        if self.max_entries is None or not body:
            return False
        try:
            bundle = json.loads(body)
        except ValueError:
            return False
        too_large = (
            isinstance(bundle, dict)
            and bundle.get("type") == "transaction"
            and len(bundle.get("entry", [])) > self.max_entries
        )
        if too_large:
            with self._lock:
                self.too_large += 1
        return too_large


def _handler(upstream: str, plan: FaultPlan) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _forward(self, body: bytes | None) -> requests.Response:
            # Host goes through, as from a reverse proxy: the server's links point back here.
            headers = {k: v for k, v in self.headers.items() if k.lower() != "content-length"}
            return requests.request(
                self.command,
                upstream + self.path.lstrip("/"),
                data=body,
                headers=headers,
                timeout=30,
            )

        def _reply(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", "application/fhir+json")
            self.send_header("Content-Length", str(len(body)))
            for key, value in (headers or {}).items():
                self.send_header(key, value)
            self.end_headers()
            self.wfile.write(body)

        def _wait_for_client_to_give_up(self) -> None:
            """Hold the answer until the client hangs up (its read timeout), then drop it."""
            self.connection.settimeout(60)
            try:
                while self.connection.recv(1024):
                    pass
            except OSError:
                pass
            self.close_connection = True

        def _reset(self, upstream_response: requests.Response) -> None:
            """Start the real answer, then reset the connection half-way."""
            self.send_response(upstream_response.status_code)
            self.send_header("Content-Length", str(len(upstream_response.content)))
            self.end_headers()
            self.wfile.write(upstream_response.content[:10])
            self.wfile.flush()
            self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            self.connection.close()
            # The socket's file objects hold it open until the handler finishes; without this
            # the handler would wait for another request and the client would see a stall.
            self.close_connection = True

        def _early(self, fault: str) -> tuple[int, bytes, dict[str, str]] | None:
            """The answer for a fault that keeps the request from the server, if it is one."""
            if fault in ("500", "502", "503"):
                return int(fault), _TRANSIENT, {}
            if fault.startswith("429"):
                return 429, b"", {"Retry-After": fault.partition(":")[2] or "0"}
            if fault == "reject":
                return 422, _REJECTED, {}
            if fault.startswith("redirect"):
                location = f"{plan.trap_url}stolen{self.path}?name=SENTINEL"
                return int(fault.partition(":")[2] or "307"), b"", {"Location": location}
            return _ODD_EARLY.get(fault)

        def _handle(self) -> None:
            fault = plan.next()
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            early = self._early(fault)
            if early is None and plan.refuses(body):
                early = 400, _TOO_MANY, {}
            if early is not None:
                self._reply(*early)
                return
            upstream_response = self._forward(body)  # the server acts before any late fault
            if fault == "stall":
                self._wait_for_client_to_give_up()
            elif fault == "reset":
                self._reset(upstream_response)
            elif fault == "malformed":
                self._reply(upstream_response.status_code, b'{"resourceType": "Bundle", "entry": [')
            elif fault in _ODD_LATE:
                odd = _ODD_LATE[fault](upstream_response.json())
                self._reply(upstream_response.status_code, json.dumps(odd).encode())
            else:
                headers = {}
                if "location" in upstream_response.headers:
                    headers["Location"] = upstream_response.headers["location"]
                self._reply(upstream_response.status_code, upstream_response.content, headers)

        do_GET = _handle  # noqa: N815
        do_POST = _handle  # noqa: N815
        do_PUT = _handle  # noqa: N815

    return Handler


def _trap_handler(plan: FaultPlan) -> type[BaseHTTPRequestHandler]:
    class Trap(BaseHTTPRequestHandler):
        """Another origin: records whatever reaches it (nothing should)."""

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _record(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            plan.trapped.append(f"{self.command} {len(body)}")
            self.send_response(200)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = _record  # noqa: N815
        do_POST = _record  # noqa: N815
        do_PUT = _record  # noqa: N815

    return Trap


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that gave up (timeouts) break pipes on purpose; that is not an error here."""


@contextmanager
def _serving(handler: type[BaseHTTPRequestHandler]) -> Iterator[int]:
    server = _QuietServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield int(server.server_address[1])
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def fault_proxy(upstream: str, plan: FaultPlan) -> Iterator[str]:
    """Serve the proxy on a free loopback port; yield its base URL.

    A redirect fault points at a trap on another origin (``localhost`` rather than
    ``127.0.0.1``); ``plan.trapped`` lists what reached it.
    """
    with _serving(_trap_handler(plan)) as trap_port, _serving(_handler(upstream, plan)) as port:
        plan.trap_url = f"http://localhost:{trap_port}/"
        yield f"http://127.0.0.1:{port}/"
