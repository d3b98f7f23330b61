"""Who and what a referral is about, for staff to act on: the patient's MRN, the service, the owner.

A report that names only Task ids sends staff hunting; one that names the patient (by the
clinic's medical record number, never by name: the report goes to schedulers and logs), the
kind of service and the organisation that holds the referral can be acted on at once. The
resources are read in three searches by ``_id``, whatever the number of Tasks.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from commcare_ext.client import FhirClient
from commcare_ext.followup.state import ReferralState
from commcare_ext.followup.transport import search_all
from commcare_ext.terminology.systems import V2_0203

#: Ids per ``_id`` search, so a long report does not make one enormous form.
_IDS_PER_SEARCH = 100


@dataclass(frozen=True, slots=True)
class Parties:
    """What staff need beside the Task: the patient's MRN, the service asked for, the owner."""

    patient_mrn: str | None = None
    service: str | None = None
    organisation: str | None = None


def referral_parties(client: FhirClient, states: Iterable[ReferralState]) -> dict[str, Parties]:
    """Task reference -> its :class:`Parties`, read from the server (missing parts are None)."""
    states = tuple(states)
    patients = _read(client, "Patient", (s.patient for s in states))
    requests = _read(client, "ServiceRequest", (s.focus for s in states))
    owners = {
        **_read(client, "Organization", (s.owner for s in states)),
        **_read(client, "HealthcareService", (s.owner for s in states)),
    }
    return {
        s.task: Parties(
            patient_mrn=mrn(patients.get(s.patient or "")),
            service=_concept_text(requests.get(s.focus, {}).get("code")),
            organisation=_name(owners.get(s.owner or "")),
        )
        for s in states
    }


def mrn(patient: Mapping[str, Any] | None) -> str | None:
    """The Patient's medical record number: the identifier typed ``MR``, else its first one."""
    if patient is None:
        return None
    identifiers = [i for i in patient.get("identifier") or () if isinstance(i, dict)]
    for identifier in identifiers:
        codings = (identifier.get("type") or {}).get("coding") or ()
        if any(
            isinstance(c, dict) and c.get("system") == V2_0203 and c.get("code") == "MR"
            for c in codings
        ):
            return _text(identifier.get("value"))
    return _text(identifiers[0].get("value")) if identifiers else None


def _read(
    client: FhirClient, kind: str, references: Iterable[str | None]
) -> dict[str, dict[str, Any]]:
    ids = sorted({r.removeprefix(f"{kind}/") for r in references if r and r.startswith(f"{kind}/")})
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(ids), _IDS_PER_SEARCH):
        chunk = ",".join(ids[start : start + _IDS_PER_SEARCH])
        for resource in search_all(client, kind, {"_id": chunk}):
            found[f"{kind}/{resource.get('id')}"] = resource
    return found


def _concept_text(concept: Any) -> str | None:
    if not isinstance(concept, dict):
        return None
    if text := _text(concept.get("text")):
        return text
    for coding in concept.get("coding") or ():
        if isinstance(coding, dict) and (display := _text(coding.get("display"))):
            return display
    return None


def _name(resource: Mapping[str, Any] | None) -> str | None:
    return _text(resource.get("name")) if resource is not None else None


def _text(value: Any) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
