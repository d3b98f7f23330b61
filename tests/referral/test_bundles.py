import json
import os
from pathlib import Path
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle

from commcare_ext.errors import CommcareError
from commcare_ext.extract import ExtractionError, extract
from commcare_ext.fhir import references_in
from commcare_ext.intake import Intake, SupportType
from commcare_ext.referral import (
    DanglingReferenceError,
    ReferralDeclinedError,
    ReferralError,
    check_references,
    referral_message_bundle,
    transaction_bundle,
)
from commcare_ext.summary import summary_document_reference
from tests.fixtures import CLINIC, DIRECTORY, EXAMPLE_NAMES, context_for, load_example

GOLDEN = Path(__file__).parent / "golden"


def _bundles(intake: Intake) -> dict[str, dict[str, Any]]:
    extracted = extract(intake, context=context_for(intake))
    out = {"transaction": transaction_bundle(extracted)}
    for kind in context_for(intake).referrals:
        out[f"message-{kind.kind.value}"] = referral_message_bundle(
            extracted, DIRECTORY[kind.kind], clinic=CLINIC
        )
    return out


#: (example, kind of support) for every referral message the examples produce.
MESSAGE_CASES = [
    (name, target.kind)
    for name in EXAMPLE_NAMES
    for target in context_for(load_example(name)).referrals
]
assert MESSAGE_CASES, "no example intake makes a referral: the message tests would check nothing"


def test_transaction_validates_and_every_reference_resolves(example_intake: Intake) -> None:
    extracted = extract(example_intake, context=context_for(example_intake))
    bundle = transaction_bundle(extracted)
    Bundle.model_validate(bundle)
    assert references_in(bundle), "a Bundle without references would make this check vacuous"
    check_references(bundle)
    assert bundle["type"] == "transaction"
    assert len(bundle["entry"]) == len(extracted.all())
    for entry in bundle["entry"]:
        assert entry["fullUrl"].startswith("urn:uuid:")
        request = entry["request"]
        if request["method"] == "POST":
            assert request["ifNoneExist"].startswith("identifier=")
            assert "id" not in entry["resource"]
        else:  # no business identifier: PUT to the deterministic id
            kind = entry["resource"]["resourceType"]
            assert kind in {"Provenance", "PractitionerRole"}
            assert "identifier" not in entry["resource"]
            assert request["url"] == f"{kind}/{entry['resource']['id']}"


@pytest.mark.parametrize(("name", "kind"), MESSAGE_CASES)
def test_message_bundle_starts_with_its_header(name: str, kind: SupportType) -> None:
    intake = load_example(name)
    extracted = extract(intake, context=context_for(intake))
    bundle = referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)
    Bundle.model_validate(bundle)
    check_references(bundle)
    assert bundle["type"] == "message"
    header = bundle["entry"][0]["resource"]
    assert header["resourceType"] == "MessageHeader"
    assert [e["resource"]["resourceType"] for e in bundle["entry"]].count("MessageHeader") == 1
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    task = by_url[header["focus"][0]["reference"]]
    assert task["resourceType"] == "Task"  # BSeR: the header focuses the referral Task
    request = by_url[task["focus"]["reference"]]
    assert request["resourceType"] == "ServiceRequest"
    receiver = by_url[header["destination"][0]["receiver"]["reference"]]
    assert receiver["resourceType"] == "PractitionerRole"
    assert receiver["organization"] == request["performer"][0]
    assert by_url[header["sender"]["reference"]]["resourceType"] == "PractitionerRole"
    assert bundle["timestamp"] == intake.authored.isoformat()


def test_an_intake_without_referral_has_no_message() -> None:
    intake = load_example("jordan-lee")
    assert intake.care.referral_consent is False
    extracted = extract(intake, context=context_for(intake))
    assert extracted.service_requests == ()
    assert intake.care.preferred_supports, "jordan-lee must want supports for this to check"
    for kind in intake.care.preferred_supports:
        with pytest.raises(ReferralError, match="recipient"):
            referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)


def _declined(name: str) -> Intake:
    data = load_example(name).model_dump(mode="json")
    data["care"].update(
        preferred_supports=[],
        preferred_supports_detail=None,
        referral_consent=None,
        referral_share=[],
        community_referral_declined=True,
    )
    return Intake.model_validate(data)


def test_a_person_who_declines_community_referral_gets_no_referral_message() -> None:
    maria = load_example("maria-garcia")
    declined = _declined("maria-garcia")
    # Extraction refuses referral targets for them, naming the answer that decides it...
    with pytest.raises(ExtractionError, match="community_referral_declined"):
        extract(declined, context=context_for(maria))
    # ...and no referral message is built from their extraction, to any organisation.
    plain = context_for(maria).model_copy(update={"referrals": []})
    extracted = extract(declined, context=plain)
    assert extracted.community_referral_declined
    assert extracted.service_requests == ()
    for kind in maria.care.preferred_supports:
        with pytest.raises(ReferralDeclinedError) as refused:
            referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)
        assert isinstance(refused.value, CommcareError)
        assert refused.value.field == "care.community_referral_declined"


def test_existing_patient_reference_is_kept() -> None:
    intake = load_example("maria-garcia")
    context = context_for(intake).model_copy(update={"patient_reference": "Patient/ehr-1"})
    bundle = transaction_bundle(extract(intake, context=context))
    check_references(bundle, allow=frozenset({"Patient/ehr-1"}))
    with pytest.raises(DanglingReferenceError) as caught:
        check_references(bundle)
    assert caught.value.references == ("Patient/ehr-1",)


def test_message_to_an_organisation_with_no_referral_is_refused() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    with pytest.raises(ReferralError, match="recipient"):
        referral_message_bundle(extracted, CLINIC, clinic=CLINIC)


@pytest.mark.parametrize("name", EXAMPLE_NAMES)
def test_golden_files(name: str) -> None:
    """Pins the exact JSON; set COMMCARE_UPDATE_GOLDEN=1 to rewrite after a deliberate change."""
    bundles = _bundles(load_example(name))
    path = GOLDEN / f"{name}.json"
    if os.environ.get("COMMCARE_UPDATE_GOLDEN") == "1":
        GOLDEN.mkdir(exist_ok=True)
        path.write_text(json.dumps(bundles, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert json.loads(path.read_text("utf-8")) == bundles


def test_summary_document_joins_the_transaction() -> None:
    intake = load_example("raymond-begay")
    extracted = extract(intake, context=context_for(intake))
    document = summary_document_reference(intake, extracted.patient_reference)
    bundle = transaction_bundle(extracted, extra=[document])
    Bundle.model_validate(bundle)
    check_references(bundle)
    entry = bundle["entry"][-1]
    assert entry["resource"]["resourceType"] == "DocumentReference"
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    assert entry["resource"]["subject"]["reference"] == patient["fullUrl"]
    assert entry["request"]["ifNoneExist"].startswith("identifier=")
