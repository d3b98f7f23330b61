"""commcare_ext: culturally informed mental-health intake, carried into FHIR R4.

The flow: an :class:`Intake` (validated, FHIR-free) <-> the SDC Questionnaire and its
QuestionnaireResponse -> :func:`extract` (FHIR resources, each labelled for disclosure)
-> :func:`transaction_bundle` for the EHR and :func:`referral_message_bundle` for community
organisations (only what the patient consented to) -> :class:`FhirClient` / :class:`Outbox`.
:func:`summary_html` shows the clinician what was heard.

Names are imported when first used (PEP 562), so ``import commcare_ext`` and the command
line's ``--version`` stay quick; type checkers see the imports below as usual.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from commcare_ext.client import FhirClient, FhirClientError, Outbox, RetryPolicy
    from commcare_ext.directory import Directory, LoadReport, read_fhir, read_hsds
    from commcare_ext.errors import CommcareError, LocatedProblem
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

#: Public name -> the package that defines it.
_LAZY: dict[str, str] = {
    "CommcareError": "commcare_ext.errors",
    "Directory": "commcare_ext.directory",
    "ExtractedResources": "commcare_ext.extract",
    "ExtractionContext": "commcare_ext.extract",
    "ExtractionError": "commcare_ext.extract",
    "FhirClient": "commcare_ext.client",
    "FhirClientError": "commcare_ext.client",
    "Intake": "commcare_ext.intake",
    "IntakeResponseError": "commcare_ext.questionnaire",
    "LoadReport": "commcare_ext.directory",
    "LocatedProblem": "commcare_ext.errors",
    "MosScores": "commcare_ext.instruments",
    "MosSocialSupport": "commcare_ext.instruments",
    "Organization": "commcare_ext.extract",
    "Outbox": "commcare_ext.client",
    "ReferralTarget": "commcare_ext.extract",
    "ResponseProblem": "commcare_ext.questionnaire",
    "RetryPolicy": "commcare_ext.client",
    "SupportPerson": "commcare_ext.intake",
    "build_questionnaire": "commcare_ext.questionnaire",
    "check_references": "commcare_ext.referral",
    "code_system": "commcare_ext.questionnaire",
    "extract": "commcare_ext.extract",
    "intake_to_response": "commcare_ext.questionnaire",
    "read_fhir": "commcare_ext.directory",
    "read_hsds": "commcare_ext.directory",
    "referral_message_bundle": "commcare_ext.referral",
    "response_to_intake": "commcare_ext.questionnaire",
    "score_mos_sss": "commcare_ext.instruments",
    "summary_document_reference": "commcare_ext.summary",
    "summary_html": "commcare_ext.summary",
    "summary_text": "commcare_ext.summary",
    "transaction_bundle": "commcare_ext.referral",
    "value_sets": "commcare_ext.questionnaire",
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
    "LocatedProblem",
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
    """Import a public name from its package on first use."""
    package = _LAZY.get(name)
    if package is None:
        msg = f"module 'commcare_ext' has no attribute {name!r}"
        raise AttributeError(msg)
    value = getattr(import_module(package), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted({*globals(), *__all__})
