"""A clinician-coded cultural concept of distress reaches the EHR as its own Observation.

It is the clinician's reading of the patient's words, so the clinician performs it, it says
that the words come first, and no referral-sharing choice sends it out of the clinic.
"""

from typing import Any

from commcare_ext.extract import extract
from commcare_ext.intake import IdiomOfDistress, Intake, ReferralShare
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example

_CODE = "cultural-concept-of-distress"


def _idiom_observations(resources: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [
        r
        for r in resources
        if r["resourceType"] == "Observation" and r["code"]["coding"][0]["code"] == _CODE
    ]


def _maria(idiom: IdiomOfDistress | None) -> Intake:
    intake = load_example("maria-garcia")
    return intake.model_copy(
        update={"formulation": intake.formulation.model_copy(update={"idiom_of_distress": idiom})}
    )


def test_the_coded_idiom_is_an_observation_the_clinician_performs() -> None:
    intake = _maria(IdiomOfDistress.SUSTO)
    extracted = extract(intake, context=context_for(intake))
    (found,) = _idiom_observations([o.resource for o in extracted.observations])
    assert found["valueCodeableConcept"]["coding"] == [
        {"system": COMMCARE_CODESYSTEM, "code": "idiom-susto", "display": "Susto"}
    ]
    role = next(r for r in extracted.all() if r.resource["resourceType"] == "PractitionerRole")
    assert found["performer"] == [{"reference": role.reference}]
    assert "own words" in found["note"][0]["text"]
    assert found["derivedFrom"][0]["reference"] == extracted.questionnaire_response.reference


def test_without_a_referring_clinician_no_one_is_named_as_performer() -> None:
    intake = _maria(IdiomOfDistress.SUSTO)
    context = context_for(intake).model_copy(update={"referring_clinician": None})
    (found,) = _idiom_observations(
        [o.resource for o in extract(intake, context=context).observations]
    )
    assert "performer" not in found


def test_no_observation_when_nothing_is_coded() -> None:
    intake = _maria(None)
    assert (
        _idiom_observations(
            [o.resource for o in extract(intake, context=context_for(intake)).observations]
        )
        == []
    )


def test_it_stays_in_the_ehr_whatever_the_patient_lets_organisations_see() -> None:
    intake = _maria(IdiomOfDistress.NERVIOS)
    care = intake.care.model_copy(update={"referral_share": list(ReferralShare)})
    intake = intake.model_copy(update={"care": care})
    extracted = extract(intake, context=context_for(intake))
    sent = transaction_bundle(extracted)
    assert len(_idiom_observations([e["resource"] for e in sent["entry"]])) == 1
    for target in context_for(intake).referrals:
        message = referral_message_bundle(extracted, DIRECTORY[target.kind], clinic=CLINIC)
        assert _idiom_observations([e["resource"] for e in message["entry"]]) == []
