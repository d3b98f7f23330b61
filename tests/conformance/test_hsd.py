"""Human Services Directory IG 1.0.0 (STU1): HSD Organization and HSD HealthcareService.

Element paths are the guide's (StructureDefinition-hsds-Organization and
StructureDefinition-hsds-HealthcareService); the example referral to a chosen directory
service (examples/match_supports.py) is what claims them.
"""

from datetime import datetime

import pytest

from commcare_ext.terminology.systems import (
    HSD_HEALTHCARE_SERVICE,
    HSD_ORGANIZATION,
    PLAN_NET_ORG_TYPE,
    US_CORE_ORGANIZATION,
)
from tests.conformance.emitted import Resource, claiming, codings, entries_by_url, ids

# Plan-Net's contact-point extensions, which both HSD profiles fix to 0..0.
_FORBIDDEN_TELECOM_EXTENSIONS = {
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/contactpoint-availabletime",
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/via-intermediary",
}
_FORBIDDEN_SERVICE_EXTENSIONS = {
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/newpatients",
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/delivery-method",
}


def _instant(value: str) -> datetime:
    """A FHIR instant: date, time and zone, all present."""
    parsed = datetime.fromisoformat(value)
    assert "T" in value, "an instant has a time"
    assert parsed.tzinfo is not None, "an instant has a zone"
    return parsed


def _telecom_ok(resource: Resource, path: str) -> None:
    for telecom in resource.get("telecom", []):
        urls = {e["url"] for e in telecom.get("extension", [])}
        assert not urls & _FORBIDDEN_TELECOM_EXTENSIONS, f"{path}.telecom.extension 0..0"


@pytest.mark.parametrize("org", claiming(HSD_ORGANIZATION), ids=ids)
def test_hsd_organization(org: Resource) -> None:
    assert US_CORE_ORGANIZATION in org["meta"]["profile"], "HSDOrganization parent: US Core"
    _instant(org["meta"]["lastUpdated"])  # Organization.meta.lastUpdated 1..1
    assert org["active"] is True, "Organization.active 1..1, fixed true"
    assert org["name"], "Organization.name (MS)"
    assert "address" not in org, "Organization.address 0..0"
    assert "partOf" not in org, "Organization.partOf 0..0"
    assert org["type"], "Organization.type 1..*"
    assert all(codings(t) for t in org["type"]), "Organization.type from OrgTypeVS (extensible)"
    assert (PLAN_NET_ORG_TYPE, "atyprv") in codings(org["type"][0])
    for identifier in org.get("identifier", []):
        assert identifier["system"] and identifier["value"], (
            "Organization.identifier.system/value MS"
        )
    _telecom_ok(org, "Organization")


@pytest.mark.parametrize("service", claiming(HSD_HEALTHCARE_SERVICE), ids=ids)
def test_hsd_healthcare_service(service: Resource) -> None:
    _instant(service["meta"]["lastUpdated"])  # HealthcareService.meta.lastUpdated 1..1
    urls = {e["url"] for e in service.get("extension", [])}
    assert not urls & _FORBIDDEN_SERVICE_EXTENSIONS, "newpatients/deliverymethod 0..0"
    assert service["active"] is True, "HealthcareService.active 1..1, fixed true"
    provider = entries_by_url().get(service["providedBy"]["reference"])
    assert provider is not None, "HealthcareService.providedBy 1..1, in the Bundle"
    assert HSD_ORGANIZATION in provider["meta"]["profile"], (
        "HealthcareService.providedBy only Reference(HSDOrganization)"
    )
    assert len(service["category"]) == 1, "HealthcareService.category 1..1"
    assert service["category"][0].get("text") or service["category"][0].get("coding")
    assert service["name"], "HealthcareService.name (MS)"
    for identifier in service.get("identifier", []):
        assert identifier["value"], "HealthcareService.identifier.value (MS)"
    for telecom in service.get("telecom", []):
        assert telecom.get("use") == "work", "HealthcareService.telecom.use fixed work"
    _telecom_ok(service, "HealthcareService")
