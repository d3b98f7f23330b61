"""What the clinic app serves, to whom, with which headers: its own routes and listed files."""

from collections.abc import Callable, Mapping
from pathlib import Path

import pytest
import requests
from examples.clinic_app.assets import LFORMS_FILES
from examples.clinic_app.guard import SECURITY_HEADERS

from tests.examples.conftest import UNLISTED, App

ROOT = Path(__file__).resolve().parents[2]


def _has_security_headers(headers: Mapping[str, str]) -> None:
    lowered = {k.lower(): v for k, v in headers.items()}
    for name, value in SECURITY_HEADERS:
        assert lowered.get(name.lower()) == value, name
    assert "frame-ancestors 'none'" in lowered["content-security-policy"]
    assert "script-src 'self'" in lowered["content-security-policy"]


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:{port}",
        "localhost:{port}",  # not configured: only the bound 127.0.0.1 is
        "127.0.0.1:1",
        "127.0.0.1",
        "",
    ],
    ids=["other-name", "rebound-name", "localhost", "other-port", "no-port", "empty"],
)
@pytest.mark.parametrize("method", ["GET", "POST"])
def test_a_request_naming_another_host_is_refused(app: App, host: str, method: str) -> None:
    request = app.request_head(method, "/", Host=host.format(port=app.port), Content_Length="0")
    reply = app.raw(request)
    assert reply.status == 400
    assert reply.json() == {"error": "unknown Host"}


def test_a_request_without_host_or_with_two_is_refused(app: App) -> None:
    assert app.raw(b"GET / HTTP/1.0\r\n\r\n").status == 400
    twice = f"GET / HTTP/1.1\r\nHost: 127.0.0.1:{app.port}\r\nHost: evil.example\r\n\r\n"
    assert app.raw(twice.encode()).status == 400


def test_configured_host_names_are_answered(start_app: Callable[..., App]) -> None:
    app = start_app(allowed_hosts=("localhost", "clinic.internal"))
    for host in ("localhost", "clinic.internal", "CLINIC.internal"):
        assert app.raw(app.request_head("GET", "/", Host=f"{host}:{app.port}")).status == 200
    # Naming hosts replaces the default: the bare address is not one of them now.
    assert app.raw(app.request_head("GET", "/")).status == 400


@pytest.mark.parametrize(
    "request_line",
    [
        "GET / HTTP/1.1",
        "GET /questionnaire.json?lang=es HTTP/1.1",
        "GET /lforms/webcomponent/main.js HTTP/1.1",
        "GET /app/form.js HTTP/1.1",
        "GET /nothing HTTP/1.1",
        "HEAD / HTTP/1.1",
        "POST /submit HTTP/1.1",
        "PUT /submit HTTP/1.1",
        "DELETE / HTTP/1.1",
        "OPTIONS / HTTP/1.1",
        "BREW / HTTP/1.1",
        "GET / HTTP/9.9",
    ],
)
def test_every_answer_carries_the_security_headers(app: App, request_line: str) -> None:
    method, path, version = request_line.split()
    head = app.request_head(method, path).replace(b"HTTP/1.1", version.encode(), 1)
    reply = app.raw(head)
    _has_security_headers(reply.headers)
    assert reply.headers["content-length"] == str(len(reply.body)) or method == "HEAD"


def test_parser_errors_carry_the_headers_and_quote_nothing(app: App) -> None:
    reply = app.raw(b"GARBAGE <script>alert(1)</script>\r\n\r\n")
    assert reply.status == 400
    _has_security_headers(reply.headers)
    assert b"script" not in reply.body
    long_header = app.request_head("GET", "/", X_Long="a" * 70_000)
    reply = app.raw(long_header)
    assert reply.status == 431
    _has_security_headers(reply.headers)


def test_pages_are_not_cached_but_listed_files_may_be(app: App) -> None:
    assert requests.get(app.url + "/", timeout=30).headers["Cache-Control"] == "no-store"
    script = requests.get(app.url + "/lforms/webcomponent/main.js", timeout=30)
    assert script.headers["Cache-Control"] == "max-age=3600"
    assert script.headers["Content-Type"] == "text/javascript; charset=utf-8"


@pytest.mark.parametrize("name", LFORMS_FILES)
def test_each_listed_lforms_file_is_served(app: App, lforms_tree: Path, name: str) -> None:
    answer = requests.get(f"{app.url}/lforms/{name}", timeout=30)
    assert answer.status_code == 200
    assert answer.content == (lforms_tree / name).read_bytes()


@pytest.mark.parametrize(
    "path",
    [
        "/pyproject.toml",
        "/README.md",
        "/examples/clinic_app/app.py",
        "/app.py",
        "/form.html",
        "/app/app.py",
        "/lforms/",
        "/lforms",
        "/lforms/webcomponent/",
        "/lforms/fhir/R4/",
        *(f"/lforms/{name}" for name in UNLISTED),
    ],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_nothing_but_the_apps_routes_and_listed_files_is_served(
    app: App, path: str, method: str
) -> None:
    reply = app.raw(app.request_head(method, path))
    assert reply.status == 404
    assert b"Directory listing" not in reply.body
    assert b"<a href" not in reply.body


@pytest.mark.parametrize(
    "path",
    [
        "/lforms/../pyproject.toml",
        "/lforms/../../../../../../etc/passwd",
        "/lforms/webcomponent/../../../pyproject.toml",
        "/lforms/%2e%2e/%2e%2e/pyproject.toml",
        "/lforms/..%2f..%2fpyproject.toml",
        "/lforms/webcomponent/main.js/../../../../pyproject.toml",
        "/app/../app.py",
        "/app/..%5capp.py",
        "//etc/passwd",
        "/./pyproject.toml",
        "/summary/../../pyproject.toml",
        "/bundle/../../pyproject.toml",
    ],
)
@pytest.mark.parametrize("method", ["GET", "HEAD"])
def test_path_traversal_is_refused(app: App, path: str, method: str) -> None:
    reply = app.raw(app.request_head(method, path))
    assert reply.status == 404
    assert b"[project]" not in reply.body
    assert b"root:" not in reply.body


def test_an_absolute_request_target_is_refused(app: App) -> None:
    target = f"http://127.0.0.1:{app.port}/"
    assert app.raw(app.request_head("GET", target)).status == 400


def test_head_is_get_without_the_body(app: App) -> None:
    get = app.raw(app.request_head("GET", "/questionnaire.json"))
    head = app.raw(app.request_head("HEAD", "/questionnaire.json"))
    assert (get.status, head.status) == (200, 200)
    assert head.body == b""
    assert head.headers["content-length"] == str(len(get.body))


def test_the_form_page_carries_a_token_and_no_inline_script(app: App) -> None:
    page = requests.get(app.url + "/", timeout=30).text
    assert f'<meta name="csrf-token" content="{app.token}">' in page
    assert "<script>" not in page  # the CSP forbids inline script; the page's is /app/form.js
    assert len(app.token) >= 40


def test_other_methods_are_not_allowed(app: App) -> None:
    reply = app.raw(app.request_head("PUT", "/submit", Content_Length="0"))
    assert reply.status == 405
    assert reply.headers["allow"] == "GET, HEAD, POST"
    assert app.raw(app.request_head("BREW", "/")).status == 501
