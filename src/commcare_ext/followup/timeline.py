"""One patient's story after intake: referrals, what happened to them, and follow-ups.

Events come from the Task's version history when the server keeps one (``_history``): each
change of status, business status, outputs and the clinic's reviews becomes an event at the
time the Task says it happened. Without history only the current state is known, and the
timeline says so rather than inventing the steps in between.
"""

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from commcare_ext.client import FhirClient
from commcare_ext.followup.answers import FollowUpAnswers, ReferralFeedback
from commcare_ext.followup.errors import ReferralTaskError
from commcare_ext.followup.form import CHOICES_BY_LINK_ID, HELPFUL, OBSTACLES, REACHED
from commcare_ext.followup.lifecycle import TaskStatus
from commcare_ext.followup.progress import measurement_lines
from commcare_ext.followup.state import ReferralState, parse_referral_task
from commcare_ext.followup.transport import history
from commcare_ext.instruments import Comparison, InstrumentAnswers

#: Statuses a clinician should notice on the timeline.
_ATTENTION = frozenset(
    {TaskStatus.REJECTED, TaskStatus.FAILED, TaskStatus.CANCELLED, TaskStatus.ON_HOLD}
)


class EventKind(StrEnum):
    """What happened."""

    INTAKE = "intake"
    REFERRAL_MADE = "referral-made"
    STATUS_CHANGE = "status-change"
    UPDATE = "update"
    OUTCOME_REPORTED = "outcome-reported"
    OUTCOME_REVIEWED = "outcome-reviewed"
    FOLLOW_UP = "follow-up"


@dataclass(frozen=True, slots=True)
class TimelineEvent:
    """One dated event; ``details`` are lines for people (may hold the patient's words)."""

    when: datetime
    kind: EventKind
    title: str
    details: tuple[str, ...] = field(default=(), repr=False)
    referral: str | None = None
    attention: bool = False


@dataclass(frozen=True, slots=True)
class ReferralHistory:
    """A referral's name and its Task versions, oldest first (one version: no history)."""

    name: str
    versions: tuple[ReferralState, ...]
    complete: bool = True


@dataclass(frozen=True, slots=True)
class FollowUpEntry:
    """A follow-up as read, its comparisons with intake, and the referrals' names.

    ``comparison`` is one instrument's comparison (as before); ``comparisons`` any more
    (see ``compare_measures``).
    """

    answers: FollowUpAnswers
    comparison: Comparison | None = None
    names: Mapping[str, str] = field(default_factory=dict)
    comparisons: tuple[Comparison, ...] = ()


def timeline_events(
    *,
    intake_authored: datetime | None,
    referrals: Sequence[ReferralHistory] = (),
    follow_ups: Sequence[FollowUpEntry] = (),
    intake_measures: Mapping[str, InstrumentAnswers] | None = None,
) -> tuple[TimelineEvent, ...]:
    """Every event, oldest first (ties keep intake, referral, follow-up order).

    ``intake_measures`` (``Intake.measures``) puts each intake measurement on the intake's
    event; each follow-up lists its own, so every measurement is on the timeline.
    """
    events: list[TimelineEvent] = []
    if intake_authored is not None:
        details = tuple(measurement_lines(intake_measures or {}))
        events.append(TimelineEvent(intake_authored, EventKind.INTAKE, "Intake completed", details))
    for referral in referrals:
        events += _referral_events(referral)
    events += [_follow_up_event(entry) for entry in follow_ups]
    return tuple(sorted(events, key=lambda e: e.when))  # stable: same-time events keep order


def referral_history(client: FhirClient, state: ReferralState, name: str) -> ReferralHistory:
    """The referral's versions from ``_history``; just the current one if the server keeps none.

    A version that cannot be read as a referral Task is skipped and the history marked
    incomplete (the timeline then says so).
    """
    task_id = state.task.split("/", 1)[1]
    versions = history(client, "Task", task_id)
    if versions is None:
        return ReferralHistory(name, (state,), complete=False)
    states: list[ReferralState] = []
    complete = True
    for version in versions:
        try:
            states.append(parse_referral_task(version))
        except ReferralTaskError:
            complete = False
    return ReferralHistory(name, tuple(states) or (state,), complete=complete and bool(states))


def _referral_events(referral: ReferralHistory) -> list[TimelineEvent]:
    first = referral.versions[0]
    name = referral.name
    made_details = (
        () if referral.complete else ("Task history not available: steps may be missing",)
    )
    events = [
        TimelineEvent(
            first.authored_on,
            EventKind.REFERRAL_MADE,
            f"Referral made: {name}",
            made_details,
            first.task,
        )
    ]
    previous: ReferralState | None = None
    for state in referral.versions:
        events += _changes(previous, state, name)
        previous = state
    return events


def _changes(before: ReferralState | None, after: ReferralState, name: str) -> list[TimelineEvent]:
    events: list[TimelineEvent] = []
    when = after.last_change
    status_moved = (before.status if before else TaskStatus.REQUESTED) is not after.status
    business = after.business_status.label if after.business_status else None
    business_moved = business != (
        before.business_status.label if before and before.business_status else None
    )
    if status_moved or business_moved:
        details = []
        if business:
            details.append(f"Business status: {business}")
        if after.status_reason:
            details.append(f"Reason: {after.status_reason.label}")
        kind = EventKind.STATUS_CHANGE if status_moved else EventKind.UPDATE
        title = f"{name}: {after.status.value}" if status_moved else f"{name}: update"
        flag = status_moved and after.status in _ATTENTION
        events.append(TimelineEvent(when, kind, title, tuple(details), after.task, flag))
    seen = before.output_references if before else frozenset()
    for output in after.outputs:
        if output.reference and output.reference not in seen:
            events.append(
                TimelineEvent(
                    when,
                    EventKind.OUTCOME_REPORTED,
                    f"{name}: outcome reported",
                    (f"{output.kind.value.capitalize()}: {output.reference}",),
                    after.task,
                )
            )
    reviewed_before = set(before.reviews) if before else set()
    for review in after.reviews:
        if review not in reviewed_before:
            by = f" by {review.reviewer}" if review.reviewer else ""
            events.append(
                TimelineEvent(
                    review.reviewed,
                    EventKind.OUTCOME_REVIEWED,
                    f"{name}: outcome reviewed{by}",
                    (f"Reviewed status: {review.status.value}",),
                    after.task,
                )
            )
    return events


def _label(link_id: str, member: object) -> str:
    return next(c.code.display for c in CHOICES_BY_LINK_ID[link_id] if c.member is member)


def _feedback_line(feedback: ReferralFeedback, names: Mapping[str, str]) -> str:
    name = names.get(feedback.request) or feedback.support_name or feedback.request
    parts = [f"reached: {_label(REACHED, feedback.reached).lower()}"]
    if feedback.helpful is not None:
        parts.append(f"helpful: {_label(HELPFUL, feedback.helpful).lower()}")
    if feedback.obstacles:
        got = ", ".join(_label(OBSTACLES, o) for o in feedback.obstacles)
        parts.append(f"what got in the way: {got}")
    if feedback.obstacles_in_own_words:
        parts.append(f"in their words: {feedback.obstacles_in_own_words}")
    return f"{name} — " + "; ".join(parts)


def _follow_up_event(entry: FollowUpEntry) -> TimelineEvent:
    details = [_feedback_line(f, entry.names) for f in entry.answers.referrals]
    details += measurement_lines(entry.answers.measures)
    compared = [c for c in (entry.comparison, *entry.comparisons) if c is not None]
    for comparison in compared:
        details += comparison.statements()
    if entry.answers.measures and not compared:
        details.append("No baseline to compare with")
    return TimelineEvent(
        entry.answers.authored, EventKind.FOLLOW_UP, "Follow-up answered", tuple(details)
    )
