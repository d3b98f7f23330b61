"""The lifecycle table and reading referral Tasks into typed states (pure)."""

import itertools
from datetime import UTC, datetime, timedelta, timezone

import pytest

from commcare_ext.followup import (
    Actor,
    OutcomeKind,
    ReferralTaskError,
    TaskStatus,
    allowed,
    parse_referral_task,
)
from commcare_ext.followup.lifecycle import FINAL_STATUSES, OPEN_STATUSES, TRANSITIONS
from commcare_ext.terminology.followup import RESULTING_ACTIVITY
from tests.followup.helpers import extracted_task, recipient_update

S = TaskStatus
NOW = datetime(2026, 11, 5, 15, 0, tzinfo=UTC)


def test_the_recipient_walks_the_gravity_happy_path() -> None:
    path = [S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS, S.COMPLETED]
    for current, target in itertools.pairwise(path):
        assert allowed(Actor.PERFORMER, current, target)
        assert not allowed(Actor.REQUESTER, current, target), "only the recipient reports work"


@pytest.mark.parametrize("actor", list(Actor))
def test_nothing_leaves_a_final_status(actor: Actor) -> None:
    for final in FINAL_STATUSES:
        assert TRANSITIONS[actor].get(final, frozenset()) == frozenset()
    assert set(TaskStatus) == FINAL_STATUSES | OPEN_STATUSES


def test_the_clinic_may_cancel_or_pause_open_referrals_but_not_finished_ones() -> None:
    for status in (S.REQUESTED, S.RECEIVED, S.ACCEPTED, S.IN_PROGRESS):
        assert allowed(Actor.REQUESTER, status, S.CANCELLED)
        assert allowed(Actor.REQUESTER, status, S.ON_HOLD)
    for status in (S.COMPLETED, S.REJECTED, S.FAILED):
        assert not allowed(Actor.REQUESTER, status, S.CANCELLED)
    assert not allowed(Actor.PERFORMER, S.REQUESTED, S.COMPLETED), "accept before completing"


def test_an_extracted_referral_task_reads_as_requested() -> None:
    task = extracted_task()
    state = parse_referral_task(task)
    assert state.task == f"Task/{task['id']}"
    assert state.status is S.REQUESTED
    assert state.version_id == "1"
    assert state.focus == task["focus"]["reference"]
    assert state.patient == task["for"]["reference"]
    assert state.requester == task["requester"]["reference"]
    assert state.owner == task["owner"]["reference"]
    assert state.authored_on == datetime(2026, 11, 2, 15, 42, tzinfo=timezone(timedelta(hours=-6)))
    assert state.last_change == datetime(2026, 11, 2, 21, 42, tzinfo=UTC)  # meta.lastUpdated
    assert state.outputs == ()
    assert not state.outcome_reviewed
    assert state.identifiers == (
        "https://fhir.commcare-ext.org/identifier/task|int-2026-0412.referral-1",
    )


def test_outputs_are_typed_and_none_is_dropped() -> None:
    task = recipient_update(
        recipient_update(extracted_task(), S.ACCEPTED, now=NOW),
        S.COMPLETED,
        now=NOW,
        outputs=("Procedure/p1", "Observation/o1", "Goal/g1"),
    )
    task["output"].append(
        {
            "type": {"coding": [RESULTING_ACTIVITY.as_coding()]},
            "valueCodeableConcept": {"coding": [{"system": "http://snomed.info/sct", "code": "1"}]},
        }
    )
    task["output"].append({"type": {"text": "note"}, "valueString": "called twice"})
    state = parse_referral_task(task)
    assert [o.kind for o in state.outputs] == [
        OutcomeKind.PROCEDURE,
        OutcomeKind.OBSERVATION,
        OutcomeKind.REFERENCE,
        OutcomeKind.ACTIVITY_CODE,
        OutcomeKind.OTHER,
    ]
    assert [o.resulting_activity for o in state.outputs] == [True, True, True, True, False]
    assert state.outputs[4].element == "valueString"
    assert state.output_references == {"Procedure/p1", "Observation/o1", "Goal/g1"}
    assert state.last_change == NOW


def test_every_problem_is_reported_with_its_path_and_no_patient_text() -> None:
    task = extracted_task()
    task["status"] = "done"
    task["code"] = {"text": "call the patient"}
    task["focus"] = {"reference": "Patient/1"}
    task["authoredOn"] = "yesterday"
    task["lastModified"] = "2026-11-02T10:00"  # a time needs its zone
    task["statusReason"] = {"text": "Mrs García did not answer"}
    task["output"] = [{"type": {"text": "x"}}, {"type": {}, "valueReference": {"display": "x"}}]
    with pytest.raises(ReferralTaskError) as caught:
        parse_referral_task(task)
    assert caught.value.paths() == [
        "Task.status",
        "Task.code",
        "Task.focus",
        "Task.authoredOn",
        "Task.lastModified",
        "Task.output[0]",
        "Task.output[1].valueReference",
    ]
    assert "García" not in str(caught.value)
    assert "done" not in str(caught.value)


def test_not_a_task_is_refused() -> None:
    with pytest.raises(ReferralTaskError) as caught:
        parse_referral_task({"resourceType": "ServiceRequest"})
    assert caught.value.paths() == ["resourceType"]


def test_partial_dates_are_read_as_the_start_of_the_period_in_utc() -> None:
    task = extracted_task()
    task["authoredOn"] = "2026-11"
    del task["meta"]
    state = parse_referral_task(task)
    assert state.authored_on == datetime(2026, 11, 1, tzinfo=UTC)
    assert state.last_change == state.authored_on
    assert state.version_id is None


def test_reprs_hide_free_text() -> None:
    task = recipient_update(
        extracted_task(), S.REJECTED, now=NOW, reason="Patient moved to Dallas", business_status="x"
    )
    state = parse_referral_task(task)
    assert state.status_reason is not None
    assert state.status_reason.label == "Patient moved to Dallas"
    assert "Dallas" not in repr(state)
