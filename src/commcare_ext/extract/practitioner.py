"""The referring clinician as US Core Practitioner and (SDOHCC) PractitionerRole at the clinic."""

from typing import Any

from commcare_ext.extract._common import ref
from commcare_ext.extract.context import Clinician, Organization
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.errors import ExtractionError
from commcare_ext.extract.ids import organization_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.terminology.systems import (
    SDOHCC_PRACTITIONER_ROLE,
    US_CORE_PRACTITIONER,
    US_CORE_PRACTITIONER_ROLE,
)


def practitioner(clinician: Clinician) -> ExtractedResource:
    """The Practitioner, identified (and its id derived) from the clinician's identifier."""
    name: dict[str, Any] = {"family": clinician.family_name}
    if clinician.given_names:
        name["given"] = list(clinician.given_names)
    shown = " ".join((*clinician.given_names, clinician.family_name))
    resource = {
        "resourceType": "Practitioner",
        "id": organization_id(
            f"Practitioner|{clinician.identifier_system}", clinician.identifier_value
        ),
        "meta": {"profile": [US_CORE_PRACTITIONER]},
        "text": narrative(shown, [("Role", "Referring clinician")]),
        "identifier": [
            {"system": clinician.identifier_system, "value": clinician.identifier_value}
        ],
        "active": True,
        "name": [name],
    }
    return ExtractedResource(resource, DisclosureCategory.CORE)


def practitioner_role(
    clinician: Clinician, practitioner_ref: str, clinic: Organization, clinic_ref: str
) -> ExtractedResource:
    """The clinician's role at the clinic; raises :class:`ExtractionError` without a phone."""
    phone = clinician.phone or clinic.phone
    if phone is None:
        raise ExtractionError(
            "context.referring_clinician.phone",
            "a phone for the clinician or the clinic (US Core PractitionerRole pd-1)",
        )
    resource = {
        "resourceType": "PractitionerRole",
        "id": organization_id(
            f"PractitionerRole|{clinician.identifier_system}", clinician.identifier_value
        ),
        "meta": {"profile": [US_CORE_PRACTITIONER_ROLE, SDOHCC_PRACTITIONER_ROLE]},
        "text": narrative("Referring clinician", [("Organisation", clinic.name)]),
        "active": True,
        "practitioner": ref(practitioner_ref),
        "organization": ref(clinic_ref),
        "telecom": [{"system": "phone", "value": phone, "use": "work"}],
    }
    return ExtractedResource(resource, DisclosureCategory.CORE)
