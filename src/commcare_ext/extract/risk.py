"""The suicide-risk screen in the EHR: its Observations and, when positive, an active Flag.

Every resource here is labelled ``SAFETY_RISK``: it is for the clinic's EHR and the person's
care team there, and the referral gate never lets it reach a community organisation,
whatever the person chose to share (``referral.disclosure``).

- One Observation per question answered (yes/no as LOINC LA33-6/LA32-8), one for the
  result ("Suicide risk level", LOINC 93374-7, valued with our result code), and the panel
  with ``hasMember``; all US Core Observation Screening Assessment 7.0.0, derived from the
  stored QuestionnaireResponse. They do not claim SDOHCC: a suicide-risk screen is no SDOH.
- A positive screen adds a ``Flag`` (status active, category clinical, the patient, from the
  screen time on) so that EHRs showing flags show it; its basis, the result Observation, is
  named by the core ``flag-detail`` extension (R4 ``Flag`` has no element for it).
"""

from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.instruments import ScreenOutcome
from commcare_ext.intake import Intake
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.safety import (
    FLAG_CLINICAL,
    SCREEN_ITEM_CODES,
    SCREEN_PANELS,
    SCREEN_RESULT_CODES,
    SUICIDE_RISK_FLAG,
    SUICIDE_RISK_LEVEL,
)
from commcare_ext.terminology.standard import NO, SURVEY, YES
from commcare_ext.terminology.systems import US_CORE_SCREENING_ASSESSMENT

#: The core extension that points a Flag at the record it is about.
FLAG_DETAIL = "http://hl7.org/fhir/StructureDefinition/flag-detail"
#: The role (id seed) of the result Observation, which the Flag and concern point at.
RESULT_ROLE = "suicide-screen-result"
_RISK = DisclosureCategory.SAFETY_RISK


def _observation(  # noqa: PLR0917 - the parts of one Observation, all required
    intake: Intake,
    role: str,
    code: Code,
    value: dict[str, Any],
    shown: str,
    patient_ref: str,
    derived_from: list[str],
) -> ExtractedResource:
    resource: dict[str, Any] = {
        "resourceType": "Observation",
        "id": resource_id(intake, role),
        "meta": {"profile": [US_CORE_SCREENING_ASSESSMENT]},
        "text": narrative(code.display, [("Answer", shown)]),
        "identifier": [business_identifier(intake, "Observation", role)],
        "status": "final",
        "category": [concept(SURVEY)],
        "code": concept(code),
        "subject": ref(patient_ref),
        "effectiveDateTime": intake.authored.isoformat(),
        "derivedFrom": [ref(r) for r in derived_from],
        **value,
    }
    if len(derived_from) == 1:  # an answer the person gave, not a result derived from answers
        resource["performer"] = [ref(patient_ref)]
    return ExtractedResource(resource, _RISK)


def screen_observations(
    intake: Intake, patient_ref: str, response_ref: str
) -> list[ExtractedResource]:
    """The screen's answers, result and panel (members before the panel); none if unscreened."""
    screen = intake.safety_screen
    outcome = screen.outcome if screen is not None else None
    if screen is None or outcome is None:
        return []
    kind = screen.screen
    answers = []
    for item in screen.instrument.items:
        answer = screen.answers.get(item.number)
        if answer is None:
            continue
        code = YES if answer else NO
        answers.append(
            _observation(
                intake,
                f"suicide-screen-{kind.value}-{item.number}",
                SCREEN_ITEM_CODES[kind][item.number],
                {"valueCodeableConcept": concept(code)},
                code.display,
                patient_ref,
                [response_ref],
            )
        )
    result_code = SCREEN_RESULT_CODES[outcome.result]
    result = _observation(
        intake,
        RESULT_ROLE,
        SUICIDE_RISK_LEVEL,
        {
            "valueCodeableConcept": concept(result_code),
            "note": [{"text": _result_note(screen.instrument.name, outcome)}],
        },
        result_code.display,
        patient_ref,
        [response_ref, *(a.reference for a in answers)],
    )
    panel = _observation(
        intake,
        "suicide-screen-panel",
        SCREEN_PANELS[kind],
        {"hasMember": [ref(m.reference) for m in (*answers, result)]},
        result_code.display,
        patient_ref,
        [response_ref, result.reference],
    )
    return [*answers, result, panel]


def _result_note(name: str, outcome: ScreenOutcome) -> str:
    unanswered = ", ".join(outcome.unanswered) or "none"
    return (
        f"{name}, scored by the published rule (questions in a paraphrase, not the validated "
        f"wording). Questions left unanswered: {unanswered} (never read as 'no')."
    )


def risk_flag(intake: Intake, patient_ref: str, author_ref: str | None) -> ExtractedResource | None:
    """The active Flag for a positive screen (``None`` for a negative or missing one)."""
    screen = intake.safety_screen
    outcome = screen.outcome if screen is not None else None
    if outcome is None or not outcome.positive:
        return None
    result_ref = f"Observation/{resource_id(intake, RESULT_ROLE)}"
    resource: dict[str, Any] = {
        "resourceType": "Flag",
        "id": resource_id(intake, "suicide-risk-flag"),
        "extension": [{"url": FLAG_DETAIL, "valueReference": ref(result_ref)}],
        "text": narrative(
            SUICIDE_RISK_FLAG.display,
            [("Screen result", SCREEN_RESULT_CODES[outcome.result].display)],
        ),
        "identifier": [business_identifier(intake, "Flag", "suicide-risk-flag")],
        "status": "active",
        "category": [concept(FLAG_CLINICAL)],
        "code": concept(SUICIDE_RISK_FLAG, text=SUICIDE_RISK_FLAG.display),
        "subject": ref(patient_ref),
        "period": {"start": intake.authored.isoformat()},
    }
    if author_ref is not None:
        resource["author"] = ref(author_ref)
    return ExtractedResource(resource, _RISK)
