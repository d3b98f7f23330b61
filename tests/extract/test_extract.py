import json
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from fhir.resources.R4B import get_fhir_model_class
from hypothesis import HealthCheck, given, settings

from commcare_ext.extract import (
    DisclosureCategory,
    ExtractionContext,
    ExtractionError,
    PatientIdentifier,
    ReferralSharing,
    ReferralTarget,
    extract,
)
from commcare_ext.fhir import references_in
from commcare_ext.intake import Intake, Involvement, ReferralShare, SupportType
from commcare_ext.terminology.systems import PATIENT_RELIGION, US_CORE_INTERPRETER_NEEDED
from tests.budget import cases
from tests.fixtures import CLINIC, context_for, load_example
from tests.strategies import intakes


def _validate(resource: dict[str, Any]) -> None:
    get_fhir_model_class(resource["resourceType"]).model_validate(resource)
    assert resource["text"]["status"] == "generated"
    ET.fromstring(resource["text"]["div"])  # noqa: S314 - our own output, parsed as proof


def test_every_resource_validates_and_has_a_readable_narrative(example_intake: Intake) -> None:
    extracted = extract(example_intake, context=context_for(example_intake))
    assert len(extracted.all()) > 20
    for item in extracted.all():
        _validate(item.resource)
        assert item.resource["id"]


@settings(max_examples=cases(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=intakes())
def test_generated_intakes_extract_to_valid_resources(intake: Intake) -> None:
    extracted = extract(intake, context=context_for(intake))
    for item in extracted.all():
        _validate(item.resource)


def test_extraction_is_deterministic() -> None:
    intake = load_example("raymond-begay")
    first = extract(intake, context=context_for(intake))
    second = extract(intake, context=context_for(intake))
    assert [r.resource for r in first.all()] == [r.resource for r in second.all()]
    assert first == second


def test_patient_carries_language_interpreter_and_religion() -> None:
    extracted = extract(
        load_example("maria-garcia"), context=context_for(load_example("maria-garcia"))
    )
    assert extracted.patient is not None
    patient = extracted.patient.resource
    assert patient["communication"][0] == {
        "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]},
        "preferred": True,
    }
    assert {
        "url": US_CORE_INTERPRETER_NEEDED,
        "valueCoding": {
            "system": "http://snomed.info/sct",
            "code": "373066001",
            "display": "Yes (qualifier value)",
        },
    } in patient["extension"]
    assert patient["gender"] == "unknown"
    assert {"url": PATIENT_RELIGION, "valueCodeableConcept": {"text": "Católica"}} in patient[
        "extension"
    ]
    assert patient["identifier"] == [
        {"system": "https://clinic.example.org/fhir/mrn", "value": "MRN-448201"}
    ]


def test_extraction_carries_what_referral_needs() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    assert extracted.patient_identifier == PatientIdentifier(
        "https://clinic.example.org/fhir/mrn", "MRN-448201"
    )
    assert extracted.authored == intake.authored
    assert extracted.referral_sharing.consented is True
    assert extracted.referral_sharing.permitted == {
        DisclosureCategory.for_share(share) for share in intake.care.referral_share
    }


def test_declined_referral_permits_nothing() -> None:
    declined = load_example("jordan-lee")
    assert declined.care.referral_consent is False
    sharing = extract(declined, context=context_for(declined)).referral_sharing
    assert sharing.consented is False
    assert sharing.permitted == frozenset()
    assert ReferralSharing.from_choices(None, [ReferralShare.LANGUAGE_NEEDS]).permitted == set()


def test_existing_patient_is_referenced_not_rewritten() -> None:
    intake = load_example("tran-van-minh")
    context = ExtractionContext(clinic=CLINIC, patient_reference="Patient/ehr-4711")
    extracted = extract(intake, context=context)
    assert extracted.patient is None
    assert extracted.patient_reference == "Patient/ehr-4711"
    assert extracted.patient_identifier.value == intake.patient.identifier_value
    patient_refs = {
        reference
        for item in extracted.all()
        for reference in references_in(item.resource)
        if reference.startswith("Patient/")
    }
    assert patient_refs == {"Patient/ehr-4711"}
    assert all(
        o.resource["subject"] == {"reference": "Patient/ehr-4711"} for o in extracted.observations
    )


def test_do_not_contact_person_has_no_contact_details_and_a_deny_consent() -> None:
    intake = load_example("amina-hassan")
    extracted = extract(intake, context=context_for(intake))
    barred = extracted.related_persons[1]
    assert barred.category is DisclosureCategory.EHR_ONLY
    assert "telecom" not in barred.resource
    denies = [c for c in extracted.consents if c.resource["provision"]["type"] == "deny"]
    assert len(denies) == 1
    assert denies[0].resource["provision"]["actor"][0]["reference"] == {
        "reference": barred.reference
    }
    assert "Abdirahman" not in json.dumps(
        [r.resource for r in extracted.all() if r.category is not DisclosureCategory.EHR_ONLY]
    )


def test_permit_consent_lists_exactly_what_may_be_shared() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    mother = extracted.related_persons[0].reference
    consent = next(
        c.resource
        for c in extracted.consents
        if c.resource["provision"]["actor"][0]["reference"]["reference"] == mother
    )
    codes = {c["coding"][0]["code"] for c in consent["provision"]["code"]}
    assert codes == {"share-wellbeing", "share-treatment-plan", "share-safety"}
    assert consent["provision"]["type"] == "permit"


def test_mos_panel_has_items_and_scores() -> None:
    intake = load_example("maria-garcia")
    extracted = extract(intake, context=context_for(intake))
    panel = next(
        o.resource
        for o in extracted.observations
        if o.resource["code"]["coding"][0]["code"] == "91642-9"
    )
    members = {m["reference"] for m in panel["hasMember"]}
    by_ref = {o.reference: o.resource for o in extracted.observations}
    overall = next(
        by_ref[m] for m in members if by_ref[m]["code"]["coding"][0]["code"] == "91663-5"
    )
    assert overall["valueQuantity"]["value"] == pytest.approx(51 / 19, abs=1e-4)
    assert len(members) == 19 + 5


def test_referrals_follow_the_gravity_pattern() -> None:
    intake = load_example("tran-van-minh")
    extracted = extract(intake, context=context_for(intake))
    assert len(extracted.service_requests) == len(intake.care.preferred_supports) > 0
    for request, task in zip(extracted.service_requests, extracted.tasks, strict=True):
        assert task.resource["focus"] == {"reference": request.reference}
        assert task.resource["code"]["coding"][0]["code"] == "fulfill"
        assert task.resource["owner"] == request.resource["performer"][0]
        assert request.resource["reasonReference"]
        assert request.resource["supportingInfo"][0]["reference"].startswith("Consent/")


def test_care_team_holds_people_who_take_part() -> None:
    intake = load_example("tran-van-minh")
    extracted = extract(intake, context=context_for(intake))
    assert extracted.care_team is not None
    members = {p["member"]["reference"] for p in extracted.care_team.resource["participant"]}
    taking_part = {
        extracted.related_persons[index].reference
        for index, person in enumerate(intake.support_persons)
        if person.involvement in {Involvement.DECISIONS, Involvement.ATTENDS}
    }
    assert len(taking_part) == 2
    assert members == taking_part | {extracted.patient_reference}


def test_referral_without_performer_names_the_field() -> None:
    intake = load_example("maria-garcia")
    context = ExtractionContext(
        clinic=CLINIC, referrals=(ReferralTarget(kind=SupportType.PEER_SUPPORT_GROUP),)
    )
    with pytest.raises(ExtractionError) as caught:
        extract(intake, context=context)
    assert caught.value.field == "context.referrals[0].organization"


def test_referral_without_consent_is_refused() -> None:
    intake = load_example("jordan-lee")  # declined referral
    context = context_for(load_example("maria-garcia"))
    with pytest.raises(ExtractionError) as caught:
        extract(intake, context=context)
    assert caught.value.field == "intake.care.referral_consent"


def test_narrative_escapes_patient_text() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["support_persons"][0]["name"] = "<script>alert(1)</script>"
    intake = Intake.model_validate(data)
    person = extract(intake, context=context_for(intake)).related_persons[0].resource
    assert "<script>" not in person["text"]["div"]
    assert "&lt;script&gt;" in person["text"]["div"]
    ET.fromstring(person["text"]["div"])  # noqa: S314 - our own output
