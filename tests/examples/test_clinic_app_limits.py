"""Request limits: every bad request gets an HTTP answer, and no answer or log line holds PHI."""

import json
import logging
import socket
import time
from collections.abc import Callable

import pytest
import requests
from examples.clinic_app.app import Store
from examples.clinic_app.config import MAX_BODY_BYTES
from examples.clinic_app.server import ClinicHandler

from commcare_ext.questionnaire import intake_to_response
from tests.examples.conftest import App, free_port
from tests.fixtures import load_example

#: Stands for patient data: it must reach no answer and no log line.
SENTINEL = "Xochitl-Sentinel-7731"


def _with_length(app: App, length: str | None, body: bytes = b"{}", **extra: str) -> bytes:
    headers = app.page_headers() | {k.replace("_", "-"): v for k, v in extra.items()}
    if length is not None:
        headers["Content-Length"] = length
    head = app.request_head(
        "POST", "/submit", **{k.replace("-", "_"): v for k, v in headers.items()}
    )
    return head + body


def test_a_body_over_one_megabyte_is_413(app: App) -> None:
    body = b"{" + b" " * (MAX_BODY_BYTES - 1)  # one byte over once the "}" is added
    answer = app.post("/submit", body + b"}")
    assert len(body) + 1 == MAX_BODY_BYTES + 1
    assert answer.status_code == 413
    assert answer.json() == {"error": f"body over {MAX_BODY_BYTES} bytes"}


def test_a_body_of_exactly_one_megabyte_is_read(app: App) -> None:
    body = b"{" + b" " * (MAX_BODY_BYTES - 2) + b"}"
    answer = app.post("/submit", body)
    assert answer.status_code == 422  # read and parsed: an empty response is not an intake
    assert "problems" in answer.json()


def test_a_huge_declared_length_is_answered_at_once(app: App) -> None:
    started = time.monotonic()
    reply = app.raw(_with_length(app, str(10**12), b"{"))
    assert reply.status == 413
    assert time.monotonic() - started < 10


def test_a_missing_content_length_is_411(app: App) -> None:
    reply = app.raw(_with_length(app, None, b""))
    assert reply.status == 411
    assert reply.json() == {"error": "Content-Length required"}


def test_a_chunked_body_is_411(app: App) -> None:
    reply = app.raw(_with_length(app, None, b"2\r\n{}\r\n0\r\n\r\n", Transfer_Encoding="chunked"))
    assert reply.status == 411


@pytest.mark.parametrize(
    "length",
    [
        "abc",
        "-1",
        "1e3",
        "0x10",
        "+2",
        "2, 2",
        "\N{FULLWIDTH DIGIT TWO}",
        "",
        "99999999999999999999",
    ],
)
def test_a_malformed_content_length_is_400(app: App, length: str) -> None:
    reply = app.raw(_with_length(app, length), shut=True)
    assert reply.status == 400
    assert reply.json() == {"error": "malformed Content-Length"}


def test_two_content_lengths_or_length_and_chunked_are_400(app: App) -> None:
    twice = _with_length(app, "2").replace(b"\r\n\r\n", b"\r\nContent-Length: 2\r\n\r\n", 1)
    assert app.raw(twice, shut=True).status == 400
    both = _with_length(app, "2", Transfer_Encoding="chunked")
    assert app.raw(both, shut=True).status == 400


def test_a_body_shorter_than_declared_is_400(app: App) -> None:
    reply = app.raw(_with_length(app, "100", b"{}"), shut=True)
    assert reply.status == 400
    assert reply.json() == {"error": "body shorter than Content-Length"}


def test_a_stalled_body_is_408(app: App, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ClinicHandler, "timeout", 0.3)
    reply = app.raw(_with_length(app, "100", b"{"))  # never finished, never closed
    assert reply.status == 408


@pytest.mark.parametrize(
    "body",
    [b"", b"not json", b"[]", b'"text"', b"NaN", b'{"a": Infinity}', b"\xff\xfe", b"[" * 100_000],
    ids=["empty", "text", "list", "string", "nan", "infinity", "not-utf8", "deep"],
)
def test_a_body_that_is_not_a_json_object_is_400(app: App, body: bytes) -> None:
    answer = app.post("/submit", body)
    assert answer.status_code == 400
    assert set(answer.json()) == {"error"}


def test_refusals_quote_nothing_from_the_request(app: App) -> None:
    answers = [
        app.post("/submit", f'{{"name": "{SENTINEL}"'),  # cut short: not JSON
        app.post("/submit", json.dumps([SENTINEL])),
        app.post("/submit", json.dumps({"resourceType": SENTINEL, "item": SENTINEL})),
        app.post("/submit", SENTINEL, Content_Type="text/plain"),
        app.post("/submit", SENTINEL, Origin=f"https://{SENTINEL}.example"),
        app.post(f"/submit?name={SENTINEL}", SENTINEL, X_CSRF_Token=SENTINEL),
        requests.get(f"{app.url}/{SENTINEL}?name={SENTINEL}", timeout=30),
    ]
    assert [a.status_code for a in answers] == [400, 400, 422, 415, 403, 403, 404]
    for answer in answers:
        assert SENTINEL not in answer.text


def test_an_unexpected_failure_is_a_500_with_no_detail(
    app: App, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    def fail(self: Store, response: object) -> str:
        raise RuntimeError(SENTINEL)  # fault injection: a bug deep in the app

    monkeypatch.setattr(Store, "add", fail)
    caplog.set_level(logging.DEBUG)
    answer = app.post("/submit", "{}")
    assert answer.status_code == 500
    assert answer.json() == {"error": "internal error"}
    assert "RuntimeError" in caplog.text
    assert SENTINEL not in caplog.text


def test_no_patient_data_in_logs_from_submit_to_failed_post(
    start_app: Callable[..., App], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # the root logger: the app, requests and urllib3 alike
    app = start_app(fhir_server=f"http://127.0.0.1:{free_port()}/fhir")
    intake = load_example("amina-hassan")
    response = intake_to_response(intake)
    del response["identifier"], response["subject"]
    answer = app.post("/submit", json.dumps(response))
    assert answer.status_code == 200
    key = answer.json()["summary"].removeprefix("/summary/")
    assert requests.get(f"{app.url}/summary/{key}", timeout=30).status_code == 200
    assert app.post(f"/post/{key}", "{}").status_code == 502
    # Patient text in answers of the wrong type: the problems name the item, never the text.
    language = next(item for item in response["item"] if item["linkId"] == "language")
    for item in language["item"]:
        if item["linkId"] == "language.interpreter-needed":
            item["answer"] = [{"valueString": SENTINEL}]
        if item["linkId"] == "language.preferred":
            item["answer"] = [{"valueCoding": {"code": SENTINEL, "display": SENTINEL}}]
    refused = app.post("/submit", json.dumps(response))
    assert refused.status_code == 422
    assert SENTINEL not in refused.text
    assert caplog.records, "nothing was logged at all"
    patient = intake.patient
    for text in (SENTINEL, patient.family_name, patient.given_name, patient.identifier_value):
        assert text
        assert text not in caplog.text
    # The visit key opens the summary: the app's own lines leave it out (the test's client's
    # urllib3 lines, also captured here, do show the URLs it asked for).
    app_lines = [r.getMessage() for r in caplog.records if r.name.startswith("examples.")]
    assert app_lines
    assert not [line for line in app_lines if key in line]


def test_a_client_that_goes_away_does_not_stop_the_app(app: App) -> None:
    head = _with_length(app, str(MAX_BODY_BYTES), b"{")
    for _ in range(5):
        with socket.create_connection(("127.0.0.1", app.port), timeout=5) as sock:
            sock.sendall(head)
    assert requests.get(app.url + "/", timeout=30).status_code == 200
