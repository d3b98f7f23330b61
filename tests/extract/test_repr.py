"""An extraction that reaches a log line or a traceback reveals no patient data."""

from commcare_ext.extract import DisclosureCategory, extract
from commcare_ext.intake import Intake
from tests.fixtures import context_for, load_example

_SENTINELS = {
    "given": "Zyxqwert",
    "family": "Vondrakovna",
    "mrn": "MRN-70319931",
    "text": "sentinel-free-text-qqq",
    "person": "Quilliam Sentinelle",
    "phone": "612-555-0177",
}


def _sentinel_intake() -> Intake:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["patient"].update(
        given_name=_SENTINELS["given"],
        family_name=_SENTINELS["family"],
        identifier_value=_SENTINELS["mrn"],
    )
    data["formulation"]["problem_in_own_words"] = _SENTINELS["text"]
    data["support_persons"][0].update(name=_SENTINELS["person"], phone=_SENTINELS["phone"])
    return Intake.model_validate(data)


def _assert_phi_free(texts: list[str], intake: Intake) -> None:
    assert texts
    for text in texts:
        for sentinel in _SENTINELS.values():
            assert sentinel not in text
        assert intake.authored.date().isoformat() not in text


def test_repr_of_extracted_resources_is_phi_free() -> None:
    intake = _sentinel_intake()
    extracted = extract(intake, context=context_for(intake))
    _assert_phi_free([repr(extracted), str(extracted), f"{extracted!r}"], intake)
    assert repr(extracted).startswith("ExtractedResources(")
    assert "Patient: 1" in repr(extracted)


def test_repr_of_each_extracted_resource_is_phi_free() -> None:
    intake = _sentinel_intake()
    extracted = extract(intake, context=context_for(intake))
    _assert_phi_free([text for item in extracted.all() for text in (repr(item), str(item))], intake)
    network = DisclosureCategory.SUPPORT_NETWORK.value
    assert repr(extracted.related_persons[0]) == (
        f"ExtractedResource(RelatedPerson, category={network})"
    )


def test_repr_of_the_values_referral_needs_is_phi_free() -> None:
    intake = _sentinel_intake()
    extracted = extract(intake, context=context_for(intake))
    _assert_phi_free([repr(extracted.patient_identifier), repr(extracted.referral_sharing)], intake)
    assert extracted.patient_identifier.value == _SENTINELS["mrn"]
