"""commcare_ext: culturally informed mental-health intake, carried into FHIR R4.

The flow: an :class:`Intake` (validated, FHIR-free) <-> the SDC Questionnaire and its
QuestionnaireResponse -> :func:`extract` (FHIR resources, each labelled for disclosure)
-> :func:`transaction_bundle` for the EHR and :func:`referral_message_bundle` for community
organisations (only what the patient consented to) -> :class:`FhirClient` / :class:`Outbox`.
:func:`summary_html` shows the clinician what was heard.

Importing the package loads nothing else: each name below is imported on first use, so
``import commcare_ext.client`` never loads the intake, the form or the extraction.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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

#: Public name -> the package that defines it (imported on first access).
_PROVIDERS: dict[str, str] = {
    "FhirClient": "commcare_ext.client",
    "FhirClientError": "commcare_ext.client",
    "Outbox": "commcare_ext.client",
    "RetryPolicy": "commcare_ext.client",
    "Directory": "commcare_ext.directory",
    "LoadReport": "commcare_ext.directory",
    "read_fhir": "commcare_ext.directory",
    "read_hsds": "commcare_ext.directory",
    "CommcareError": "commcare_ext.errors",
    "ExtractedResources": "commcare_ext.extract",
    "ExtractionContext": "commcare_ext.extract",
    "ExtractionError": "commcare_ext.extract",
    "Organization": "commcare_ext.extract",
    "ReferralTarget": "commcare_ext.extract",
    "extract": "commcare_ext.extract",
    "MosScores": "commcare_ext.instruments",
    "MosSocialSupport": "commcare_ext.instruments",
    "score_mos_sss": "commcare_ext.instruments",
    "Intake": "commcare_ext.intake",
    "SupportPerson": "commcare_ext.intake",
    "IntakeResponseError": "commcare_ext.questionnaire",
    "ResponseProblem": "commcare_ext.questionnaire",
    "build_questionnaire": "commcare_ext.questionnaire",
    "code_system": "commcare_ext.questionnaire",
    "intake_to_response": "commcare_ext.questionnaire",
    "response_to_intake": "commcare_ext.questionnaire",
    "value_sets": "commcare_ext.questionnaire",
    "check_references": "commcare_ext.referral",
    "referral_message_bundle": "commcare_ext.referral",
    "transaction_bundle": "commcare_ext.referral",
    "summary_document_reference": "commcare_ext.summary",
    "summary_html": "commcare_ext.summary",
    "summary_text": "commcare_ext.summary",
}

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


def __getattr__(name: str) -> Any:
    provider = _PROVIDERS.get(name)
    if provider is None:
        msg = f"module 'commcare_ext' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(provider), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
