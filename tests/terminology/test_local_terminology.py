from enum import StrEnum

import pytest
from fhir.resources.R4B.codesystem import CodeSystem
from fhir.resources.R4B.valueset import ValueSet

from commcare_ext.errors import CommcareError
from commcare_ext.instruments import MosSubscale
from commcare_ext.intake import vocabulary
from commcare_ext.questionnaire import code_system, value_sets
from commcare_ext.terminology.answers import (
    ANSWER_SETS,
    RESPONDENT,
    UnknownAnswerError,
    answer_set_for,
    coding_for,
)
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.followup import LOCAL_CODES
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, CONTENT_VERSION, V3_ROLE_CODE

INTAKE_ENUMS = [
    obj
    for obj in vars(vocabulary).values()
    if isinstance(obj, type) and issubclass(obj, StrEnum) and obj is not StrEnum
]


def test_every_intake_enum_is_published_with_every_member() -> None:
    assert len(INTAKE_ENUMS) == len(ANSWER_SETS)
    for enum in INTAKE_ENUMS:
        answer_set = answer_set_for(enum)
        assert set(answer_set.answers) == set(enum)
        for member in enum:
            assert coding_for(member).code == member.value


def test_code_system_validates_and_holds_every_local_code() -> None:
    resource = code_system()
    CodeSystem.model_validate(resource)
    assert resource["url"] == COMMCARE_CODESYSTEM
    assert resource["version"] == CONTENT_VERSION
    codes = {c["code"] for c in resource["concept"]}
    assert len(codes) == resource["count"] == len(resource["concept"])
    for answer_set in ANSWER_SETS:
        for answer in answer_set.answers.values():
            if answer.code.system == COMMCARE_CODESYSTEM:
                assert answer.code.code in codes
    for concept in resource["concept"]:
        languages = [d["language"] for d in concept["designation"]]
        assert languages == ["es", "vi", "zh-Hans", "ar"]
        assert all(d["value"].strip() for d in concept["designation"])


@pytest.mark.parametrize("resource", value_sets(), ids=lambda r: r["id"])
def test_value_sets_validate_and_expand_to_their_compose(resource: dict[str, object]) -> None:
    ValueSet.model_validate(resource)
    composed = {
        (include["system"], concept["code"])
        for include in resource["compose"]["include"]  # type: ignore[index]
        for concept in include["concept"]
    }
    expanded = {(c["system"], c["code"]) for c in resource["expansion"]["contains"]}  # type: ignore[index]
    assert composed == expanded


def test_relationships_mix_v3_and_local_codes() -> None:
    systems = {a.code.system for a in answer_set_for(vocabulary.Relationship).answers.values()}
    assert systems == {V3_ROLE_CODE, COMMCARE_CODESYSTEM}


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans", "ar"])
def test_translated_displays_differ_from_english_in_every_set(language: str) -> None:
    for answer_set in ANSWER_SETS:
        shown = [code_display(a.code, language) for a in answer_set.answers.values()]
        assert all(text.strip() for text in shown)
        assert any(
            t != a.display_en for t, a in zip(shown, answer_set.answers.values(), strict=True)
        )


def test_looking_up_something_that_is_not_an_answer_is_our_typed_error() -> None:
    with pytest.raises(UnknownAnswerError) as raised:
        answer_set_for(MosSubscale)
    assert isinstance(raised.value, CommcareError)
    with pytest.raises(UnknownAnswerError, match="respondent"):
        RESPONDENT.answer(vocabulary.Involvement.NONE)


def test_follow_up_codes_are_concepts_of_our_code_system() -> None:
    published = {c["code"] for c in code_system()["concept"]}
    assert LOCAL_CODES
    assert {code.code for code in LOCAL_CODES} <= published
