"""Who the person is and how they communicate, in the FHIR elements made for it.

- Gender identity: the US Core ``us-core-genderIdentity`` extension on Patient, a SNOMED CT
  code of the FHIR gender-identity value set, ``data-absent-reason#asked-declined`` when the
  person chose not to say, or their own words as text.
- Pronouns: the core ``individual-pronouns`` extension (its ``value`` part), a LOINC pronoun
  code, asked-declined, or their own words as text.
- Communication needs, who interprets today, whether a professional interpreter is still
  needed and the clinician's language: Observations under the patient's language-needs
  consent (referrals carry them only when the patient allowed it).
- Refugee or asylum status as the person stated it: an Observation kept in the EHR only
  (never in a referral); their own words stay in the stored QuestionnaireResponse.
"""

from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.language import language_concept
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.answers.identity import GENDER_IDENTITY_STANDARD, PRONOUNS_STANDARD
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.standard import SOCIAL_HISTORY, SURVEY
from commcare_ext.terminology.systems import (
    INDIVIDUAL_PRONOUNS,
    US_CORE_GENDER_IDENTITY,
    US_CORE_SCREENING_ASSESSMENT,
)


def identity_extensions(intake: Intake) -> list[dict[str, Any]]:
    """Patient extensions for gender identity and pronouns (none when not answered)."""
    identity = intake.identity
    out: list[dict[str, Any]] = []
    if identity.gender_identity is not None:
        gender = _value(
            GENDER_IDENTITY_STANDARD[identity.gender_identity], identity.gender_identity_own_words
        )
        out.append({"url": US_CORE_GENDER_IDENTITY, "valueCodeableConcept": gender})
    if identity.pronouns is not None:
        pronouns = _value(PRONOUNS_STANDARD[identity.pronouns], identity.pronouns_own_words)
        out.append(
            {
                "url": INDIVIDUAL_PRONOUNS,
                "extension": [{"url": "value", "valueCodeableConcept": pronouns}],
            }
        )
    return out


def _value(code: Code | None, own_words: str | None) -> dict[str, Any]:
    if code is None:
        return {"text": own_words or ""}
    return concept(code)


def identity_observations(
    intake: Intake, patient_ref: str, response_ref: str
) -> list[ExtractedResource]:
    """Observations of communication needs, interpreting, clinician language, migration."""
    identity = intake.identity
    language = DisclosureCategory.LANGUAGE_NEEDS
    found: list[tuple[str, Code, dict[str, Any], str, DisclosureCategory]] = [
        (
            f"communication-need-{need.value}",
            q.COMMUNICATION_NEEDS,
            {"valueCodeableConcept": concept(coding_for(need))},
            _display(need),
            language,
        )
        for need in identity.communication_needs
    ]
    if identity.interpreter_today is not None:
        found.append(
            (
                "interpreter-today",
                q.INTERPRETER_TODAY,
                {"valueCodeableConcept": concept(coding_for(identity.interpreter_today))},
                _display(identity.interpreter_today),
                language,
            )
        )
    if identity.professional_interpreter_needed is not None:
        needed = identity.professional_interpreter_needed
        found.append(
            (
                "professional-interpreter-needed",
                q.PROFESSIONAL_INTERPRETER_NEEDED,
                {"valueBoolean": needed},
                "yes" if needed else "no",
                language,
            )
        )
    if identity.clinician_language is not None:
        found.append(
            (
                "clinician-language",
                q.CLINICIAN_LANGUAGE,
                {"valueCodeableConcept": language_concept(identity.clinician_language)},
                identity.clinician_language,
                language,
            )
        )
    if identity.migration_status is not None:
        found.append(
            (
                "migration-status",
                q.MIGRATION_STATUS,
                {"valueCodeableConcept": concept(coding_for(identity.migration_status))},
                _display(identity.migration_status),
                DisclosureCategory.EHR_ONLY,
            )
        )
    return [
        _observation(intake, patient_ref, response_ref, role, code, value, shown, category)
        for role, code, value, shown, category in found
    ]


def _display(member: Any) -> str:
    return str(answer_set_for(type(member)).answer(member).display_en)


def _observation(  # noqa: PLR0917 - the parts of one Observation, all required
    intake: Intake,
    patient_ref: str,
    response_ref: str,
    role: str,
    code: Code,
    value: dict[str, Any],
    shown: str,
    category: DisclosureCategory,
) -> ExtractedResource:
    resource = {
        "resourceType": "Observation",
        "id": resource_id(intake, role),
        # Own-coded answers: US Core Screening Assessment binds the code only preferred.
        "meta": {"profile": [US_CORE_SCREENING_ASSESSMENT]},
        "text": narrative(code.display, [("Answer", shown)]),
        "identifier": [business_identifier(intake, "Observation", role)],
        "status": "final",
        "category": [concept(c) for c in (SURVEY, SOCIAL_HISTORY)],
        "code": concept(code),
        "subject": ref(patient_ref),
        "effectiveDateTime": intake.authored.isoformat(),
        "performer": [ref(patient_ref)],
        "derivedFrom": [ref(response_ref)],
        **value,
    }
    return ExtractedResource(resource, category)
