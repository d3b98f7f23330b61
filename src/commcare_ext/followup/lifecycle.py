"""The referral Task lifecycle: which status may follow which, and who may make the move.

After the Gravity SDOH Clinical Care guide (SDOHCC Task for referral management, "Status
Management"): the clinic (requester) sends ``requested``; the recipient (performer) answers
``received``, ``accepted`` or ``rejected``, works (``in-progress``, ``on-hold``) and ends with
``completed`` or ``failed``; either side may cancel. One deliberate addition: the clinic may
also put a referral on hold (e.g. the patient asked to pause) and resume it; the guide lists
``on-hold`` as set by the responder, so a clinic hold is marked (``HELD_FROM_EXTENSION``) and
only a hold the clinic made can be resumed by the clinic.
"""

from enum import StrEnum
from typing import Final


class TaskStatus(StrEnum):
    """FHIR R4 Task.status (http://hl7.org/fhir/task-status)."""

    DRAFT = "draft"
    REQUESTED = "requested"
    RECEIVED = "received"
    ACCEPTED = "accepted"
    REJECTED = "rejected"
    READY = "ready"
    CANCELLED = "cancelled"
    IN_PROGRESS = "in-progress"
    ON_HOLD = "on-hold"
    FAILED = "failed"
    COMPLETED = "completed"
    ENTERED_IN_ERROR = "entered-in-error"

    @property
    def is_final(self) -> bool:
        """True once nothing more will happen (the recipient's or the clinic's last word)."""
        return self in FINAL_STATUSES


class Actor(StrEnum):
    """Who changes the Task: the referring clinic or the organisation that fulfils it."""

    REQUESTER = "requester"
    PERFORMER = "performer"


S = TaskStatus
FINAL_STATUSES: Final = frozenset(
    {S.REJECTED, S.CANCELLED, S.FAILED, S.COMPLETED, S.ENTERED_IN_ERROR}
)
#: Statuses whose outcome the clinic reviews: what the recipient finally reported.
REVIEWABLE_STATUSES: Final = frozenset({S.COMPLETED, S.REJECTED, S.FAILED})
#: Statuses in which the referral is open and waiting for someone to act.
OPEN_STATUSES: Final = frozenset(set(S) - FINAL_STATUSES)

_PERFORMER: Final[dict[TaskStatus, frozenset[TaskStatus]]] = {
    S.REQUESTED: frozenset({S.RECEIVED, S.ACCEPTED, S.REJECTED, S.CANCELLED}),
    S.RECEIVED: frozenset({S.ACCEPTED, S.REJECTED, S.CANCELLED}),
    S.ACCEPTED: frozenset({S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.FAILED, S.CANCELLED}),
    S.READY: frozenset({S.IN_PROGRESS, S.ON_HOLD, S.COMPLETED, S.FAILED, S.CANCELLED}),
    S.IN_PROGRESS: frozenset({S.ON_HOLD, S.COMPLETED, S.FAILED, S.CANCELLED}),
    S.ON_HOLD: frozenset({S.IN_PROGRESS, S.FAILED, S.CANCELLED}),
}
_ACTIVE: Final = frozenset({S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.READY, S.IN_PROGRESS})
_REQUESTER: Final[dict[TaskStatus, frozenset[TaskStatus]]] = {
    S.DRAFT: frozenset({S.REQUESTED, S.CANCELLED, S.ENTERED_IN_ERROR}),
    **{status: frozenset({S.CANCELLED, S.ON_HOLD}) for status in _ACTIVE},
    # resuming a clinic hold returns to the status it paused (checked by the change itself)
    S.ON_HOLD: frozenset({S.CANCELLED} | _ACTIVE),
}
TRANSITIONS: Final[dict[Actor, dict[TaskStatus, frozenset[TaskStatus]]]] = {
    Actor.PERFORMER: _PERFORMER,
    Actor.REQUESTER: _REQUESTER,
}


def allowed(actor: Actor, current: TaskStatus, target: TaskStatus) -> bool:
    """Whether ``actor`` may move a referral Task from ``current`` to ``target``."""
    return target in TRANSITIONS[actor].get(current, frozenset())


def sources(actor: Actor, target: TaskStatus) -> tuple[TaskStatus, ...]:
    """Every status from which ``actor`` may move to ``target``, in lifecycle order."""
    return tuple(s for s in TaskStatus if allowed(actor, s, target))
