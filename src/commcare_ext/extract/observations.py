"""Observations, following SDC observation-based extraction: one per answer, derived from the QR.

Each is labelled with the disclosure category that governs sharing it. Free text stays in
the QuestionnaireResponse (EHR only): an Observation carries coded meaning.

Profiles (docs/profiles.md says why): every Observation is a US Core Observation Screening
Assessment (category ``survey``; its code binding is only *preferred*, so our own codes may
stand). Those coded in LOINC survey codes (the MOS-SSS panel, items and scores LOINC
publishes) are also SDOHCC Observation Screening Responses, whose code binding is *required*
to LOINC. SDOH answers carry ``us-core-category#sdoh`` and an SDOHCC SDOH category.
"""

from collections.abc import Iterable, Sequence
from enum import StrEnum
from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.measures import measure_observations
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.language import language_concept
from commcare_ext.fhir.narrative import narrative
from commcare_ext.instruments import InstrumentDomain, instrument
from commcare_ext.intake import AccessBarrier, IdiomOfDistress, Intake
from commcare_ext.terminology import questions as q
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.standard import (
    DIGITAL_ACCESS,
    FINANCIAL_INSECURITY,
    INSURANCE_COVERAGE,
    INTERPRETER_NEEDED,
    LANGUAGE_ACCESS,
    PREFERRED_LANGUAGE,
    SDOH,
    SDOH_UNSPECIFIED,
    SOCIAL_CONNECTION,
    SOCIAL_HISTORY,
    SURVEY,
    TRANSPORTATION_INSECURITY,
)
from commcare_ext.terminology.systems import (
    LOINC,
    SDOHCC_SCREENING_RESPONSE,
    US_CORE_SCREENING_ASSESSMENT,
)

#: The SDOHCC SDOH category of each access barrier (SDOHCC 2.3.0 ValueSet SDOH Category).
BARRIER_CATEGORIES: dict[AccessBarrier, Code] = {
    AccessBarrier.COST: FINANCIAL_INSECURITY,
    AccessBarrier.INSURANCE: INSURANCE_COVERAGE,
    AccessBarrier.TRANSPORT: TRANSPORTATION_INSECURITY,
    AccessBarrier.DISTANCE: TRANSPORTATION_INSECURITY,
    AccessBarrier.DIGITAL_ACCESS: DIGITAL_ACCESS,
    AccessBarrier.LANGUAGE: LANGUAGE_ACCESS,
}
_C = DisclosureCategory

#: Who may see an instrument's results, and its extra categories, by what it measures.
#: Symptom and risk measures never leave the EHR: a risk signal reaches the clinician,
#: never a community organisation. Social support is the patient's to share.
DOMAIN_DISCLOSURE: dict[InstrumentDomain, tuple[DisclosureCategory, tuple[Code, ...]]] = {
    InstrumentDomain.SOCIAL_SUPPORT: (_C.SOCIAL_SUPPORT_SCORES, (SDOH, SOCIAL_CONNECTION)),
    InstrumentDomain.DEPRESSION: (_C.EHR_ONLY, ()),
    InstrumentDomain.ANXIETY: (_C.EHR_ONLY, ()),
    InstrumentDomain.SUICIDE_RISK: (_C.EHR_ONLY, ()),
}


#: Measures of social risk: their LOINC-coded Observations are SDOHCC Screening Responses.
#: A symptom or risk measure (PHQ-9, GAD-7) is not social-risk screening: US Core only.
SDOH_DOMAINS = frozenset({InstrumentDomain.SOCIAL_SUPPORT})


def _profiles(code: Code, *, sdoh: bool = True) -> list[str]:
    """SDOHCC Screening Response for LOINC SDOH codes, US Core Screening Assessment for all."""
    if code.system == LOINC and sdoh:
        return [SDOHCC_SCREENING_RESPONSE, US_CORE_SCREENING_ASSESSMENT]
    return [US_CORE_SCREENING_ASSESSMENT]


class _Obs:
    """Builds the Observations of one intake with shared subject, time and provenance."""

    def __init__(self, intake: Intake, patient_ref: str, response_ref: str) -> None:
        self.intake = intake
        self.patient_ref = patient_ref
        self.response_ref = response_ref
        self.out: list[ExtractedResource] = []

    def add(  # noqa: PLR0917 - the parts of one Observation, all required
        self,
        role: str,
        code: Code,
        value: dict[str, Any],
        shown: str,
        category: DisclosureCategory,
        extra_categories: Iterable[Code] = (),
        derived_from: Iterable[str] = (),
        *,
        by_clinician: bool = False,
        clinician: str | None = None,
        sdoh: bool = True,
    ) -> ExtractedResource:
        """One Observation; answered by the patient unless ``derived_from`` names its sources.

        A derived result (a score) has no performer and points at the answers it came from,
        as SDOHCC asks of derived screening responses. ``by_clinician`` marks an answer the
        clinician gave, not the patient: ``clinician`` (a PractitionerRole) performs it, and
        without one no performer is named.
        """
        derived = list(derived_from)
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "id": resource_id(self.intake, role),
            "meta": {"profile": _profiles(code, sdoh=sdoh)},
            "text": narrative(code.display, [("Answer", shown)]),
            "identifier": [business_identifier(self.intake, "Observation", role)],
            "status": "final",
            "category": [concept(c) for c in (SURVEY, *extra_categories)],
            "code": concept(code),
            "subject": ref(self.patient_ref),
            "effectiveDateTime": self.intake.authored.isoformat(),
            "derivedFrom": [ref(r) for r in (self.response_ref, *derived)],
            **value,
        }
        if by_clinician:
            if clinician is not None:
                resource["performer"] = [ref(clinician)]
        elif not derived:
            resource["performer"] = [ref(self.patient_ref)]
        extracted = ExtractedResource(resource, category)
        self.out.append(extracted)
        return extracted

    def observation(  # noqa: PLR0917 - ObservationSink
        self,
        role: str,
        code: Code,
        value: dict[str, Any],
        shown: str,
        domain: InstrumentDomain,
        derived_from: Sequence[str],
    ) -> str:
        """An instrument's Observation (``ObservationSink``), labelled by its domain."""
        category, extra = DOMAIN_DISCLOSURE[domain]
        added = self.add(
            role, code, value, shown, category, extra, derived_from, sdoh=domain in SDOH_DOMAINS
        )
        return added.reference

    def coded(
        self,
        role: str,
        code: Code,
        members: Iterable[StrEnum | None],
        category: DisclosureCategory,
        extra_categories: Iterable[Code] = (),
    ) -> None:
        for member in members:
            if member is None:
                continue
            display = answer_set_for(type(member)).answer(member).display_en
            self.add(
                f"{role}-{member.value}",
                code,
                {"valueCodeableConcept": concept(coding_for(member))},
                display,
                category,
                extra_categories,
            )


def observations(
    intake: Intake, patient_ref: str, response_ref: str, *, clinician_ref: str | None = None
) -> list[ExtractedResource]:
    """Every Observation the intake supports, in form order.

    ``clinician_ref`` (the referring clinician's PractitionerRole) performs what the clinician
    coded; without one it is the clinic's answer and claims no performer.
    """
    obs = _Obs(intake, patient_ref, response_ref)
    language = intake.language
    obs.add(
        "preferred-language",
        PREFERRED_LANGUAGE,
        {"valueCodeableConcept": language_concept(language.preferred_language)},
        language.preferred_language,
        _C.LANGUAGE_NEEDS,
        (SDOH, LANGUAGE_ACCESS),
    )
    obs.add(
        "interpreter-needed",
        INTERPRETER_NEEDED,
        {"valueBoolean": language.interpreter_needed},
        "yes" if language.interpreter_needed else "no",
        _C.LANGUAGE_NEEDS,
        (SDOH, LANGUAGE_ACCESS),
    )
    obs.coded(
        "spiritual-importance",
        q.SPIRITUAL_IMPORTANCE,
        [language.spirituality_importance],
        _C.PROBLEM_SUMMARY,
    )
    formulation = intake.formulation
    if formulation.idiom_of_distress is not None:
        _idiom(obs, formulation.idiom_of_distress, clinician_ref)
    obs.coded(
        "perceived-cause", q.PERCEIVED_CAUSES, formulation.perceived_causes, _C.PROBLEM_SUMMARY
    )
    obs.coded("past-help", q.PAST_HELP_SOURCES, formulation.past_help_sources, _C.PROBLEM_SUMMARY)
    obs.coded(
        "decision-style",
        q.DECISION_STYLE,
        [intake.decision_style],
        _C.SUPPORT_NETWORK,
        (SOCIAL_HISTORY,),
    )
    care = intake.care
    obs.coded(
        "preferred-support",
        q.PREFERRED_SUPPORTS,
        care.preferred_supports,
        _C.CARE_PREFERENCES,
        (SOCIAL_HISTORY, SDOH, SOCIAL_CONNECTION),
    )
    for role, code, member in (
        (
            "language-concordant",
            q.LANGUAGE_CONCORDANT_CLINICIAN,
            care.language_concordant_clinician,
        ),
        ("cultural-match", q.CULTURAL_BACKGROUND_MATCH, care.cultural_background_match),
        ("clinician-gender", q.CLINICIAN_GENDER, care.clinician_gender),
        ("visit-mode", q.VISIT_MODE, care.visit_mode),
        ("therapy-format", q.THERAPY_FORMAT, care.therapy_format),
    ):
        obs.coded(role, code, [member], _C.CARE_PREFERENCES)
    obs.coded(
        "stigma", q.STIGMA_CONCERNS, intake.privacy.concerns, _C.STIGMA_CONCERNS, (SOCIAL_HISTORY,)
    )
    obs.coded(
        "discreet-contact", q.DISCREET_CONTACT, intake.privacy.discreet_contact, _C.CONTACT_DETAILS
    )
    for barrier in intake.barriers.barriers:
        categories = (SDOH, BARRIER_CATEGORIES.get(barrier, SDOH_UNSPECIFIED))
        obs.coded("barrier", q.ACCESS_BARRIERS, [barrier], _C.ACCESS_BARRIERS, categories)
    for instrument_id, given in intake.measures.items():
        measure_observations(obs, instrument(instrument_id), given)
    return obs.out


def _idiom(obs: _Obs, idiom: IdiomOfDistress, clinician_ref: str | None) -> None:
    """The clinician's reading of the patient's words; the words stay in the stored response.

    EHR only: it is the clinician's working interpretation, not something the patient said,
    so no referral-sharing choice sends it to a community organisation.
    """
    display = answer_set_for(IdiomOfDistress).answer(idiom).display_en
    coded = obs.add(
        "cultural-concept-of-distress",
        q.CULTURAL_CONCEPT_OF_DISTRESS,
        {"valueCodeableConcept": concept(coding_for(idiom))},
        display,
        _C.EHR_ONLY,
        by_clinician=True,
        clinician=clinician_ref,
    )
    coded.resource["note"] = [{"text": _IDIOM_NOTE}]


_IDIOM_NOTE = (
    "Coded by the clinician from the patient's own words, which come first: they are in the "
    "QuestionnaireResponse this Observation is derived from (formulation.own-name)."
)
