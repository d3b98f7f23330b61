"""A positive screen in the EHR (Observations, Flag, proposed concern), and never in a referral."""

from typing import Any

import pytest

from commcare_ext.extract import DisclosureCategory, extract, proposed_concerns
from commcare_ext.extract.risk import FLAG_DETAIL
from commcare_ext.intake import Intake, ReferralShare, SuicideRiskScreen
from commcare_ext.referral import (
    DisclosureError,
    DisclosurePolicy,
    referral_message_bundle,
    transaction_bundle,
)
from commcare_ext.referral.disclosure import check_no_risk
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example
from tests.referral.leaks import leaks

POSITIVE = {"1": True, "2": False, "3": False, "4": False, "5": False}
NEGATIVE = {"1": False, "2": False, "3": False, "4": False}


def _screened(answers: dict[str, bool], name: str = "maria-garcia") -> Intake:
    intake = load_example(name)
    return intake.model_copy(update={"safety_screen": SuicideRiskScreen(answers=answers)})


def _by_type(bundle: dict[str, Any], kind: str) -> list[dict[str, Any]]:
    return [e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == kind]


def test_a_positive_screen_gives_observations_a_flag_and_a_concern_to_confirm() -> None:
    intake = _screened(POSITIVE)
    extracted = extract(intake, context=context_for(intake))
    risk = [o for o in extracted.observations if o.category is DisclosureCategory.SAFETY_RISK]
    codes = [o.resource["code"]["coding"][0]["code"] for o in risk]
    assert codes == ["asq-1", "asq-2", "asq-3", "asq-4", "asq-5", "93374-7", "asq-panel"]
    result = risk[5].resource
    assert result["valueCodeableConcept"]["coding"][0]["code"] == (
        "suicide-screen-non-acute-positive"
    )
    assert result["meta"]["profile"] == [
        "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment|7.0.0"
    ]
    panel = risk[6].resource
    assert [m["reference"] for m in panel["hasMember"]] == [o.reference for o in risk[:6]]
    (flag,) = extracted.flags
    assert flag.resource["status"] == "active"
    assert flag.resource["subject"]["reference"] == extracted.patient_reference
    assert flag.resource["extension"] == [
        {"url": FLAG_DETAIL, "valueReference": {"reference": risk[5].reference}}
    ]
    assert flag.category is DisclosureCategory.SAFETY_RISK
    concern = proposed_concerns(extracted)[0]
    assert concern.id == "suicide-risk"
    assert concern.evidence == (risk[5].reference,)
    assert extracted.conditions == ()  # proposed only, until the clinician confirms


def test_the_confirmed_concern_is_a_us_core_health_concern() -> None:
    intake = _screened(POSITIVE)
    context = context_for(intake).model_copy(
        update={"confirmed_concerns": frozenset({"suicide-risk"})}
    )
    extracted = extract(intake, context=context)
    (condition,) = extracted.conditions
    resource = condition.resource
    assert resource["meta"]["profile"][0].endswith(
        "us-core-condition-problems-health-concerns|7.0.0"
    )
    assert [c["coding"][0]["code"] for c in resource["category"]] == ["health-concern"]
    assert resource["verificationStatus"]["coding"][0]["code"] == "confirmed"
    assert condition.category is DisclosureCategory.SAFETY_RISK
    bundle = transaction_bundle(extracted)
    assert len(_by_type(bundle, "Flag")) == 1
    assert len(_by_type(bundle, "Condition")) == 1


def test_a_negative_screen_is_recorded_without_a_flag_or_concern() -> None:
    intake = _screened(NEGATIVE)
    extracted = extract(intake, context=context_for(intake))
    assert extracted.flags == ()
    assert "suicide-risk" not in [c.id for c in proposed_concerns(extracted)]
    result = next(
        o for o in extracted.observations if o.resource["code"]["coding"][0]["code"] == "93374-7"
    )
    assert result.resource["valueCodeableConcept"]["coding"][0]["code"] == (
        "suicide-screen-negative"
    )


@pytest.mark.parametrize("name", ["maria-garcia", "amina-hassan", "raymond-begay", "tran-van-minh"])
def test_no_sharing_choice_sends_risk_to_a_community_organisation(name: str) -> None:
    base = _screened(POSITIVE, name)
    care = base.care.model_copy(update={"referral_share": sorted(ReferralShare)})
    intake = base.model_copy(update={"care": care})
    context = context_for(intake).model_copy(
        update={"confirmed_concerns": frozenset({"suicide-risk"})}
    )
    extracted = extract(intake, context=context)
    for kind in intake.care.preferred_supports:
        bundle = referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)
        assert leaks(bundle, intake, extracted) == []
        assert not _by_type(bundle, "Flag")


def test_a_policy_asking_for_risk_is_refused() -> None:
    policy = DisclosurePolicy(frozenset(DisclosureCategory))
    assert not policy.allows(DisclosureCategory.SAFETY_RISK)
    assert not policy.allows(DisclosureCategory.EHR_ONLY)


def test_a_mislabelled_risk_resource_is_caught_by_its_codes() -> None:
    intake = _screened(POSITIVE)
    extracted = extract(intake, context=context_for(intake))
    result = next(o for o in extracted.observations if o.category is DisclosureCategory.SAFETY_RISK)
    with pytest.raises(DisclosureError, match="risk data never leaves the EHR"):
        check_no_risk(result.resource)
    with pytest.raises(DisclosureError, match="Flag"):
        check_no_risk(extracted.flags[0].resource)
    check_no_risk(extracted.observations[0].resource)  # the preferred language: fine
