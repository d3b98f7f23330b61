"""What every renderer must do with our Questionnaire: one body for LHC-Forms and SMART Forms."""

from functools import partial
from pathlib import Path

import pytest
from playwright.sync_api import Page

from commcare_ext.intake import ContactSafety, Involvement, Relationship, Respondent
from commcare_ext.questionnaire import response_to_intake
from commcare_ext.terminology.answers import COMMON_LANGUAGES, coding_for
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.standard import YES
from tests.browser.chrome import english_chrome, page_texts
from tests.browser.conftest import PATIENT, RENDER_CASES, PageErrors
from tests.browser.drivers import DRIVERS, FormDriver, wait_for_response_text

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
    driver.choose(tab, "network.person.do-not-contact", "Yes, it is safe to contact them")
    phone.wait_for(state="visible")
    driver.choose(tab, "network.person.do-not-contact", "No, never contact or tell them")
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


#: What a Spanish and an Arabic speaker type: names and words in their own script.
_PEOPLE = {
    "es": ("María José", "Tengo ataques de nervios desde marzo.", "Rosa Ramírez", "Ernesto García"),
    "ar": ("فاطمة الزهراء", "أشعر بضيق في صدري منذ وفاة أبي.", "سعاد", "خالد"),
}


@pytest.mark.parametrize("language", ["es", "ar"])
def test_a_person_fills_the_translated_form_and_it_reads_back(
    page: tuple[Page, PageErrors],
    form_server: str,
    tmp_path: Path,
    driver: FormDriver,
    language: str,
) -> None:
    tab, errors = page
    driver.open(tab, form_server, language)
    tab.wait_for_function("window.chromeLocalised === true")
    given, problem, first, second = _PEOPLE[language]
    shown = partial(code_display, language=language)
    driver.type_text(tab, "about.given-name", given)
    driver.choose(tab, "about.respondent", shown(coding_for(Respondent.PATIENT_WITH_INTERPRETER)))
    spoken = next(a.code for a in COMMON_LANGUAGES if a.code.code == language)
    driver.pick(tab, "language.preferred", shown(spoken))
    driver.choose(tab, "language.interpreter-needed", shown(YES))
    driver.type_text(tab, "formulation.problem", problem)
    driver.type_text(tab, "network.person.name", first)
    driver.pick(tab, "network.person.relationship", shown(coding_for(Relationship.MOTHER)))
    driver.choose(tab, "network.person.do-not-contact", shown(coding_for(ContactSafety.SAFE)))
    driver.choose(tab, "network.person.involvement", shown(coding_for(Involvement.DECISIONS)))
    driver.add_instance(tab, "network.person")
    driver.type_text(tab, "network.person.name", second, nth=2)
    driver.pick(tab, "network.person.relationship", shown(coding_for(Relationship.BROTHER)), nth=2)
    never = shown(coding_for(ContactSafety.NEVER))
    driver.choose(tab, "network.person.do-not-contact", never, nth=2)
    wait_for_response_text(tab, given, problem, first, second)
    tab.screenshot(path=str(tmp_path / f"{driver.name}-{language}-filled.png"), full_page=True)
    assert english_chrome(tab, tab.evaluate("window.questionnaire")) == []
    response = tab.evaluate("window.intakeResponse()")
    intake = response_to_intake(response, intake_id="fill-1", patient_identifier=PATIENT)
    assert intake.patient.given_name == given
    assert intake.formulation.problem_in_own_words == problem
    assert intake.respondent is Respondent.PATIENT_WITH_INTERPRETER
    assert intake.language.preferred_language == language
    assert intake.language.interpreter_needed is True
    assert [p.name for p in intake.support_persons] == [first, second]
    assert [p.relationship for p in intake.support_persons] == [
        Relationship.MOTHER,
        Relationship.BROTHER,
    ]
    # the safety question, asked positively, stored with the same meaning
    assert [p.do_not_contact for p in intake.support_persons] == [False, True]
    assert intake.support_persons[0].involvement is Involvement.DECISIONS
    assert errors == []
