"""Deterministic ids and business identifiers: the same intake always yields the same ones."""

import uuid
from typing import Any

from commcare_ext.intake import Intake
from commcare_ext.terminology.systems import CANONICAL_BASE

_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, f"{CANONICAL_BASE}/intake")


def resource_id(intake: Intake, role: str) -> str:
    """A UUID derived from the patient identifier, the intake id and the resource's role."""
    seed = (
        f"{intake.patient.identifier_system}|{intake.patient.identifier_value}|"
        f"{intake.intake_id}|{role}"
    )
    return str(uuid.uuid5(_NAMESPACE, seed))


def business_identifier(intake: Intake, resource_type: str, role: str) -> dict[str, Any]:
    """The identifier conditional create matches on (``ifNoneExist``)."""
    return {
        "system": f"{CANONICAL_BASE}/identifier/{resource_type.lower()}",
        "value": f"{intake.intake_id}.{role}",
    }


def organization_id(system: str, value: str) -> str:
    """Organisations are shared across intakes: their id depends on their identifier only."""
    return str(uuid.uuid5(_NAMESPACE, f"Organization|{system}|{value}"))
