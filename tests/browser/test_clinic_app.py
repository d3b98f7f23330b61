"""The example clinic app, walked through in a real browser: fill -> submit -> summary -> Bundle."""

import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from examples.clinic_app.config import AppConfig
from examples.clinic_app.server import serve
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_lforms import _choose, _id
from tests.browser.test_lforms import _pick as _pick_entry
from tests.support.fhir_server import fhir_server

pytestmark = [pytest.mark.browser, pytest.mark.integration]

LOCAL = "https://fhir.commcare-ext.org/CodeSystem/commcare-intake"


def _pick(page: Page, link_id: str, typed: str) -> None:
    """Pick from an autocomplete, then wait until its list is gone (it covers the next field)."""
    _pick_entry(page, link_id, typed)
    page.locator("#lhc-tools-searchResults").wait_for(state="hidden")


@pytest.fixture
def app_url() -> Iterator[str]:
    """The app on a free loopback port, posting to a fresh loopback FHIR server."""
    with fhir_server() as fhir_url:
        server = serve(AppConfig(port=0, fhir_server=fhir_url))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        yield server.url.rstrip("/")
        server.shutdown()
        server.server_close()


def test_clinician_walks_from_form_to_posted_referral(
    browser: Browser, app_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    # A Content-Security-Policy violation is reported on the console only.
    console: list[str] = []
    page.on("console", lambda m: console.append(m.text) if m.type == "error" else None)
    page.goto(app_url + "/")
    # The page's CSP forbids eval, so wait on the DOM, not on a JavaScript expression.
    expect(page.locator("#submit")).to_be_enabled(timeout=60_000)

    # Submitting an empty form shows every problem, and nothing is lost.
    page.locator("#submit").click()
    page.locator("#problems").wait_for(state="visible")
    problems = page.locator("#problems").inner_text()
    assert "In which language do you prefer to talk about your health?" in problems
    assert "language.preferred" not in problems

    _choose(page, f"about.respondent/1/1|{LOCAL}|respondent-patient")
    _pick(page, "language.preferred/1/1", "Somali")
    _choose(page, "language.interpreter-needed/1/1|true")
    page.locator(_id("formulation.problem/1/1/1")).fill("I cannot sleep and I am always afraid.")
    page.locator(_id("network.person.name/1/1/1")).fill("Hodan Ali")
    _pick(page, "network.person.relationship/1/1/1", "cousin")
    _choose(page, f"network.person.do-not-contact/1/1/1|{LOCAL}|contact-safe")
    _choose(page, f"network.person.involvement/1/1/1|{LOCAL}|involvement-attends")
    page.locator(_id("add-network.person/1/1")).click()
    page.locator(_id("network.person.name/1/2/1")).fill("Abdirahman Farah")
    _pick(page, "network.person.relationship/1/2/1", "spouse")
    _choose(page, f"network.person.do-not-contact/1/2/1|{LOCAL}|contact-never")
    _choose(page, f"care.supports/1/1|{LOCAL}|support-peer-group")
    _choose(page, "care.referral-consent/1/1|true")
    _choose(page, f"care.referral-share/1/1|{LOCAL}|referral-share-language")
    page.screenshot(path=str(tmp_path / "app-form.png"), full_page=True)
    page.locator("#submit").click()

    page.wait_for_url("**/summary/*")
    page.screenshot(path=str(tmp_path / "app-summary.png"), full_page=True)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Intake summary")
    # The risk banner opens the summary (this walk-through answers no screen), then the
    # do-not-contact warning.
    alerts = page.get_by_role("alert").all_inner_texts()
    assert alerts[0].startswith("Not screened for suicide risk in this intake")
    assert "Do not contact or inform: Abdirahman Farah" in alerts[1:]

    with page.expect_download() as download:
        page.get_by_role("link", name="Transaction Bundle for the EHR").click()
    transaction = json.loads(Path(download.value.path()).read_text("utf-8"))
    Bundle.model_validate(transaction)
    assert transaction["type"] == "transaction"
    with page.expect_download() as download:
        page.get_by_role("link", name="Referral message: Peer support group").click()
    message = Path(download.value.path()).read_text("utf-8")
    assert "Abdirahman" not in message
    assert "Hodan" not in message  # the patient shared only language needs

    # The page names no server: the app posts to the one it was started with.
    assert page.locator("input").count() == 0
    page.get_by_role("button", name="Post to FHIR server").click()
    expect(page.get_by_role("status")).to_have_text(re.compile(r"^(Posted|Not posted):"))
    assert page.get_by_role("status").inner_text().startswith("Posted:")
    assert errors == []
    # The one console error is the empty submit's 422 (every problem listed), nothing else.
    assert console == [
        "Failed to load resource: the server responded with a status of 422 (Unprocessable Entity)"
    ]
    context.close()
