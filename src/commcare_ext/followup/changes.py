"""The clinic's side of the lifecycle as pure change functions: Task JSON in, new Task JSON out.

A change reads the Task it is given, checks the lifecycle from *that* state and returns a copy
with only the clinic's elements changed (status, statusReason, lastModified, our extensions,
the generated narrative); everything the recipient wrote — outputs, businessStatus, notes,
extensions we do not know — is carried over untouched. A change returns None when the Task
already says what the clinic wants (so re-applying after a lost response writes nothing), and
raises :class:`TransitionNotAllowed` when the fresh state rules it out (e.g. cancelling a
referral the recipient completed). That is what makes re-read-and-retry safe.
"""

import copy
from collections.abc import Mapping
from datetime import datetime
from typing import Any, Protocol

from commcare_ext.fhir.narrative import narrative
from commcare_ext.followup.errors import TransitionNotAllowed
from commcare_ext.followup.lifecycle import (
    REVIEWABLE_STATUSES,
    Actor,
    TaskStatus,
    allowed,
    sources,
)
from commcare_ext.followup.state import ReferralState, parse_referral_task
from commcare_ext.followup.values import iso
from commcare_ext.terminology.followup import HELD_FROM_EXTENSION, OUTCOME_REVIEW_EXTENSION


class Change(Protocol):
    """A change: the current Task JSON -> the Task to write, or None when nothing needs writing."""

    def __call__(self, task: Mapping[str, Any], /) -> dict[str, Any] | None:
        """Decide on ``task`` as it is now; raise TransitionNotAllowed if it rules this out."""
        ...


_CLINIC = Actor.REQUESTER


def cancel(reason: str, *, now: datetime) -> Change:
    """Cancel the referral (the patient no longer wants it, or it went elsewhere)."""
    _require_reason(reason, "cancel")

    def change(task: Mapping[str, Any]) -> dict[str, Any] | None:
        state = parse_referral_task(task)
        if state.status is TaskStatus.CANCELLED:
            return None
        _check("cancel", state, TaskStatus.CANCELLED)
        out = _copy(task, TaskStatus.CANCELLED, reason, now)
        _drop_extension(out, HELD_FROM_EXTENSION)
        return _narrated(out)

    return change


def hold(reason: str, *, now: datetime) -> Change:
    """Pause the referral; the status it paused is recorded so that :func:`resume` restores it."""
    _require_reason(reason, "put on hold")

    def change(task: Mapping[str, Any]) -> dict[str, Any] | None:
        state = parse_referral_task(task)
        if state.status is TaskStatus.ON_HOLD:
            return None  # already paused (by us, or by the recipient): nothing to add
        _check("put on hold", state, TaskStatus.ON_HOLD)
        out = _copy(task, TaskStatus.ON_HOLD, reason, now)
        _drop_extension(out, HELD_FROM_EXTENSION)
        out.setdefault("extension", []).append(
            {"url": HELD_FROM_EXTENSION, "valueCode": state.status.value}
        )
        return _narrated(out)

    return change


def resume(*, now: datetime) -> Change:
    """Undo a clinic hold: back to the status it paused. A recipient's hold is theirs to lift."""

    def change(task: Mapping[str, Any]) -> dict[str, Any] | None:
        state = parse_referral_task(task)
        if state.status is not TaskStatus.ON_HOLD:
            if state.status.is_final:
                raise TransitionNotAllowed("resume", state.status.value, ("on-hold",))
            return None  # not paused (any more): nothing to resume
        if state.held_from is None:
            raise TransitionNotAllowed(
                "resume", "on-hold (paused by the recipient)", ("on-hold (paused by the clinic)",)
            )
        out = _copy(task, state.held_from, None, now)
        _drop_extension(out, HELD_FROM_EXTENSION)
        return _narrated(out)

    return change


def mark_outcome_reviewed(*, now: datetime, reviewer: str | None = None) -> Change:
    """Record that the clinic reviewed the outcome the recipient reported, and which outputs.

    The review names the status and every output it covered: an output the recipient adds
    later makes the outcome unreviewed again, so nothing slips past unseen.
    """

    def change(task: Mapping[str, Any]) -> dict[str, Any] | None:
        state = parse_referral_task(task)
        if state.status not in REVIEWABLE_STATUSES:
            raise TransitionNotAllowed(
                "mark the outcome reviewed of",
                state.status.value,
                tuple(s.value for s in TaskStatus if s in REVIEWABLE_STATUSES),
            )
        if state.outcome_reviewed:
            return None
        out = copy.deepcopy(dict(task))
        parts: list[dict[str, Any]] = [
            {"url": "reviewed", "valueDateTime": iso(now)},
            {"url": "status", "valueCode": state.status.value},
        ]
        parts += [
            {"url": "output", "valueReference": {"reference": reference}}
            for reference in sorted(state.output_references)
        ]
        if reviewer:
            parts.append({"url": "reviewer", "valueReference": {"reference": reviewer}})
        out.setdefault("extension", []).append(
            {"url": OUTCOME_REVIEW_EXTENSION, "extension": parts}
        )
        out["lastModified"] = iso(now)
        return _narrated(out)

    return change


def _require_reason(reason: str, action: str) -> None:
    if not reason or not reason.strip():
        # SDOHCC: statusReason.text should be given for cancelled and on-hold
        msg = f"a reason is required to {action} a referral (it becomes statusReason.text)"
        raise ValueError(msg)


def _check(action: str, state: ReferralState, target: TaskStatus) -> None:
    if not allowed(_CLINIC, state.status, target):
        raise TransitionNotAllowed(
            action, state.status.value, tuple(s.value for s in sources(_CLINIC, target))
        )


def _copy(
    task: Mapping[str, Any], status: TaskStatus, reason: str | None, now: datetime
) -> dict[str, Any]:
    out = copy.deepcopy(dict(task))
    out["status"] = status.value
    if reason is None:
        out.pop("statusReason", None)  # the reason applied to the status we leave
    else:
        out["statusReason"] = {"text": reason.strip()}
    out["lastModified"] = iso(now)
    return out


def _drop_extension(task: dict[str, Any], url: str) -> None:
    kept = [
        e for e in task.get("extension", []) if not (isinstance(e, dict) and e.get("url") == url)
    ]
    if kept:
        task["extension"] = kept
    else:
        task.pop("extension", None)


def _narrated(task: dict[str, Any]) -> dict[str, Any]:
    """Regenerate a *generated* narrative so the EHR screen shows the new status."""
    text = task.get("text")
    if isinstance(text, Mapping) and text.get("status") != "generated":
        return task  # someone wrote it by hand: theirs to keep
    state = parse_referral_task(task)
    rows = [("Status", state.status.value)]
    if state.business_status is not None:
        rows.append(("Business status", state.business_status.label))
    if state.status_reason is not None:
        rows.append(("Reason", state.status_reason.label))
    if state.status in REVIEWABLE_STATUSES:
        rows.append(("Outcome reviewed", "yes" if state.outcome_reviewed else "no"))
    task["text"] = narrative("Referral task", rows)
    return task
