"""US Core Organization, Practitioner and PractitionerRole 7.0.0; SDOHCC PractitionerRole."""

import re

import pytest

from commcare_ext.terminology.systems import (
    SDOHCC_PRACTITIONER_ROLE,
    US_CORE_ORGANIZATION,
    US_CORE_PRACTITIONER,
    US_CORE_PRACTITIONER_ROLE,
)
from tests.conformance.emitted import Resource, claiming, entries_by_url, ids, target_kind

_NPI = "http://hl7.org/fhir/sid/us-npi"


@pytest.mark.parametrize("org", claiming(US_CORE_ORGANIZATION), ids=ids)
def test_us_core_organization(org: Resource) -> None:
    assert org["active"] is True, "Organization.active 1..1"
    assert org["name"], "Organization.name 1..1"
    for identifier in org.get("identifier", []):
        if identifier["system"] == _NPI:
            assert re.fullmatch(r"[0-9]{10}", identifier["value"]), "us-core-16: NPI 10 digits"


@pytest.mark.parametrize("person", claiming(US_CORE_PRACTITIONER), ids=ids)
def test_us_core_practitioner(person: Resource) -> None:
    assert person["identifier"], "Practitioner.identifier 1..*"
    assert all(i["system"] and i["value"] for i in person["identifier"])
    assert person["name"] and all(n["family"] for n in person["name"]), (
        "Practitioner.name 1..*, name.family 1..1"
    )


@pytest.mark.parametrize("role", claiming(US_CORE_PRACTITIONER_ROLE), ids=ids)
def test_us_core_practitioner_role(role: Resource) -> None:
    assert role.get("telecom") or role.get("endpoint"), "pd-1: telecom or endpoint"
    for telecom in role.get("telecom", []):
        assert telecom["system"] and telecom["value"], "PractitionerRole.telecom.system/value 1..1"
    assert role.get("practitioner") or role.get("organization"), "us-core-13"
    by_url = entries_by_url()
    assert target_kind(by_url, role["organization"]["reference"]) == "Organization"


@pytest.mark.parametrize("role", claiming(SDOHCC_PRACTITIONER_ROLE), ids=ids)
def test_sdohcc_practitioner_role(role: Resource) -> None:
    by_url = entries_by_url()
    assert target_kind(by_url, role["practitioner"]["reference"]) == "Practitioner", (
        "SDOHCC PractitionerRole.practitioner 1..1"
    )
    assert target_kind(by_url, role["organization"]["reference"]) == "Organization", (
        "SDOHCC PractitionerRole.organization 1..1"
    )
