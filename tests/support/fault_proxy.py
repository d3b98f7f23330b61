"""A loopback proxy in front of the real test server that injects faults on cue.

The real server cannot be told to fail, so this forwards requests to it and, per request,
can answer 5xx or 429 instead, stall until the client gives up *after* the server acted,
reset the connection mid-response, or return malformed JSON. Requests that reach the
server really change it, so tests can count what landed.
"""

import socket
import struct
import threading
from collections import deque
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import requests


class FaultPlan:
    """A queue of faults, consumed one per request; an empty queue forwards normally."""

    def __init__(self, *faults: str) -> None:
        self._faults: deque[str] = deque(faults)
        self._lock = threading.Lock()
        self.injected: list[str] = []
        self.requests = 0

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


def _handler(upstream: str, plan: FaultPlan) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _forward(self) -> requests.Response:
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else None
            headers = {
                k: v for k, v in self.headers.items() if k.lower() not in ("host", "content-length")
            }
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

        def _handle(self) -> None:
            fault = plan.next()
            if fault in ("500", "502", "503"):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._reply(
                    int(fault),
                    b'{"resourceType":"OperationOutcome","issue":[{"severity":"error","code":"transient"}]}',
                )
                return
            if fault.startswith("429"):
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._reply(429, b"", {"Retry-After": fault.partition(":")[2] or "0"})
                return
            if fault == "reject":
                self.rfile.read(int(self.headers.get("Content-Length") or 0))
                self._reply(
                    422,
                    b'{"resourceType":"OperationOutcome","issue":[{"severity":"error",'
                    b'"code":"business-rule","expression":["Bundle.entry[0].resource"],'
                    b'"diagnostics":"rejected by policy"}]}',
                )
                return
            upstream_response = self._forward()  # the server acts before any late fault
            if fault == "stall":
                self._wait_for_client_to_give_up()
                return
            if fault == "reset":
                self.send_response(upstream_response.status_code)
                self.send_header("Content-Length", str(len(upstream_response.content)))
                self.end_headers()
                self.wfile.write(upstream_response.content[:10])
                self.wfile.flush()
                self.connection.setsockopt(
                    socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0)
                )
                self.connection.close()
                return
            if fault == "malformed":
                self._reply(upstream_response.status_code, b'{"resourceType": "Bundle", "entry": [')
                return
            headers = {}
            if "location" in upstream_response.headers:
                headers["Location"] = upstream_response.headers["location"]
            self._reply(upstream_response.status_code, upstream_response.content, headers)

        do_GET = _handle  # noqa: N815
        do_POST = _handle  # noqa: N815
        do_PUT = _handle  # noqa: N815

    return Handler


class _QuietServer(ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that gave up (timeouts) break pipes on purpose; that is not an error here."""


@contextmanager
def fault_proxy(upstream: str, plan: FaultPlan) -> Iterator[str]:
    """Serve the proxy on a free loopback port; yield its base URL."""
    server = _QuietServer(("127.0.0.1", 0), _handler(upstream, plan))
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
