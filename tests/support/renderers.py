"""Chromium and a loopback page server (LHC-Forms assets, test pages) for the browser tests."""

import hashlib
import json
import shutil
import subprocess
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from examples.clinic_app.assets import lforms_dir

BROWSER_DIR = Path(__file__).resolve().parent.parent / "browser"
#: The example app's directory: the test pages load its renderer-chrome localiser.
CLINIC_APP = Path(__file__).resolve().parents[2] / "examples" / "clinic_app"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def require_chromium() -> Path:
    """The Debian Chromium binary (installed by scripts/setup.d/20-browser.sh)."""
    if not CHROMIUM.is_file():
        msg = "Chromium is missing: run scripts/setup.d/20-browser.sh (apt-get install chromium)"
        raise RuntimeError(msg)
    return CHROMIUM


SMART_DIR = BROWSER_DIR / "smart"


def ensure_smart_forms_bundle() -> Path:
    """Build the SMART Forms page (npm ci + esbuild), again only when its inputs change."""
    bundle = SMART_DIR / "dist" / "smart-forms.js"
    stamp = SMART_DIR / "dist" / ".lock-hash"
    lock = hashlib.sha256((SMART_DIR / "package-lock.json").read_bytes()).hexdigest()
    lock += hashlib.sha256((SMART_DIR / "page.jsx").read_bytes()).hexdigest()
    if bundle.is_file() and stamp.is_file() and stamp.read_text() == lock:
        return bundle
    npm = shutil.which("npm")
    if npm is None:
        msg = "npm is needed to build the SMART Forms test page"
        raise RuntimeError(msg)
    if not (SMART_DIR / "node_modules" / "@aehrc" / "smart-forms-renderer").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SMART_DIR, check=True
        )
    subprocess.run([npm, "run", "--silent", "build"], cwd=SMART_DIR, check=True)
    stamp.write_text(lock)
    return bundle


Route = Callable[[dict[str, list[str]], bytes], tuple[int, str, bytes]]


@contextmanager
def page_server(routes: dict[str, Route]) -> Iterator[str]:
    """Serve LHC-Forms, the test pages, and ``routes`` (path -> handler) on 127.0.0.1."""
    assets = lforms_dir()

    class Handler(SimpleHTTPRequestHandler):
        def log_message(self, format: str, *args: object) -> None:  # noqa: A002
            return

        def _route(self, body: bytes) -> bool:
            parts = urlsplit(self.path)
            handler = routes.get(parts.path)
            if handler is None:
                return False
            status, content_type, payload = handler(parse_qs(parts.query), body)
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)
            return True

        def do_GET(self) -> None:
            if self._route(b""):
                return
            path = urlsplit(self.path).path
            if path.startswith("/lforms/"):
                self.path = path.removeprefix("/lforms")
                self.directory = str(assets)
            else:
                self.directory = str(BROWSER_DIR)
            super().do_GET()

        def do_POST(self) -> None:
            body = self.rfile.read(int(self.headers.get("Content-Length") or 0))
            if not self._route(body):
                self.send_error(404)

        def translate_path(self, path: str) -> str:
            base = Path(self.directory)
            candidate = (base / urlsplit(path).path.lstrip("/")).resolve()
            return str(candidate if candidate.is_relative_to(base) else base / "missing")

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def json_route(produce: Callable[[dict[str, list[str]]], Any]) -> Route:
    """A GET route answering JSON."""

    def handle(query: dict[str, list[str]], _body: bytes) -> tuple[int, str, bytes]:
        return 200, "application/fhir+json", json.dumps(produce(query)).encode("utf-8")

    return handle
