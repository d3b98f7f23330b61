"""Code system and canonical URLs: spelled here (instrument systems: ``instruments.codes``)."""

from typing import Final

from commcare_ext.fhir import own_extensions
from commcare_ext.fhir.language import BCP47_SYSTEM
from commcare_ext.instruments import codes

#: Base of every canonical URL we publish (CodeSystem, ValueSet, Questionnaire, extensions).
CANONICAL_BASE: Final = codes.CANONICAL_BASE

#: Version of the published terminology and Questionnaire; bump on any content change.
CONTENT_VERSION: Final = "0.1.0"

LOINC: Final = codes.LOINC
SNOMED_CT: Final = codes.SNOMED_CT
UCUM: Final = "http://unitsofmeasure.org"
BCP47: Final = BCP47_SYSTEM
V3_ROLE_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
V3_PARTICIPATION_TYPE: Final = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
V3_ACT_REASON: Final = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE: Final = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_ACTION: Final = "http://terminology.hl7.org/CodeSystem/consentaction"
SDOH_CATEGORY: Final = codes.SDOH_CATEGORY
US_CORE_CATEGORY: Final = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
#: FHIR core code system of weekdays (mon ... sun).
DAYS_OF_WEEK: Final = "http://hl7.org/fhir/days-of-week"

#: Our own CodeSystem for concepts no standard vocabulary codes (published by ``code_system()``).
COMMCARE_CODESYSTEM: Final = codes.COMMCARE_CODESYSTEM

#: Publication date of CONTENT_VERSION (also the ValueSet expansion timestamp, for stable output).
CONTENT_DATE: Final = "2026-11-24"

#: FHIR core extension carrying a translated string (Questionnaire text in other languages).
TRANSLATION_EXTENSION: Final = "http://hl7.org/fhir/StructureDefinition/translation"
#: Our extension on a Questionnaire: one language's translation status (``needs-review`` until a
#: qualified medical translator has reviewed it).
TRANSLATION_REVIEW_EXTENSION: Final = f"{CANONICAL_BASE}/StructureDefinition/translation-review"
#: Our extensions on a directory's HealthcareService (spelled in fhir.own_extensions, which the
#: directory readers may import).
DIRECTORY_LAST_VERIFIED_EXTENSION: Final = own_extensions.DIRECTORY_LAST_VERIFIED_EXTENSION
DIRECTORY_ATTRIBUTE_EXTENSION: Final = own_extensions.DIRECTORY_ATTRIBUTE_EXTENSION

# Structure Data Capture (SDC) and core Questionnaire extensions and systems we use.
SDC_QUESTIONNAIRE_PROFILE: Final = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
)
#: Structured Data Capture: the release our Questionnaires meet (and US Core 7.0.0 builds on).
SDC_VERSION: Final = "3.0.0"
#: The claim our Questionnaires make: SDC Questionnaire, pinned to the release they meet.
SDC_QUESTIONNAIRE: Final = f"{SDC_QUESTIONNAIRE_PROFILE}|{SDC_VERSION}"
#: R5 ``versionAlgorithm`` carried in R4 (cross-version extension; SDC 4.0.0-ballot's sdc-2 asks
#: for it wherever ``version`` is present) and the R5 code system of its values.
VERSION_ALGORITHM_EXTENSION: Final = (
    "http://hl7.org/fhir/5.0/StructureDefinition/extension-Questionnaire.versionAlgorithm[x]"
)
VERSION_ALGORITHM: Final = "http://hl7.org/fhir/version-algorithm"
SDC_OBSERVATION_EXTRACT: Final = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"
)
SDC_ENTRY_FORMAT: Final = "http://hl7.org/fhir/StructureDefinition/entryFormat"
QUESTIONNAIRE_ITEM_CONTROL: Final = (
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
)
QUESTIONNAIRE_ITEM_CONTROL_SYSTEM: Final = "http://hl7.org/fhir/questionnaire-item-control"
#: On an instrument's group (Questionnaire and QuestionnaireResponse): the canonical of the
#: clinic-supplied Questionnaire whose exact wording was shown (absent: our paraphrase).
INSTRUMENT_WORDING_EXTENSION: Final = f"{CANONICAL_BASE}/StructureDefinition/instrument-wording"
ORDINAL_VALUE_EXTENSION: Final = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

TASK_CODE: Final = "http://hl7.org/fhir/CodeSystem/task-code"
PROVENANCE_PARTICIPANT_TYPE: Final = (
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
)
US_CORE_INTERPRETER_NEEDED: Final = (
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed"
)
PATIENT_RELIGION: Final = "http://hl7.org/fhir/StructureDefinition/patient-religion"
#: US Core (R4) gender identity extension on Patient (valueCodeableConcept).
US_CORE_GENDER_IDENTITY: Final = (
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-genderIdentity"
)
#: FHIR extensions pack: pronouns (complex: ``value`` CodeableConcept, optional period/comment).
INDIVIDUAL_PRONOUNS: Final = "http://hl7.org/fhir/StructureDefinition/individual-pronouns"
DATA_ABSENT_REASON_SYSTEM: Final = "http://terminology.hl7.org/CodeSystem/data-absent-reason"

# Systems and extensions used by the conformance work (docs/profiles.md says where each is defined).
V3_ACT_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-ActCode"
V2_0003: Final = "http://terminology.hl7.org/CodeSystem/v2-0003"
V2_0203: Final = "http://terminology.hl7.org/CodeSystem/v2-0203"
US_CORE_CONDITION_CATEGORY: Final = "http://hl7.org/fhir/us/core/CodeSystem/condition-category"
US_CORE_DOCUMENT_CATEGORY: Final = (
    "http://hl7.org/fhir/us/core/CodeSystem/us-core-documentreference-category"
)
US_CORE_PROVENANCE_PARTICIPANT_TYPE: Final = (
    "http://hl7.org/fhir/us/core/CodeSystem/us-core-provenance-participant-type"
)
CONDITION_CLINICAL: Final = "http://terminology.hl7.org/CodeSystem/condition-clinical"
CONDITION_VERIFICATION: Final = "http://terminology.hl7.org/CodeSystem/condition-ver-status"
DATA_ABSENT_REASON: Final = "http://hl7.org/fhir/StructureDefinition/data-absent-reason"
#: Identifier system for a URI value (a message Bundle's ``urn:uuid:`` identifier).
URI_IDENTIFIER: Final = "urn:ietf:rfc:3986"
PERTAINS_TO_GOAL: Final = "http://hl7.org/fhir/StructureDefinition/resource-pertainsToGoal"

# Profiles we claim in ``meta.profile``, pinned to the version we meet (docs/profiles.md).
US_CORE_VERSION: Final = "7.0.0"
SDOHCC_VERSION: Final = "2.3.0"
BSER_VERSION: Final = "2.0.0-ballot"
HSD_VERSION: Final = "1.0.0"
_US_CORE: Final = "http://hl7.org/fhir/us/core/StructureDefinition"
_SDOHCC: Final = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition"
_BSER: Final = "http://hl7.org/fhir/us/bser/StructureDefinition"
_HSD: Final = "http://hl7.org/fhir/us/hsds/StructureDefinition"
US_CORE_PATIENT: Final = f"{_US_CORE}/us-core-patient|{US_CORE_VERSION}"
US_CORE_ORGANIZATION: Final = f"{_US_CORE}/us-core-organization|{US_CORE_VERSION}"
US_CORE_PRACTITIONER: Final = f"{_US_CORE}/us-core-practitioner|{US_CORE_VERSION}"
US_CORE_PRACTITIONER_ROLE: Final = f"{_US_CORE}/us-core-practitionerrole|{US_CORE_VERSION}"
US_CORE_RELATED_PERSON: Final = f"{_US_CORE}/us-core-relatedperson|{US_CORE_VERSION}"
US_CORE_CARE_TEAM: Final = f"{_US_CORE}/us-core-careteam|{US_CORE_VERSION}"
US_CORE_PROVENANCE: Final = f"{_US_CORE}/us-core-provenance|{US_CORE_VERSION}"
US_CORE_DOCUMENT_REFERENCE: Final = f"{_US_CORE}/us-core-documentreference|{US_CORE_VERSION}"
US_CORE_QUESTIONNAIRE_RESPONSE: Final = (
    f"{_US_CORE}/us-core-questionnaireresponse|{US_CORE_VERSION}"
)
US_CORE_CAREPLAN: Final = f"{_US_CORE}/us-core-careplan|{US_CORE_VERSION}"
US_CORE_CAREPLAN_CATEGORY: Final = "http://hl7.org/fhir/us/core/CodeSystem/careplan-category"
US_CORE_CONDITION_CONCERN: Final = (
    f"{_US_CORE}/us-core-condition-problems-health-concerns|{US_CORE_VERSION}"
)
US_CORE_SCREENING_ASSESSMENT: Final = (
    f"{_US_CORE}/us-core-observation-screening-assessment|{US_CORE_VERSION}"
)
SDOHCC_CONSENT: Final = f"{_SDOHCC}/SDOHCC-Consent|{SDOHCC_VERSION}"
SDOHCC_SCREENING_RESPONSE: Final = f"{_SDOHCC}/SDOHCC-ObservationScreeningResponse|{SDOHCC_VERSION}"
SDOHCC_CONDITION: Final = f"{_SDOHCC}/SDOHCC-Condition|{SDOHCC_VERSION}"
SDOHCC_GOAL: Final = f"{_SDOHCC}/SDOHCC-Goal|{SDOHCC_VERSION}"
SDOHCC_SERVICE_REQUEST: Final = f"{_SDOHCC}/SDOHCC-ServiceRequest|{SDOHCC_VERSION}"
SDOHCC_REFERRAL_TASK: Final = f"{_SDOHCC}/SDOHCC-TaskForReferralManagement|{SDOHCC_VERSION}"
SDOHCC_PRACTITIONER_ROLE: Final = f"{_SDOHCC}/SDOHCC-practitionerrole|{SDOHCC_VERSION}"
BSER_MESSAGE_BUNDLE: Final = f"{_BSER}/BSeR-ReferralMessageBundle|{BSER_VERSION}"
BSER_MESSAGE_HEADER: Final = f"{_BSER}/BSeR-ReferralMessageHeader|{BSER_VERSION}"
BSER_REFERRAL_TASK: Final = f"{_BSER}/BSeR-ReferralTask|{BSER_VERSION}"
BSER_SERVICE_REQUEST: Final = f"{_BSER}/BSeR-ReferralServiceRequest|{BSER_VERSION}"
BSER_PATIENT_CONSENT: Final = f"{_BSER}/BSeR-PatientConsent|{BSER_VERSION}"
BSER_PATIENT: Final = f"{_BSER}/bser-patient|{BSER_VERSION}"
#: Human Services Directory IG (STU1): a directory's organisation and service, copied into a
#: referral with the directory's own ``meta.lastUpdated``.
HSD_ORGANIZATION: Final = f"{_HSD}/hsds-Organization|{HSD_VERSION}"
HSD_HEALTHCARE_SERVICE: Final = f"{_HSD}/hsds-HealthcareService|{HSD_VERSION}"
#: Plan-Net's organisation types, to which HSD binds Organization.type (extensible).
PLAN_NET_ORG_TYPE: Final = "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/OrgTypeCS"
