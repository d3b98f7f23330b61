"""BSeR Referral Message Bundle and MessageHeader (2.0.0-ballot)."""

import pytest

from commcare_ext.terminology.systems import (
    BSER_MESSAGE_BUNDLE,
    BSER_MESSAGE_HEADER,
    BSER_REFERRAL_TASK,
)
from tests.conformance.emitted import Resource, bundles, claiming, ids

_MESSAGES = [b for b in bundles() if b["type"] == "message"]


@pytest.mark.parametrize("bundle", _MESSAGES, ids=ids)
def test_bser_message_bundle(bundle: Resource) -> None:
    assert BSER_MESSAGE_BUNDLE in bundle["meta"]["profile"]
    assert bundle["type"] == "message", "Bundle.type = message (exactly)"
    headers = [e for e in bundle["entry"] if e["resource"]["resourceType"] == "MessageHeader"]
    assert len(headers) == 1 and bundle["entry"][0] is headers[0], (
        "entry:messageHeader 1..1, first (bdl-? message rule)"
    )
    by_url = {e["fullUrl"]: e["resource"] for e in bundle["entry"]}
    header = headers[0]["resource"]
    assert BSER_MESSAGE_HEADER in header["meta"]["profile"]
    assert header["eventCoding"]["system"] == "http://terminology.hl7.org/CodeSystem/v2-0003"
    assert header["eventCoding"]["code"] == "I12", "MessageHeader.event[x] = v2-0003#I12"
    assert len(header["destination"]) == 1, "MessageHeader.destination 1..1"
    receiver = by_url[header["destination"][0]["receiver"]["reference"]]
    assert receiver["resourceType"] == "PractitionerRole", "destination.receiver PractitionerRole"
    sender = by_url[header["sender"]["reference"]]
    assert sender["resourceType"] == "PractitionerRole", "MessageHeader.sender PractitionerRole"
    assert len(header["focus"]) == 1, "MessageHeader.focus 1..1"
    task = by_url[header["focus"][0]["reference"]]
    assert BSER_REFERRAL_TASK in task["meta"]["profile"], "focus only BSeRReferralTask"
    request = by_url[task["focus"]["reference"]]
    consents = [by_url[i["reference"]] for i in request["supportingInfo"]]
    assert [c["resourceType"] for c in consents] == ["Consent"], (
        "ServiceRequest.supportingInfo:consentSupportingInfo: the patient's Consent"
    )


def test_every_header_is_a_bser_header() -> None:
    assert len(claiming(BSER_MESSAGE_HEADER)) == len(_MESSAGES)
