"""Referrals on the real loopback server, and the recipient's system writing to them."""

import copy
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from commcare_ext.client import FhirClient
from commcare_ext.extract import extract
from commcare_ext.followup import TaskStatus
from commcare_ext.referral import transaction_bundle
from tests.client.helpers import MEDPLUM_MAX_TRANSACTION_ENTRIES
from tests.fixtures import context_for, load_example
from tests.followup.helpers import recipient_update


def clinic_client(url: str) -> FhirClient:
    """The clinic's client."""
    return FhirClient(url, max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES)


@dataclass(frozen=True)
class Posted:
    """What one intake left on the server: its patient and its referral Task ids."""

    patient: str
    tasks: tuple[str, ...]


def post_referrals(url: str, name: str = "maria-garcia") -> Posted:
    """Extract an example intake and post its transaction Bundle, as the clinic does."""
    intake = load_example(name)
    bundle = transaction_bundle(extract(intake, context=context_for(intake)))
    result = clinic_client(url).submit(bundle)
    tasks = tuple(
        result.references[e["fullUrl"]].split("/")[1]
        for e in bundle["entry"]
        if e["resource"]["resourceType"] == "Task"
    )
    patient = next(v for v in result.references.values() if v.startswith("Patient/"))
    return Posted(patient, tasks)


class Recipient:
    """The community organisation's system: reads and writes the Task with its own client."""

    def __init__(self, url: str) -> None:
        self.client = FhirClient(url)

    def move(
        self,
        task_id: str,
        status: TaskStatus,
        *,
        now: datetime,
        reason: str | None = None,
        business_status: str | None = None,
        outputs: tuple[str, ...] = (),
    ) -> dict[str, Any]:
        """Read the Task and write the next status (a plain PUT, as many systems do)."""
        task = self.client.read("Task", task_id)
        updated = recipient_update(
            task,
            status,
            now=now,
            reason=reason,
            business_status=business_status,
            outputs=outputs,
        )
        return self.client.update(updated)

    def report_attendance(self, patient: str, when: datetime) -> str:
        """The Observation the recipient records when the person came (returns its reference)."""
        observation = {
            "resourceType": "Observation",
            "status": "final",
            # text only: we know of no standard code for "attended a peer support meeting"
            "code": {"text": "Attended a peer support group meeting"},
            "subject": {"reference": patient},
            "effectiveDateTime": when.isoformat(),
            "valueBoolean": True,
        }
        created = self.client.create(copy.deepcopy(observation))
        return f"Observation/{created['id']}"
