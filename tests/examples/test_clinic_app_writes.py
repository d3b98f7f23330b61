"""Writes to the clinic app: from its own page, as JSON, to the FHIR server fixed at start."""

import json
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

import pytest
import requests

from commcare_ext.questionnaire import intake_to_response
from tests.examples.conftest import App, Recorder, free_port
from tests.fixtures import load_example
from tests.support.fhir_server import fhir_server


def _response() -> str:
    """A completed response as the form page sends it: the app supplies identifier and subject."""
    response = intake_to_response(load_example("amina-hassan"))
    del response["identifier"], response["subject"]
    return json.dumps(response)


def _submitted(app: App) -> str:
    answer = app.post("/submit", _response())
    assert answer.status_code == 200, answer.text
    summary = answer.json()["summary"]
    assert isinstance(summary, str)
    return summary.removeprefix("/summary/")


def test_the_apps_own_page_can_submit_and_read_the_summary(app: App) -> None:
    key = _submitted(app)
    page = requests.get(f"{app.url}/summary/{key}", timeout=30)
    assert page.status_code == 200
    assert "Intake summary" in page.text
    assert f'content="{app.token}"' in page.text  # the summary page can post, too
    bundle = requests.get(f"{app.url}/bundle/{key}/transaction.json", timeout=30)
    assert bundle.json()["type"] == "transaction"
    assert bundle.headers["Content-Disposition"] == 'attachment; filename="transaction.json"'


@pytest.mark.parametrize(
    "headers",
    [
        {"Origin": "https://evil.example"},
        {"Origin": "null"},
        {"Origin": "http://127.0.0.1"},  # another port is another origin
        {"Origin": "", "Sec-Fetch-Site": ""},  # no Origin at all
        {"Sec-Fetch-Site": "cross-site"},
        {"Sec-Fetch-Site": "same-site"},
    ],
    ids=["other-site", "opaque", "other-port", "no-origin", "fetch-cross-site", "fetch-same-site"],
)
def test_a_write_from_another_origin_is_refused(app: App, headers: dict[str, str]) -> None:
    answer = app.post("/submit", _response(), **headers)
    assert answer.status_code == 403
    assert app.server.app.store.visits == {}


@pytest.mark.parametrize("token", ["", "wrong", "other-start"])
def test_a_write_without_this_apps_csrf_token_is_refused(
    start_app: Callable[..., App], token: str
) -> None:
    app, other = start_app(), start_app()
    sent = {"other-start": other.token}.get(token, token)
    answer = app.post("/submit", _response(), X_CSRF_Token=sent)
    assert answer.status_code == 403
    assert answer.json() == {"error": "missing or wrong CSRF token"}
    assert app.server.app.store.visits == {}


@pytest.mark.parametrize(
    "content_type",
    [
        "text/plain",
        "text/plain;charset=UTF-8",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "",
        "application/json; charset=latin-1",
    ],
)
def test_a_write_that_is_not_json_is_refused(app: App, content_type: str) -> None:
    # text/plain, form and multipart are what a page on another site can send without asking.
    answer = app.post("/submit", _response(), Content_Type=content_type)
    assert answer.status_code == 415
    assert app.server.app.store.visits == {}


@pytest.mark.parametrize(
    "content_type", ["application/json", "application/fhir+json; charset=utf-8"]
)
def test_both_json_media_types_are_taken(app: App, content_type: str) -> None:
    assert app.post("/submit", _response(), Content_Type=content_type).status_code == 200


@pytest.mark.parametrize("named_in", ["json", "query", "form"])
def test_the_bundle_goes_to_the_configured_server_never_to_one_the_request_names(
    start_app: Callable[..., App], recorders: tuple[Recorder, Recorder], named_in: str
) -> None:
    configured, named = recorders
    app = start_app(fhir_server=configured.url)
    key = _submitted(app)
    if named_in == "form":  # what the summary page's form used to send
        body = urlencode({"server": named.url})
        answer = app.post(f"/post/{key}", body, Content_Type="application/x-www-form-urlencoded")
        assert named.requests == []
        assert answer.status_code == 415
        assert configured.requests == []
    else:
        fields: dict[str, Any] = {"server": named.url, "url": named.url, "base": named.url}
        query = f"?{urlencode(fields)}" if named_in == "query" else ""
        answer = app.post(f"/post/{key}{query}", json.dumps(fields if named_in == "json" else {}))
        assert named.requests == []
        assert answer.status_code == 502  # the recorder refuses everything
        assert answer.json()["posted"] is False
        assert configured.requests, "the configured server was not asked"
        assert all(path.startswith("/fhir/") for _, path, _ in configured.requests)


def test_without_a_configured_server_nothing_is_posted(
    app: App, recorders: tuple[Recorder, Recorder]
) -> None:
    _, named = recorders
    key = _submitted(app)
    answer = app.post(f"/post/{key}", json.dumps({"server": named.url}))
    assert answer.status_code == 409
    assert answer.json() == {
        "posted": False,
        "message": "Not posted: no FHIR server is configured.",
    }
    assert named.requests == []
    page = requests.get(f"{app.url}/summary/{key}", timeout=30).text
    assert "No FHIR server is configured" in page
    assert 'id="post"' not in page


def test_an_unreachable_server_is_an_answer_not_a_failure(start_app: Callable[..., App]) -> None:
    app = start_app(fhir_server=f"http://127.0.0.1:{free_port()}/fhir")
    answer = app.post(f"/post/{_submitted(app)}", "{}")
    assert answer.status_code == 502
    assert answer.json()["message"].startswith("Not posted: ")


def test_a_post_for_an_unknown_visit_is_404(app: App) -> None:
    assert app.post("/post/" + "0" * 32, "{}").status_code == 404


@pytest.mark.integration
def test_the_bundle_lands_on_the_configured_fhir_server(start_app: Callable[..., App]) -> None:
    with fhir_server() as url:
        app = start_app(fhir_server=url)
        answer = app.post(f"/post/{_submitted(app)}", "{}")
        assert answer.status_code == 200, answer.text
        assert answer.json()["message"].startswith("Posted: ")
        found = requests.get(url + "Patient", timeout=30).json()
        assert len(found.get("entry", [])) == 1
