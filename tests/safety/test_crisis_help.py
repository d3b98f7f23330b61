"""Crisis help: the clinic's typed config, the form showing it on any "yes", the summary banner."""

import json
from typing import Any

import pytest

from commcare_ext import summary_html, summary_text
from commcare_ext.instruments import ASQ
from commcare_ext.intake import Intake, SuicideRiskScreen
from commcare_ext.questionnaire import build_questionnaire
from commcare_ext.questionnaire.enablement import Scope, is_enabled
from commcare_ext.questionnaire.form import FORM
from commcare_ext.terminology import (
    CrisisConfigError,
    CrisisResources,
    FormLanguage,
    default_crisis_resources,
    lifeline_988,
)
from tests.fixtures import load_example

LANGUAGES = [language.value for language in FormLanguage]
WORDS = {
    "en": "Call 988",
    "es": "Llame al 988",
    "vi": "Gọi 988",
    "zh-Hans": "拨打 988",
    "ar": "اتصل بالرقم 988",
}


def _clinic_line(key: str = "samaritans") -> dict[str, Any]:
    return {
        "key": key,
        "name": "Samaritans",
        "call": "116 123",
        "always_open": True,
        "description": {lang: f"listening service ({lang})" for lang in LANGUAGES},
    }


def _safety(questionnaire: dict[str, Any]) -> list[dict[str, Any]]:
    section: dict[str, Any] = next(i for i in questionnaire["item"] if i["linkId"] == "safety")
    return list(section["item"])


def test_default_is_the_988_lifeline_by_call_text_and_chat() -> None:
    (resource,) = default_crisis_resources().for_country("US")
    assert (resource.call, resource.text) == ("988", "988")
    assert resource.chat == "https://988lifeline.org/chat"
    for language, words in WORDS.items():
        assert words in resource.line_in(language)


@pytest.mark.parametrize(
    ("change", "named"),
    [
        ({"description": {"en": "only English"}}, "description: missing es, vi, zh-Hans, ar"),
        ({"call": None, "always_open": False}, "give at least one way"),
        ({"chat": "http://insecure.example"}, "expected an https:// address"),
        ({"call": "call us"}, "expected a number to dial"),
    ],
)
def test_a_bad_resource_is_a_typed_error_naming_the_field(
    change: dict[str, Any], named: str
) -> None:
    config = {"country": "GB", "by_country": {"GB": [{**_clinic_line(), **change}]}}
    with pytest.raises(CrisisConfigError) as caught:
        CrisisResources.from_json(config)
    assert named in str(caught.value)
    assert caught.value.__cause__ is None


def test_the_clinic_country_needs_a_resource() -> None:
    with pytest.raises(CrisisConfigError, match="no crisis resource for the clinic's country GB"):
        CrisisResources.from_json({"country": "GB", "by_country": {"US": [_clinic_line()]}})


def test_an_unknown_country_falls_back_to_the_clinic_own() -> None:
    config = CrisisResources.from_json({"country": "GB", "by_country": {"GB": [_clinic_line()]}})
    assert config.for_country("FR")[0].key == "samaritans"


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_form_shows_crisis_help_in_its_language_on_any_yes(language: str) -> None:
    items = _safety(build_questionnaire(language))
    crisis = [i for i in items if i["linkId"].startswith("safety.crisis-help")]
    assert [i["linkId"] for i in crisis] == [
        "safety.crisis-help",
        "safety.crisis-help.lifeline-988",
    ]
    for item in crisis:
        assert item["type"] == "display"
        assert item["enableBehavior"] == "any"
        questions = {w["question"] for w in item["enableWhen"]}
        assert questions == {f"safety.asq-{n}" for n in range(1, 6)}
    assert WORDS[language] in crisis[1]["text"]
    others = {ext["extension"][0]["valueCode"] for ext in crisis[1]["_text"]["extension"]}
    assert others == set(LANGUAGES) - {language}


def test_a_clinic_resource_replaces_the_default_on_the_form() -> None:
    config = CrisisResources.from_json({"country": "GB", "by_country": {"GB": [_clinic_line()]}})
    items = _safety(build_questionnaire("es", config.for_country()))
    ids = [i["linkId"] for i in items if i["type"] == "display"]
    assert "safety.crisis-help.samaritans" in ids
    assert "safety.crisis-help.lifeline-988" not in ids
    line = next(i for i in items if i["linkId"] == "safety.crisis-help.samaritans")
    assert "listening service (es)" in line["text"]
    assert "116 123" in line["text"]


def _heading() -> Any:
    return next(i for i in FORM.walk() if i.crisis_help)


@pytest.mark.parametrize("yes_to", ["1", "2", "3", "4"])
def test_crisis_help_is_enabled_by_one_yes_whatever_the_rest(yes_to: str) -> None:
    scope = Scope()
    for number in ("1", "2", "3", "4"):
        scope.set(f"safety.asq-{number}", [{"valueBoolean": number == yes_to}])
    assert is_enabled(_heading(), scope)


def test_crisis_help_stays_hidden_while_every_answer_is_no() -> None:
    scope = Scope()
    for number in ("1", "2", "3", "4"):
        scope.set(f"safety.asq-{number}", [{"valueBoolean": False}])
    assert not is_enabled(_heading(), scope)


def test_the_form_labels_the_screen_wording_as_paraphrase() -> None:
    items = _safety(build_questionnaire("en"))
    assert "paraphrase" in items[0]["text"]
    assert [i["linkId"] for i in items[1:6]] == [f"safety.asq-{n}" for n in range(1, 6)]


def _positive(name: str = "amina-hassan") -> Any:
    intake = load_example(name)
    screen = SuicideRiskScreen(answers={"1": True, "2": False, "3": False, "4": False, "5": True})
    return intake.model_copy(update={"safety_screen": screen})


def test_the_summary_opens_with_the_risk_banner() -> None:
    html = summary_html(_positive())
    banner = html.index('class="risk"')
    assert banner < html.index('class="note"')
    assert banner < html.index("About the patient")
    assert "do not leave the patient alone" in html
    assert "Acute positive suicide-risk screen" in html
    assert "2026-11-09T13:05" in html  # when
    # what the person answered, question by question
    assert f"1. {ASQ.items[0].text_en}</dt><dd>yes" in html
    assert f"5. {ASQ.items[4].text_en}</dt><dd>yes" in html


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_banner_is_first_in_every_language(language: str) -> None:
    lines = summary_text(_positive(), language=language).splitlines()
    assert lines[3] == summary_text(load_example("amina-hassan"), language=language).splitlines()[3]
    assert lines[5].startswith("!! ")
    assert WORDS[language] not in lines[5]  # the clinician's words, not the person's


def test_an_unscreened_intake_says_so_first() -> None:
    text = summary_text(load_example("amina-hassan"))
    assert text.splitlines()[5] == (
        "!! Not screened for suicide risk in this intake: screen before the patient leaves."
    )


def test_config_round_trips_as_json() -> None:
    config = default_crisis_resources()
    again = CrisisResources.from_json(json.loads(config.model_dump_json()))
    assert again == config
    assert lifeline_988() in again.for_country()


def test_phq9_item_9_raises_the_same_prompt_at_the_top() -> None:
    data = load_example("amina-hassan").model_dump(mode="json")
    data["measures"]["phq-9"] = {"answers": {**{str(n): 0 for n in range(1, 9)}, "9": 1}}
    data["safety_screen"] = {"answers": {"1": False, "2": False, "3": False, "4": False}}
    intake = Intake.model_validate(data)
    banner = summary_text(intake).splitlines()[5]
    assert banner.startswith("!! Safety: PHQ-9 item 9")
    assert "Assess suicide risk with the patient before they leave" in banner
