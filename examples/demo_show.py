"""Print an intake readably, as the demo shows it (labels in English, from the summary)."""

from collections.abc import Iterable
from enum import StrEnum

from commcare_ext.instruments import score_mos_sss
from commcare_ext.intake import Intake
from commcare_ext.summary import answer_label


def _labels(members: Iterable[StrEnum]) -> str:
    return ", ".join(answer_label(m) for m in members) or "none"


def show_intake(intake: Intake) -> None:
    """Print the parts of ``intake`` a clinician reads first."""
    language = intake.language
    formulation = intake.formulation
    print(f"   Patient {intake.patient.given_name} {intake.patient.family_name}")
    interpreter = "interpreter needed" if language.interpreter_needed else "no interpreter"
    print(f"   Language: {language.preferred_language} ({interpreter})")
    print(f"   Identity: {language.cultural_identity}")
    print(f"   In their words: {formulation.problem_in_own_words}")
    print(f"   Perceived causes: {_labels(formulation.perceived_causes)}")
    if intake.decision_style:
        print(f"   Decisions: {answer_label(intake.decision_style)}")
    print("   Support network:")
    for person in intake.support_persons:
        relationship = answer_label(person.relationship)
        if person.do_not_contact:
            print(f"     - {person.name} ({relationship}): DO NOT CONTACT")
            continue
        involvement = answer_label(person.involvement) if person.involvement else "-"
        shared = ", ".join(answer_label(s) for s in person.may_share) or "nothing"
        print(f"     - {person.name} ({relationship}): {involvement}; may share: {shared}")
    print(f"   Preferred supports: {_labels(intake.care.preferred_supports)}")
    print(f"   Stigma concerns: {_labels(intake.privacy.concerns)}")
    print(f"   Contact rules: {_labels(intake.privacy.discreet_contact)}")
    print(f"   Barriers: {_labels(intake.barriers.barriers)}")
    if intake.social_support is not None:
        scores = score_mos_sss(intake.social_support)
        print("   MOS Social Support (0-100):")
        for name, score in scores.as_display_rows():
            print(f"     - {name}: {score}")
