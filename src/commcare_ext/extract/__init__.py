"""Extraction: one intake -> the FHIR R4 resources an EHR stores, each labelled for disclosure."""

from commcare_ext.extract.concerns import LOW_SUPPORT_BELOW, ProposedConcern
from commcare_ext.extract.context import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    ServiceChoice,
)
from commcare_ext.extract.disclosure import NEVER_SHARED, DisclosureCategory, ReferralSharing
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.extract import extract, proposed_concerns
from commcare_ext.extract.result import ExtractedResource, ExtractedResources, PatientIdentifier

__all__ = [
    "LOW_SUPPORT_BELOW",
    "NEVER_SHARED",
    "Clinician",
    "DisclosureCategory",
    "ExtractedResource",
    "ExtractedResources",
    "ExtractionContext",
    "ExtractionError",
    "Organization",
    "PatientIdentifier",
    "ProposedConcern",
    "ReferralSharing",
    "ReferralTarget",
    "ServiceChoice",
    "extract",
    "proposed_concerns",
]
