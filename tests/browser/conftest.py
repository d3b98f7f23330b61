"""Fixtures: a real headless Chromium (Debian's) driven by Playwright, and the page server."""

from collections.abc import Iterator

import pytest
from examples.clinic_app.texts import chrome_words
from playwright.sync_api import Browser, Page, sync_playwright

from commcare_ext.questionnaire import build_questionnaire
from tests.support.renderers import (
    CHROMIUM_ARGS,
    CLINIC_APP,
    Route,
    ensure_smart_forms_bundle,
    json_route,
    page_server,
    require_chromium,
)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(
            executable_path=str(require_chromium()), args=CHROMIUM_ARGS, headless=True
        )
        yield launched
        launched.close()


def form_routes() -> dict[str, Route]:
    """The test pages' routes: our Questionnaire, the chrome words and their localiser."""
    return {
        "/questionnaire.json": json_route(
            lambda query: build_questionnaire(query.get("lang", ["en"])[0])
        ),
        "/chrome.json": json_route(lambda query: chrome_words(query.get("lang", ["en"])[0])),
        "/renderer-chrome.js": lambda _q, _b: (
            200,
            "text/javascript; charset=utf-8",
            (CLINIC_APP / "renderer-chrome.js").read_bytes(),
        ),
        "/favicon.ico": lambda _q, _b: (204, "image/x-icon", b""),
    }


@pytest.fixture(scope="session")
def form_server() -> Iterator[str]:
    with page_server(form_routes()) as url:
        yield url


@pytest.fixture(scope="session")
def smart_forms_bundle() -> None:
    """Build the SMART Forms page bundle (npm ci + esbuild; cached by the lockfile)."""
    ensure_smart_forms_bundle()


#: The identifier an embedding app passes for the patient the form is about.
PATIENT = ("https://clinic.example.org/fhir/mrn", "MRN-448201")

#: (language, texts that must be visible) for the render checks every renderer passes.
RENDER_CASES = [
    ("en", ["About you", "In which language do you prefer to talk about your health?"]),
    ("es", ["Sobre usted", "¿En qué idioma prefiere hablar sobre su salud?"]),
]


class PageErrors(list[str]):
    """Console errors and uncaught exceptions seen on a page."""


@pytest.fixture
def page(browser: Browser) -> Iterator[tuple[Page, PageErrors]]:
    context = browser.new_context(viewport={"width": 1280, "height": 1000})
    opened = context.new_page()
    errors = PageErrors()
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    yield opened, errors
    context.close()
