"""HealthcareService for a directory service chosen for a referral.

Like an Organization, a service is shared across intakes: its id depends on the directory
record only. It claims no profile: the Human Services Directory IG's HealthcareService
(Plan-Net based) asks for more than a referral knows (docs/profiles.md), and SDOHCC 2.3.0
profiles none.
"""

from typing import Any

from commcare_ext.extract.context import ServiceChoice
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import organization_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake.vocabulary import SupportType
from commcare_ext.terminology.answers import answer_set_for


def healthcare_service(
    service: ServiceChoice, kind: SupportType, org_ref: str
) -> ExtractedResource:
    """The chosen service, provided by ``org_ref``; CORE: its recipient needs to know it."""
    label = answer_set_for(SupportType).answer(kind).display_en
    resource: dict[str, Any] = {
        "resourceType": "HealthcareService",
        "id": organization_id(
            f"HealthcareService|{service.identifier_system}", service.identifier_value
        ),
        "text": narrative(service.name, [("Kind of help", label)]),
        "identifier": [{"system": service.identifier_system, "value": service.identifier_value}],
        "active": True,
        "providedBy": {"reference": org_ref},
        "category": [{"text": label}],
        "name": service.name,
    }
    return ExtractedResource(resource, DisclosureCategory.CORE)
