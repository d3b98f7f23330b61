"""Canonical URLs of the extensions a directory record of ours may carry.

They live on the ground floor because the directory readers (which may not import the
terminology) read them and the FHIR package (``questionnaire.package``) publishes their
StructureDefinitions; ``terminology.systems`` re-exports them beside our other URLs.
"""

from typing import Final

#: Base of every canonical URL we publish (the same as ``terminology.systems.CANONICAL_BASE``;
#: a test holds them equal).
CANONICAL_BASE: Final = "https://fhir.commcare-ext.org"
#: When a person last checked a directory's HealthcareService record (valueDate/valueDateTime).
DIRECTORY_LAST_VERIFIED_EXTENSION: Final = (
    f"{CANONICAL_BASE}/StructureDefinition/directory-last-verified"
)
#: One fact of our directory taxonomy with its value (sub-extensions ``code`` and ``value``).
DIRECTORY_ATTRIBUTE_EXTENSION: Final = f"{CANONICAL_BASE}/StructureDefinition/directory-attribute"
