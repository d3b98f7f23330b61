"""One face per renderer, so the parity tests run one body against LHC-Forms and SMART Forms.

Each driver knows how its renderer names an item on the page; the tests say what a person
sees and does in terms of linkIds and answers only.
"""

from typing import Protocol

from playwright.sync_api import Locator, Page


class FormDriver(Protocol):
    """How a test finds items and answers yes/no questions in one renderer."""

    name: str

    def open(self, page: Page, url: str, language: str) -> None:
        """Load the form in ``language`` and wait until the renderer says it is ready."""

    def item(self, page: Page, link_id: str) -> Locator:
        """The first rendered instance of the item ``link_id`` (top-level or in a group)."""

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        """Click the yes or no answer of the first instance of ``link_id``."""


class LhcForms:
    """LHC-Forms: elements carry ids such as ``item-<linkId>/1/1`` and ``<linkId>/1/1|true``."""

    name = "lforms"

    def open(self, page: Page, url: str, language: str) -> None:
        page.goto(f"{url}/lforms.html?lang={language}")
        page.wait_for_function("window.formReady === true", timeout=60_000)

    def item(self, page: Page, link_id: str) -> Locator:
        top, nested = f'[id="item-{link_id}/1/1"]', f'[id="item-{link_id}/1/1/1"]'
        return page.locator(f"{top}, {nested}").first

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        word = "true" if value else "false"
        top, nested = f'[id="{link_id}/1/1|{word}"]', f'[id="{link_id}/1/1/1|{word}"]'
        page.locator(f"{top}, {nested}").first.check(force=True)


class SmartForms:
    """SMART Forms: every item's container carries ``data-linkid``; answers are labelled radios."""

    name = "smart-forms"

    def open(self, page: Page, url: str, language: str) -> None:
        page.goto(f"{url}/smart.html?lang={language}")
        page.wait_for_function("window.formReady === true", timeout=60_000)
        page.locator('[data-linkid="about.respondent"]').first.wait_for(timeout=60_000)

    def item(self, page: Page, link_id: str) -> Locator:
        return page.locator(f'[data-linkid="{link_id}"]').first

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        label = "Yes" if value else "No"
        self.item(page, link_id).get_by_label(label, exact=True).first.check()


DRIVERS: list[FormDriver] = [LhcForms(), SmartForms()]


def wait_for_response_text(page: Page, *texts: str) -> None:
    """Wait until the renderer's QuestionnaireResponse holds every one of ``texts``.

    Renderers debounce typing into their response store; waiting on the response itself
    replaces a guessed pause.
    """
    page.wait_for_function(
        "texts => { const r = JSON.stringify(window.intakeResponse());"
        " return texts.every(t => r.includes(t)); }",
        arg=list(texts),
        timeout=15_000,
    )
