from typing import Any

import pytest
from fhir.resources.R4B.questionnaire import Questionnaire

from commcare_ext.errors import CommcareError
from commcare_ext.questionnaire import UnsupportedLanguageError, build_questionnaire
from commcare_ext.questionnaire.build import QUESTIONNAIRE_URL
from commcare_ext.terminology.systems import (
    CONTENT_VERSION,
    QUESTIONNAIRE_ITEM_CONTROL,
    SDC_OBSERVATION_EXTRACT,
    TRANSLATION_EXTENSION,
)


def _walk(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for item in items:
        out.append(item)
        out.extend(_walk(item.get("item", [])))
    return out


def _translations(element: dict[str, Any]) -> dict[str, str]:
    out = {}
    for extension in element["extension"]:
        assert extension["url"] == TRANSLATION_EXTENSION
        parts = {e["url"]: e for e in extension["extension"]}
        out[parts["lang"]["valueCode"]] = parts["content"]["valueString"]
    return out


LOCAL = "https://fhir.commcare-ext.org/CodeSystem/commcare-intake"
_LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")


@pytest.mark.parametrize("language", ["en", "es", "vi", "zh-Hans", "ar"])
def test_questionnaire_validates_as_r4(language: str) -> None:
    resource = build_questionnaire(language)
    Questionnaire.model_validate(resource)
    assert resource["version"] == CONTENT_VERSION
    assert resource["language"] == language
    assert resource["url"].startswith(QUESTIONNAIRE_URL)


def test_link_ids_are_unique_and_stable() -> None:
    items = _walk(build_questionnaire()["item"])
    link_ids = [item["linkId"] for item in items]
    assert len(link_ids) == len(set(link_ids))
    # A few linkIds other code and saved responses depend on: renaming one is a breaking change.
    for link_id in (
        "language.preferred",
        "language.interpreter-needed",
        "network.person",
        "network.person.do-not-contact",
        "privacy.concerns",
        "barriers.list",
        "social-support",
    ):
        assert link_id in link_ids


@pytest.mark.parametrize("language", _LANGUAGES[1:])
def test_every_item_has_text_in_every_language(language: str) -> None:
    forms = {lang: _walk(build_questionnaire(lang)["item"]) for lang in _LANGUAGES}
    english, translated = forms["en"], forms[language]
    assert [i["linkId"] for i in english] == [i["linkId"] for i in translated]
    for index, item in enumerate(translated):
        # each variant shows its own language and carries the other four, word for word
        expected = {lang: forms[lang][index]["text"] for lang in _LANGUAGES if lang != language}
        assert _translations(item["_text"]) == expected
    assert sum(
        e["text"] != t["text"] for e, t in zip(english, translated, strict=True)
    ) > 0.9 * len(english)


def test_translated_variants_are_marked_for_review_by_a_medical_translator() -> None:
    for language in _LANGUAGES:
        marks = {
            tuple((e["url"], e.get("valueCode") or e.get("valueString")) for e in ext["extension"])
            for ext in build_questionnaire(language)["extension"]
            if ext["url"].endswith("/translation-review")
        }
        assert {m[0][1] for m in marks} == {"es", "vi", "zh-Hans", "ar"}
        assert all(("status", "needs-review") in m for m in marks)
        assert all(("note", "needs review by a qualified medical translator") in m for m in marks)
        assert "copyright" not in build_questionnaire(language)  # LHC-Forms: an English button


@pytest.mark.parametrize(
    ("tag", "variant"),
    [
        ("es-MX", "es"),
        ("VI", "vi"),
        ("zh-CN", "zh-Hans"),
        ("zh-Hans-SG", "zh-Hans"),
        ("ar-EG", "ar"),
    ],
)
def test_a_bcp47_tag_picks_its_published_variant(tag: str, variant: str) -> None:
    assert build_questionnaire(tag) == build_questionnaire(variant)


@pytest.mark.parametrize("tag", ["zh-Hant", "zh-TW", "fr", "", "x-klingon"])
def test_a_tag_we_do_not_publish_is_refused_never_defaulted(tag: str) -> None:
    with pytest.raises(UnsupportedLanguageError):
        build_questionnaire(tag)


def test_observation_extract_items_carry_codes() -> None:
    flagged = [
        item
        for item in _walk(build_questionnaire()["item"])
        if any(e["url"] == SDC_OBSERVATION_EXTRACT for e in item.get("extension", []))
    ]
    assert len(flagged) >= 19 + 8
    for item in flagged:
        assert item["code"][0]["system"]
        assert item["code"][0]["code"]


def test_enable_when_points_at_earlier_questions_with_matching_answer_types() -> None:
    items = _walk(build_questionnaire()["item"])
    by_id = {item["linkId"]: item for item in items}
    order = [item["linkId"] for item in items]
    for item in items:
        for condition in item.get("enableWhen", []):
            target = by_id[condition["question"]]
            assert order.index(target["linkId"]) < order.index(item["linkId"])
            if "answerBoolean" in condition and condition["operator"] != "exists":
                assert target["type"] == "boolean"
            if "answerCoding" in condition:
                offered = {
                    (o["valueCoding"]["system"], o["valueCoding"]["code"])
                    for o in target["answerOption"]
                }
                wanted = condition["answerCoding"]
                assert (wanted["system"], wanted["code"]) in offered


def test_answer_value_sets_resolve_to_contained_expansions() -> None:
    resource = build_questionnaire()
    contained = {c["id"]: c for c in resource.get("contained", [])}
    references = [i["answerValueSet"] for i in _walk(resource["item"]) if "answerValueSet" in i]
    assert references
    for reference in references:
        assert reference.startswith("#")
        assert contained[reference[1:]]["expansion"]["contains"]


def test_choice_items_offer_options_and_controls() -> None:
    for item in _walk(build_questionnaire()["item"]):
        if item["type"] in ("choice", "open-choice"):
            assert ("answerOption" in item) != ("answerValueSet" in item)
        if item["type"] == "choice" and item.get("repeats"):
            controls = [
                e for e in item.get("extension", []) if e["url"] == QUESTIONNAIRE_ITEM_CONTROL
            ]
            assert controls[0]["valueCodeableConcept"]["coding"][0]["code"] == "check-box"


def test_support_person_group_repeats_and_hides_contact_for_do_not_contact() -> None:
    person = next(
        i for i in _walk(build_questionnaire()["item"]) if i["linkId"] == "network.person"
    )
    assert person["type"] == "group"
    assert person["repeats"] is True
    children = {c["linkId"]: c for c in person["item"]}
    for link_id in ("network.person.phone", "network.person.email", "network.person.involvement"):
        assert children[link_id]["enableWhen"] == [
            {
                "question": "network.person.do-not-contact",
                "operator": "=",
                "answerCoding": {"system": LOCAL, "code": "contact-safe"},
            }
        ]
    assert children["network.person.name"]["required"] is True
    safety = children["network.person.do-not-contact"]
    assert safety["required"] is True
    # asked positively, each answer stating its meaning in full (no bare yes/no to flip)
    assert safety["text"] == "Is it safe for us to contact this person?"
    assert [o["valueCoding"]["code"] for o in safety["answerOption"]] == [
        "contact-safe",
        "contact-never",
    ]
    assert [o["valueCoding"]["display"] for o in safety["answerOption"]] == [
        "Yes, it is safe to contact them",
        "No, never contact or tell them",
    ]


def test_mos_items_offer_scored_loinc_answers() -> None:
    group = next(i for i in build_questionnaire()["item"] if i["linkId"] == "social-support")
    assert group["code"][0]["code"] == "91642-9"
    questions = [i for i in group["item"] if i["type"] == "choice"]
    assert len(questions) == 19
    for question in questions:
        options = question["answerOption"]
        assert [o["extension"][0]["valueDecimal"] for o in options] == [1, 2, 3, 4, 5]
        assert all(o["valueCoding"]["code"].startswith("LA") for o in options)


def test_output_is_deterministic() -> None:
    assert build_questionnaire() == build_questionnaire()
    assert build_questionnaire("es") == build_questionnaire("es")


def test_unknown_language_is_refused_with_our_error() -> None:
    with pytest.raises(
        UnsupportedLanguageError, match="'en', 'es', 'vi', 'zh-Hans', 'ar'"
    ) as raised:
        build_questionnaire("fr")
    assert isinstance(raised.value, CommcareError)
