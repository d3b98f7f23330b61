"""The main demo: intake -> Questionnaire -> example response -> intake, printed readably.

Run it with ``./scripts/demo``. It writes the FHIR artefacts to ``out/demo/`` so you can
open them in a renderer or post them to a server.
"""

import copy
import json
from pathlib import Path
from typing import Any

from commcare_ext.instruments import score_mos_sss
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from commcare_ext.summary import answer_label

ROOT = Path(__file__).resolve().parent
OUT = ROOT.parent / "out" / "demo"


def _label(member: Any) -> str:
    return answer_label(member)


def _count_items(items: list[dict[str, Any]]) -> int:
    return sum(1 + _count_items(item.get("item", [])) for item in items)


def _save(name: str, resource: dict[str, Any]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    path = OUT / name
    path.write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return path


def show_questionnaire() -> None:
    print("1. The intake Questionnaire (SDC, FHIR R4)")
    for language in ("en", "es"):
        questionnaire = build_questionnaire(language)
        path = _save(f"Questionnaire-{questionnaire['id']}.json", questionnaire)
        sections = ", ".join(item["text"] for item in questionnaire["item"])
        print(f"   [{language}] {_count_items(questionnaire['item'])} items -> {path.name}")
        print(f"        sections: {sections}")


def show_intake(intake: Intake) -> None:
    language = intake.language
    formulation = intake.formulation
    print(f"   Patient {intake.patient.given_name} {intake.patient.family_name}")
    interpreter = "interpreter needed" if language.interpreter_needed else "no interpreter"
    print(f"   Language: {language.preferred_language} ({interpreter})")
    print(f"   Identity: {language.cultural_identity}")
    print(f"   In their words: {formulation.problem_in_own_words}")
    print(f"   Perceived causes: {', '.join(_label(c) for c in formulation.perceived_causes)}")
    if intake.decision_style:
        print(f"   Decisions: {_label(intake.decision_style)}")
    print("   Support network:")
    for person in intake.support_persons:
        relationship = _label(person.relationship)
        if person.do_not_contact:
            print(f"     - {person.name} ({relationship}): DO NOT CONTACT")
            continue
        involvement = _label(person.involvement) if person.involvement else "-"
        shared = ", ".join(_label(s) for s in person.may_share) or "nothing"
        print(f"     - {person.name} ({relationship}): {involvement}; may share: {shared}")
    supports = ", ".join(_label(s) for s in intake.care.preferred_supports) or "none"
    print(f"   Preferred supports: {supports}")
    concerns = ", ".join(_label(c) for c in intake.privacy.concerns) or "none"
    print(f"   Stigma concerns: {concerns}")
    contact = ", ".join(_label(c) for c in intake.privacy.discreet_contact) or "none"
    print(f"   Contact rules: {contact}")
    barriers = ", ".join(_label(b) for b in intake.barriers.barriers) or "none"
    print(f"   Barriers: {barriers}")
    if intake.social_support is not None:
        scores = score_mos_sss(intake.social_support)
        print("   MOS Social Support (0-100):")
        for name, score in scores.as_display_rows():
            print(f"     - {name}: {score}")


def main() -> None:
    show_questionnaire()

    intake = Intake.model_validate_json(
        (ROOT / "intakes" / "maria-garcia.json").read_text(encoding="utf-8")
    )
    print("\n2. An example intake, as the QuestionnaireResponse the Spanish form produces")
    response = intake_to_response(intake, language="es")
    path = _save("QuestionnaireResponse-maria-garcia.json", response)
    print(f"   {_count_items(response['item'])} answered items -> {path.name}")

    print("\n3. The response read back into the intake model")
    read_back = response_to_intake(response)
    show_intake(read_back)
    print(f"   Round trip lossless: {read_back == intake}")

    print("\n4. A damaged response: every problem, with its linkId path")
    broken = copy.deepcopy(response)
    broken["item"][1]["item"][0]["answer"] = [{"valueInteger": 42}]
    broken["item"][3]["item"][1]["item"].pop(1)
    broken["item"].append({"linkId": "favourite-colour", "answer": [{"valueString": "blue"}]})
    try:
        response_to_intake(broken)
    except IntakeResponseError as error:
        for problem in error.problems:
            print(f"   - {problem}")


if __name__ == "__main__":
    main()
