"""Clinic changes: lifecycle-checked, idempotent, never touching what the recipient wrote."""

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from commcare_ext.followup import (
    Change,
    TaskStatus,
    TransitionNotAllowed,
    cancel,
    hold,
    mark_outcome_reviewed,
    parse_referral_task,
    resume,
)
from commcare_ext.terminology.followup import HELD_FROM_EXTENSION, OUTCOME_REVIEW_EXTENSION
from tests.budget import cases
from tests.followup.helpers import extracted_task, recipient_update

S = TaskStatus
NOW = datetime(2026, 11, 9, 14, 30, tzinfo=UTC)
#: The elements a clinic change may touch; everything else belongs to someone else.
CLINIC_ELEMENTS = {"status", "statusReason", "lastModified", "text", "extension"}


def _completed(*outputs: str) -> dict[str, Any]:
    accepted = recipient_update(extracted_task(), S.ACCEPTED, now=NOW)
    return recipient_update(accepted, S.COMPLETED, now=NOW, outputs=outputs)


def test_cancel_sets_status_reason_and_time_and_refreshes_the_narrative() -> None:
    task = extracted_task()
    out = cancel("Patient chose a group nearer home", now=NOW)(task)
    assert out is not None
    assert out["status"] == "cancelled"
    assert out["statusReason"] == {"text": "Patient chose a group nearer home"}
    assert out["lastModified"] == "2026-11-09T14:30:00+00:00"
    assert "cancelled" in out["text"]["div"]
    assert out["text"]["status"] == "generated"
    assert task["status"] == "requested", "the input is not modified"
    assert {k for k in out if out[k] != task.get(k)} == {
        "status",
        "statusReason",
        "lastModified",
        "text",
    }


def test_cancelling_what_the_recipient_completed_is_refused() -> None:
    with pytest.raises(TransitionNotAllowed) as caught:
        cancel("no longer needed", now=NOW)(_completed("Observation/1"))
    assert caught.value.current == "completed"
    assert "requested" in caught.value.allowed_from


def test_changes_are_idempotent() -> None:
    cancelled = cancel("moved away", now=NOW)(extracted_task())
    assert cancelled is not None
    assert cancel("moved away", now=NOW)(cancelled) is None
    held = hold("in hospital", now=NOW)(extracted_task())
    assert held is not None
    assert hold("in hospital", now=NOW)(held) is None


def test_hold_remembers_the_status_and_resume_restores_it() -> None:
    accepted = recipient_update(extracted_task(), S.ACCEPTED, now=NOW, business_status="Booked")
    held = hold("Patient asked to pause for two weeks", now=NOW)(accepted)
    assert held is not None
    assert held["status"] == "on-hold"
    assert {"url": HELD_FROM_EXTENSION, "valueCode": "accepted"} in held["extension"]
    assert parse_referral_task(held).held_from is S.ACCEPTED
    resumed = resume(now=NOW)(held)
    assert resumed is not None
    assert resumed["status"] == "accepted"
    assert "statusReason" not in resumed
    assert "extension" not in resumed
    assert resumed["businessStatus"] == {"text": "Booked"}
    assert resume(now=NOW)(resumed) is None, "nothing left to resume"


def test_a_hold_the_recipient_made_is_theirs_to_lift() -> None:
    accepted = recipient_update(extracted_task(), S.ACCEPTED, now=NOW)
    paused = recipient_update(accepted, S.ON_HOLD, now=NOW, reason="waiting list")
    with pytest.raises(TransitionNotAllowed, match="paused by the recipient"):
        resume(now=NOW)(paused)
    assert hold("x", now=NOW)(paused) is None, "already paused: nothing to add"


def test_a_reason_is_required_to_cancel_or_hold() -> None:
    with pytest.raises(ValueError, match=r"statusReason\.text"):
        cancel("  ", now=NOW)
    with pytest.raises(ValueError, match="reason"):
        hold("", now=NOW)


def test_review_covers_the_outputs_seen_and_a_later_output_reopens_it() -> None:
    task = _completed("Observation/attended-1")
    reviewed = mark_outcome_reviewed(now=NOW, reviewer="Practitioner/dr-lee")(task)
    assert reviewed is not None
    state = parse_referral_task(reviewed)
    assert state.outcome_reviewed
    (review,) = state.reviews
    assert review.outputs == {"Observation/attended-1"}
    assert review.reviewer == "Practitioner/dr-lee"
    assert review.status is S.COMPLETED
    assert mark_outcome_reviewed(now=NOW)(reviewed) is None
    later = copy.deepcopy(reviewed)
    later["output"].append(copy.deepcopy(later["output"][0]))
    later["output"][-1]["valueReference"]["reference"] = "Observation/attended-2"
    assert not parse_referral_task(later).outcome_reviewed
    again = mark_outcome_reviewed(now=NOW)(later)
    assert again is not None
    assert [e["url"] for e in again["extension"]] == [OUTCOME_REVIEW_EXTENSION] * 2
    assert parse_referral_task(again).outcome_reviewed


def test_only_a_finished_outcome_can_be_reviewed() -> None:
    with pytest.raises(TransitionNotAllowed) as caught:
        mark_outcome_reviewed(now=NOW)(extracted_task())
    assert caught.value.allowed_from == ("rejected", "failed", "completed")


def test_a_hand_written_narrative_is_kept() -> None:
    task = extracted_task()
    task["text"] = {
        "status": "additional",
        "div": '<div xmlns="http://www.w3.org/1999/xhtml">x</div>',
    }
    out = cancel("x", now=NOW)(task)
    assert out is not None
    assert out["text"] == task["text"]


# -- property: a clinic change never alters what anyone else wrote -------------------------

_json_leaf = st.one_of(st.text(max_size=8), st.integers(-5, 5), st.booleans())
_recipient_content = st.fixed_dictionaries(
    {},
    optional={
        "businessStatus": st.builds(lambda t: {"text": t}, st.text(min_size=1, max_size=12)),
        "note": st.lists(st.builds(lambda t: {"text": t}, st.text(min_size=1)), max_size=2),
        "input": st.lists(
            st.builds(lambda v: {"type": {"text": "in"}, "valueString": v}, st.text(min_size=1)),
            max_size=2,
        ),
        "output": st.lists(
            st.builds(
                lambda r: {"type": {"text": "done"}, "valueReference": {"reference": r}},
                st.sampled_from(["Procedure/1", "Observation/2", "Observation/3"]),
            ),
            max_size=3,
        ),
        "priority": st.sampled_from(["routine", "urgent"]),
        "description": st.text(max_size=20),
        "restriction": st.builds(lambda n: {"repetitions": n}, st.integers(1, 3)),
    },
)
_foreign_extension = st.builds(
    lambda v: {"url": "https://recipient.example.org/StructureDefinition/x", "valueString": v},
    st.text(min_size=1, max_size=8),
)
_CHANGES: list[tuple[str, Change]] = [
    ("cancel", cancel("no longer wanted", now=NOW)),
    ("hold", hold("paused", now=NOW)),
    ("resume", resume(now=NOW)),
    ("review", mark_outcome_reviewed(now=NOW)),
]


@settings(max_examples=cases(200), deadline=None)
@given(
    status=st.sampled_from(list(TaskStatus)),
    content=_recipient_content,
    foreign=st.lists(_foreign_extension, max_size=2),
    which=st.sampled_from(_CHANGES),
)
def test_a_clinic_change_preserves_everything_the_recipient_wrote(
    status: TaskStatus,
    content: dict[str, Any],
    foreign: list[dict[str, Any]],
    which: tuple[str, Change],
) -> None:
    task = {**extracted_task(), **copy.deepcopy(content), "status": status.value}
    if foreign:
        task["extension"] = copy.deepcopy(foreign)
    name, change = which
    try:
        out = change(task)
    except TransitionNotAllowed:
        return  # refused: nothing written at all
    if out is None:
        return
    for key in set(task) | set(out):
        if key not in CLINIC_ELEMENTS:
            assert out.get(key) == task.get(key), f"{name} changed {key}"
    for extension in foreign:
        assert extension in out.get("extension", []), f"{name} dropped a recipient extension"
