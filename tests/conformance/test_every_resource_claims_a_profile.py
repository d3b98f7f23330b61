"""Every resource in every Bundle the examples write claims a profile from US Core, SDOHCC,
BSeR or the Human Services Directory IG, with the version we meet (docs/profiles.md); so does
every message Bundle (no guide profiles a transaction Bundle)."""

import pytest

from commcare_ext.terminology.systems import (
    BSER_VERSION,
    HSD_VERSION,
    SDOHCC_VERSION,
    US_CORE_VERSION,
)
from tests.conformance.emitted import Resource, bundles, ids, resources

_GUIDES = {
    "http://hl7.org/fhir/us/core/StructureDefinition/": US_CORE_VERSION,
    "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/": SDOHCC_VERSION,
    "http://hl7.org/fhir/us/bser/StructureDefinition/": BSER_VERSION,
    "http://hl7.org/fhir/us/hsds/StructureDefinition/": HSD_VERSION,
}


@pytest.mark.parametrize(
    "resource", [*resources(), *(b for b in bundles() if b["type"] == "message")], ids=ids
)
def test_claims_a_versioned_profile_of_a_known_guide(resource: Resource) -> None:
    profiles = resource.get("meta", {}).get("profile", [])
    assert profiles, f"{resource['resourceType']}: Resource.meta.profile is empty"
    for profile in profiles:
        url, _, version = profile.partition("|")
        guide = next((base for base in _GUIDES if url.startswith(base)), None)
        assert guide is not None, f"{profile}: not a US Core, SDOHCC, BSeR or HSD profile"
        assert version == _GUIDES[guide], f"{profile}: claim the version we meet"
