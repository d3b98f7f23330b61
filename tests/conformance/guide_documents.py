"""Everything the library writes that a guide profiles: the documents the guide tests validate.

The examples' Bundles (``emitted.bundles``), the published Questionnaires and follow-up forms,
the clinician summary, and Bundles built from intakes that the property-test strategies
generate (a fixed, derandomised sample, so a failure names a reproducible document).
"""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.extract import extract
from commcare_ext.followup import build_follow_up_questionnaire
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import published_resources
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_document_reference
from tests.budget import cases
from tests.conformance.emitted import bundles
from tests.fixtures import CLINIC, DIRECTORY, EXAMPLE_NAMES, context_for, load_example
from tests.strategies import intakes, intakes_with_networks, intakes_with_practical

Resource = dict[str, Any]


def forms() -> list[Resource]:
    """Everything in our FHIR package (the intake Questionnaire in every language, the
    CodeSystem, ValueSets and extension definitions) and the follow-up forms."""
    follow_up = [build_follow_up_questionnaire("en"), build_follow_up_questionnaire("es")]
    return [*published_resources(), *follow_up]


def summaries() -> list[Resource]:
    """The clinician summary DocumentReference of every example intake."""
    out = []
    for name in EXAMPLE_NAMES:
        intake = load_example(name)
        extracted = extract(intake, context=context_for(intake))
        out.append(summary_document_reference(intake, extracted.patient_reference))
    return out


def bundles_of(intake: Intake) -> list[Resource]:
    """The transaction Bundle and every referral message one intake gives."""
    context = context_for(intake)
    extracted = extract(intake, context=context)
    messages = [
        referral_message_bundle(extracted, DIRECTORY[t.kind], clinic=CLINIC)
        for t in context.referrals
    ]
    return [transaction_bundle(extracted), *messages]


def generated_bundles(count: int) -> list[Resource]:
    """Bundles of ``count`` generated intakes (the property tests' strategies), reproducibly."""
    out: list[Resource] = []

    @settings(
        max_examples=count,
        derandomize=True,
        database=None,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
    @given(st.one_of(intakes(), intakes_with_networks(), intakes_with_practical()))
    def collect(intake: Intake) -> None:
        out.extend(bundles_of(intake))

    collect()
    return out


def documents() -> list[Resource]:
    """The examples' Bundles, forms, summaries and generated Bundles."""
    return [*bundles(), *forms(), *summaries(), *generated_bundles(cases(40))]
