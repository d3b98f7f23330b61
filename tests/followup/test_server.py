"""Following referrals on the real loopback server (Medplum's router): both sides, and a race."""

from collections.abc import Mapping
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from commcare_ext.followup import (
    Attention,
    OutcomeKind,
    PollCursor,
    ReferralConflict,
    ReferralScope,
    TaskStatus,
    TransitionNotAllowed,
    apply_change,
    cancel,
    change_referral,
    hold,
    mark_outcome_reviewed,
    poll_referrals,
    read_referrals,
    read_versioned,
    referral_report,
    update_if_match,
)
from commcare_ext.followup.transport import history, read_if_changed
from tests.followup.server import Recipient, clinic_client, post_referrals

pytestmark = pytest.mark.integration

S = TaskStatus
MONDAY = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


def test_the_clinic_sees_what_the_recipient_reports(server_url: str) -> None:
    posted = post_referrals(server_url)
    clinic = clinic_client(server_url)
    scope = ReferralScope(patient=posted.patient)
    before = read_referrals(clinic, scope)
    assert {s.status for s in before.states} == {S.REQUESTED}
    assert len(before.states) == 2
    assert before.unreadable == ()

    faith, peer = posted.tasks
    recipient = Recipient(server_url)
    recipient.move(faith, S.REJECTED, now=MONDAY, reason="No Spanish-speaking volunteer this term")
    recipient.move(peer, S.ACCEPTED, now=MONDAY, business_status="Intake call booked")
    recipient.move(peer, S.IN_PROGRESS, now=MONDAY + timedelta(days=2))
    attended = recipient.report_attendance(posted.patient, MONDAY + timedelta(days=6))
    recipient.move(peer, S.COMPLETED, now=MONDAY + timedelta(days=7), outputs=(attended,))

    seen = {s.task: s for s in read_referrals(clinic, scope).states}
    rejected, completed = seen[f"Task/{faith}"], seen[f"Task/{peer}"]
    assert rejected.status is S.REJECTED
    assert rejected.status_reason is not None
    assert rejected.status_reason.label == "No Spanish-speaking volunteer this term"
    assert completed.status is S.COMPLETED
    assert completed.business_status is not None
    assert completed.business_status.label == "Intake call booked"
    (output,) = completed.outputs
    assert output.kind is OutcomeKind.OBSERVATION
    assert output.reference == attended
    assert output.resulting_activity
    assert completed.last_change == MONDAY + timedelta(days=7)

    now = MONDAY + timedelta(days=8)
    report = {e.task: e for e in referral_report(seen.values(), now=now)}
    assert report[f"Task/{faith}"].reason == "rejected: No Spanish-speaking volunteer this term"
    assert report[f"Task/{peer}"].attention is Attention.OUTCOME_NOT_REVIEWED

    for task_id in (faith, peer):
        result = change_referral(clinic, task_id, mark_outcome_reviewed(now=now))
        assert result.written
        assert result.state.outcome_reviewed
    after = referral_report(read_referrals(clinic, scope), now=now)
    assert not any(e.stuck for e in after)


def test_a_stale_clinic_write_conflicts_and_nothing_the_recipient_wrote_is_lost(
    server_url: str,
) -> None:
    posted = post_referrals(server_url)
    task_id = posted.tasks[1]
    clinic = clinic_client(server_url)
    recipient = Recipient(server_url)
    recipient.move(task_id, S.ACCEPTED, now=MONDAY, business_status="Attending Thursdays")

    stale = read_versioned(clinic, "Task", task_id)  # the clinic reads: accepted
    attended = recipient.report_attendance(posted.patient, MONDAY + timedelta(days=3))
    recipient.move(task_id, S.COMPLETED, now=MONDAY + timedelta(days=4), outputs=(attended,))
    cancelled = cancel("Patient asked to stop", now=MONDAY + timedelta(days=5))(stale.resource)
    assert cancelled is not None, "decided on the stale copy, the cancel looks allowed"
    assert stale.if_match is not None
    with pytest.raises(ReferralConflict) as caught:
        update_if_match(clinic, cancelled, stale.if_match)
    assert caught.value.reference == f"Task/{task_id}"
    assert caught.value.version == stale.version_id

    def server_task() -> dict[str, Any]:
        return clinic.read("Task", task_id)

    kept = server_task()
    assert kept["status"] == "completed"
    assert kept["businessStatus"] == {"text": "Attending Thursdays"}
    assert kept["output"][0]["valueReference"]["reference"] == attended

    # the retry re-reads, sees the completed referral, and refuses to cancel it
    with pytest.raises(TransitionNotAllowed) as refused:
        change_referral(clinic, task_id, cancel("Patient asked to stop", now=MONDAY))
    assert refused.value.current == "completed"
    assert server_task() == kept, "nothing was written"


def test_retry_on_conflict_re_decides_on_the_fresh_task(server_url: str) -> None:
    posted = post_referrals(server_url)
    task_id = posted.tasks[0]
    clinic = clinic_client(server_url)
    recipient = Recipient(server_url)
    pause = hold("Patient in hospital for two weeks", now=MONDAY + timedelta(days=1))
    calls: list[str] = []

    def racing_hold(task: Mapping[str, Any]) -> dict[str, Any] | None:
        calls.append(task["status"])
        if len(calls) == 1:  # between the clinic's read and write, the recipient accepts
            recipient.move(task_id, S.ACCEPTED, now=MONDAY, business_status="Volunteer assigned")
        return pause(task)

    with pytest.raises(ReferralConflict):
        apply_change(clinic, task_id, racing_hold)
    result = change_referral(clinic, task_id, racing_hold)
    assert calls == ["requested", "accepted"]
    assert result.written
    assert result.state.status is S.ON_HOLD
    assert result.state.held_from is S.ACCEPTED, "the hold paused what the recipient had done"
    assert result.state.business_status is not None
    assert result.state.business_status.label == "Volunteer assigned"


def test_polling_an_unchanged_server_downloads_next_to_nothing(server_url: str) -> None:
    posted = post_referrals(server_url)
    post_referrals(server_url, "tran-van-minh")
    clinic = clinic_client(server_url)
    first = poll_referrals(clinic)
    assert len(first.changed.states) == 5
    assert first.cursor.last_updated is not None

    quiet = poll_referrals(clinic, cursor=first.cursor)
    assert quiet.changed.states == ()
    assert quiet.downloaded <= len(first.cursor.seen_at_last) < 5
    assert quiet.cursor == first.cursor

    Recipient(server_url).move(posted.tasks[0], S.RECEIVED, now=MONDAY)
    moved = poll_referrals(clinic, cursor=quiet.cursor)
    assert [s.task for s in moved.changed.states] == [f"Task/{posted.tasks[0]}"]
    assert moved.downloaded == len(quiet.cursor.seen_at_last) + 1
    assert poll_referrals(clinic, cursor=moved.cursor).changed.states == ()


def test_reading_follows_pages(server_url: str) -> None:
    for name in ("maria-garcia", "tran-van-minh"):
        post_referrals(server_url, name)
    clinic = clinic_client(server_url)
    every = read_referrals(clinic, ReferralScope(page_size=2))  # three pages
    assert len(every.states) == 5
    assert len({s.task for s in every.states}) == 5
    assert PollCursor() == PollCursor(None, frozenset())


def test_history_shows_each_status_oldest_first(server_url: str) -> None:
    task_id = post_referrals(server_url).tasks[0]
    recipient = Recipient(server_url)
    recipient.move(task_id, S.ACCEPTED, now=MONDAY)
    recipient.move(task_id, S.IN_PROGRESS, now=MONDAY + timedelta(hours=1))
    versions = history(clinic_client(server_url), "Task", task_id)
    assert versions is not None
    assert [v["status"] for v in versions] == ["requested", "accepted", "in-progress"]


def test_an_unchanged_task_is_not_read_again(server_url: str) -> None:
    task_id = post_referrals(server_url).tasks[0]
    clinic = clinic_client(server_url)
    known = read_versioned(clinic, "Task", task_id)
    assert known.etag is None, "Medplum's router sends no ETag: meta.versionId stands in"
    assert known.if_match == f'W/"{known.version_id}"'
    assert read_if_changed(clinic, known) is None
    Recipient(server_url).move(task_id, S.ACCEPTED, now=MONDAY)
    fresh = read_if_changed(clinic, known)
    assert fresh is not None
    assert fresh.resource["status"] == "accepted"
