"""The clinician summary: accessible HTML, plain text, and a DocumentReference."""

from commcare_ext.summary.content import answer_label, language_name
from commcare_ext.summary.document import summary_document_reference
from commcare_ext.summary.labels import clinician_label
from commcare_ext.summary.matches import matches_section
from commcare_ext.summary.parts import Row, Section, TrendChart
from commcare_ext.summary.progress import Measurement, progress_sections
from commcare_ext.summary.render import summary_html, summary_text
from commcare_ext.summary.safety_plan import safety_plan_document_reference, safety_plan_html

__all__ = [
    "Measurement",
    "Row",
    "Section",
    "TrendChart",
    "answer_label",
    "clinician_label",
    "language_name",
    "matches_section",
    "progress_sections",
    "safety_plan_document_reference",
    "safety_plan_html",
    "summary_document_reference",
    "summary_html",
    "summary_text",
]
