"""Our Questionnaire in SMART Forms (@aehrc/smart-forms-renderer), in a real headless Chromium."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Locator, Page

from commcare_ext.intake import Involvement, Relationship, Respondent
from commcare_ext.questionnaire import response_to_intake
from tests.browser.conftest import PATIENT, PageErrors
from tests.browser.drivers import check_until_checked, wait_for_response_text

pytestmark = [pytest.mark.browser, pytest.mark.usefixtures("smart_forms_bundle")]


def _open(page: Page, url: str, language: str = "en") -> None:
    page.goto(f"{url}/smart.html?lang={language}")
    page.wait_for_function("window.formReady === true", timeout=60_000)
    page.locator('[data-linkid="about.respondent"]').first.wait_for(timeout=60_000)


def _item(page: Page, link_id: str, nth: int = 0) -> Locator:
    return page.locator(f'[data-linkid="{link_id}"]').nth(nth)


_TEXT = ':is(textarea:not([aria-hidden="true"]), input[type="text"], input:not([type]))'


def _field(page: Page, link_id: str, nth: int = 0) -> Locator:
    """The nth text field of an item (repeated items appear once per group instance)."""
    return page.locator(f'[data-linkid="{link_id}"] {_TEXT}').nth(nth)


def _radio(page: Page, link_id: str, label: str, nth: int = 0) -> None:
    check_until_checked(
        page.locator(f'[data-linkid="{link_id}"]').get_by_label(label, exact=True).nth(nth)
    )


def _choose_option(page: Page, link_id: str, typed: str, nth: int = 0) -> None:
    field = _field(page, link_id, nth)
    field.click()
    field.press_sequentially(typed, delay=20)
    page.get_by_role("option", name=re.compile(rf"^{re.escape(typed)}$")).first.click()


def test_clinician_fills_the_form_and_it_reads_into_the_intake(
    page: tuple[Page, PageErrors], form_server: str, tmp_path: Path
) -> None:
    tab, errors = page
    _open(tab, form_server)
    _field(tab, "about.given-name").fill("María José")
    _radio(tab, "about.respondent", "The patient, with an interpreter")
    _choose_option(tab, "language.preferred", "Spanish")
    _radio(tab, "language.interpreter-needed", "Yes")
    problem = _field(tab, "formulation.problem")
    problem.click()
    problem.press_sequentially("Tengo ataques de nervios.", delay=5)
    problem.press("Tab")
    wait_for_response_text(tab, "Tengo ataques de nervios.")
    _field(tab, "network.person.name").fill("Rosa Ramírez")
    _choose_option(tab, "network.person.relationship", "mother")
    _radio(tab, "network.person.do-not-contact", "Yes, it is safe to contact them")
    _radio(tab, "network.person.involvement", "Takes part in decisions")
    add = '//button[@data-test="button-add-repeat-item"]'
    tab.locator('[data-linkid="network.person"]').first.locator(
        f"xpath=ancestor::*[.{add}][1]{add}"
    ).first.click()
    _field(tab, "network.person.name", 1).wait_for(state="visible")
    _field(tab, "network.person.name", 1).fill("Ernesto García")
    _choose_option(tab, "network.person.relationship", "family member", nth=1)
    _radio(tab, "network.person.do-not-contact", "No, never contact or tell them", nth=1)
    tab.screenshot(path=str(tmp_path / "smart-filled.png"), full_page=True)
    wait_for_response_text(tab, "Rosa Ramírez", "Ernesto García")
    response: dict[str, Any] = tab.evaluate("window.intakeResponse()")
    intake = response_to_intake(response, intake_id="smart-test-1", patient_identifier=PATIENT)
    assert intake.patient.given_name == "María José"
    assert intake.respondent is Respondent.PATIENT_WITH_INTERPRETER
    assert intake.language.preferred_language == "es"
    assert intake.language.interpreter_needed is True
    assert [p.name for p in intake.support_persons] == ["Rosa Ramírez", "Ernesto García"]
    assert intake.support_persons[0].relationship is Relationship.MOTHER
    assert intake.support_persons[0].involvement is Involvement.DECISIONS
    assert [p.name for p in intake.do_not_contact_persons()] == ["Ernesto García"]
    assert errors == []
