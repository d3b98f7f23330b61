"""commcare_ext: culturally informed mental-health intake, carried into FHIR R4.

The flow: an :class:`Intake` (validated, FHIR-free) <-> the SDC Questionnaire and its
QuestionnaireResponse -> :func:`extract` (FHIR resources, each labelled for disclosure)
-> :func:`transaction_bundle` for the EHR and :func:`referral_message_bundle` for community
organisations (only what the patient consented to) -> :class:`FhirClient` / :class:`Outbox`.
:func:`summary_html` shows the clinician what was heard.
"""

from commcare_ext.client import FhirClient, FhirClientError, Outbox, RetryPolicy
from commcare_ext.directory import Directory, LoadReport, read_fhir, read_hsds
from commcare_ext.errors import CommcareError
from commcare_ext.extract import (
    ExtractedResources,
    ExtractionContext,
    ExtractionError,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.instruments import MosScores, MosSocialSupport, score_mos_sss
from commcare_ext.intake import Intake, SupportPerson
from commcare_ext.questionnaire import (
    IntakeResponseError,
    ResponseProblem,
    build_questionnaire,
    code_system,
    intake_to_response,
    response_to_intake,
    value_sets,
)
from commcare_ext.referral import (
    check_references,
    referral_message_bundle,
    transaction_bundle,
)
from commcare_ext.summary import summary_document_reference, summary_html, summary_text

__all__ = [
    "CommcareError",
    "Directory",
    "ExtractedResources",
    "ExtractionContext",
    "ExtractionError",
    "FhirClient",
    "FhirClientError",
    "Intake",
    "IntakeResponseError",
    "LoadReport",
    "MosScores",
    "MosSocialSupport",
    "Organization",
    "Outbox",
    "ReferralTarget",
    "ResponseProblem",
    "RetryPolicy",
    "SupportPerson",
    "build_questionnaire",
    "check_references",
    "code_system",
    "extract",
    "intake_to_response",
    "read_fhir",
    "read_hsds",
    "referral_message_bundle",
    "response_to_intake",
    "score_mos_sss",
    "summary_document_reference",
    "summary_html",
    "summary_text",
    "transaction_bundle",
    "value_sets",
]
