"""What every renderer must do with our Questionnaire: one body for LHC-Forms and SMART Forms."""

from pathlib import Path

import pytest
from playwright.sync_api import Page

from tests.browser.chrome import english_chrome, page_texts
from tests.browser.conftest import RENDER_CASES, PageErrors
from tests.browser.drivers import DRIVERS, FormDriver

pytestmark = pytest.mark.browser

_ITEMS_EVERY_FORM_SHOWS = ("social-support.mos-sss-01", "network.person.name", "barriers.any")


@pytest.fixture(params=DRIVERS, ids=lambda driver: driver.name)
def driver(request: pytest.FixtureRequest) -> FormDriver:
    chosen: FormDriver = request.param
    if chosen.name == "smart-forms":
        request.getfixturevalue("smart_forms_bundle")
    return chosen


@pytest.mark.parametrize(("language", "expected"), RENDER_CASES)
def test_form_renders_without_errors(  # noqa: PLR0917 - pytest passes fixtures positionally
    page: tuple[Page, PageErrors],
    form_server: str,
    tmp_path: Path,
    driver: FormDriver,
    language: str,
    expected: list[str],
) -> None:
    tab, errors = page
    driver.open(tab, form_server, language)
    tab.screenshot(path=str(tmp_path / f"{driver.name}-{language}.png"), full_page=True)
    for text in expected:
        assert tab.get_by_text(text, exact=True).first.is_visible(), text
    for link_id in _ITEMS_EVERY_FORM_SHOWS:
        assert driver.item(tab, link_id).is_visible(), link_id
    assert errors == []


def test_enable_when_shows_and_hides_follow_ups(
    page: tuple[Page, PageErrors], form_server: str, driver: FormDriver
) -> None:
    tab, errors = page
    driver.open(tab, form_server, "en")
    concerns = driver.item(tab, "privacy.concerns")
    assert concerns.count() == 0
    driver.answer_boolean(tab, "privacy.has-concerns", True)
    concerns.wait_for(state="visible")
    driver.answer_boolean(tab, "privacy.has-concerns", False)
    concerns.wait_for(state="detached")
    phone = driver.item(tab, "network.person.phone")
    driver.answer_boolean(tab, "network.person.do-not-contact", False)
    phone.wait_for(state="visible")
    driver.answer_boolean(tab, "network.person.do-not-contact", True)
    phone.wait_for(state="detached")
    assert driver.item(tab, "network.person.do-not-contact-reason").is_visible()
    assert errors == []


@pytest.mark.parametrize("language", ["es", "vi", "ar"])
def test_no_english_chrome_remains_on_a_translated_form(
    page: tuple[Page, PageErrors],
    form_server: str,
    tmp_path: Path,
    driver: FormDriver,
    language: str,
) -> None:
    tab, errors = page
    driver.open(tab, form_server, language)
    tab.wait_for_function("window.chromeLocalised === true")
    # What the renderer draws after a click too: a second support person, a focused date box.
    driver.item(tab, "about.birth-date").locator("input").first.click()
    tab.keyboard.press("Escape")
    tab.screenshot(path=str(tmp_path / f"{driver.name}-{language}.png"), full_page=True)
    questionnaire = tab.evaluate("window.questionnaire")
    assert questionnaire["language"] == language
    assert len(page_texts(tab)) > 100, "the check read almost nothing off the page"
    assert english_chrome(tab, questionnaire) == []
    assert tab.evaluate("document.documentElement.lang") == language
    direction = tab.evaluate("getComputedStyle(document.querySelector('#form')).direction")
    assert direction == ("rtl" if language == "ar" else "ltr")
    assert errors == []


def test_the_chrome_check_finds_renderer_english(
    page: tuple[Page, PageErrors], form_server: str, driver: FormDriver
) -> None:
    # Without the page's localiser (English chrome left as the renderer wrote it) the check
    # must find it, or it proves nothing.
    tab, _ = page
    tab.route(
        "**/renderer-chrome.js",
        lambda route: route.fulfill(
            body="window.localiseRendererChrome = async () => {};", content_type="text/javascript"
        ),
    )
    driver.open(tab, form_server, "es")
    found = english_chrome(tab, tab.evaluate("window.questionnaire"))
    assert found, "the check found no English on an unlocalised page"
