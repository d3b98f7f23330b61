"""Codes of the suicide-risk screens, their result, the risk Flag and the safety plan.

Sources (each looked up; none guessed):

- C-SSRS screener items 93246-7, 93247-5, 93248-3, 93249-1, 93250-9, 93267-3, 93269-9 and
  the result "Suicide risk level" 93374-7: the HL7 US Behavioral Health Profiles guide's
  C-SSRS example QuestionnaireResponse (build.fhir.org/ig/HL7/us-behavioral-health-profiles),
  which codes each screener question with them; 93246-7's LOINC page (loinc.org) shows the
  Yes/No answer list LA33-6/LA32-8.
- The ASQ: no LOINC page for an ASQ panel or its items could be found in the sources we can
  read, so the panel and items carry **placeholders of our own CodeSystem** until confirmed,
  never a guessed LOINC code; so does the C-SSRS screener panel (:func:`confirmed` says which).
- The three published results (negative, non-acute positive, acute positive) have no LOINC
  answers; they are ours. So are the Flag's and the health concern's codes: no SNOMED CT
  concept for "positive suicide-risk screen" could be confirmed from a source.
"""

from typing import Final

from commcare_ext.instruments.suicide_screen import ScreenKind, ScreenResult
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, LOINC

FLAG_CATEGORY_SYSTEM: Final = "http://terminology.hl7.org/CodeSystem/flag-category"


def _loinc(code: str, display: str) -> Code:
    return Code(LOINC, code, display)


def _local(code: str, display: str) -> Code:
    return Code(COMMCARE_CODESYSTEM, code, display)


def confirmed(code: Code) -> bool:
    """True for a code confirmed in its source, False for our placeholder."""
    return code.system != COMMCARE_CODESYSTEM


#: The screen's result Observation: LOINC "Suicide risk level".
SUICIDE_RISK_LEVEL: Final = _loinc("93374-7", "Suicide risk level")

#: Each screen's panel code.
SCREEN_PANELS: Final[dict[ScreenKind, Code]] = {
    ScreenKind.ASQ: _local("asq-panel", "Ask Suicide-Screening Questions (ASQ) panel"),
    ScreenKind.CSSRS_SCREEN: _local(
        "c-ssrs-screen-panel", "Columbia suicide severity rating scale screener panel"
    ),
}

#: Each screen's item codes by item number.
SCREEN_ITEM_CODES: Final[dict[ScreenKind, dict[str, Code]]] = {
    ScreenKind.ASQ: {
        "1": _local("asq-1", "ASQ item: wished to be dead, recent weeks"),
        "2": _local("asq-2", "ASQ item: self or family better off if dead, recent weeks"),
        "3": _local("asq-3", "ASQ item: thoughts of killing oneself, past week"),
        "4": _local("asq-4", "ASQ item: ever tried to kill oneself"),
        "5": _local("asq-5", "ASQ item: thoughts of killing oneself right now"),
    },
    ScreenKind.CSSRS_SCREEN: {
        "1": _loinc("93246-7", "Wish to be dead 1 month"),
        "2": _loinc("93247-5", "Non-specific active suicidal thoughts 1 month"),
        "3": _loinc("93248-3", "Active suicidal ideation with any methods (not plan) 1 month"),
        "4": _loinc("93249-1", "Active suicidal ideation with some intent to act 1 month"),
        "5": _loinc("93250-9", "Active suicidal ideation with specific plan and intent 1 month"),
        "6": _loinc("93267-3", "Suicidal behavior Lifetime"),
        "6b": _loinc("93269-9", "Suicidal behavior 3 months"),
    },
}

#: The published results, as codes of ours (LOINC has no answers for them).
SCREEN_RESULT_CODES: Final[dict[ScreenResult, Code]] = {
    ScreenResult.NEGATIVE: _local("suicide-screen-negative", "Negative suicide-risk screen"),
    ScreenResult.NON_ACUTE_POSITIVE: _local(
        "suicide-screen-non-acute-positive",
        "Non-acute positive suicide-risk screen (potential risk)",
    ),
    ScreenResult.ACUTE_POSITIVE: _local(
        "suicide-screen-acute-positive", "Acute positive suicide-risk screen (imminent risk)"
    ),
}

#: The Flag's code and the proposed health concern's code (ours: see the module docstring).
SUICIDE_RISK_FLAG: Final = _local(
    "suicide-risk-flag", "Suicide risk: positive screen, full safety assessment needed"
)
SUICIDE_RISK_CONCERN: Final = _local("suicide-risk-concern", "Risk of suicide (positive screen)")
#: A safety plan among the person's care plans (ours: no standard code could be confirmed).
SAFETY_PLAN: Final = _local("safety-plan", "Safety plan for a suicidal crisis")
#: HL7 flag-category ``clinical``.
FLAG_CLINICAL: Final = Code(FLAG_CATEGORY_SYSTEM, "clinical", "Clinical")

#: The definitions our CodeSystem publishes for these codes.
SAFETY_DEFINITIONS: Final[dict[str, str]] = {
    "asq-panel": "Placeholder for the ASQ panel until its LOINC code is confirmed.",
    "c-ssrs-screen-panel": "Placeholder for the C-SSRS screener panel until confirmed.",
    **{
        code.code: "Placeholder for this ASQ item until its LOINC code is confirmed."
        for code in SCREEN_ITEM_CODES[ScreenKind.ASQ].values()
    },
    "suicide-screen-negative": "No question of the screen was answered yes.",
    "suicide-screen-non-acute-positive": (
        "Potential risk: a clinician assesses safety before the person leaves."
    ),
    "suicide-screen-acute-positive": (
        "Imminent risk: the person is not left alone and is assessed at once."
    ),
    "suicide-risk-flag": "A positive suicide-risk screen awaiting a full safety assessment.",
    "safety-plan": "A plan the person wrote with a clinician for getting through a crisis.",
    "suicide-risk-concern": (
        "Risk of suicide shown by a positive screen, for a clinician to confirm."
    ),
}


def local_safety_codes() -> tuple[Code, ...]:
    """Every code of ours defined here, for our CodeSystem and the catalogues."""
    found: list[Code] = [
        *SCREEN_PANELS.values(),
        *(c for codes in SCREEN_ITEM_CODES.values() for c in codes.values()),
        *SCREEN_RESULT_CODES.values(),
        SUICIDE_RISK_FLAG,
        SUICIDE_RISK_CONCERN,
        SAFETY_PLAN,
    ]
    return tuple(code for code in found if not confirmed(code))


def risk_codes() -> frozenset[tuple[str, str]]:
    """(system, code) of every code that reveals a suicide-risk screen, standard or ours.

    The referral gate refuses any outgoing resource carrying one, whatever its label.
    """
    found: list[Code] = [
        SUICIDE_RISK_LEVEL,
        *SCREEN_PANELS.values(),
        *(c for codes in SCREEN_ITEM_CODES.values() for c in codes.values()),
        *SCREEN_RESULT_CODES.values(),
        SUICIDE_RISK_FLAG,
        SUICIDE_RISK_CONCERN,
        SAFETY_PLAN,
    ]
    return frozenset((code.system, code.code) for code in found)
