"""Referral Tasks as the clinic writes them, and the recipient's side of the lifecycle."""

import copy
from datetime import datetime
from typing import Any

from commcare_ext.extract import extract
from commcare_ext.followup import Actor, TaskStatus, allowed
from commcare_ext.followup.codes import RESULTING_ACTIVITY
from tests.fixtures import context_for, load_example


def extracted_task(name: str = "maria-garcia", index: int = 0) -> dict[str, Any]:
    """The referral Task extraction makes for an example intake, as a server would store it."""
    intake = load_example(name)
    task = copy.deepcopy(extract(intake, context=context_for(intake)).tasks[index].resource)
    task["meta"] = {"versionId": "1", "lastUpdated": "2026-11-02T21:42:00.000Z"}
    return task


def recipient_update(
    task: dict[str, Any],
    status: TaskStatus,
    *,
    now: datetime,
    reason: str | None = None,
    business_status: str | None = None,
    outputs: tuple[str, ...] = (),
) -> dict[str, Any]:
    """What the recipient's system writes: a lifecycle move the guide allows the performer."""
    current = TaskStatus(task["status"])
    assert allowed(Actor.PERFORMER, current, status), f"performer cannot go {current} -> {status}"
    out = copy.deepcopy(task)
    out["status"] = status.value
    out["lastModified"] = now.isoformat()
    if reason is not None:
        out["statusReason"] = {"text": reason}
    else:
        out.pop("statusReason", None)
    if business_status is not None:
        out["businessStatus"] = {"text": business_status}
    for reference in outputs:
        out.setdefault("output", []).append(
            {
                "type": {"coding": [RESULTING_ACTIVITY.as_coding()]},
                "valueReference": {"reference": reference},
            }
        )
    return out
