"""The demo's safety step: a positive suicide-risk screen, from the form to the safety plan.

The demo patient answers the screen's second question "yes" (a scenario for the demo; her
example intake itself has no screen). What the clinic sees, in order: the crisis help the
form showed her at once in her language, the risk banner that opens the clinician summary,
the safety plan written with her (a CarePlan, and a printout in Spanish), and a transaction
Bundle with the screen Observations, the active Flag and the confirmed concern. The referral
messages to community organisations carry none of it.
"""

import json
from pathlib import Path
from typing import Any

from commcare_ext.extract import (
    Clinician,
    DisclosureCategory,
    ExtractionContext,
    Organization,
    extract,
    proposed_concerns,
)
from commcare_ext.intake import Intake, SafetyPlan, SuicideRiskScreen
from commcare_ext.questionnaire import build_questionnaire
from commcare_ext.referral import transaction_bundle
from commcare_ext.summary import (
    safety_plan_document_reference,
    safety_plan_html,
    summary_html,
    summary_text,
)
from commcare_ext.terminology import (
    UnsupportedLanguageError,
    default_crisis_resources,
    form_language,
)

#: Her answers in this scenario: "yes" to question 2, "no" to the rest, and not right now.
SCREEN = {"1": False, "2": True, "3": False, "4": False, "5": False}


def demo_plan(intake: Intake) -> SafetyPlan:
    """The plan she made with Dr Okafor: her words, her people (contactable ones only)."""
    helpers = [p.name for p in intake.contactable_persons()][:1]
    return SafetyPlan(
        warning_signs=["Cuando no puedo dormir y me quedo sola pensando en todo"],
        on_my_own=["Rezar el rosario", "Salir a caminar con la música de mi mamá"],
        people_who_help=helpers,
        places_that_help=["La misa del domingo en San José"],
        safer_surroundings=["Guardar las pastillas con mi hermana"],
    )


def step_safety(
    out: Path, intake: Intake, clinic: Organization, clinician: Clinician
) -> dict[str, Any]:
    """Run the safety pathway for a positive screen and print what it made."""
    try:
        language = form_language(intake.language.preferred_language).value
    except UnsupportedLanguageError:
        language = "en"
    print("\n9. A positive suicide-risk screen: crisis help at once, then a safety plan")
    screened = intake.model_copy(update={"safety_screen": SuicideRiskScreen(answers=SCREEN)})
    crisis = default_crisis_resources().for_country()
    form = build_questionnaire(language, crisis)
    shown = [
        item["text"]
        for section in form["item"]
        if section["linkId"] == "safety"
        for item in section["item"]
        if item["linkId"].startswith("safety.crisis-help")
    ]
    print(f"   The form showed her, as soon as she answered yes ({language}):")
    for line in shown:
        print(f"     {line}")
    print("   The clinician summary opens with:")
    for line in summary_text(screened).splitlines()[3:8]:
        print(f"     {line}")
    (out / "summary-positive-screen.html").write_text(summary_html(screened), encoding="utf-8")
    plan = demo_plan(screened)
    context = ExtractionContext(
        clinic=clinic, referring_clinician=clinician, safety_plan=plan, crisis=crisis
    )
    ids = frozenset(c.id for c in proposed_concerns(extract(screened, context=context)))
    context = context.model_copy(update={"confirmed_concerns": ids})
    extracted = extract(screened, context=context)
    document = safety_plan_document_reference(
        screened, plan, extracted.patient_reference, clinic=clinic, crisis=crisis
    )
    bundle = transaction_bundle(extracted, extra=[document])
    path = out / "transaction-bundle-positive-screen.json"
    path.write_text(json.dumps(bundle, ensure_ascii=False, indent=2), encoding="utf-8")
    risk = [o for o in extracted.observations if o.category is DisclosureCategory.SAFETY_RISK]
    print(
        f"   In the EHR: {len(extracted.flags)} active Flag, {len(risk)} screen Observations, "
        f"{len(extracted.conditions)} confirmed concerns, the safety plan (CarePlan) and its "
        f"printout (DocumentReference) -> {path}"
    )
    printout = out / "safety-plan.html"
    printout.write_text(
        safety_plan_html(screened, plan, clinic=clinic, crisis=crisis), encoding="utf-8"
    )
    print(f"   Her printed safety plan (in her language) -> {printout}")
    return bundle
