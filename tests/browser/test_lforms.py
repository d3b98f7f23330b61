"""Our Questionnaire in LHC-Forms, in a real headless Chromium, clicked through as a clinician."""

import re
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Page

from commcare_ext.intake import Involvement, Relationship, Respondent
from commcare_ext.questionnaire import response_to_intake
from tests.browser.conftest import PATIENT, PageErrors
from tests.browser.drivers import click_until_checked

pytestmark = pytest.mark.browser

LOCAL = "https://fhir.commcare-ext.org/CodeSystem/commcare-intake"


def _id(link_id: str, *suffix: str) -> str:
    return f'[id="{link_id}{"".join(suffix)}"]'


def _open(page: Page, url: str, language: str = "en") -> None:
    page.goto(f"{url}/lforms.html?lang={language}")
    page.wait_for_function("window.formReady === true", timeout=60_000)


def _choose(page: Page, element_id: str) -> None:
    click_until_checked(page.locator(f'[id="{element_id}"]'))


def _pick(page: Page, link_id: str, typed: str) -> None:
    """Type into an autocomplete and click the matching list entry, as a person would."""
    field = page.locator(_id(link_id))
    field.click()
    field.press_sequentially(typed, delay=20)
    entry = re.compile(rf"^(\d+:\s*)?{re.escape(typed)}$")
    page.locator("#lhc-tools-searchResults li").filter(has_text=entry).first.click()


def _shot(page: Page, tmp_path: Path, name: str) -> None:
    page.screenshot(path=str(tmp_path / f"{name}.png"), full_page=True)


def test_clinician_fills_the_form_and_it_reads_into_the_intake(
    page: tuple[Page, PageErrors], form_server: str, tmp_path: Path
) -> None:
    tab, errors = page
    _open(tab, form_server)
    tab.locator(_id("about.given-name/1/1")).fill("María José")
    _choose(
        tab,
        "about.respondent/1/1|https://fhir.commcare-ext.org/CodeSystem/commcare-intake|respondent-with-interpreter",
    )
    _pick(tab, "language.preferred/1/1", "Spanish")
    _choose(tab, "language.interpreter-needed/1/1|true")
    tab.locator(_id("formulation.problem/1/1/1")).fill(
        "Tengo ataques de nervios desde que perdí el embarazo."
    )
    # first support person: mother, involved in decisions
    tab.locator(_id("network.person.name/1/1/1")).fill("Rosa Ramírez")
    _pick(tab, "network.person.relationship/1/1/1", "mother")
    _choose(tab, f"network.person.do-not-contact/1/1/1|{LOCAL}|contact-safe")
    _choose(
        tab,
        "network.person.involvement/1/1/1|https://fhir.commcare-ext.org/CodeSystem/commcare-intake|involvement-decisions",
    )
    # a second person, who must never be contacted
    tab.locator(_id("add-network.person/1/1")).click()
    tab.locator(_id("network.person.name/1/2/1")).wait_for(state="visible")
    tab.locator(_id("network.person.name/1/2/1")).fill("Ernesto García")
    _pick(tab, "network.person.relationship/1/2/1", "family member")
    _choose(tab, f"network.person.do-not-contact/1/2/1|{LOCAL}|contact-never")
    _choose(tab, "privacy.has-concerns/1/1|true")
    _choose(
        tab,
        "privacy.concerns/1/1|https://fhir.commcare-ext.org/CodeSystem/commcare-intake|stigma-gossip",
    )
    _shot(tab, tmp_path, "lforms-filled")
    response: dict[str, Any] = tab.evaluate("window.intakeResponse()")
    intake = response_to_intake(response, intake_id="browser-test-1", patient_identifier=PATIENT)
    assert intake.patient.given_name == "María José"
    assert intake.respondent is Respondent.PATIENT_WITH_INTERPRETER
    assert intake.language.preferred_language == "es"
    assert intake.language.interpreter_needed is True
    assert [p.name for p in intake.support_persons] == ["Rosa Ramírez", "Ernesto García"]
    assert intake.support_persons[0].relationship is Relationship.MOTHER
    assert intake.support_persons[0].involvement is Involvement.DECISIONS
    assert [p.name for p in intake.do_not_contact_persons()] == ["Ernesto García"]
    assert [c.value for c in intake.privacy.concerns] == ["stigma-gossip"]
    assert errors == []
