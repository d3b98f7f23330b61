"""A "yes" on the suicide-risk screen shows crisis help on the page at once, before submitting,
in the form's language: in LHC-Forms and in the example clinic app (real headless Chromium)."""

import threading
from collections.abc import Iterator

import pytest
from examples.clinic_app.config import AppConfig
from examples.clinic_app.server import serve
from playwright.sync_api import Browser, Page, expect

from commcare_ext.questionnaire.form.safety import CRISIS_HEADING_EN
from commcare_ext.terminology import CrisisResources, FormLanguage, lifeline_988, translate
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.standard import YES
from tests.browser.conftest import PageErrors
from tests.browser.drivers import DRIVERS

pytestmark = pytest.mark.browser

LANGUAGES = [language.value for language in FormLanguage]
LFORMS = next(driver for driver in DRIVERS if driver.name == "lforms")
#: A clinic outside the US: its own line, described in every language.
SAMARITANS = CrisisResources.from_json(
    {
        "country": "GB",
        "by_country": {
            "GB": [
                {
                    "key": "samaritans",
                    "name": "Samaritans",
                    "call": "116 123",
                    "always_open": True,
                    "description": {lang: f"listening line [{lang}]" for lang in LANGUAGES},
                }
            ]
        },
    }
)


def _yes(language: str) -> str:
    return "Yes" if language == "en" else code_display(YES, language)


def _label(link_id: str) -> str:
    return f'[id="label-{link_id}/1/1"]'


def _answer_yes_and_see_help(tab: Page, language: str, key: str, described: str) -> None:
    heading = tab.locator(_label("safety.crisis-help"))
    line = tab.locator(_label(f"safety.crisis-help.{key}"))
    expect(heading).to_have_count(0)  # nothing before a "yes"
    expect(line).to_have_count(0)
    LFORMS.choose(tab, "safety.asq-2", _yes(language))
    expect(heading).to_be_visible()
    expect(heading).to_contain_text(translate(language, CRISIS_HEADING_EN, "safety.crisis-help"))
    expect(line).to_be_visible()
    expect(line).to_contain_text(described)


@pytest.mark.parametrize("language", LANGUAGES)
def test_lforms_shows_the_988_lifeline_in_the_forms_language(
    page: tuple[Page, PageErrors], form_server: str, language: str
) -> None:
    tab, errors = page
    LFORMS.open(tab, form_server, language)
    lifeline = lifeline_988()
    _answer_yes_and_see_help(tab, language, lifeline.key, lifeline.described_in(language))
    expect(tab.locator(_label("safety.crisis-help.lifeline-988"))).to_contain_text("988")
    assert errors == []


@pytest.fixture(scope="module")
def clinic_app() -> Iterator[str]:
    """The app with the clinic's own crisis line (no FHIR server: nothing is submitted)."""
    server = serve(AppConfig(port=0, crisis=SAMARITANS))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield server.url.rstrip("/")
    server.shutdown()
    server.server_close()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_clinic_app_shows_the_clinics_own_line(
    browser: Browser, clinic_app: str, language: str
) -> None:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda e: errors.append(str(e)))
    tab.goto(f"{clinic_app}/?lang={language}")
    expect(tab.locator("#submit")).to_be_enabled(timeout=60_000)
    _answer_yes_and_see_help(tab, language, "samaritans", f"listening line [{language}]")
    expect(tab.locator(_label("safety.crisis-help.samaritans"))).to_contain_text("116 123")
    assert errors == []
    context.close()
