import json
from typing import Any

import pytest
from hypothesis import HealthCheck, find, given, settings
from hypothesis import strategies as st

from commcare_ext.extract import DisclosureCategory, ExtractionContext, extract
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.referral import (
    DisclosurePolicy,
    check_references,
    referral_message_bundle,
    transaction_bundle,
)
from commcare_ext.terminology.systems import PATIENT_RELIGION
from tests.budget import cases
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example
from tests.referral.leaks import leaks
from tests.strategies import intakes

_EVERYTHING = DisclosurePolicy(frozenset(DisclosureCategory) - {DisclosureCategory.EHR_ONLY})

referral_intakes = intakes().filter(
    lambda i: bool(i.care.referral_consent and i.care.preferred_supports)
)


def _messages(intake: Intake, policy: DisclosurePolicy | None = None) -> list[dict[str, Any]]:
    extracted = extract(intake, context=context_for(intake))
    messages = [
        referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC, policy=policy)
        for kind in intake.care.preferred_supports
    ]
    assert messages, "an intake that consented to referral must give at least one message"
    return messages


@settings(
    max_examples=cases(500),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(intake=referral_intakes)
def test_no_unpermitted_item_ever_leaves_the_clinic(intake: Intake) -> None:
    extracted = extract(intake, context=context_for(intake))
    for bundle in _messages(intake):
        assert leaks(bundle, intake, extracted) == []
        check_references(bundle)


def _per_recipient(
    intake: Intake, choices: list[frozenset[ReferralShare] | None]
) -> ExtractionContext:
    """``context_for(intake)`` with each referral's own sharing choice (None: the general)."""
    context = context_for(intake)
    targets = tuple(
        t.model_copy(update={"share": share})
        for t, share in zip(context.referrals, choices, strict=False)
    )
    return context.model_copy(update={"referrals": targets})


_CHOICES = st.lists(
    st.none() | st.frozensets(st.sampled_from(sorted(ReferralShare))), min_size=6, max_size=6
)


@settings(
    max_examples=cases(300),
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
)
@given(intake=referral_intakes, choices=_CHOICES)
def test_each_recipient_gets_only_what_was_chosen_for_it(
    intake: Intake, choices: list[frozenset[ReferralShare] | None]
) -> None:
    context = _per_recipient(intake, choices)
    extracted = extract(intake, context=context)
    for target in context.referrals:
        assert target.organization is not None
        bundle = referral_message_bundle(extracted, target.organization, clinic=CLINIC)
        assert leaks(bundle, intake, extracted, target.share) == []
        check_references(bundle)


def test_a_recipients_own_choice_can_widen_what_it_receives() -> None:
    intake = load_example("amina-hassan")  # chose only language needs and preferences
    kind = intake.care.preferred_supports[0]
    wide = frozenset({ReferralShare.ACCESS_BARRIERS})
    extracted = extract(intake, context=_per_recipient(intake, [wide]))
    text = json.dumps(referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC))
    assert '"barrier-' in text
    assert '"pref-' not in text
    consent = next(
        c.resource
        for c in extracted.consents
        if c.resource["provision"]["actor"][0]["reference"]["reference"].endswith(
            extracted.organizations[1].resource["id"]
        )
    )
    codes = {c["coding"][0]["code"] for c in consent["provision"]["code"]}
    assert codes == {ReferralShare.ACCESS_BARRIERS.value}


def test_with_the_filter_off_the_property_finds_a_leak() -> None:
    def leaky(intake: Intake) -> bool:
        extracted = extract(intake, context=context_for(intake))
        return any(
            leaks(bundle, intake, extracted) for bundle in _messages(intake, policy=_EVERYTHING)
        )

    found = find(
        referral_intakes,
        leaky,
        settings=settings(
            max_examples=cases(500),
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
    assert leaky(found)


@pytest.mark.parametrize(
    ("name", "absent", "present"),
    [
        # Maria allowed contact, language, preferences, barriers: not stigma, family, scores.
        ("maria-garcia", ["stigma-", "Ernesto", "Rosa Ram", "91642-9"], ["barrier-", "García"]),
        # Amina allowed only language and preferences: no name, no barriers, no ex-husband.
        ("amina-hassan", ["Hassan", "barrier-", "Abdirahman", "Hodan"], ['"so"', "pref-"]),
    ],
)
def test_examples_share_only_what_was_chosen(
    name: str, absent: list[str], present: list[str]
) -> None:
    intake = load_example(name)
    text = json.dumps(_messages(intake), ensure_ascii=False)
    for fragment in absent:
        assert fragment not in text
    for fragment in present:
        assert fragment in text


def _identity(resource: dict[str, Any]) -> object:
    """What names a resource in a transaction: its business identifier, else type and id."""
    identifier = resource.get("identifier")
    if isinstance(identifier, list):
        identifier = identifier[0]
    if identifier:
        return (identifier["system"], identifier["value"])
    return f"{resource['resourceType']}/{resource['id']}"


def test_transaction_to_the_ehr_keeps_everything() -> None:
    intake = load_example("amina-hassan")
    extracted = extract(intake, context=context_for(intake))
    bundle = transaction_bundle(extracted)
    sent = [entry["resource"] for entry in bundle["entry"]]
    assert len(sent) == len(extracted.all())
    identities = [_identity(resource) for resource in sent]
    for item in extracted.all():
        assert _identity(item.resource) in identities, item.reference
    ehr_only = [item for item in extracted.all() if item.category is DisclosureCategory.EHR_ONLY]
    kinds = {item.resource["resourceType"] for item in ehr_only}
    assert {"QuestionnaireResponse", "Provenance", "RelatedPerson", "Consent"} <= kinds
    text = json.dumps(bundle, ensure_ascii=False)
    assert "Abdirahman Farah" in text  # the do-not-contact person is recorded, at home
    assert PATIENT_RELIGION in text
    assert "CareTeam" in {r["resourceType"] for r in sent}


@given(st.frozensets(st.sampled_from(sorted(DisclosureCategory))))
def test_ehr_only_is_never_allowed(permitted: frozenset[DisclosureCategory]) -> None:
    assert not DisclosurePolicy(permitted).allows(DisclosureCategory.EHR_ONLY)


@pytest.mark.parametrize("category", sorted(DisclosureCategory))
def test_without_consent_only_core_is_allowed(category: DisclosureCategory) -> None:
    assert DisclosurePolicy(frozenset()).allows(category) is (category is DisclosureCategory.CORE)
