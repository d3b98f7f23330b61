"""Codes for intake questions that no standard vocabulary names (our CodeSystem).

They label Questionnaire items and become ``Observation.code`` on extraction, so each
definition says what the observation asserts.
"""

from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM


def _q(code: str, display: str) -> Code:
    return Code(COMMCARE_CODESYSTEM, code, display)


INTAKE_PANEL: Final = _q("cultural-intake", "Culturally informed mental-health intake")
PERCEIVED_CAUSES: Final = _q("perceived-causes", "Patient's perceived causes of the problem")
PAST_HELP_SOURCES: Final = _q("past-help-sources", "Sources of help sought before intake")
SPIRITUAL_IMPORTANCE: Final = _q("spiritual-importance", "Importance of spirituality in coping")
DECISION_STYLE: Final = _q("decision-style", "Preferred care decision-making style")
PREFERRED_SUPPORTS: Final = _q("preferred-supports", "Preferred community supports")
LANGUAGE_CONCORDANT_CLINICIAN: Final = _q(
    "language-concordant-clinician", "Importance of a clinician who speaks the patient's language"
)
CULTURAL_BACKGROUND_MATCH: Final = _q(
    "cultural-background-match", "Importance of a clinician of similar cultural background"
)
CLINICIAN_GENDER: Final = _q("clinician-gender-preference", "Preferred clinician gender")
VISIT_MODE: Final = _q("visit-mode-preference", "Preferred visit mode")
THERAPY_FORMAT: Final = _q("therapy-format-preference", "Preferred therapy session format")
STIGMA_CONCERNS: Final = _q("stigma-concerns", "Stigma concerns about seeking mental-health care")
DISCREET_CONTACT: Final = _q("discreet-contact", "Private contact preferences")
REFERRAL_CONSENT: Final = _q("referral-consent", "Consent to referral to community organisations")
REFERRAL_SHARE: Final = _q("referral-share", "Information a referral may carry")
COMMUNITY_REFERRAL_DECLINED: Final = _q(
    "community-referral-declined", "No referral to community services wanted"
)
REFERRAL_REQUEST_EVENT: Final = _q("referral-request", "Referral request message")
ACCESS_BARRIERS: Final = _q("access-barriers", "Barriers to accessing mental-health care")
COMMUNICATION_NEEDS: Final = _q("communication-needs", "Communication needs")
INTERPRETER_TODAY: Final = _q("interpreter-today", "Who interprets at this visit")
PROFESSIONAL_INTERPRETER_NEEDED: Final = _q(
    "professional-interpreter-needed", "Professional interpreter still needed"
)
CLINICIAN_LANGUAGE: Final = _q("language-for-clinician", "Language a clinician should speak")
MIGRATION_STATUS: Final = _q("migration-status", "Refugee or asylum status (self-stated)")
CULTURAL_CONCEPT_OF_DISTRESS: Final = _q(
    "cultural-concept-of-distress", "Cultural concept of distress recognised by the clinician"
)

#: (code, definition) for every question concept we publish (translations: the catalogues).
QUESTION_CONCEPTS: Final[tuple[tuple[Code, str], ...]] = (
    (
        INTAKE_PANEL,
        "The whole intake: cultural formulation, support network, preferences, concerns, "
        "barriers and perceived social support.",
    ),
    (
        PERCEIVED_CAUSES,
        "What the patient believes causes their difficulties (CFI cause domain).",
    ),
    (
        PAST_HELP_SOURCES,
        "Where the patient has already sought help (CFI help-seeking domain).",
    ),
    (
        SPIRITUAL_IMPORTANCE,
        "How much faith or spirituality helps the patient cope.",
    ),
    (
        DECISION_STYLE,
        "Whether the patient decides alone, with chosen people, or as a family.",
    ),
    (
        PREFERRED_SUPPORTS,
        "Community supports the patient wants involved: peers, faith, community centres, "
        "healers, online groups, family.",
    ),
    (
        LANGUAGE_CONCORDANT_CLINICIAN,
        "How much it matters that the clinician speaks the patient's language.",
    ),
    (
        CULTURAL_BACKGROUND_MATCH,
        "How much it matters that the clinician shares or understands the patient's culture.",
    ),
    (
        CLINICIAN_GENDER,
        "The clinician gender the patient is most comfortable with.",
    ),
    (VISIT_MODE, "In person, video or telephone."),
    (THERAPY_FORMAT, "Individual, group or family sessions."),
    (
        STIGMA_CONCERNS,
        "Social consequences the patient fears from seeking mental-health care.",
    ),
    (
        DISCREET_CONTACT,
        "Contact methods the clinic must avoid or use to keep care private.",
    ),
    (
        REFERRAL_REQUEST_EVENT,
        "MessageHeader event of a referral message Bundle sent to a community organisation.",
    ),
    (
        REFERRAL_CONSENT,
        "Whether the patient agrees to be referred to the community organisations they chose.",
    ),
    (
        REFERRAL_SHARE,
        "Categories of information a referral to a community organisation may carry.",
    ),
    (
        COMMUNITY_REFERRAL_DECLINED,
        "The patient does not want to be referred to community services now; crisis help is "
        "still offered.",
    ),
    (
        ACCESS_BARRIERS,
        "Practical barriers: cost, insurance, transport, distance, childcare, work, digital "
        "access, language, immigration concerns, disability.",
    ),
    (
        COMMUNICATION_NEEDS,
        "A need beyond a spoken language that care must meet (sign language, hearing, relay or "
        "TTY, large print, reading support).",
    ),
    (INTERPRETER_TODAY, "Who interprets at this visit (family, friend, staff, professional)."),
    (
        PROFESSIONAL_INTERPRETER_NEEDED,
        "Whether a professional interpreter is still needed, whoever interprets today.",
    ),
    (CLINICIAN_LANGUAGE, "The language a language-concordant clinician should speak (BCP-47)."),
    (
        MIGRATION_STATUS,
        "Refugee or asylum status as the person chose to state it; never inferred.",
    ),
    (
        CULTURAL_CONCEPT_OF_DISTRESS,
        "The cultural concept of distress a clinician recognises in the patient's own words; "
        "it stands beside those words and never replaces them.",
    ),
)
