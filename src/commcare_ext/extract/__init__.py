"""Extraction: one intake -> the FHIR R4 resources an EHR stores, each labelled for disclosure."""

from commcare_ext.extract.context import ExtractionContext, Organization, ReferralTarget
from commcare_ext.extract.disclosure import DisclosureCategory, ReferralSharing
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.extract import extract
from commcare_ext.extract.result import ExtractedResource, ExtractedResources, PatientIdentifier

__all__ = [
    "DisclosureCategory",
    "ExtractedResource",
    "ExtractedResources",
    "ExtractionContext",
    "ExtractionError",
    "Organization",
    "PatientIdentifier",
    "ReferralSharing",
    "ReferralTarget",
    "extract",
]
