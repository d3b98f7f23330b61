"""The stuck-referral report with fixed clocks: calendar days in the clinic's zone, DST included."""

import json
from datetime import UTC, datetime, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from commcare_ext.followup import (
    Attention,
    ReferralTaskError,
    ReportOptionError,
    StuckPolicy,
    TaskStatus,
    Unreadable,
    mark_outcome_reviewed,
    parse_days,
    parse_referral_task,
    referral_report,
    referrals_summary_section,
    report_json,
    summary_section,
)
from commcare_ext.followup.follow import Referrals
from commcare_ext.followup.report import whole_days
from commcare_ext.followup.state import ReferralState
from commcare_ext.summary import summary_html, summary_text
from tests.budget import cases
from tests.fixtures import load_example
from tests.followup.helpers import extracted_task, recipient_update

S = TaskStatus
NEW_YORK = ZoneInfo("America/New_York")
SEVEN_DAYS = StuckPolicy({S.REQUESTED: 7, S.ACCEPTED: 14}, NEW_YORK)


def _state(status: TaskStatus = S.REQUESTED, *, changed: str, **kw: Any) -> ReferralState:
    task = extracted_task()
    task["status"] = status.value
    task["lastModified"] = changed
    task.update(kw)
    return parse_referral_task(task)


def _one(state: ReferralState, now: datetime, policy: StuckPolicy = SEVEN_DAYS) -> Any:
    (entry,) = referral_report([state], now=now, policy=policy)
    return entry


def test_seven_days_means_the_same_wall_clock_time_a_week_later_across_the_november_change() -> (
    None
):
    # Thursday 29 Oct 2026 09:00 EDT; clocks go back on Sunday 1 Nov: the week has 169 hours.
    state = _state(changed="2026-10-29T09:00:00-04:00")
    utc_week = datetime(2026, 11, 5, 13, 0, tzinfo=UTC)  # 7 x 24 h later = 08:00 EST
    assert not _one(state, utc_week).stuck, "08:00 local is not yet a week"
    assert _one(state, utc_week, StuckPolicy({S.REQUESTED: 7}, UTC)).stuck, "in UTC it is"
    local_week = datetime(2026, 11, 5, 9, 0, tzinfo=NEW_YORK)  # 14:00Z
    entry = _one(state, local_week)
    assert entry.stuck
    assert entry.attention is Attention.NO_PROGRESS
    assert entry.days_without_progress == 7
    assert entry.reason == "no progress for 7 days in requested (limit 7 days)"
    assert _one(state, local_week - timedelta(seconds=1)).days_without_progress == 6


def test_the_march_change_makes_a_local_week_one_hour_shorter() -> None:
    state = _state(changed="2026-03-05T14:00:00Z")  # Thu 09:00 EST; clocks spring on 8 Mar
    assert _one(state, datetime(2026, 3, 12, 13, 0, tzinfo=UTC)).stuck  # 09:00 EDT
    assert not _one(state, datetime(2026, 3, 12, 12, 59, tzinfo=UTC)).stuck
    assert not _one(
        state, datetime(2026, 3, 12, 13, 0, tzinfo=UTC), StuckPolicy({S.REQUESTED: 7}, UTC)
    ).stuck


def test_a_change_in_the_repeated_hour_counts_from_the_instant_it_happened() -> None:
    # 01:30 EST (the second 01:30 of 1 Nov 2026) is 06:30Z; one day later is 2 Nov 01:30 EST.
    state = _state(changed="2026-11-01T06:30:00Z")
    policy = StuckPolicy({S.REQUESTED: 1}, NEW_YORK)
    assert _one(state, datetime(2026, 11, 2, 6, 30, tzinfo=UTC), policy).stuck
    assert not _one(state, datetime(2026, 11, 2, 6, 29, tzinfo=UTC), policy).stuck


def test_offsets_in_the_task_and_the_clock_do_not_matter_only_instants_do() -> None:
    state = _state(changed="2026-11-10T08:00:00+09:00")  # 2026-11-09T23:00Z = 18:00 EST
    now_tokyo = datetime(2026, 11, 17, 8, 0, tzinfo=ZoneInfo("Asia/Tokyo"))
    entry = _one(state, now_tokyo)
    assert entry.stuck
    assert entry.last_change == datetime(2026, 11, 9, 18, 0, tzinfo=NEW_YORK)
    assert entry.as_json()["last_change"] == "2026-11-09T18:00:00-05:00"


def test_each_status_has_its_own_limit() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    accepted = _state(S.ACCEPTED, changed="2026-11-10T12:00:00Z")  # 10 days
    requested = _state(S.REQUESTED, changed="2026-11-10T12:00:00Z")
    assert not _one(accepted, now).stuck
    assert _one(requested, now).stuck
    in_progress = _state(S.IN_PROGRESS, changed="2026-01-01T00:00:00Z")
    assert not _one(in_progress, now).stuck, "no limit for in-progress in this policy"


def test_finished_referrals_need_review_until_the_clinic_reviewed_them() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    base = recipient_update(extracted_task(), S.ACCEPTED, now=now)
    rejected = recipient_update(extracted_task(), S.REJECTED, now=now, reason="Group is full")
    failed = recipient_update(base, S.FAILED, now=now)
    completed = recipient_update(base, S.COMPLETED, now=now, outputs=("Observation/o1",))
    cancelled = extracted_task() | {"status": "cancelled"}
    entries = {
        e.status: e
        for e in referral_report(
            [parse_referral_task(t) for t in (rejected, failed, completed, cancelled)], now=now
        )
    }
    assert entries["rejected"].reason == "rejected: Group is full"
    assert entries["failed"].reason == "failed: no reason given"
    assert entries["completed"].reason == "completed; outcome not reviewed (1 output)"
    assert entries["completed"].attention is Attention.OUTCOME_NOT_REVIEWED
    assert not entries["cancelled"].stuck
    reviewed = [
        parse_referral_task(mark_outcome_reviewed(now=now)(t) or {})
        for t in (rejected, failed, completed)
    ]
    assert not any(e.stuck for e in referral_report(reviewed, now=now))


def test_the_json_has_exactly_the_promised_shape_and_stuck_ones_come_first() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    fresh = _state(changed="2026-11-19T12:00:00Z", businessStatus={"text": "Left a voicemail"})
    old = _state(changed="2026-11-01T12:00:00Z")
    old_id = old.task
    report = report_json(referral_report([fresh, old], now=now))
    assert json.loads(json.dumps(report)) == report
    assert list(report) == ["referrals"]
    first, second = report["referrals"]
    assert set(first) == {"task", "status", "business_status", "last_change", "stuck", "reason"}
    assert first["task"] == old_id
    assert first["stuck"] is True
    assert second["business_status"] == "Left a voicemail"
    assert second["stuck"] is False
    assert second["reason"] is None
    assert second["last_change"] == "2026-11-19T12:00:00+00:00"


def test_an_unreadable_task_is_reported_never_dropped() -> None:
    error = ReferralTaskError([])
    try:
        parse_referral_task(extracted_task() | {"status": "bogus"})
    except ReferralTaskError as caught:
        error = caught
    referrals = Referrals((), (Unreadable("Task/9", error, "bogus"),))
    (entry,) = referral_report(referrals, now=datetime(2026, 11, 20, tzinfo=UTC))
    assert entry.attention is Attention.UNREADABLE
    assert entry.as_json() == {
        "task": "Task/9",
        "status": "bogus",
        "business_status": None,
        "last_change": None,
        "stuck": True,
        "reason": "unreadable Task: Task.status",
    }


def test_a_naive_clock_is_refused() -> None:
    with pytest.raises(ReportOptionError, match="timezone-aware"):
        referral_report([], now=datetime(2026, 11, 20))


@pytest.mark.parametrize(
    ("spec", "requested", "accepted"),
    [
        ("", 7, 14),
        ("14d", 14, 14),
        ("2w", 14, 14),
        ("requested=3d", 3, 14),
        ("accepted=1w, requested=2d", 2, 7),
    ],
)
def test_policies_parse(spec: str, requested: int, accepted: int) -> None:
    policy = StuckPolicy.parse(spec)
    assert policy.limits[S.REQUESTED] == requested
    assert policy.limits[S.ACCEPTED] == accepted


@pytest.mark.parametrize("spec", ["14", "14 days", "-3d", "completed=3d", "nonsense=3d", "d"])
def test_bad_policies_say_what_is_expected(spec: str) -> None:
    with pytest.raises(ReportOptionError, match=r"expected|final status"):
        StuckPolicy.parse(spec)


def test_durations() -> None:
    assert parse_days("14d") == 14
    assert parse_days(" 3w ") == 21
    with pytest.raises(ReportOptionError):
        parse_days("36h")


# -- property: as time passes a referral can become stuck, never un-stuck -----------------

_LONDON, _LORD_HOWE = ZoneInfo("Europe/London"), ZoneInfo("Australia/Lord_Howe")
#: Each zone with the days its clocks change in 2026 (Lord Howe moves by half an hour).
_CHANGES: list[tuple[tzinfo, datetime]] = [
    (zone, datetime(2026, month, day, tzinfo=UTC))
    for zone, month, day in (
        (NEW_YORK, 3, 8),
        (NEW_YORK, 11, 1),
        (_LONDON, 3, 29),
        (_LONDON, 10, 25),
        (_LORD_HOWE, 4, 5),
        (_LORD_HOWE, 10, 4),
    )
]
#: A zone and an instant: anywhere in two years, or in the 30 days before one of its changes.
_zoned_instants = st.one_of(
    st.tuples(
        st.sampled_from([UTC, NEW_YORK, _LONDON, _LORD_HOWE]),
        st.datetimes(
            min_value=datetime(2026, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
        ),
    ),
    st.builds(
        lambda pair, back: (pair[0], pair[1] - back),
        st.sampled_from(_CHANGES),
        st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=30)),
    ),
)


@settings(max_examples=cases(400), deadline=None)
@example(  # 7 days after 01:45 EDT on 25 Oct is the *first* 01:45 of 1 Nov; 40 min later
    # the wall clock reads 01:30 EST again: a wall-clock difference would un-stick it
    where=(NEW_YORK, datetime(2026, 10, 25, 5, 45, tzinfo=UTC)),
    elapsed=timedelta(days=7, minutes=5),
    near=False,
    later=timedelta(minutes=40),
    limit=7,
)
@given(
    where=_zoned_instants,
    elapsed=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=40)),
    near=st.booleans(),
    later=st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=3)),
    limit=st.integers(min_value=1, max_value=30),
)
def test_stuck_is_monotonic_in_time_and_agrees_with_local_calendar_days(
    where: tuple[tzinfo, datetime],
    elapsed: timedelta,
    near: bool,
    later: timedelta,
    limit: int,
) -> None:
    zone, changed = where
    if near:  # within two hours of the deadline, where 24-hour and calendar days disagree
        elapsed = timedelta(days=limit) + elapsed % timedelta(hours=4) - timedelta(hours=2)
    state = _state(changed=changed.isoformat())
    policy = StuckPolicy({S.REQUESTED: limit}, zone)
    t1 = changed + max(elapsed, timedelta(0))
    t2 = t1 + later
    e1, e2 = _one(state, t1, policy), _one(state, t2, policy)
    assert e1.days_without_progress <= e2.days_without_progress
    assert not (e1.stuck and not e2.stuck), "a stuck referral became un-stuck as time passed"
    assert e1.stuck == (whole_days(changed, t1, zone) >= limit)
    wall = changed.astimezone(zone).replace(tzinfo=None) + timedelta(days=limit)
    assert e1.stuck == (t1 >= wall.replace(tzinfo=zone)), "limit is in local calendar days"


def test_the_summary_section_lists_each_referral_and_alerts_when_needed() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    old = _state(changed="2026-11-01T12:00:00Z", businessStatus={"text": "Voicemail left"})
    section = summary_section(referral_report([old], now=now), {old.task: "Peer support group"})
    assert section.title == "Referrals: where they stand"
    assert section.table_header == ("Referral", "Status", "Last change", "Needs attention")
    assert section.table == (
        (
            "Peer support group",
            "requested (Voicemail left)",
            "2026-11-01",
            "no progress for 19 days in requested (limit 7 days)",
        ),
    )
    assert section.alert == "1 referral(s) need attention"
    assert summary_section([]).alert is None


def test_the_clinician_summary_shows_where_each_referral_stands() -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    old = _state(changed="2026-11-01T12:00:00Z", businessStatus={"text": "Voicemail left"})
    section = referrals_summary_section(
        referral_report([old], now=now), {old.task: "Peer support group"}
    )
    intake = load_example("maria-garcia")
    html = summary_html(intake, extra_sections=[section])
    text = summary_text(intake, extra_sections=[section])
    for shown in (html, text):
        assert "Referrals: where they stand" in shown
        assert "Peer support group" in shown
        assert "1 referral(s) need attention" in shown
    assert "Referrals: where they stand" not in summary_html(intake)


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans", "ar"])
def test_the_summary_section_speaks_the_summarys_language(language: str) -> None:
    now = datetime(2026, 11, 20, 12, 0, tzinfo=UTC)
    old = _state(changed="2026-11-01T12:00:00Z")
    entries = referral_report([old], now=now)
    english = summary_section(entries)
    section = summary_section(entries, {old.task: "X"}, language=language)
    assert section.title != english.title
    assert not set(section.table_header) & set(english.table_header)
    assert section.alert is not None
    assert "need attention" not in section.alert
    (row,) = section.table
    assert "no progress" not in row[3]
    assert "19" in row[3]  # the days, filled in after translation
    assert entries[0].reason == "no progress for 19 days in requested (limit 7 days)"
