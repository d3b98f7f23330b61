"""Every produced resource and Bundle also passes an independent validator: Medplum's."""

from typing import Any

import pytest

from commcare_ext.extract import extract
from commcare_ext.questionnaire import build_questionnaire, code_system, value_sets
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_document_reference
from tests.conformance.emitted import chosen_service_bundles
from tests.fixtures import CLINIC, DIRECTORY, EXAMPLE_NAMES, context_for, load_example
from tests.support.medplum import errors_only, validate_with_medplum

pytestmark = pytest.mark.integration


def _everything() -> list[dict[str, Any]]:
    produced: list[dict[str, Any]] = [build_questionnaire("en"), build_questionnaire("es")]
    produced += [code_system(), *value_sets()]
    for name in EXAMPLE_NAMES:
        intake = load_example(name)
        extracted = extract(intake, context=context_for(intake))
        produced += [item.resource for item in extracted.all()]
        produced.append(transaction_bundle(extracted))
        produced.append(summary_document_reference(intake, extracted.patient_reference))
        produced += [
            referral_message_bundle(extracted, DIRECTORY[t.kind], clinic=CLINIC)
            for t in context_for(intake).referrals
        ]
    # A referral to a service chosen from the directory: HSD Organization and HealthcareService.
    produced += chosen_service_bundles()
    return produced


def test_medplum_finds_no_errors_in_anything_we_produce() -> None:
    produced = _everything()
    results = validate_with_medplum(produced)
    problems = {
        f"{resource['resourceType']}/{resource.get('id')}": errors_only(issues)
        for resource, issues in zip(produced, results, strict=True)
        if errors_only(issues)
    }
    assert problems == {}
    assert len(results) > 300


def test_medplum_does_catch_a_broken_resource() -> None:
    broken = {"resourceType": "Observation", "status": "final", "valueBoolean": "yes"}
    (issues,) = validate_with_medplum([broken])
    assert errors_only(issues)
