"""The safety plan: a US Core CarePlan and a printout in the person's language, from their
own network, and never with a person who must not be contacted."""

import base64
import json
from html import escape
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.extract import DisclosureCategory, extract
from commcare_ext.extract.safety_plan import safety_plan_resource
from commcare_ext.intake import Intake, Involvement, PlanService, SafetyPlan, SafetyPlanError
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary.safety_plan import safety_plan_document_reference, safety_plan_html
from commcare_ext.terminology import FormLanguage, lifeline_988
from tests.budget import cases
from tests.fixtures import CLINIC, DIRECTORY, context_for, load_example
from tests.referral.leaks import leaks
from tests.strategies import intakes_with_networks

CRISIS = (lifeline_988(),)
PLAN = SafetyPlan(
    warning_signs=["No puedo dormir y me quedo sola pensando"],
    on_my_own=["Rezar el rosario"],
    people_who_help=["Rosa Ramírez"],
    places_that_help=["La iglesia de San José"],
    services=[PlanService(name="Warm line", phone="+1 555 020 0999", note="evenings")],
    safer_surroundings=["Darle mis pastillas a Rosa"],
)


def _maria() -> Intake:
    return load_example("maria-garcia")


def _plan(intake: Intake, plan: SafetyPlan = PLAN) -> dict[str, Any]:
    return safety_plan_resource(
        intake, plan, patient_ref="Patient/p", clinic=CLINIC, crisis=CRISIS, author_ref=None
    ).resource


def test_the_plan_is_a_us_core_careplan_with_every_section() -> None:
    plan = _plan(_maria())
    assert plan["meta"]["profile"] == [
        "http://hl7.org/fhir/us/core/StructureDefinition/us-core-careplan|7.0.0"
    ]
    assert (plan["status"], plan["intent"]) == ("active", "plan")
    assert plan["category"][0]["coding"][0]["code"] == "assess-plan"
    sections = [a["detail"]["code"]["text"] for a in plan["activity"]]
    assert sections[0] == "Signs that a crisis may be starting"
    assert sections[-1] == "Making my surroundings safer"
    services = [
        a["detail"]["description"]
        for a in plan["activity"]
        if a["detail"]["code"]["text"] == "Professionals and services I can reach"
    ]
    assert services[0] == "Riverside Community Clinic: +1 555 010 0100"  # the clinic, always
    assert services[1].startswith("988 Suicide & Crisis Lifeline:")  # its crisis lines, always
    assert services[2] == "Warm line: +1 555 020 0999: evenings"


def test_people_who_help_are_the_persons_own_related_persons() -> None:
    intake = _maria()
    extracted = extract(intake, context=context_for(intake))
    rosa = next(
        p.reference for p in extracted.related_persons if "Rosa" in p.resource["text"]["div"]
    )
    performers = [
        p["reference"] for a in _plan(intake)["activity"] for p in a["detail"].get("performer", [])
    ]
    assert performers == [rosa]


@pytest.mark.parametrize(
    ("name", "why"),
    [
        ("Ernesto García", "must not be contacted"),
        ("Somebody Else", "name a person from the intake's support network"),
    ],
)
def test_a_person_who_may_not_be_contacted_is_refused(name: str, why: str) -> None:
    plan = PLAN.model_copy(update={"people_who_help": ["Rosa Ramírez", name]})
    with pytest.raises(SafetyPlanError, match=why) as caught:
        _plan(_maria(), plan)
    assert caught.value.field == "people_who_help[1]"
    assert name not in str(caught.value)


@pytest.mark.parametrize("language", [language.value for language in FormLanguage])
def test_the_printout_is_in_the_persons_language(language: str) -> None:
    html = safety_plan_html(_maria(), PLAN, clinic=CLINIC, crisis=CRISIS, language=language)
    assert f'<html lang="{language}"' in html
    assert lifeline_988().line_in(language).split(":")[1].strip()[:20] in html
    assert escape("No puedo dormir y me quedo sola pensando") in html  # their words, as written


def test_the_printout_defaults_to_the_preferred_language_and_travels_as_a_document() -> None:
    intake = _maria()
    document = safety_plan_document_reference(
        intake, PLAN, "Patient/p", clinic=CLINIC, crisis=CRISIS
    )
    attachment = document["content"][0]["attachment"]
    assert attachment["language"] == "es"
    assert "Mi plan de seguridad" in base64.b64decode(attachment["data"]).decode("utf-8")


def test_the_plan_goes_to_the_ehr_and_never_to_a_referral() -> None:
    intake = _maria()
    context = context_for(intake).model_copy(update={"safety_plan": PLAN})
    extracted = extract(intake, context=context)
    (plan,) = extracted.care_plans
    assert plan.category is DisclosureCategory.SAFETY_RISK
    kinds = [e["resource"]["resourceType"] for e in transaction_bundle(extracted)["entry"]]
    assert "CarePlan" in kinds
    for kind in intake.care.preferred_supports:
        bundle = referral_message_bundle(extracted, DIRECTORY[kind], clinic=CLINIC)
        assert "CarePlan" not in json.dumps(bundle)
        assert leaks(bundle, intake, extracted) == []


@st.composite
def intakes_and_choices(draw: st.DrawFn) -> tuple[Intake, list[str]]:
    intake = draw(intakes_with_networks())
    names = [p.name for p in intake.support_persons] + ["Nobody In The Network"]
    return intake, draw(st.lists(st.sampled_from(names), max_size=5))


@settings(max_examples=cases(500), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intakes_and_choices())
def test_no_do_not_contact_person_is_in_any_safety_plan(case: tuple[Intake, list[str]]) -> None:
    intake, chosen = case
    plan = SafetyPlan(warning_signs=["signs"], people_who_help=chosen)
    # The oracle: who the clinician may name, read from the network directly.
    allowed = {
        p.name
        for p in intake.support_persons
        if not p.do_not_contact and p.involvement is not Involvement.NONE
    }
    barred = {p.name for p in intake.support_persons if p.do_not_contact} - allowed
    if not set(chosen) <= allowed:
        with pytest.raises(SafetyPlanError):
            _plan(intake, plan)
        return
    resource = _plan(intake, plan)
    html = safety_plan_html(intake, plan, clinic=CLINIC, crisis=CRISIS, language="en")
    lines = [a["detail"]["description"] for a in resource["activity"]]
    for name in barred:
        assert not any(line == name or line.startswith(f"{name}: ") for line in lines)
        assert f"<li>{escape(name)}" not in html
    barred_refs = {i for i, p in enumerate(intake.support_persons) if p.do_not_contact}
    extracted = extract(intake, context=context_for(intake))
    dnc_refs = {extracted.related_persons[i].reference for i in barred_refs}
    performers = {
        p["reference"] for a in resource["activity"] for p in a["detail"].get("performer", [])
    }
    assert not performers & dnc_refs
