"""The clinic app's form and summary as people using assistive technology meet them.

axe-core (pinned npm package, injected into the page) finds no serious or critical WCAG 2.1
A/AA violation on the form (as loaded, and with its problems shown) or on the summary, in
every language; problems sit next to their questions, the first is focused and all are
announced; placeholders meet 4.5:1 contrast; the long form has section links and progress.
"""

import json
import re
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
import requests
from examples.clinic_app.config import AppConfig
from examples.clinic_app.server import serve
from playwright.sync_api import Browser, Page, expect

from commcare_ext.questionnaire import build_questionnaire, intake_to_response
from commcare_ext.terminology import text_direction, translate
from tests.browser.a11y import axe_violations, serious
from tests.fixtures import load_example

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")
_REQUIRED = "Please answer this question."


@pytest.fixture(scope="module")
def app_url() -> Iterator[str]:
    """The app on a free loopback port (no FHIR server: nothing here posts)."""
    server = serve(AppConfig(port=0))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.url.rstrip("/")
    server.shutdown()
    server.server_close()


def _open(browser: Browser, url: str) -> Page:
    page = browser.new_context(viewport={"width": 1280, "height": 1000}).new_page()
    page.goto(url)
    expect(page.locator("#submit")).to_be_enabled(timeout=60_000)
    return page


def _summary_url(app_url: str, page: Page, lang: str) -> str:
    """Submit a complete response as the page would, and return its summary's address."""
    response = intake_to_response(load_example("amina-hassan"), language=lang)
    response.pop("identifier")
    response.pop("subject")
    token = page.locator('meta[name="csrf-token"]').get_attribute("content") or ""
    headers = {"Origin": app_url, "X-CSRF-Token": token, "Content-Type": "application/fhir+json"}
    answer = requests.post(
        f"{app_url}/submit", data=json.dumps(response), headers=headers, timeout=30
    )
    assert answer.status_code == 200, answer.text
    return f"{app_url}{answer.json()['summary']}?lang={lang}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_form_and_summary_have_no_serious_or_critical_violations(
    browser: Browser, app_url: str, lang: str, tmp_path: Path
) -> None:
    page = _open(browser, f"{app_url}/?lang={lang}")
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == text_direction(lang)
    assert serious(axe_violations(page)) == []
    page.locator("#submit").click()
    page.locator(".problem").first.wait_for()
    page.screenshot(path=str(tmp_path / f"form-{lang}-problems.png"), full_page=True)
    assert serious(axe_violations(page)) == []
    page.goto(_summary_url(app_url, page, lang))
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == text_direction(lang)
    page.screenshot(path=str(tmp_path / f"summary-{lang}.png"), full_page=True)
    assert serious(axe_violations(page)) == []
    page.context.close()


def test_the_check_finds_a_serious_violation(browser: Browser, app_url: str) -> None:
    # A page with a serious problem (an unlabelled field) must fail, or the check proves nothing.
    page = _open(browser, f"{app_url}/?lang=es")
    page.evaluate("document.querySelector('main').append(document.createElement('input'))")
    assert any(v["id"] == "label" for v in serious(axe_violations(page)))
    page.context.close()


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_problems_sit_next_to_their_questions_focused_and_announced(
    browser: Browser, app_url: str, lang: str
) -> None:
    page = _open(browser, f"{app_url}/?lang={lang}")
    page.locator("#submit").click()
    page.locator(".problem").first.wait_for()
    summary = page.locator("#problems")
    assert summary.get_attribute("role") == "alert"
    assert summary.get_attribute("aria-live") == "assertive"
    required = translate(lang, _REQUIRED, "message:required")
    notes = page.locator(".problem")
    assert notes.count() >= 3
    for index in range(notes.count()):
        note = notes.nth(index)
        assert note.inner_text() == required
        # inside its question's own block, and named by that question's field
        item = note.locator("xpath=ancestor::lhc-item[1]")
        field = item.locator("input, textarea").first
        assert field.get_attribute("aria-invalid") == "true"
        assert note.get_attribute("id") in (field.get_attribute("aria-describedby") or "").split()
    listed = summary.inner_text()
    assert "language.preferred" not in listed
    assert not re.search(r"\b[a-z]+\.[a-z-]+/", listed)  # no linkId paths anywhere
    first = notes.first.locator("xpath=ancestor::lhc-item[1]").locator("input, textarea").first
    assert first.evaluate("field => field === document.activeElement")
    page.context.close()


def test_placeholders_meet_aa_contrast(browser: Browser, app_url: str) -> None:
    page = _open(browser, f"{app_url}/?lang=vi")
    colours = page.evaluate(
        """() => [...document.querySelectorAll('#form [placeholder]')].map((field) => [
          getComputedStyle(field, '::placeholder').color,
          getComputedStyle(field).backgroundColor,
        ])"""
    )
    assert len(colours) > 10
    for text, background in colours:
        assert _contrast(text, background) >= 4.5, (text, background)
    page.context.close()


def test_the_long_form_has_section_links_and_progress(browser: Browser, app_url: str) -> None:
    page = _open(browser, f"{app_url}/?lang=es")
    links = page.locator("#sections a")
    sections = len(build_questionnaire("es")["item"])
    assert sections >= 9
    assert links.count() == sections
    assert links.first.inner_text() == "Sobre usted"
    progress = page.locator("#progress-text")
    expect(progress).to_have_text(f"0 de {sections} secciones empezadas")
    links.nth(3).click()
    focused = page.evaluate("document.activeElement.closest('[id^=\"item-formulation\"]') !== null")
    assert focused
    page.keyboard.type("No duermo")
    expect(progress).to_have_text(f"1 de {sections} secciones empezadas")
    page.context.close()


def _contrast(foreground: str, background: str) -> float:
    def channels(colour: str) -> tuple[float, float, float, float]:
        values = [float(v) for v in re.findall(r"[\d.]+", colour)]
        alpha = values[3] if len(values) > 3 else 1.0
        return values[0], values[1], values[2], alpha

    def luminance(r: float, g: float, b: float) -> float:
        def linear(c: float) -> float:
            c /= 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b)

    fr, fg, fb, fa = channels(foreground)
    br, bg, bb, ba = channels(background)
    if ba == 0:
        br = bg = bb = 255.0  # transparent field on the white page
    fr, fg, fb = (fa * f + (1 - fa) * b for f, b in ((fr, br), (fg, bg), (fb, bb)))
    lighter, darker = sorted((luminance(fr, fg, fb), luminance(br, bg, bb)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)
