"""Community-service directories, read into a typed, FHIR-free model that matching filters fast.

Read a directory with :func:`read_hsds` (Open Referral HSDS 3.0 JSON: a file or a folder) or
:func:`read_fhir` / :func:`read_fhir_resources` (FHIR Human Services Directory: a Bundle, NDJSON
or search results). Each returns a :class:`Directory` and a :class:`LoadReport` listing every
record that was skipped or only partly read, with its id and field.
"""

from commcare_ext.directory.directory import Directory
from commcare_ext.directory.fhir_reader import read_fhir, read_fhir_resources
from commcare_ext.directory.geometry import Extent
from commcare_ext.directory.hsds import read_hsds
from commcare_ext.directory.languages import SIGN_LANGUAGES, is_sign_language
from commcare_ext.directory.model import (
    Address,
    Capacity,
    Contact,
    Cost,
    CulturalFit,
    Discretion,
    Eligibility,
    LanguageAccess,
    Location,
    Organization,
    Service,
    ServiceArea,
    distance_km,
    normalise_language,
    primary_language,
)
from commcare_ext.directory.report import DirectoryError, LoadProblem, LoadReport, Severity
from commcare_ext.directory.schedule import Session, WeeklySchedule
from commcare_ext.directory.taxonomy import TaxonomyMapping, TaxonomyTerm
from commcare_ext.directory.vocabulary import (
    DIRECTORY_TAXONOMY,
    AccessibilityFeature,
    CrisisKind,
    Flag,
    Gender,
    InsuranceKind,
    InterpretationMode,
    OutreachMethod,
    Population,
    ServiceMode,
    ServiceStatus,
    ValuedTerm,
    Weekday,
)

__all__ = [
    "DIRECTORY_TAXONOMY",
    "SIGN_LANGUAGES",
    "AccessibilityFeature",
    "Address",
    "Capacity",
    "Contact",
    "Cost",
    "CrisisKind",
    "CulturalFit",
    "Directory",
    "DirectoryError",
    "Discretion",
    "Eligibility",
    "Extent",
    "Flag",
    "Gender",
    "InsuranceKind",
    "InterpretationMode",
    "LanguageAccess",
    "LoadProblem",
    "LoadReport",
    "Location",
    "Organization",
    "OutreachMethod",
    "Population",
    "Service",
    "ServiceArea",
    "ServiceMode",
    "ServiceStatus",
    "Session",
    "Severity",
    "TaxonomyMapping",
    "TaxonomyTerm",
    "ValuedTerm",
    "Weekday",
    "WeeklySchedule",
    "distance_km",
    "is_sign_language",
    "normalise_language",
    "primary_language",
    "read_fhir",
    "read_fhir_resources",
    "read_hsds",
]
