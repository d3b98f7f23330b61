"""The summary as a DocumentReference, for EHRs that take documents more readily than data."""

import base64
from typing import Any

from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.intake import Intake
from commcare_ext.summary.render import summary_html
from commcare_ext.summary.words import word
from commcare_ext.terminology.languages import form_language
from commcare_ext.terminology.standard import CLINICAL_NOTE, MENTAL_HEALTH_EVALUATION_NOTE
from commcare_ext.terminology.systems import US_CORE_DOCUMENT_REFERENCE


def summary_document_reference(
    intake: Intake, patient_reference: str, *, language: str = "en"
) -> dict[str, Any]:
    """A current DocumentReference (LOINC 96142-5) carrying the HTML summary as an attachment.

    Its deterministic id and business identifier let it join the transaction Bundle with
    a conditional create like every other extracted resource. It is a US Core
    DocumentReference 7.0.0: type a LOINC document code, category ``clinical-note``,
    subject, date, and the attachment's contentType and data (us-core-6).
    """
    html = summary_html(intake, language=language).encode("utf-8")
    title = word(language, "document")
    return {
        "resourceType": "DocumentReference",
        "id": resource_id(intake, "summary-document"),
        "meta": {"profile": [US_CORE_DOCUMENT_REFERENCE]},
        "identifier": [business_identifier(intake, "DocumentReference", "summary")],
        "status": "current",
        "docStatus": "final",
        "type": {"coding": [MENTAL_HEALTH_EVALUATION_NOTE.as_coding()]},
        "category": [{"coding": [CLINICAL_NOTE.as_coding()]}],
        "subject": {"reference": patient_reference},
        "date": intake.authored.isoformat(),
        "description": title,
        "content": [
            {
                "attachment": {
                    "contentType": "text/html; charset=utf-8",
                    "language": form_language(language).value,
                    "data": base64.b64encode(html).decode("ascii"),
                    "title": title,
                    "creation": intake.authored.isoformat(),
                }
            }
        ],
    }
