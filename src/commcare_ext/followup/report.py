"""The stuck-referral report: which referrals need the clinic now, and why (pure, clock injected).

A referral needs attention when it sat in an open status longer than that status allows,
when the recipient rejected it or could not complete it, when its completed outcome has not
been reviewed, or when its Task cannot be read at all (never silently left out).

Days are calendar days on the clinic's wall clock (``StuckPolicy.zone``): "7 days" after
Tuesday 09:00 is the next Tuesday 09:00 local time, however many hours a daylight-saving
change adds or removes in between. The deadline is then a fixed instant, so the report only
ever moves from "not stuck" to "stuck" as time passes (a deadline that falls in the hour a
spring change skips lands just after it).
"""

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, tzinfo
from enum import StrEnum
from types import MappingProxyType
from typing import Any, Final

from commcare_ext.followup.errors import ReportOptionError
from commcare_ext.followup.follow import Referrals, Unreadable
from commcare_ext.followup.lifecycle import OPEN_STATUSES, REVIEWABLE_STATUSES, TaskStatus
from commcare_ext.followup.state import ReferralState
from commcare_ext.followup.words import followup_word, reason_text
from commcare_ext.summary import Section

S = TaskStatus
#: A reason as (key of the follow-up words, its values).
_Reason = tuple[str, dict[str, str]]
#: Our default patience per open status, in days (a clinic sets its own; no guide fixes these).
DEFAULT_LIMITS: Final[Mapping[TaskStatus, int]] = MappingProxyType(
    {
        S.DRAFT: 7,
        S.REQUESTED: 7,
        S.RECEIVED: 7,
        S.ACCEPTED: 14,
        S.READY: 14,
        S.IN_PROGRESS: 30,
        S.ON_HOLD: 30,
    }
)
_REVIEWED_BY_CLINIC: Final = REVIEWABLE_STATUSES
_DURATION = re.compile(r"^\s*(\d{1,4})\s*([dw])\s*$")


def parse_days(text: str) -> int:
    """A duration such as ``14d`` or ``2w`` as a number of days."""
    match = _DURATION.match(text)
    if match is None:
        msg = "expected a duration such as 14d (days) or 2w (weeks)"
        raise ReportOptionError(msg)
    number = int(match[1])
    return number * 7 if match[2] == "w" else number


@dataclass(frozen=True, slots=True)
class StuckPolicy:
    """How long each open status may last, in calendar days of the clinic's ``zone``."""

    limits: Mapping[TaskStatus, int] = field(default_factory=lambda: dict(DEFAULT_LIMITS))
    zone: tzinfo = UTC

    @classmethod
    def parse(cls, spec: str, zone: tzinfo = UTC) -> "StuckPolicy":
        """``14d`` (every open status) or ``requested=7d,accepted=14d`` (the rest: defaults)."""
        limits = dict(DEFAULT_LIMITS)
        for part in (p for p in spec.split(",") if p.strip()):
            name, sep, duration = part.partition("=")
            if not sep:
                days = parse_days(name)
                limits = dict.fromkeys(OPEN_STATUSES, days)
                continue
            try:
                status = TaskStatus(name.strip())
            except ValueError:
                msg = "expected status=duration with an open task status (requested, accepted, ...)"
                raise ReportOptionError(msg) from None
            if status not in OPEN_STATUSES:
                msg = f"{status.value} is a final status: nothing can be stuck in it"
                raise ReportOptionError(msg)
            limits[status] = parse_days(duration)
        return cls(limits, zone)


class Attention(StrEnum):
    """Why a referral is in the report's "needs attention" group."""

    NONE = "none"
    NO_PROGRESS = "no-progress"
    REJECTED = "rejected"
    FAILED = "failed"
    OUTCOME_NOT_REVIEWED = "outcome-not-reviewed"
    UNREADABLE = "unreadable"


@dataclass(frozen=True, slots=True)
class ReportEntry:
    """One referral Task in the report."""

    task: str
    status: str
    business_status: str | None
    last_change: datetime | None
    attention: Attention
    reason: str | None
    days_without_progress: int | None = None
    patient: str | None = None
    #: The reason as a key of the follow-up words and its values, for other languages.
    reason_key: str | None = None
    reason_values: Mapping[str, str] = field(default_factory=dict)

    def reason_in(self, language: str) -> str | None:
        """The reason in ``language`` (the catalogues' words), None when there is none."""
        if self.reason_key is None:
            return self.reason
        return reason_text(language, self.reason_key, self.reason_values)

    @property
    def stuck(self) -> bool:
        """True when the referral needs the clinic's attention."""
        return self.attention is not Attention.NONE

    def as_json(self) -> dict[str, Any]:
        """The entry as the CLI's ``--json`` prints it."""
        return {
            "task": self.task,
            "status": self.status,
            "business_status": self.business_status,
            "last_change": self.last_change.isoformat() if self.last_change else None,
            "stuck": self.stuck,
            "reason": self.reason,
        }


def referral_report(
    referrals: Referrals | Iterable[ReferralState],
    *,
    now: datetime,
    policy: StuckPolicy = StuckPolicy(),
) -> tuple[ReportEntry, ...]:
    """One entry per referral Task; those needing attention first, oldest change first."""
    if now.tzinfo is None or now.utcoffset() is None:
        msg = "now must be timezone-aware (a naive time has no fixed instant)"
        raise ReportOptionError(msg)
    if isinstance(referrals, Referrals):
        states, unreadable = referrals.states, referrals.unreadable
    else:
        states, unreadable = tuple(referrals), ()
    entries = [_entry(state, now, policy) for state in states]
    entries += [_unreadable(item) for item in unreadable]
    far_past = datetime.min.replace(tzinfo=UTC)
    entries.sort(key=lambda e: (not e.stuck, e.last_change or far_past, e.task))
    return tuple(entries)


def report_json(entries: Iterable[ReportEntry]) -> dict[str, Any]:
    """``{"referrals": [...]}``, one object per referral Task."""
    return {"referrals": [entry.as_json() for entry in entries]}


def whole_days(since: datetime, now: datetime, zone: tzinfo) -> int:
    """Whole calendar days on ``zone``'s wall clock from ``since`` to ``now`` (0 if not yet one)."""
    start = since.astimezone(zone).replace(tzinfo=None)
    days = max((now.astimezone(zone).replace(tzinfo=None) - start).days, 0)
    while days > 0 and _instant(start + timedelta(days=days), zone) > now:
        days -= 1
    while _instant(start + timedelta(days=days + 1), zone) <= now:
        days += 1
    return days


def _instant(wall: datetime, zone: tzinfo) -> datetime:
    """The instant a local wall-clock time names (first occurrence when it repeats)."""
    return wall.replace(tzinfo=zone, fold=0).astimezone(UTC)


def _entry(state: ReferralState, now: datetime, policy: StuckPolicy) -> ReportEntry:
    changed = state.last_change
    business = state.business_status.label if state.business_status else None
    days = whole_days(changed, now, policy.zone)

    def entry(attention: Attention, reason: _Reason | None) -> ReportEntry:
        key, values = reason if reason is not None else (None, {})
        return ReportEntry(
            task=state.task,
            status=state.status.value,
            business_status=business,
            last_change=changed.astimezone(policy.zone),
            attention=attention,
            reason=reason_text("en", key, values) if key is not None else None,
            days_without_progress=days if state.status in OPEN_STATUSES else None,
            patient=state.patient,
            reason_key=key,
            reason_values=values,
        )

    if state.status in OPEN_STATUSES:
        limit = policy.limits.get(state.status)
        if limit is not None and days >= limit:
            values = {"days": str(days), "status": state.status.value, "limit": str(limit)}
            return entry(Attention.NO_PROGRESS, ("no-progress", values))
        return entry(Attention.NONE, None)
    attention, reason = _final_attention(state)
    return entry(attention, reason)


def _final_attention(state: ReferralState) -> tuple[Attention, _Reason | None]:
    """Whether a finished referral still needs the clinic: an outcome nobody reviewed."""
    if state.outcome_reviewed or state.status not in _REVIEWED_BY_CLINIC:
        return Attention.NONE, None
    said = state.status_reason.label if state.status_reason else "no-reason"
    if state.status is S.REJECTED:
        return Attention.REJECTED, ("rejected", {"reason": said})
    if state.status is S.FAILED:
        return Attention.FAILED, ("failed", {"reason": said})
    return Attention.OUTCOME_NOT_REVIEWED, _unreviewed(state)


def _unreviewed(state: ReferralState) -> _Reason:
    reviewed = set().union(*(r.outputs for r in state.reviews if r.status is S.COMPLETED))
    if not state.reviews:
        outputs = len(state.outputs)
        return (
            ("not-reviewed-one", {}) if outputs == 1 else ("not-reviewed", {"count": str(outputs)})
        )
    new = len(state.output_references - reviewed)
    return ("added-one", {}) if new == 1 else ("added", {"count": str(new)})


def _unreadable(item: Unreadable) -> ReportEntry:
    values = {"paths": ", ".join(item.error.paths()[:3])}
    return ReportEntry(
        task=item.task,
        status=item.status or "unknown",
        business_status=None,
        last_change=None,
        attention=Attention.UNREADABLE,
        reason=reason_text("en", "unreadable", values),
        reason_key="unreadable",
        reason_values=values,
    )


#: The report's section is the clinician summary's own :class:`Section` (one section type);
#: the old name stays for callers that used it.
SummarySection = Section


def summary_section(
    entries: Iterable[ReportEntry],
    names: Mapping[str, str] | None = None,
    language: str = "en",
) -> Section:
    """The clinician summary's "Referrals" section (``names``: Task reference -> support name).

    Pass it as ``summary_html(intake, extra_sections=[...])``: the summary then shows where
    each referral stands and alerts on the ones that need attention, in ``language`` (the
    summary's), with the words from the catalogues.
    """
    names = names or {}
    shown = tuple(entries)
    rows = tuple(
        (
            names.get(e.task, e.task),
            e.status + (f" ({e.business_status})" if e.business_status else ""),
            e.last_change.date().isoformat()
            if e.last_change
            else followup_word(language, "unknown"),
            e.reason_in(language) or followup_word(language, "no"),
        )
        for e in shown
    )
    stuck = sum(e.stuck for e in shown)
    columns = ("column-referral", "column-status", "column-last-change", "column-attention")
    return Section(
        followup_word(language, "section-title"),
        table_header=tuple(followup_word(language, key) for key in columns),
        table=rows,
        alert=followup_word(language, "alert", count=str(stuck)) if stuck else None,
    )


#: The same function under the name the summary's callers know.
referrals_summary_section = summary_section
