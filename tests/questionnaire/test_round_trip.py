import json
from typing import Literal

import pytest
from fhir.resources.R4B.questionnaireresponse import QuestionnaireResponse
from hypothesis import HealthCheck, given, settings

from commcare_ext.errors import CommcareError
from commcare_ext.instruments import InstrumentAnswers
from commcare_ext.intake import AccessBarrier, AccessBarriers, Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ProblemKind,
    UnrepresentableIntakeError,
    UnsupportedLanguageError,
    intake_to_response,
    response_to_intake,
)
from tests.budget import cases
from tests.fixtures import load_example
from tests.strategies import intakes


@pytest.mark.parametrize("language", ["en", "es"])
def test_examples_round_trip_losslessly(
    example_intake: Intake, language: Literal["en", "es"]
) -> None:
    response = intake_to_response(example_intake, language=language)
    QuestionnaireResponse.model_validate(response)
    assert response_to_intake(response) == example_intake


def test_spanish_intake_round_trips_through_spanish_form() -> None:
    maria = load_example("maria-garcia")
    response = intake_to_response(maria, language="es")
    assert response["questionnaire"].split("|")[0].endswith("cultural-intake-es")
    texts = [item["text"] for item in response["item"]]
    assert "Idioma, cultura y fe" in texts
    assert response_to_intake(response) == maria


@pytest.mark.parametrize("language", ["en", "es", "vi", "zh-Hans", "ar"])
def test_declining_community_referral_round_trips_in_every_language(language: str) -> None:
    maria = load_example("maria-garcia")
    data = maria.model_dump(mode="json")
    data["care"].update(
        preferred_supports=[],
        preferred_supports_detail=None,
        referral_consent=None,
        referral_share=[],
        community_referral_declined=True,
    )
    declined = Intake.model_validate(data)
    response = intake_to_response(declined, language=language)
    care = next(i for i in response["item"] if i["linkId"] == "care")
    item = next(i for i in care["item"] if i["linkId"] == "care.no-community-referral")
    assert len(item["answer"]) == 1  # yes (a boolean, or LA33-6 "Yes" in translated forms)
    assert response_to_intake(response) == declined


def test_do_not_contact_person_round_trips_without_contact_items() -> None:
    amina = load_example("amina-hassan")
    response = intake_to_response(amina)
    network = next(i for i in response["item"] if i["linkId"] == "network")
    people = [i for i in network["item"] if i["linkId"] == "network.person"]
    assert len(people) == 3
    barred = people[1]
    link_ids = {i["linkId"] for i in barred["item"]}
    assert "network.person.phone" not in link_ids
    assert "network.person.involvement" not in link_ids
    assert "network.person.do-not-contact-reason" in link_ids
    back = response_to_intake(response)
    assert back.do_not_contact_persons()[0].name == "Abdirahman Farah"


def test_context_can_be_supplied_when_renderer_omits_it() -> None:
    intake = load_example("tran-van-minh")
    response = intake_to_response(intake)
    del response["identifier"]
    del response["subject"]
    read = response_to_intake(
        response,
        intake_id=intake.intake_id,
        patient_identifier=(intake.patient.identifier_system, intake.patient.identifier_value),
    )
    assert read == intake


@settings(max_examples=cases(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes())
def test_generated_intakes_round_trip(intake: Intake) -> None:
    languages: tuple[Literal["en", "es"], ...] = ("en", "es")
    for language in languages:
        assert response_to_intake(intake_to_response(intake, language=language)) == intake


def test_a_value_behind_a_disabled_question_is_our_typed_error() -> None:
    # Only an unvalidated intake can hold this: barriers listed while "any barriers?" is no.
    intake = load_example("maria-garcia")
    broken = intake.model_copy(
        update={
            "barriers": AccessBarriers.model_construct(
                has_barriers=False, barriers=[AccessBarrier.COST], details=None
            )
        }
    )
    with pytest.raises(UnrepresentableIntakeError) as raised:
        intake_to_response(broken)
    assert isinstance(raised.value, CommcareError)
    assert raised.value.link_id == "barriers.list"


def test_writing_in_an_unpublished_language_is_refused_not_defaulted() -> None:
    with pytest.raises(UnsupportedLanguageError):
        intake_to_response(load_example("maria-garcia"), language="fr")


def test_a_value_no_question_offers_is_our_typed_error_without_the_value() -> None:
    intake = load_example("maria-garcia")
    survey = InstrumentAnswers.model_construct(answers={1: 9})  # skipped validation: 9 is no answer
    broken = intake.model_copy(update={"measures": {"mos-sss": survey}})
    with pytest.raises(UnrepresentableIntakeError) as raised:
        intake_to_response(broken)
    assert raised.value.link_id == "social-support.mos-sss-01"
    assert "9" not in str(raised.value)


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans", "ar"])
def test_translated_forms_ask_yes_no_as_coded_answers_with_the_same_meaning(
    example_intake: Intake, language: str
) -> None:
    coded = intake_to_response(example_intake, language=language)
    plain = intake_to_response(example_intake, language="en")
    as_text = json.dumps(coded)
    assert '"valueBoolean"' not in as_text
    assert '"code": "LA33-6"' in as_text or '"code": "LA32-8"' in as_text
    assert '"valueBoolean"' in json.dumps(plain)
    # Both shapes read into the same intake: the stored meaning does not depend on the form.
    assert response_to_intake(coded) == response_to_intake(plain) == example_intake
    # ...and a renderer may answer a translated form with a boolean all the same.
    mixed = json.loads(as_text)
    _booleans_for_codes(mixed)
    assert response_to_intake(mixed) == example_intake


def _booleans_for_codes(node: object) -> None:
    if isinstance(node, dict):
        coding = node.get("valueCoding")
        if isinstance(coding, dict) and coding.get("code") in ("LA33-6", "LA32-8"):
            del node["valueCoding"]
            node["valueBoolean"] = coding["code"] == "LA33-6"
        for value in node.values():
            _booleans_for_codes(value)
    elif isinstance(node, list):
        for value in node:
            _booleans_for_codes(value)


def test_a_coded_yes_no_outside_the_answer_list_is_reported() -> None:
    response = intake_to_response(load_example("maria-garcia"), language="es")
    as_text = json.dumps(response).replace('"LA33-6"', '"LA4489-6"', 1)
    with pytest.raises(IntakeResponseError) as raised:
        response_to_intake(json.loads(as_text))
    assert any(p.kind is ProblemKind.NOT_IN_VALUE_SET for p in raised.value.problems)
