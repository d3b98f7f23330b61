"""Code system and canonical URLs: the only place a system URL is spelled."""

from typing import Final

from commcare_ext.fhir.language import BCP47_SYSTEM

#: Base of every canonical URL we publish (CodeSystem, ValueSet, Questionnaire, extensions).
CANONICAL_BASE: Final = "https://fhir.commcare-ext.org"

#: Version of the published terminology and Questionnaire; bump on any content change.
CONTENT_VERSION: Final = "0.1.0"

LOINC: Final = "http://loinc.org"
SNOMED_CT: Final = "http://snomed.info/sct"
UCUM: Final = "http://unitsofmeasure.org"
BCP47: Final = BCP47_SYSTEM
V3_ROLE_CODE: Final = "http://terminology.hl7.org/CodeSystem/v3-RoleCode"
V3_PARTICIPATION_TYPE: Final = "http://terminology.hl7.org/CodeSystem/v3-ParticipationType"
V3_ACT_REASON: Final = "http://terminology.hl7.org/CodeSystem/v3-ActReason"
OBSERVATION_CATEGORY: Final = "http://terminology.hl7.org/CodeSystem/observation-category"
CONSENT_SCOPE: Final = "http://terminology.hl7.org/CodeSystem/consentscope"
CONSENT_ACTION: Final = "http://terminology.hl7.org/CodeSystem/consentaction"
SDOH_CATEGORY: Final = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
)
US_CORE_CATEGORY: Final = "http://hl7.org/fhir/us/core/CodeSystem/us-core-category"
#: FHIR core code system of weekdays (mon ... sun).
DAYS_OF_WEEK: Final = "http://hl7.org/fhir/days-of-week"

#: Our own CodeSystem for concepts no standard vocabulary codes (published by ``code_system()``).
COMMCARE_CODESYSTEM: Final = f"{CANONICAL_BASE}/CodeSystem/commcare-intake"

#: Publication date of CONTENT_VERSION (also the ValueSet expansion timestamp, for stable output).
CONTENT_DATE: Final = "2026-11-24"

#: FHIR core extension carrying a translated string (Questionnaire text in other languages).
TRANSLATION_EXTENSION: Final = "http://hl7.org/fhir/StructureDefinition/translation"

# Structure Data Capture (SDC) and core Questionnaire extensions and systems we use.
SDC_QUESTIONNAIRE_PROFILE: Final = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire"
)
SDC_OBSERVATION_EXTRACT: Final = (
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/sdc-questionnaire-observationExtract"
)
SDC_ENTRY_FORMAT: Final = "http://hl7.org/fhir/StructureDefinition/entryFormat"
QUESTIONNAIRE_ITEM_CONTROL: Final = (
    "http://hl7.org/fhir/StructureDefinition/questionnaire-itemControl"
)
QUESTIONNAIRE_ITEM_CONTROL_SYSTEM: Final = "http://hl7.org/fhir/questionnaire-item-control"
ORDINAL_VALUE_EXTENSION: Final = "http://hl7.org/fhir/StructureDefinition/ordinalValue"

TASK_CODE: Final = "http://hl7.org/fhir/CodeSystem/task-code"
PROVENANCE_PARTICIPANT_TYPE: Final = (
    "http://terminology.hl7.org/CodeSystem/provenance-participant-type"
)
US_CORE_INTERPRETER_NEEDED: Final = (
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-interpreter-needed"
)
PATIENT_RELIGION: Final = "http://hl7.org/fhir/StructureDefinition/patient-religion"
