"""Referral Tasks as the clinic writes them, and the recipient's side of the lifecycle."""

import copy
from datetime import datetime
from typing import Any

from commcare_ext.extract import extract
from commcare_ext.followup import Actor, TaskStatus, allowed
from commcare_ext.instruments import MOS_SSS_ITEMS
from commcare_ext.terminology.followup import RESULTING_ACTIVITY
from commcare_ext.terminology.mos_sss import MOS_SSS_ANSWERS
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
    moves = status is current or allowed(Actor.PERFORMER, current, status)
    assert moves, f"performer cannot go {current} -> {status}"
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


def answered(
    prefilled: dict[str, Any],
    feedback: list[dict[str, Any]],
    mos: dict[int, int],
) -> dict[str, Any]:
    """What a patient submits: the pre-filled response with their answers, completed.

    ``feedback`` holds, per referral group, the extra items (linkId -> list of answers).
    """
    response = copy.deepcopy(prefilled)
    response["status"] = "completed"
    for group, extra in zip(response["item"], feedback, strict=True):
        group["item"] += [{"linkId": k, "answer": v} for k, v in extra.items()]
    codes = {value: a.code.as_coding() for value, a in MOS_SSS_ANSWERS.items()}
    response["item"].append(
        {
            "linkId": "social-support",
            "item": [
                {
                    "linkId": f"social-support.{i.key}",
                    "answer": [{"valueCoding": codes[mos[i.number]]}],
                }
                for i in MOS_SSS_ITEMS
                if i.number in mos
            ],
        }
    )
    return response


def coding(code: Any) -> list[dict[str, Any]]:
    """One coded answer."""
    return [{"valueCoding": code.as_coding()}]
