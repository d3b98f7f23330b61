import pytest

from commcare_ext.extract import ExtractionError, extract, proposed_concerns
from commcare_ext.referral import ReferralError, referral_message_bundle, transaction_bundle
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example


def test_concerns_are_proposed_but_not_written_until_confirmed() -> None:
    intake = load_example("amina-hassan")
    extracted = extract(intake, context=context_for(intake))
    proposed = {c.id for c in proposed_concerns(extracted)}
    assert "lack-of-transportation" in proposed
    assert extracted.conditions == ()
    bundle = transaction_bundle(extracted)
    assert "Condition" not in {e["resource"]["resourceType"] for e in bundle["entry"]}
    assert all(c.verification.code == "provisional" for c in proposed_concerns(extracted))


def test_a_confirmed_concern_joins_the_bundle_and_the_referrals() -> None:
    intake = load_example("amina-hassan")
    context = context_for(intake)
    ids = frozenset(c.id for c in proposed_concerns(extract(intake, context=context)))
    confirmed = extract(intake, context=context.model_copy(update={"confirmed_concerns": ids}))
    kinds = [e["resource"]["resourceType"] for e in transaction_bundle(confirmed)["entry"]]
    assert kinds.count("Condition") == len(ids)
    social = [
        c.reference
        for c in confirmed.conditions
        if "social" in c.resource["id"]
        or any(cat["coding"][0]["code"] == "social-connection" for cat in c.resource["category"])
    ]
    for request in confirmed.service_requests:
        reasons = [r["reference"] for r in request.resource.get("reasonReference", [])]
        assert all(ref in reasons for ref in social)
        assert not any(r.startswith("Condition/") and r not in social for r in reasons)


def test_an_unknown_concern_id_is_refused() -> None:
    intake = load_example("amina-hassan")
    context = context_for(intake).model_copy(update={"confirmed_concerns": frozenset({"x"})})
    with pytest.raises(ExtractionError) as caught:
        extract(intake, context=context)
    assert caught.value.field == "context.confirmed_concerns"


def test_confirming_needs_a_clinician() -> None:
    intake = load_example("amina-hassan")
    context = context_for(intake).model_copy(
        update={
            "confirmed_concerns": frozenset({"lack-of-transportation"}),
            "referring_clinician": None,
        }
    )
    with pytest.raises(ExtractionError) as caught:
        extract(intake, context=context)
    assert caught.value.field == "context.referring_clinician"


def test_a_bser_message_needs_a_referring_clinician() -> None:
    intake = load_example("maria-garcia")
    context = context_for(intake).model_copy(update={"referring_clinician": None})
    extracted = extract(intake, context=context)
    assert extracted.referring_role is None
    target = context.referrals[0]
    with pytest.raises(ReferralError) as caught:
        referral_message_bundle(extracted, DIRECTORY[target.kind], clinic=CLINIC)
    assert caught.value.field == "context.referring_clinician"


def test_a_recipient_without_phone_or_endpoint_is_refused() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    target = context_for(intake).referrals[0]
    silent = DIRECTORY[target.kind].model_copy(update={"phone": None, "endpoint": None})
    with pytest.raises(ReferralError) as caught:
        referral_message_bundle(extracted, silent, clinic=CLINIC)
    assert caught.value.field == "recipient.phone"
