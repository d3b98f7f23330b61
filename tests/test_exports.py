"""The public face: every package's __all__ is sorted, importable and free of private names."""

import importlib
import typing

import pytest

import commcare_ext

PACKAGES = [
    "commcare_ext",
    "commcare_ext.intake",
    "commcare_ext.instruments",
    "commcare_ext.questionnaire",
    "commcare_ext.extract",
    "commcare_ext.referral",
    "commcare_ext.client",
    "commcare_ext.terminology",
]


@pytest.mark.parametrize("name", PACKAGES)
def test_all_is_sorted_unique_and_importable(name: str) -> None:
    module = importlib.import_module(name)
    exported = list(module.__all__)
    assert exported == sorted(exported, key=lambda n: (not n.isupper(), n))
    assert len(exported) == len(set(exported))
    for symbol in exported:
        assert not symbol.startswith("_")
        value = getattr(module, symbol)
        if typing.get_origin(value) is typing.Annotated:
            continue  # constrained type aliases such as LanguageTag
        assert getattr(value, "__module__", name).startswith("commcare_ext"), symbol


def test_top_level_names_the_main_flow() -> None:
    for symbol in (
        "Intake",
        "build_questionnaire",
        "response_to_intake",
        "intake_to_response",
        "IntakeResponseError",
        "CommcareError",
        "score_mos_sss",
        "extract",
        "transaction_bundle",
        "referral_message_bundle",
        "FhirClient",
        "Outbox",
    ):
        assert symbol in commcare_ext.__all__
