"""Organization resources for the sending clinic and referral performers."""

from typing import Any

from commcare_ext.extract.context import Organization
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import organization_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.terminology.systems import (
    HSD_ORGANIZATION,
    PLAN_NET_ORG_TYPE,
    US_CORE_ORGANIZATION,
)


def organization(org: Organization) -> ExtractedResource:
    """An Organization identified by its business identifier (shared across intakes).

    One read from a human services directory (``directory_last_updated`` set) is also an HSD
    Organization: it carries the directory's timestamp and the type the guide's own examples
    give community organisations, Plan-Net's *Atypical Provider*.
    """
    resource: dict[str, Any] = {
        "resourceType": "Organization",
        "id": organization_id(org.identifier_system, org.identifier_value),
        "meta": {"profile": [US_CORE_ORGANIZATION]},
        "text": narrative(org.name, [("Phone", org.phone or "")]),
        "identifier": [{"system": org.identifier_system, "value": org.identifier_value}],
        "active": True,
        "name": org.name,
    }
    if org.directory_last_updated is not None:
        resource["meta"] = {
            "lastUpdated": org.directory_last_updated.isoformat(),
            "profile": [US_CORE_ORGANIZATION, HSD_ORGANIZATION],
        }
        resource["type"] = [
            {
                "coding": [
                    {"system": PLAN_NET_ORG_TYPE, "code": "atyprv", "display": "Atypical Provider"}
                ]
            }
        ]
    if org.phone:
        resource["telecom"] = [{"system": "phone", "value": org.phone, "use": "work"}]
    return ExtractedResource(resource, DisclosureCategory.CORE)
