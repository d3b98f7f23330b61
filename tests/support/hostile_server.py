"""A loopback HTTP server that answers like a hostile FHIR server, for the client's limits.

``/bomb`` answers 1 MB of gzip that inflates to 1 GiB; ``Type/_search`` and
``Type/<id>/_history`` answer pages that always link to a new, same-origin ``next`` page.
Real sockets and the real ``requests`` stack: only the server is made up.
"""

import functools
import json
import threading
import zlib
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CAPABILITY_STATEMENT: dict[str, Any] = {
    "resourceType": "CapabilityStatement",
    "status": "active",
    "kind": "instance",
    "fhirVersion": "4.0.1",
    "format": ["application/fhir+json"],
    "rest": [{"mode": "server", "resource": [{"type": "Task"}]}],
}
INFLATED_BYTES = 1 << 30


@functools.cache
def gzip_bomb() -> bytes:
    """About 1 MB of gzip that inflates to :data:`INFLATED_BYTES` zero bytes (made once)."""
    packer = zlib.compressobj(9, zlib.DEFLATED, 31)
    block = bytes(1 << 20)
    parts = [packer.compress(block) for _ in range(INFLATED_BYTES // len(block))]
    return b"".join([*parts, packer.flush()])


class _Handler(BaseHTTPRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Quiet."""

    def _send(self, body: bytes, *, gzip: bool = False) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        if gzip:
            self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _page(self, kind: str, number: int) -> None:
        base = f"http://{self.headers.get('Host', '127.0.0.1')}"
        page = {
            "resourceType": "Bundle",
            "type": "history" if kind == "history" else "searchset",
            "link": [{"relation": "next", "url": f"{base}/page/{number + 1}?kind={kind}"}],
            "entry": [
                {"resource": {"resourceType": "Task", "id": f"t{number}-{i}", "status": "draft"}}
                for i in range(10)
            ],
        }
        self._send(json.dumps(page).encode())

    def do_GET(self) -> None:
        if self.path.endswith("/metadata"):
            self._send(json.dumps(CAPABILITY_STATEMENT).encode())
        elif self.path.startswith("/bomb"):
            self._send(gzip_bomb(), gzip=True)
        elif self.path.startswith("/page/"):
            number = int(self.path.split("/")[2].split("?")[0])
            self._page(self.path.partition("kind=")[2] or "search", number)
        elif "/_history" in self.path:
            self._page("history", 0)
        else:
            self.send_error(404)

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        self._page("search", 0)


@contextmanager
def hostile_server() -> Iterator[str]:
    """Serve on a free loopback port; yield the base URL."""
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()
