"""Organization resources for the sending clinic and referral performers."""

from commcare_ext.extract.context import Organization
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import organization_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.terminology.systems import US_CORE_ORGANIZATION


def organization(org: Organization) -> ExtractedResource:
    """An Organization identified by its business identifier (shared across intakes)."""
    resource = {
        "resourceType": "Organization",
        "id": organization_id(org.identifier_system, org.identifier_value),
        "meta": {"profile": [US_CORE_ORGANIZATION]},
        "text": narrative(org.name, [("Phone", org.phone or "")]),
        "identifier": [{"system": org.identifier_system, "value": org.identifier_value}],
        "active": True,
        "name": org.name,
    }
    if org.phone:
        resource["telecom"] = [{"system": "phone", "value": org.phone, "use": "work"}]
    return ExtractedResource(resource, DisclosureCategory.CORE)
