"""The clinic app's HTTP plumbing: every request gets an HTTP answer, every answer the same headers.

Built on the standard library's ``http.server`` (no framework): a base handler, not
``SimpleHTTPRequestHandler``, so no file is ever served by its path and no directory is listed.
Every answer, including the parser's own 400/414/431, goes through ``end_headers`` (security
headers) and ``send_error`` (a fixed JSON body that quotes nothing from the request). A body that
is refused unread is drained before the connection closes, so the client reads the answer
instead of a reset. Log lines name the method, the route and the status, never a URL or body.
"""

import logging
import socket
import sys
import time
from collections.abc import Callable
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from examples.clinic_app.app import Answer, ClinicApp
from examples.clinic_app.assets import lforms_dir, load_assets
from examples.clinic_app.config import AppConfig, parse_config
from examples.clinic_app.guard import (
    SECURITY_HEADERS,
    Refused,
    body_length,
    check_csrf,
    check_host,
    check_json,
    check_same_origin,
    host_values,
    origins_for,
    read_json,
)

logger = logging.getLogger("examples.clinic_app")

#: Seconds a connection may sit idle mid-request before it is answered 408 or closed.
REQUEST_TIMEOUT = 30.0
#: How much of a refused body is read and dropped, and for how long, before closing.
LINGER_BYTES = 8 * 1024 * 1024
LINGER_SECONDS = 2.0
_ROUTES = frozenset(
    {"", "index.html", "questionnaire.json", "favicon.ico", "summary", "bundle", "lforms", "app"}
    | {"submit", "post"}
)


class ClinicServer(ThreadingHTTPServer):
    """One app on one address; knows the ``Host`` and ``Origin`` values that name it."""

    daemon_threads = True

    def __init__(self, config: AppConfig, app: ClinicApp) -> None:
        super().__init__((config.bind, config.port), ClinicHandler)
        self.config = config
        self.app = app
        self.hosts = host_values(config.host_names, self.server_address[1])
        self.origins = origins_for(self.hosts)

    @property
    def url(self) -> str:
        """The app's address under its first allowed host name."""
        host = self.config.host_names[0]
        host = f"[{host}]" if ":" in host else host
        return f"http://{host}:{self.server_address[1]}/"

    def handle_error(self, request: object, client_address: object) -> None:
        """Log the failure's type only: a traceback may show request data."""
        logger.error("connection failed: %s", type(sys.exc_info()[1]).__name__)


class ClinicHandler(BaseHTTPRequestHandler):
    """Checks each request (``guard``), then asks the app (``ClinicApp``) for the answer."""

    server: ClinicServer
    timeout = REQUEST_TIMEOUT
    server_version = "clinic-app"
    _route = "-"
    _pending: int | None = 0

    # -- every answer ---------------------------------------------------------------------

    def version_string(self) -> str:
        return self.server_version  # no Python version for a scanner to match

    def end_headers(self) -> None:
        for name, value in SECURITY_HEADERS:
            self.send_header(name, value)
        super().end_headers()

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """Replace the stock error page, which quotes the request line, with a fixed answer."""
        self.close_connection = True
        status = HTTPStatus(code)
        self._answer(Answer.error(status, status.phrase), head=self.command == "HEAD")

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        logger.info("%s %s %s", self.command, self._route, int(code) if code != "-" else code)

    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - stdlib's name
        return  # the stock messages quote request lines; log_request says what is needed

    def _answer(self, answer: Answer, *, head: bool = False) -> None:
        if self.request_version == "HTTP/0.9":
            # The stock handler answers a request line it could not read (or HTTP/0.9) with a
            # bare body; every answer here has a status line and the headers.
            self.request_version = "HTTP/1.0"
        try:
            self.send_response(answer.status)
            self.send_header("Content-Type", answer.content_type)
            self.send_header("Content-Length", str(len(answer.body)))
            self.send_header("Cache-Control", "max-age=3600" if answer.cacheable else "no-store")
            for name, value in answer.headers:
                self.send_header(name, value)
            self.end_headers()
            if not head:
                self.wfile.write(answer.body)
        except OSError:
            self.close_connection = True  # the client went away; nothing left to tell it

    # -- methods --------------------------------------------------------------------------

    def do_GET(self) -> None:
        self._serve(self._get)

    def do_HEAD(self) -> None:
        self._serve(self._get, head=True)

    def do_POST(self) -> None:
        self._serve(self._post)

    def do_PUT(self) -> None:
        self._serve(self._refuse_method)

    def do_DELETE(self) -> None:
        self._serve(self._refuse_method)

    def do_PATCH(self) -> None:
        self._serve(self._refuse_method)

    def do_OPTIONS(self) -> None:
        self._serve(self._refuse_method)

    def _serve(self, handle: Callable[[], Answer], *, head: bool = False) -> None:
        self._route = "-"
        self._pending = self._declared_length()
        try:
            if not self.path.startswith("/"):
                raise Refused(HTTPStatus.BAD_REQUEST, "request target must be a path")
            check_host(self.headers, self.server.hosts)
            first = self._target()[0].split("/")[1]
            self._route = "/" + first if first in _ROUTES else "(other)"
            answer = handle()
        except Refused as refusal:
            answer = Answer.error(refusal.status, refusal.reason)
        except TimeoutError:
            answer = Answer.error(HTTPStatus.REQUEST_TIMEOUT, "request body too slow")
        except Exception as error:  # noqa: BLE001 - still an HTTP answer; the type alone is logged (PHI)
            logger.error("request failed: %s", type(error).__name__)
            answer = Answer.error(HTTPStatus.INTERNAL_SERVER_ERROR, "internal error")
        self._answer(answer, head=head)
        if self._pending != 0:
            self._linger()

    def _refuse_method(self) -> Answer:
        answer = Answer.error(HTTPStatus.METHOD_NOT_ALLOWED, "method not allowed")
        allow = ("Allow", "GET, HEAD, POST")
        return Answer(answer.status, answer.content_type, answer.body, (allow,))

    def _target(self) -> tuple[str, str]:
        """Path and query of the request target, as sent: nothing decoded or normalised.

        (``urlsplit`` would read ``//name/x`` as a host and a path.)
        """
        path, _, query = self.path.partition("#")[0].partition("?")
        return path, query

    def _get(self) -> Answer:
        return self.server.app.get(*self._target())

    def _post(self) -> Answer:
        path = self._target()[0]
        app = self.server.app
        if not app.takes_post(path):
            raise Refused(HTTPStatus.NOT_FOUND, "not found")
        check_same_origin(self.headers, self.server.origins)
        check_csrf(self.headers, app.csrf_token)
        check_json(self.headers)
        length = body_length(self.headers, self.server.config.max_body)
        self._pending = None  # a read cut short leaves an unknown rest
        body = self.rfile.read(length)
        self._pending = 0
        if len(body) != length:
            raise Refused(HTTPStatus.BAD_REQUEST, "body shorter than Content-Length")
        return app.post(path, read_json(body))

    # -- unread bodies ----------------------------------------------------------------------

    def _declared_length(self) -> int | None:
        """Bytes of body the client will send: 0 when none is declared, None when unknowable."""
        if self.headers.get_all("Transfer-Encoding"):
            return None
        lengths = self.headers.get_all("Content-Length") or []
        if not lengths:
            return 0
        value = lengths[0].strip()
        return int(value) if len(lengths) == 1 and value.isdigit() and value.isascii() else None

    def _linger(self) -> None:
        """Read and drop the body the answer refused, so the client can read that answer."""
        self.close_connection = True
        budget = LINGER_BYTES if self._pending is None else min(self._pending, LINGER_BYTES)
        deadline = time.monotonic() + LINGER_SECONDS
        try:
            self.wfile.flush()
            self.connection.shutdown(socket.SHUT_WR)
            while budget > 0 and (left := deadline - time.monotonic()) > 0:
                self.connection.settimeout(left)
                chunk = self.rfile.read1(min(budget, 65536))
                if not chunk:
                    break
                budget -= len(chunk)
        except OSError:
            return  # gone or too slow: closing is all that is left


def serve(config: AppConfig | None = None) -> ClinicServer:
    """Create the server (not yet serving): ``serve_forever()`` runs it, ``shutdown()`` stops it."""
    config = config or AppConfig()
    assets = load_assets(config.assets or lforms_dir())
    return ClinicServer(config, ClinicApp(config, assets))


def main(argv: list[str] | None = None) -> None:
    """Run the app until interrupted."""
    config = parse_config(argv)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    server = serve(config)
    print(f"clinic app: {server.url}")
    print(f"FHIR server: {config.fhir_server or 'none configured (--fhir-server URL)'}")
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
