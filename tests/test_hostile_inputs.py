"""Every reader of outside input, fed hostile input: only typed errors come out.

Responses, directories (in memory and as files), outbox files, server answers (plain, gzip,
corrupt gzip, endless paging) and command lines. The only exceptions allowed are
``CommcareError`` subclasses (a ``ValueError`` that is also one is fine); a RecursionError,
OverflowError, KeyError, TypeError or sqlite3 error fails the test. The CLI's own property
test (tests/cli/test_input_fuzz.py) covers output paths and inputs through ``main``.
"""

import contextlib
import gzip
import io
import json
import sys
import tempfile
import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any, ClassVar

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.cli import ExitCode, main
from commcare_ext.client import FhirClient, Outbox, Request, Response, RetryPolicy, ServerLimits
from commcare_ext.directory import read_fhir, read_hsds
from commcare_ext.errors import CommcareError
from commcare_ext.fhir.json_text import parse_json
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from tests.budget import cases
from tests.fixtures import EXAMPLE_NAMES, load_example
from tests.strategies import json_values, mutated

RESPONSES = [intake_to_response(load_example(name)) for name in EXAMPLE_NAMES]
ROOT = Path(__file__).resolve().parents[1]
HSDS = json.loads((ROOT / "examples/directory/hsds/services.json").read_text("utf-8"))


def _nested(depth: int, kind: str) -> str:
    if kind == "list":
        return "[" * depth + "]" * depth
    return '{"item":[' * depth + "]}" * depth


nesting = st.tuples(st.integers(1, 2500), st.sampled_from(["list", "object"])).map(
    lambda args: _nested(*args)
)
numbers = st.sampled_from(["1e400", "-1e400", "9" * 400, "1" + "0" * 5000, "NaN", "Infinity"])
hostile_text = (
    st.text(max_size=300)
    | st.binary(max_size=300).map(lambda b: b.decode("utf-8", "replace"))
    | json_values.map(json.dumps)
    | nesting
    | numbers.map(lambda n: f'{{"minimum_age": {n}, "id": "s"}}')
)


def _typed_only(action: Any) -> None:
    with contextlib.suppress(CommcareError):
        action()


@settings(max_examples=cases(5000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text)
def test_the_json_reader_answers_any_text_with_a_value_or_a_typed_error(text: str) -> None:
    _typed_only(lambda: parse_json(text))
    _typed_only(lambda: parse_json(text.encode("utf-8", "surrogatepass")))


@settings(max_examples=cases(2500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    document=mutated(RESPONSES)
    | json_values
    | nesting.map(lambda text: json.loads(text) if text.count("[") < 900 else [])
)
def test_the_response_reader_answers_any_document_with_an_intake_or_a_typed_error(
    document: Any,
) -> None:
    _typed_only(lambda: response_to_intake(document))


hsds_documents = (
    mutated(HSDS[:3]).map(lambda d: [d])
    | json_values.filter(lambda value: not isinstance(value, str))  # a str names a path
    | st.lists(
        st.fixed_dictionaries(
            {"id": st.text(max_size=5), "name": st.text(max_size=5)},
            optional={
                "minimum_age": st.sampled_from([10**400, -(10**400), 1e308, float("inf"), "x"]),
                "maximum_age": st.integers() | st.floats(allow_nan=True),
                "cost_options": json_values,
                "schedules": json_values,
                "languages": json_values,
                "service_areas": json_values,
            },
        ),
        max_size=3,
    )
)


@settings(max_examples=cases(3000), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(document=hsds_documents)
def test_the_hsds_reader_answers_any_document_with_a_directory_or_a_typed_error(
    document: Any,
) -> None:
    _typed_only(lambda: read_hsds(document))


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=hostile_text, suffix=st.sampled_from([".json", ".ndjson"]), fhir=st.booleans())
def test_directory_files_of_any_content_are_read_or_refused_typed(
    text: str, suffix: str, fhir: bool
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"directory{suffix}"
        path.write_text(text, encoding="utf-8", errors="surrogatepass")
        _typed_only(lambda: (read_fhir if fhir else read_hsds)(path))


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.binary(max_size=4096)
    | st.binary(max_size=4096).map(lambda tail: b"SQLite format 3\x00" + tail)
)
def test_outbox_files_of_any_content_open_or_refuse_typed(content: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "outbox.db"
        path.write_bytes(content)
        client = FhirClient("http://localhost.invalid/")
        _typed_only(lambda: Outbox(path, client).list())


class _Answers:
    """An in-process transport answering each request with the next scripted body."""

    def __init__(self, bodies: list[bytes], endless: bool) -> None:
        self.bodies = bodies
        self.endless = endless
        self.count = 0

    def handle_request(self, request: Request) -> Response:
        self.count += 1
        if request.url.endswith("/metadata"):
            return Response(200, {}, json.dumps(_CAPABILITIES).encode())
        if self.endless:
            page = {
                "resourceType": "Bundle",
                "type": "searchset",
                "link": [{"relation": "next", "url": f"http://s.invalid/p/{self.count}?x=1"}],
                "entry": [{"resource": {"resourceType": "Task", "id": str(self.count)}}],
            }
            return Response(200, {}, json.dumps(page).encode())
        body = self.bodies[self.count % len(self.bodies)]
        return Response(200, {}, body)


_CAPABILITIES = {"resourceType": "CapabilityStatement", "fhirVersion": "4.0.1", "rest": []}
answer_bodies = st.lists(
    hostile_text.map(lambda t: t.encode("utf-8", "surrogatepass")), min_size=1, max_size=3
)


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    bodies=answer_bodies, endless=st.booleans(), call=st.sampled_from(["search", "read", "history"])
)
def test_any_server_answer_and_endless_paging_end_typed(
    bodies: list[bytes], endless: bool, call: str
) -> None:
    transport = _Answers(bodies, endless)
    client = FhirClient(
        "http://s.invalid/",
        transport=transport,
        retry=RetryPolicy(tries=1),
        limits=ServerLimits(max_pages=20, max_results=1_000),
    )
    actions = {
        "search": lambda: list(client.search("Task", {"status": "x"})),
        "read": lambda: client.read("Task", "t1"),
        "history": lambda: client.history("Task", "t1"),
    }
    _typed_only(actions[call])
    assert transport.count <= 25  # endless paging stopped at the cap


class _Wire(BaseHTTPRequestHandler):
    body: ClassVar[bytes] = b""
    encoding: ClassVar[str | None] = None

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base's name
        """Quiet."""

    def do_GET(self) -> None:
        self.send_response(200)
        self.send_header("Content-Type", "application/fhir+json")
        if _Wire.encoding:
            self.send_header("Content-Encoding", _Wire.encoding)
        self.send_header("Content-Length", str(len(_Wire.body)))
        self.end_headers()
        self.wfile.write(_Wire.body)


@pytest.fixture(scope="module")
def wire() -> Iterator[str]:
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Wire)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    text=hostile_text,
    compression=st.sampled_from(["none", "gzip", "corrupt-gzip", "claims-gzip", "deflate"]),
)
def test_answers_over_the_wire_compressed_or_corrupt_end_typed(
    wire: str, text: str, compression: str
) -> None:
    raw = text.encode("utf-8", "surrogatepass")
    _Wire.encoding = None if compression == "none" else compression.rsplit("-", maxsplit=1)[-1]
    if compression == "deflate":
        _Wire.encoding = "deflate"
    _Wire.body = {
        "none": raw,
        "gzip": gzip.compress(raw),
        "corrupt-gzip": gzip.compress(raw)[:-6] + b"\x00garbage",
        "claims-gzip": raw,
        "deflate": raw,
    }[compression]
    client = FhirClient(wire, retry=RetryPolicy(tries=1), limits=ServerLimits(1 << 16))
    _typed_only(lambda: client.read("Task", "t1"))


words = st.sampled_from(
    [
        *("read", "extract", "bundle", "post", "outbox", "publish", "match", "referrals"),
        *("transaction", "message", "list", "flush", "requeue", "discard"),
        *("--out", "--outbox", "--server", "--clinic", "--directory", "--json", "--help"),
        *("--near", "--travel-limit", "--language", "--since", "--zone", "--patient", "-"),
        *("/dev/null/x", "/proc/self/x", "", "é", "n" * 300, "1e400", "http://", "ftp://x"),
    ]
)


@settings(max_examples=cases(1500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(argv=st.lists(words, max_size=6))
def test_any_command_line_ends_in_a_documented_exit_code(argv: list[str]) -> None:
    if "--help" in argv or any(w in argv for w in ("flush", "post", "referrals", "publish")):
        argv = [w for w in argv if w not in ("flush", "post", "referrals", "publish", "--help")]
    err = io.StringIO()
    stdin = io.StringIO("")
    with (
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(err),
        _stdin(stdin),
    ):
        code = main(argv)
    assert code in set(ExitCode), (argv, code, err.getvalue())
    assert "Traceback" not in err.getvalue()


@contextlib.contextmanager
def _stdin(replacement: io.StringIO) -> Iterator[None]:
    saved = sys.stdin
    sys.stdin = replacement
    try:
        yield
    finally:
        sys.stdin = saved
