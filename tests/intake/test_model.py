import pytest
from pydantic import ValidationError

from commcare_ext.intake import Intake, Involvement, ShareCategory, SupportPerson
from tests.fixtures import load_example

SENTINEL = "Zebulon Quackenbush"


def test_examples_load_and_describe_support_network() -> None:
    maria = load_example("maria-garcia")
    assert [p.name for p in maria.do_not_contact_persons()] == ["Ernesto García"]
    assert {p.relationship for p in maria.contactable_persons()} == {"MTH", "SPS"}


def test_repr_and_str_reveal_no_patient_data() -> None:
    intake = load_example("amina-hassan")
    for text in (repr(intake), str(intake), repr(intake.support_persons[0]), f"{intake}"):
        assert "Hassan" not in text
        assert "Hodan" not in text
        assert "fields hidden" in text


def test_validation_errors_do_not_echo_input() -> None:
    with pytest.raises(ValidationError) as caught:
        SupportPerson(name=SENTINEL, relationship="not-a-relationship", phone=SENTINEL)
    assert SENTINEL not in str(caught.value)
    fields = {error["loc"][0] for error in caught.value.errors()}
    assert {"relationship", "phone"} <= fields


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        ({"phone": "+1 555 010 0100"}, "phone"),
        ({"email": "x@example.org"}, "email"),
        ({"involvement": Involvement.INFORMED}, "involvement"),
        ({"may_share": [ShareCategory.APPOINTMENTS]}, "may_share"),
        ({"emergency_contact": True}, "emergency_contact"),
    ],
)
def test_do_not_contact_person_refuses_contact_and_sharing(
    extra: dict[str, object], message: str
) -> None:
    with pytest.raises(ValidationError, match=message):
        SupportPerson(name="Uncle", relationship="UNCLE", do_not_contact=True, **extra)


def test_contactable_person_needs_involvement() -> None:
    with pytest.raises(ValidationError, match="involvement: required"):
        SupportPerson(name="Rosa", relationship="MTH")


def test_uninvolved_person_shares_nothing() -> None:
    with pytest.raises(ValidationError, match="may_share"):
        SupportPerson(
            name="Rosa",
            relationship="MTH",
            involvement=Involvement.NONE,
            may_share=[ShareCategory.MEDICATIONS],
        )


def test_reason_only_for_do_not_contact() -> None:
    with pytest.raises(ValidationError, match="do_not_contact_reason"):
        SupportPerson(
            name="Rosa",
            relationship="MTH",
            involvement=Involvement.INFORMED,
            do_not_contact_reason="because",
        )


@pytest.mark.parametrize(
    "tag", ["es", "es-MX", "zh-Hant", "zh-Hant-TW", "ase", "es-419", "sl-rozaj"]
)
def test_language_tags_accepted(tag: str) -> None:
    data = load_example("jordan-lee").model_dump(mode="json")
    data["language"]["preferred_language"] = tag
    assert Intake.model_validate(data).language.preferred_language == tag


@pytest.mark.parametrize("tag", ["Spanish", "e", "es_MX", "en-", "12"])
def test_language_tags_rejected(tag: str) -> None:
    data = load_example("jordan-lee").model_dump(mode="json")
    data["language"]["preferred_language"] = tag
    with pytest.raises(ValidationError, match="BCP-47"):
        Intake.model_validate(data)


@pytest.mark.parametrize(
    ("section", "change", "message"),
    [
        (
            "privacy",
            {"has_concerns": False, "concerns": ["stigma-gossip"]},
            "only when has_concerns",
        ),
        ("privacy", {"has_concerns": True, "concerns": []}, "choose at least one"),
        (
            "barriers",
            {"has_barriers": None, "barriers": ["barrier-cost"]},
            "only when has_barriers",
        ),
        ("barriers", {"has_barriers": True, "barriers": []}, "choose at least one"),
        (
            "formulation",
            {"perceived_causes": ["cause-unknown", "cause-trauma"]},
            "cannot be combined",
        ),
        ("formulation", {"past_help_sources": ["help-none", "help-family"]}, "cannot be combined"),
        (
            "formulation",
            {"past_help_sources": [], "past_help_experience": "x"},
            "past_help_experience",
        ),
        (
            "care",
            {
                "preferred_supports": [],
                "preferred_supports_detail": "x",
                "referral_consent": None,
                "referral_share": [],
            },
            "preferred_supports_detail",
        ),
        (
            "care",
            {"preferred_supports": [], "preferred_supports_detail": None},
            "referral_consent: only when",
        ),
        ("care", {"referral_consent": False}, "referral_share: only when"),
        ("care", {"community_referral_declined": False}, "community_referral_declined: only"),
        ("care", {"preferred_supports": ["support-family", "support-family"]}, "only once"),
        ("language", {"spirituality_importance": "spiritual-not-important"}, "spirituality_role"),
        ("language", {"other_languages": ["es-MX"]}, "preferred language"),
    ],
)
def test_section_rules(section: str, change: dict[str, object], message: str) -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data[section].update(change)
    with pytest.raises(ValidationError, match=message):
        Intake.model_validate(data)


def test_authored_needs_a_timezone() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["authored"] = "2026-11-02T15:42:00"
    with pytest.raises(ValidationError, match="timezone"):
        Intake.model_validate(data)


def test_intake_id_shape_is_checked() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["intake_id"] = "has spaces/and slashes"
    with pytest.raises(ValidationError, match="intake_id"):
        Intake.model_validate(data)


def test_unknown_fields_are_refused() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["care"]["favourite_colour"] = "blue"
    with pytest.raises(ValidationError, match="favourite_colour"):
        Intake.model_validate(data)
