"""The app in five languages: its own words, lang/dir, the language switch, and problems a
person can act on (the question's text in the form's language, never a linkId)."""

import json
import re
from html import unescape
from typing import Any

import pytest
import requests

from commcare_ext.intake import Intake, SupportType
from commcare_ext.questionnaire import intake_to_response
from commcare_ext.summary import clinician_label
from tests.examples.conftest import App
from tests.fixtures import load_example

LANGUAGES = {"en": "ltr", "es": "ltr", "vi": "ltr", "zh-Hans": "ltr", "ar": "rtl"}


def _as_a_renderer_sends(intake: Intake, lang: str) -> dict[str, Any]:
    """A response as the page posts it: no identifier or subject (the app supplies them)."""
    response = intake_to_response(intake, language=lang)
    response.pop("identifier")
    response.pop("subject")
    return response


@pytest.mark.parametrize(("lang", "direction"), LANGUAGES.items())
def test_the_form_page_speaks_its_language(app: App, lang: str, direction: str) -> None:
    page = requests.get(f"{app.url}/?lang={lang}", timeout=30).text
    assert page.startswith(f'<!DOCTYPE html>\n<html lang="{lang}" dir="{direction}">')
    assert "{{" not in page
    texts = json.loads(re.search(r'id="texts">(.*?)</script>', page, re.S)[1])  # type: ignore[index]
    if lang != "en":
        assert "New intake" not in page
        assert "Submit intake" not in page
        assert texts["submit"] != "Submit intake"
    # the switch offers every language in its own name and marks each with its lang
    for tag in LANGUAGES:
        assert f'<option value="{tag}" lang="{tag}"' in page
    assert f'value="{lang}" lang="{lang}" dir="{direction}" selected>' in page


def test_a_tag_is_matched_and_an_unpublished_one_refused(app: App) -> None:
    page = requests.get(f"{app.url}/?lang=es-MX", timeout=30)
    assert '<html lang="es" dir="ltr">' in page.text
    refused = requests.get(f"{app.url}/?lang=zh-Hant", timeout=30)
    assert refused.status_code == 400
    assert refused.json() == {"error": "unsupported language"}
    questionnaire = requests.get(f"{app.url}/questionnaire.json?lang=ar", timeout=30).json()
    assert questionnaire["language"] == "ar"


@pytest.mark.parametrize("lang", ["es", "ar"])
def test_problems_come_back_in_the_forms_language_with_the_questions_text(
    app: App, lang: str
) -> None:
    response = _as_a_renderer_sends(load_example("maria-garcia"), lang)
    response.pop("item")
    answer = app.post("/submit", json.dumps(response))
    assert answer.status_code == 422
    problems = answer.json()["problems"]
    questionnaire = requests.get(f"{app.url}/questionnaire.json?lang={lang}", timeout=30).json()
    texts = {}
    stack = list(questionnaire["item"])
    while stack:
        item = stack.pop()
        texts[item["linkId"]] = item["text"]
        stack.extend(item.get("item", []))
    assert problems
    for problem in problems:
        assert problem["question"] == texts[problem["link_id"]]
        assert problem["link_id"] not in problem["message"]
        assert not re.search(r"[a-z]+\.[a-z-]+", problem["message"])  # no linkId in the words


def test_the_summary_page_is_in_the_asked_language(app: App) -> None:
    response = _as_a_renderer_sends(load_example("amina-hassan"), "ar")
    key = app.post("/submit", json.dumps(response)).json()["summary"].removeprefix("/summary/")
    page = requests.get(f"{app.url}/summary/{key}?lang=ar", timeout=30).text
    assert page.startswith('<!DOCTYPE html><html lang="ar" dir="rtl">')
    assert "Transaction Bundle for the EHR" not in page
    assert "Intake summary" not in page


@pytest.mark.parametrize(
    ("lang", "heading"), [("es", "Servicios comunitarios"), ("vi", "Dịch vụ cộng đồng")]
)
def test_the_summary_lists_matched_services_in_the_forms_language(
    app: App, lang: str, heading: str
) -> None:
    response = _as_a_renderer_sends(load_example("maria-garcia"), lang)
    answer = app.post("/submit", json.dumps(response))
    assert answer.status_code == 200, answer.text
    page = requests.get(f"{app.url}{answer.json()['summary']}?lang={lang}", timeout=30).text
    assert f">{heading}</h2>" in page
    # The matching words come from the catalogue of the form's language, not English.
    assert "What to check" not in page
    assert "offers faith community support" not in page
    if lang == "es":
        assert "ofrece apoyo de una comunidad de fe" in page


@pytest.mark.parametrize("lang", ["es", "vi", "ar"])
def test_the_referral_links_name_the_support_in_the_pages_language(app: App, lang: str) -> None:
    person = load_example("maria-garcia")
    assert person.care.referral_consent
    response = _as_a_renderer_sends(person, lang)
    key = app.post("/submit", json.dumps(response)).json()["summary"].removeprefix("/summary/")
    page = requests.get(f"{app.url}/summary/{key}?lang={lang}", timeout=30).text
    links = re.findall(
        r'<a href="/bundle/[^"]+/(support-[a-z-]+)\.json" download>([^<]+)</a>', page
    )
    assert links
    for kind, text in links:
        assert clinician_label(SupportType(kind), lang) in unescape(text)
        assert kind.removeprefix("support-").replace("-", " ") not in text  # not the English word
