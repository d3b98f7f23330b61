"""Everything the library writes that a guide profiles: the documents the guide tests validate.

The examples' Bundles (``emitted.bundles``), the published Questionnaires and follow-up forms,
the clinician summary, and Bundles built from intakes that the property-test strategies
generate (a fixed, derandomised sample, so a failure names a reproducible document).
"""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.extract import ExtractionContext, extract
from commcare_ext.followup import build_follow_up_questionnaire
from commcare_ext.instruments import ScreenKind
from commcare_ext.intake import Intake, SafetyPlan, SuicideRiskScreen
from commcare_ext.questionnaire import build_questionnaire, published_resources
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_document_reference
from tests.budget import cases
from tests.conformance.emitted import bundles
from tests.fixtures import CLINIC, DIRECTORY, EXAMPLE_NAMES, context_for, load_example
from tests.strategies import intakes, intakes_with_networks, intakes_with_practical

Resource = dict[str, Any]


def forms() -> list[Resource]:
    """The R4 resources of our FHIR package (the intake Questionnaire in every language, the
    CodeSystem, ValueSets and extension definitions) and the follow-up forms."""
    follow_up = [build_follow_up_questionnaire("en"), build_follow_up_questionnaire("es")]
    # SQL on FHIR v2 ViewDefinitions (also in the package) are instances of that IG's logical
    # model, not R4 resources: no R4 validator takes them; tests/views runs them instead.
    fhir = [r for r in published_resources() if r["resourceType"] != "ViewDefinition"]
    return [*fhir, *follow_up]


def summaries() -> list[Resource]:
    """The clinician summary DocumentReference of every example intake."""
    out = []
    for name in EXAMPLE_NAMES:
        intake = load_example(name)
        extracted = extract(intake, context=context_for(intake))
        out.append(summary_document_reference(intake, extracted.patient_reference))
    return out


def bundles_of(intake: Intake, context: ExtractionContext | None = None) -> list[Resource]:
    """The transaction Bundle and every referral message one intake gives."""
    context = context or context_for(intake)
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


def safety_documents() -> list[Resource]:
    """Positive screens of both kinds with a safety plan: Flag, screen Observations, the
    confirmed concern, the CarePlan; the C-SSRS form variant."""
    out: list[Resource] = [build_questionnaire("es", screen=ScreenKind.CSSRS_SCREEN)]
    for screen, answers in (
        (ScreenKind.ASQ, {"1": True, "2": False, "3": False, "4": False, "5": True}),
        (
            ScreenKind.CSSRS_SCREEN,
            {"1": True, "2": True, "3": True, "4": False, "5": False, "6": False},
        ),
    ):
        intake = load_example("maria-garcia")
        intake = intake.model_copy(
            update={"safety_screen": SuicideRiskScreen(screen=screen, answers=answers)}
        )
        plan = SafetyPlan(warning_signs=["signs"], people_who_help=["Rosa Ramírez"])
        context = context_for(intake).model_copy(
            update={"safety_plan": plan, "confirmed_concerns": frozenset({"suicide-risk"})}
        )
        out.extend(bundles_of(intake, context))
    return out


def documents() -> list[Resource]:
    """The examples' Bundles, forms, summaries, safety pathways and generated Bundles."""
    return [
        *bundles(),
        *forms(),
        *summaries(),
        *safety_documents(),
        *generated_bundles(cases(40)),
    ]
