"""Telecom only for people who may be contacted: in the EHR Bundle and in every message.

The stored QuestionnaireResponse (EHR only) keeps what the patient answered, a number
included; what systems use to reach a person, the RelatedPerson, must not carry it.
"""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings

from commcare_ext.extract import extract
from commcare_ext.intake import Intake, SupportPerson
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from tests.budget import cases
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example
from tests.strategies import intakes_with_networks


def _expected_telecom(person: SupportPerson) -> list[dict[str, str]]:
    if not person.contactable:
        return []
    telecom = [{"system": "phone", "value": person.phone}] if person.phone else []
    return telecom + ([{"system": "email", "value": person.email}] if person.email else [])


def _bundles(intake: Intake) -> list[dict[str, Any]]:
    extracted = extract(intake, context=context_for(intake))
    messages = [
        referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)
        for kind in intake.care.preferred_supports
    ]
    assert messages, "an intake with consent to refer must give at least one message"
    return [transaction_bundle(extracted), *messages]


def _outside_the_answers(bundles: list[dict[str, Any]]) -> str:
    """Every entry except the stored answers, as text."""
    return json.dumps(
        [
            entry
            for bundle in bundles
            for entry in bundle["entry"]
            if entry["resource"]["resourceType"] != "QuestionnaireResponse"
        ],
        ensure_ascii=False,
    )


def _related_persons(bundle: dict[str, Any]) -> list[dict[str, Any]]:
    return [
        e["resource"] for e in bundle["entry"] if e["resource"]["resourceType"] == "RelatedPerson"
    ]


@settings(max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes_with_networks())
def test_telecom_only_for_people_who_may_be_contacted(intake: Intake) -> None:
    by_name = {person.name: person for person in intake.support_persons}
    transaction, *messages = _bundles(intake)
    assert len(_related_persons(transaction)) == len(intake.support_persons)
    for bundle in (transaction, *messages):
        for resource in _related_persons(bundle):
            person = by_name[resource["name"][0]["text"]]
            assert resource.get("telecom", []) == _expected_telecom(person)
    reachable = {CLINIC.phone} | {
        detail for p in intake.contactable_persons() for detail in (p.phone, p.email) if detail
    }
    unreachable = {
        detail
        for p in intake.support_persons
        if not p.contactable
        for detail in (p.phone, p.email)
        if detail
    }
    text = _outside_the_answers([transaction, *messages])
    assert [d for d in unreachable - reachable if d in text] == []


def test_a_person_who_is_not_involved_gets_no_number_in_the_bundles() -> None:
    data = load_example("amina-hassan").model_dump(mode="json")
    imam = data["support_persons"][2]
    assert imam["involvement"] == "involvement-none"
    imam.update(phone="612-555-0199", email="imam@example.org")
    intake = Intake.model_validate(data)
    text = _outside_the_answers(_bundles(intake))
    assert "612-555-0199" not in text
    assert "imam@example.org" not in text
    assert "612-555-0114" in text  # the cousin, who attends sessions, keeps hers
