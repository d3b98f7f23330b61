"""The ground floor: FHIR JSON helpers that every other package may use.

Nothing here knows the intake, the form or the transport; ``client`` and ``referral`` both
build on these, so references, ``urn:uuid`` identities, narratives and language codings are
spelled once.
"""

from commcare_ext.fhir.code import Code
from commcare_ext.fhir.language import BCP47_SYSTEM, language_coding, language_concept
from commcare_ext.fhir.narrative import narrative, xhtml_div
from commcare_ext.fhir.references import (
    DanglingReferenceError,
    check_references,
    references_in,
    rewrite_references,
)
from commcare_ext.fhir.urn import is_urn_uuid, urn_uuid

__all__ = [
    "BCP47_SYSTEM",
    "Code",
    "DanglingReferenceError",
    "check_references",
    "is_urn_uuid",
    "language_coding",
    "language_concept",
    "narrative",
    "references_in",
    "rewrite_references",
    "urn_uuid",
    "xhtml_div",
]
