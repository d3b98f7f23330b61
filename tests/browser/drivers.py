"""One face per renderer, so the parity tests run one body against LHC-Forms and SMART Forms.

Each driver knows how its renderer names an item on the page; the tests say what a person
sees and does in terms of linkIds, the words on the screen and answers only. ``nth`` counts
instances of a repeating group from 1.
"""

import re
from typing import Protocol

from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import Locator, Page, expect
from playwright.sync_api import TimeoutError as PlaywrightTimeoutError


def click_until_checked(option: Locator) -> None:
    """Click a radio or checkbox label as a person would, and wait until its control is checked.

    Angular may re-render a repeated row while the click lands (a new row, an autocomplete
    choice); the click is then lost, and a person would click again. A checked control stays
    checked, so a second click only happens when the first did not take.
    """
    control = option.locator("input")
    for _ in range(3):
        option.click()
        try:
            expect(control).to_be_checked(timeout=5_000)
            return
        except AssertionError:
            continue
    expect(control).to_be_checked()


def check_until_checked(control: Locator) -> None:
    """Check a labelled radio or checkbox input, clicking again if a re-render ate the click.

    Playwright's ``check`` raises when the click did not change the state; a person would
    click again, so we do, twice at most.
    """
    for attempt in range(3):
        try:
            control.check()
            return
        except PlaywrightError:
            if attempt == 2:
                raise


class FormDriver(Protocol):
    """How a test finds items and answers questions in one renderer, as a person would."""

    name: str

    def open(self, page: Page, url: str, language: str) -> None:
        """Load the form in ``language`` and wait until the renderer says it is ready."""

    def item(self, page: Page, link_id: str, nth: int = 1) -> Locator:
        """The ``nth`` rendered instance of the item ``link_id`` (top-level or in a group)."""

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        """Click the yes or no answer of the first instance of ``link_id`` (English form)."""

    def type_text(self, page: Page, link_id: str, text: str, nth: int = 1) -> None:
        """Click into a text field and type ``text`` key by key."""

    def choose(self, page: Page, link_id: str, label: str, nth: int = 1) -> None:
        """Click the radio button or check box whose label is ``label``."""

    def pick(self, page: Page, link_id: str, typed: str, nth: int = 1) -> None:
        """Type into a list field and click the entry that reads ``typed``."""

    def add_instance(self, page: Page, link_id: str) -> None:
        """Add another instance of the repeating group ``link_id``."""


class LhcForms:
    """LHC-Forms: elements carry ids such as ``item-<linkId>/1/1`` and ``<linkId>/1/1|true``."""

    name = "lforms"

    def open(self, page: Page, url: str, language: str) -> None:
        page.goto(f"{url}/lforms.html?lang={language}")
        page.wait_for_function("window.formReady === true", timeout=60_000)

    def item(self, page: Page, link_id: str, nth: int = 1) -> Locator:
        top, nested = f'[id="item-{link_id}/1/{nth}"]', f'[id="item-{link_id}/1/{nth}/1"]'
        return page.locator(f"{top}, {nested}").first

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        word = "true" if value else "false"
        top, nested = f'[id="{link_id}/1/1|{word}"]', f'[id="{link_id}/1/1/1|{word}"]'
        click_until_checked(page.locator(f"{top}, {nested}").first)

    def type_text(self, page: Page, link_id: str, text: str, nth: int = 1) -> None:
        field = self.item(page, link_id, nth).locator("input, textarea").first
        field.click()
        field.press_sequentially(text, delay=5)

    def choose(self, page: Page, link_id: str, label: str, nth: int = 1) -> None:
        # LHC-Forms hides the input under its label: a person clicks the words.
        words = self.item(page, link_id, nth).get_by_text(label, exact=True).first
        click_until_checked(words.locator("xpath=ancestor::label[1]"))

    def pick(self, page: Page, link_id: str, typed: str, nth: int = 1) -> None:
        field = self.item(page, link_id, nth).locator("input").first
        field.click()
        field.press_sequentially(typed, delay=20)
        entry = re.compile(rf"^(\d+:\s*)?{re.escape(typed)}$")
        page.locator("#lhc-tools-searchResults li").filter(has_text=entry).first.click()
        page.locator("#lhc-tools-searchResults").wait_for(state="hidden")

    def add_instance(self, page: Page, link_id: str) -> None:
        page.locator(f'[id="add-{link_id}/1/1"]').click()
        self.item(page, f"{link_id}.name", 2).wait_for(state="visible")


_TEXT = ':is(textarea:not([aria-hidden="true"]), input[type="text"], input:not([type]))'


class SmartForms:
    """SMART Forms: every item's container carries ``data-linkid``; answers are labelled radios."""

    name = "smart-forms"

    def open(self, page: Page, url: str, language: str) -> None:
        page.goto(f"{url}/smart.html?lang={language}")
        page.wait_for_function("window.formReady === true", timeout=60_000)
        page.locator('[data-linkid="about.respondent"]').first.wait_for(timeout=60_000)

    def item(self, page: Page, link_id: str, nth: int = 1) -> Locator:
        return page.locator(f'[data-linkid="{link_id}"]').nth(nth - 1)

    def answer_boolean(self, page: Page, link_id: str, value: bool) -> None:
        label = "Yes" if value else "No"
        check_until_checked(self.item(page, link_id).get_by_label(label, exact=True).first)

    @staticmethod
    def _field(page: Page, link_id: str, nth: int) -> Locator:
        # Containers nest, so count the fields, not the containers.
        return page.locator(f'[data-linkid="{link_id}"] {_TEXT}').nth(nth - 1)

    def type_text(self, page: Page, link_id: str, text: str, nth: int = 1) -> None:
        field = self._field(page, link_id, nth)
        for attempt in range(2):
            field.click()
            field.press_sequentially(text, delay=5)
            field.press("Tab")
            try:
                wait_for_response_text(page, text, timeout=10_000)
            except PlaywrightTimeoutError:
                # SMART Forms can drop what is typed while it is still building the form
                # (docs/forms.md); a person would see it gone and type it again, once.
                if attempt:
                    raise
                field.fill("")
            else:
                return

    def choose(self, page: Page, link_id: str, label: str, nth: int = 1) -> None:
        answers = page.locator(f'[data-linkid="{link_id}"]').get_by_label(label, exact=True)
        check_until_checked(answers.nth(nth - 1))

    def pick(self, page: Page, link_id: str, typed: str, nth: int = 1) -> None:
        field = self._field(page, link_id, nth)
        field.click()
        field.press_sequentially(typed, delay=20)
        page.get_by_role("option", name=re.compile(rf"^{re.escape(typed)}$")).first.click()

    def add_instance(self, page: Page, link_id: str) -> None:
        add = '//button[@data-test="button-add-repeat-item"]'
        page.locator(f'[data-linkid="{link_id}"]').first.locator(
            f"xpath=ancestor::*[.{add}][1]{add}"
        ).first.click()
        self._field(page, f"{link_id}.name", 2).wait_for(state="visible")


DRIVERS: list[FormDriver] = [LhcForms(), SmartForms()]


def wait_for_response_text(page: Page, *texts: str, timeout: int = 15_000) -> None:
    """Wait until the renderer's QuestionnaireResponse holds every one of ``texts``.

    Renderers debounce typing into their response store; waiting on the response itself
    replaces a guessed pause.
    """
    page.wait_for_function(
        "texts => { const r = JSON.stringify(window.intakeResponse());"
        " return texts.every(t => r.includes(t)); }",
        arg=list(texts),
        timeout=timeout,
    )
