"""The example clinic app, walked through in a real browser: fill -> submit -> summary -> Bundle."""

import json
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from examples.clinic_app.app import serve
from fhir.resources.R4B.bundle import Bundle
from playwright.sync_api import Browser

from tests.browser.test_lforms import _choose, _id, _pick
from tests.support.fhir_server import fhir_server

pytestmark = [pytest.mark.browser, pytest.mark.integration]

LOCAL = "https://fhir.commcare-ext.org/CodeSystem/commcare-intake"


@pytest.fixture
def app_url() -> Iterator[str]:
    server = serve(0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_clinician_walks_from_form_to_posted_referral(
    browser: Browser, app_url: str, tmp_path: Path
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, accept_downloads=True)
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.goto(app_url + "/")
    page.wait_for_function("window.formReady === true", timeout=60_000)

    # Submitting an empty form shows every problem, and nothing is lost.
    page.locator("#submit").click()
    page.locator("#problems").wait_for(state="visible")
    assert "language.preferred" in page.locator("#problems").inner_text()

    _choose(page, f"about.respondent/1/1|{LOCAL}|respondent-patient")
    _pick(page, "language.preferred/1/1", "Somali")
    _choose(page, "language.interpreter-needed/1/1|true")
    page.locator(_id("formulation.problem/1/1/1")).fill("I cannot sleep and I am always afraid.")
    page.locator(_id("network.person.name/1/1/1")).fill("Hodan Ali")
    _pick(page, "network.person.relationship/1/1/1", "cousin")
    _choose(page, "network.person.do-not-contact/1/1/1|false")
    _choose(page, f"network.person.involvement/1/1/1|{LOCAL}|involvement-attends")
    page.locator(_id("add-network.person/1/1")).click()
    page.locator(_id("network.person.name/1/2/1")).fill("Abdirahman Farah")
    _pick(page, "network.person.relationship/1/2/1", "spouse")
    _choose(page, "network.person.do-not-contact/1/2/1|true")
    _choose(page, f"care.supports/1/1|{LOCAL}|support-peer-group")
    _choose(page, "care.referral-consent/1/1|true")
    _choose(page, f"care.referral-share/1/1|{LOCAL}|referral-share-language")
    page.screenshot(path=str(tmp_path / "app-form.png"), full_page=True)
    page.locator("#submit").click()

    page.wait_for_url("**/summary/*")
    page.screenshot(path=str(tmp_path / "app-summary.png"), full_page=True)
    assert page.get_by_role("heading", level=1).inner_text().startswith("Intake summary")
    assert (
        page.get_by_role("alert").first.inner_text() == "Do not contact or inform: Abdirahman Farah"
    )

    with page.expect_download() as download:
        page.get_by_role("link", name="Transaction Bundle for the EHR").click()
    transaction = json.loads(Path(download.value.path()).read_text("utf-8"))
    Bundle.model_validate(transaction)
    assert transaction["type"] == "transaction"
    with page.expect_download() as download:
        page.get_by_role("link", name="Referral message: peer group").click()
    message = Path(download.value.path()).read_text("utf-8")
    assert "Abdirahman" not in message
    assert "Hodan" not in message  # the patient shared only language needs

    with fhir_server() as fhir_url:
        page.locator("#server").fill(fhir_url)
        page.get_by_role("button", name="Post to FHIR server").click()
        page.get_by_role("status").wait_for()
        assert page.get_by_role("status").inner_text().startswith("Posted:")
    assert errors == []
    context.close()
