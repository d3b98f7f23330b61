"""Standard codes as typed constants; docs/terminology.md says where each was confirmed."""

from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import (
    CONDITION_CLINICAL,
    CONDITION_VERIFICATION,
    CONSENT_ACTION,
    CONSENT_SCOPE,
    DATA_ABSENT_REASON_SYSTEM,
    LOINC,
    OBSERVATION_CATEGORY,
    PROVENANCE_PARTICIPANT_TYPE,
    SDOH_CATEGORY,
    SNOMED_CT,
    TASK_CODE,
    US_CORE_CATEGORY,
    US_CORE_CONDITION_CATEGORY,
    US_CORE_DOCUMENT_CATEGORY,
    US_CORE_PROVENANCE_PARTICIPANT_TYPE,
    V2_0003,
    V2_0203,
    V3_ACT_CODE,
    V3_ACT_REASON,
    V3_PARTICIPATION_TYPE,
    VERSION_ALGORITHM,
)

#: LOINC 54899-0, as used by US Core's PRAPARE item example for the patient's preferred language.
PREFERRED_LANGUAGE: Final = Code(LOINC, "54899-0", "Preferred language")
#: LOINC answers Yes/No (answer list LL2828-3, as SDC's AhrqYN example value set expands it):
#: the coded yes/no a non-English form shows instead of a boolean, so no renderer-owned
#: English ("Yes", "No", "Not answered") appears.
YES: Final = Code(LOINC, "LA33-6", "Yes")
NO: Final = Code(LOINC, "LA32-8", "No")
#: Gender identity: the SNOMED CT codes of the FHIR extensions pack's gender-identity value set
#: (the value set US Core's genderIdentity extension draws on), and its "asked but declined".
FEMALE_GENDER_IDENTITY: Final = Code(SNOMED_CT, "446141000124107", "Female gender identity")
MALE_GENDER_IDENTITY: Final = Code(SNOMED_CT, "446151000124109", "Male gender identity")
NON_BINARY_GENDER_IDENTITY: Final = Code(SNOMED_CT, "33791000087105", "Non-binary gender identity")
ASKED_DECLINED: Final = Code(DATA_ABSENT_REASON_SYSTEM, "asked-declined", "Asked But Declined")
#: Pronouns: LOINC answers of HL7's Personal Pronouns value set.
HE_HIM: Final = Code(LOINC, "LA29518-0", "he/him/his/his/himself")
SHE_HER: Final = Code(LOINC, "LA29519-8", "she/her/her/hers/herself")
THEY_THEM: Final = Code(LOINC, "LA29520-6", "they/them/their/theirs/themselves")
#: LOINC 54588-9; same meaning as the US Core interpreter-needed extension.
INTERPRETER_NEEDED: Final = Code(LOINC, "54588-9", "Interpreter needed")

# Extraction and referral (docs/terminology.md lists where each was confirmed).
PATIENT_REFERRAL: Final = Code(SNOMED_CT, "3457005", "Patient referral")
REFERRAL_TO_SERVICE: Final = Code(SNOMED_CT, "306206005", "Referral to service")
SURVEY: Final = Code(OBSERVATION_CATEGORY, "survey", "Survey")
SOCIAL_HISTORY: Final = Code(OBSERVATION_CATEGORY, "social-history", "Social History")
SDOH: Final = Code(US_CORE_CATEGORY, "sdoh", "SDOH")
PATIENT_PRIVACY: Final = Code(CONSENT_SCOPE, "patient-privacy", "Privacy Consent")
DISCLOSE: Final = Code(CONSENT_ACTION, "disclose", "Disclose")
INFORMATION_RECIPIENT: Final = Code(V3_PARTICIPATION_TYPE, "IRCP", "information recipient")
TREATMENT: Final = Code(V3_ACT_REASON, "TREAT", "treatment")
FULFILL: Final = Code(TASK_CODE, "fulfill", "Fulfill the focal request")
AUTHOR: Final = Code(PROVENANCE_PARTICIPANT_TYPE, "author", "Author")
#: LOINC document type for the clinician summary of the intake.
MENTAL_HEALTH_EVALUATION_NOTE: Final = Code(LOINC, "96142-5", "Mental health Evaluation note")

# Conformance (docs/profiles.md and docs/terminology.md say where each was confirmed).
#: v3-ActCode IDSCL, the category SDOHCC Consent fixes (SDOHCC 2.3.0 Consent example).
INFORMATION_DISCLOSURE: Final = Code(V3_ACT_CODE, "IDSCL", "information disclosure")
#: SNOMED CT yes/no answers, as US Core 8.0.0's examples use them for the interpreter extension.
SNOMED_YES: Final = Code(SNOMED_CT, "373066001", "Yes (qualifier value)")
SNOMED_NO: Final = Code(SNOMED_CT, "373067005", "No (qualifier value)")
#: HL7 v2 table 0003 event I12, fixed by BSeR's referral MessageHeader.
REFERRAL_EVENT: Final = Code(V2_0003, "I12", "REF/RRI - Patient referral")
#: HL7 v2 table 0203 PLAC, the identifier type BSeR's referral ServiceRequest requires.
PLACER_IDENTIFIER: Final = Code(V2_0203, "PLAC", "Placer Identifier")
#: US Core Provenance transmitter agent type.
TRANSMITTER: Final = Code(US_CORE_PROVENANCE_PARTICIPANT_TYPE, "transmitter", "Transmitter")
#: SNOMED CT role of the patient in a CareTeam (US Core CareTeam example).
PATIENT_PERSON: Final = Code(SNOMED_CT, "116154003", "Patient (person)")
#: US Core condition category for health concerns.
HEALTH_CONCERN: Final = Code(US_CORE_CONDITION_CATEGORY, "health-concern", "Health Concern")
CONDITION_ACTIVE: Final = Code(CONDITION_CLINICAL, "active", "Active")
CONDITION_CONFIRMED: Final = Code(CONDITION_VERIFICATION, "confirmed", "Confirmed")
CONDITION_PROVISIONAL: Final = Code(CONDITION_VERIFICATION, "provisional", "Provisional")
#: SNOMED CT findings for health concerns (FHIR Extensions ValueSet "barrier", 5.2.0).
LACK_OF_SOCIAL_SUPPORT: Final = Code(SNOMED_CT, "1186610007", "Lack of social support (finding)")
LACK_OF_TRANSPORT: Final = Code(
    SNOMED_CT, "713458007", "Lack of access to transportation (finding)"
)
#: SDOHCC temporary codes for SDOH categories (SDOHCC 2.3.0 ValueSet SDOH Category).
SOCIAL_CONNECTION: Final = Code(SDOH_CATEGORY, "social-connection", "Social Connection")
LANGUAGE_ACCESS: Final = Code(SDOH_CATEGORY, "language-access", "Language Access")
TRANSPORTATION_INSECURITY: Final = Code(
    SDOH_CATEGORY, "transportation-insecurity", "Transportation Insecurity"
)
DIGITAL_ACCESS: Final = Code(SDOH_CATEGORY, "digital-access", "Digital Access")
FINANCIAL_INSECURITY: Final = Code(SDOH_CATEGORY, "financial-insecurity", "Financial Insecurity")
INSURANCE_COVERAGE: Final = Code(
    SDOH_CATEGORY, "health-insurance-coverage-status", "Health Insurance Coverage Status"
)
SDOH_UNSPECIFIED: Final = Code(
    SDOH_CATEGORY, "sdoh-category-unspecified", "SDOH Category Unspecified"
)

#: R5 version-algorithm ``semver``: how our published versions (CONTENT_VERSION) compare; the
#: code SDC 4.0.0-ballot's sdc-3 prefers (hl7.fhir.uv.sdc 4.0.0-ballot, sdc-questionnaire).
SEMVER: Final = Code(VERSION_ALGORITHM, "semver", "SemVer")

#: US Core 7.0.0 DocumentReference category (CodeSystem us-core-documentreference-category, its
#: only code; the profile's ``category:uscore`` slice binds it required).
CLINICAL_NOTE: Final = Code(US_CORE_DOCUMENT_CATEGORY, "clinical-note", "Clinical Note")
