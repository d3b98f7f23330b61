"""HealthcareService for a directory service chosen for a referral.

Like an Organization, a service is shared across intakes: its id depends on the directory
record only. With the directory's timestamps for the service and its organisation it is an
HSD HealthcareService (Human Services Directory IG 1.0.0), which requires
``meta.lastUpdated`` and a provider that is an HSD Organization; without them it claims no
profile rather than invent a time (docs/profiles.md).
"""

from typing import Any

from commcare_ext.extract.context import ServiceChoice
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import organization_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake.vocabulary import SupportType
from commcare_ext.terminology.answers import answer_set_for
from commcare_ext.terminology.systems import HSD_HEALTHCARE_SERVICE, HSD_ORGANIZATION


def healthcare_service(
    service: ServiceChoice, kind: SupportType, provider: ExtractedResource
) -> ExtractedResource:
    """The chosen service, provided by ``provider``; CORE: its recipient needs to know it."""
    label = answer_set_for(SupportType).answer(kind).display_en
    resource: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": organization_id(
            f"HealthcareService|{service.identifier_system}", service.identifier_value
        ),
        "text": narrative(service.name, [("Kind of help", label)]),
        "identifier": [{"system": service.identifier_system, "value": service.identifier_value}],
        "active": True,
        "providedBy": {"reference": provider.reference},
        "category": [{"text": label}],
        "name": service.name,
    }
    provider_is_hsd = HSD_ORGANIZATION in provider.resource.get("meta", {}).get("profile", [])
    if service.directory_last_updated is not None and provider_is_hsd:
        resource["meta"] = {
            "lastUpdated": service.directory_last_updated.isoformat(),
            "profile": [HSD_HEALTHCARE_SERVICE],
        }
    return ExtractedResource(resource, DisclosureCategory.CORE)
