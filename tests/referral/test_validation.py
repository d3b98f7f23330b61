import copy
import json

import pytest

from commcare_ext.extract import extract
from commcare_ext.referral import transaction_bundle
from commcare_ext.validation import FhirValidationError, r4_issues, to_json_bytes, validate_bundle
from tests.fixtures import context_for, load_example


def _bundle() -> dict:  # type: ignore[type-arg]
    intake = load_example("raymond-begay")
    return transaction_bundle(extract(intake, context=context_for(intake)))


def test_every_example_bundle_validates_and_serialises() -> None:
    bundle = _bundle()
    validate_bundle(bundle)
    assert json.loads(to_json_bytes(bundle)) == bundle


def test_models_for_users() -> None:
    intake = load_example("raymond-begay")
    extracted = extract(intake, context=context_for(intake))
    models = extracted.as_models()
    assert [m.get_resource_type() for m in models] == [
        r.resource["resourceType"] for r in extracted.all()
    ]


def test_an_r4b_only_extension_value_is_refused_as_r4() -> None:
    bundle = _bundle()
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["resource"]["extension"].append(
        {"url": "https://example.org/x", "valueCodeableReference": {"concept": {"text": "t"}}}
    )
    assert r4_issues(bundle)  # R4B's model alone would accept it
    with pytest.raises(FhirValidationError) as caught:
        validate_bundle(bundle)
    assert "valueCodeableReference" in str(caught.value)


def test_an_r4_only_value_meta_is_accepted() -> None:
    bundle = _bundle()
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["resource"]["extension"].append(
        {"url": "https://example.org/m", "valueMeta": {"versionId": "1"}}
    )
    validate_bundle(bundle)


def test_an_r4_narrower_reference_target_is_refused() -> None:
    bundle = _bundle()
    obs = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Observation")
    obs["resource"]["subject"] = {"reference": "Practitioner/x"}  # R4B allows it, R4 does not
    assert [path for path, _ in r4_issues(bundle)] == [
        f"entry[{bundle['entry'].index(obs)}].resource.subject"
    ]


def test_errors_name_paths_never_values() -> None:
    bundle = copy.deepcopy(_bundle())
    patient = next(e for e in bundle["entry"] if e["resource"]["resourceType"] == "Patient")
    patient["resource"]["birthDate"] = "Secret-Value-1977"
    patient["resource"]["nickname"] = "Secret-Nick"
    with pytest.raises(FhirValidationError) as caught:
        validate_bundle(bundle)
    text = str(caught.value)
    assert "birthDate" in text
    assert "nickname" in text
    assert "Secret" not in text
    assert caught.value.__cause__ is None
    assert caught.value.__context__ is None or caught.value.__suppress_context__
