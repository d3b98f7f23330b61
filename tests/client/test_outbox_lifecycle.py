"""The outbox lifecycle: a fixed Bundle is never silently ignored; list, requeue, discard.

Over an in-process transport (the server's answers scripted), so each state is reached
on cue; the real-server outbox tests are in test_outbox.py.
"""

import json
import os
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.client import (
    FhirClient,
    Outbox,
    OutboxError,
    RetryPolicy,
    SubmissionConflict,
    SubmissionStatus,
    UnknownSubmission,
)
from tests.client.transports import (
    BASE,
    CAPABILITY_STATEMENT,
    ScriptedTransport,
    Sleeps,
    fhir,
    outcome,
    small_bundle,
    transaction_response,
)

REJECTED = fhir(
    422, outcome("invalid", expression=["Bundle.entry[1].resource.birthDate"], diagnostics="x")
)


def _outbox(path: Path, *answers: Any) -> tuple[Outbox, ScriptedTransport]:
    transport = ScriptedTransport(fhir(200, CAPABILITY_STATEMENT), *answers)
    client = FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=1))
    return Outbox(path, client), transport


def _fixed(bundle: dict[str, Any]) -> dict[str, Any]:
    fixed: dict[str, Any] = json.loads(json.dumps(bundle))
    fixed["entry"][1]["resource"]["birthDate"] = "1984-03-02"
    return fixed


def _sent(transport: ScriptedTransport) -> list[dict[str, Any]]:
    return [json.loads(r.content) for r in transport.requests if r.content]


def test_a_fixed_bundle_under_a_rejected_id_is_refused_until_requeued(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    bundle = small_bundle()
    outbox, _ = _outbox(path, REJECTED)
    rejected = outbox.submit(bundle)
    assert rejected.status is SubmissionStatus.REJECTED
    fixed = _fixed(bundle)
    assert fixed["id"] == bundle["id"]
    with pytest.raises(SubmissionConflict) as caught:  # never silently "still rejected"
        outbox.submit(fixed)
    assert caught.value.status == SubmissionStatus.REJECTED
    assert "requeue" in str(caught.value)
    requeued = outbox.requeue(rejected.id, fixed)
    assert requeued.status is SubmissionStatus.PENDING
    assert requeued.outcome is None
    assert requeued.error is None
    outbox, transport = _outbox(path, transaction_response)
    [done] = outbox.flush()
    assert done.status is SubmissionStatus.DONE
    assert _sent(transport)[-1]["entry"][1]["resource"]["birthDate"] == "1984-03-02"
    assert outbox.submit(fixed) == done  # the same content again: the same submission


def test_different_content_under_a_finished_id_raises(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    bundle = small_bundle()
    outbox, _ = _outbox(path, transaction_response)
    assert outbox.submit(bundle).status is SubmissionStatus.DONE
    reordered = dict(reversed(list(bundle.items())))  # same content, other key order
    assert outbox.submit(reordered).status is SubmissionStatus.DONE
    with pytest.raises(SubmissionConflict) as caught:
        outbox.submit(_fixed(bundle))
    assert caught.value.status == SubmissionStatus.DONE
    with pytest.raises(SubmissionConflict):
        outbox.requeue(bundle["id"], _fixed(bundle))
    with pytest.raises(SubmissionConflict):
        outbox.discard(bundle["id"], "changed my mind")


def test_list_and_discard_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    outbox, _ = _outbox(path, REJECTED, transaction_response)
    rejected = outbox.submit(small_bundle("first"))
    done = outbox.submit(small_bundle("second"))
    assert [s.status for s in outbox.list()] == [SubmissionStatus.REJECTED, SubmissionStatus.DONE]
    assert [s.id for s in outbox.list(SubmissionStatus.REJECTED)] == [rejected.id]
    with pytest.raises(OutboxError):
        outbox.discard(rejected.id, "  ")
    discarded = outbox.discard(rejected.id, "duplicate of an existing referral")
    assert discarded.status is SubmissionStatus.DISCARDED
    assert discarded.reason == "duplicate of an existing referral"
    assert discarded.outcome == rejected.outcome  # the server's answer is kept for the record
    assert "duplicate" not in repr(discarded)
    assert outbox.list(SubmissionStatus.DISCARDED) == [discarded]
    assert outbox.rejected() == []
    assert outbox.flush() == []  # nothing discarded is sent
    with sqlite3.connect(path) as db:
        [(stored,)] = db.execute("SELECT bundle FROM submissions WHERE id = ?", (rejected.id,))
    assert stored == ""  # the Bundle (PHI) is erased
    assert outbox.submit(small_bundle("first")).status is SubmissionStatus.DISCARDED
    with pytest.raises(SubmissionConflict):
        outbox.requeue(rejected.id)  # its Bundle is gone: requeue needs it
    assert outbox.requeue(rejected.id, small_bundle("first")).status is SubmissionStatus.PENDING
    assert done.status is SubmissionStatus.DONE


def test_unknown_ids_are_a_typed_lookup_error(tmp_path: Path) -> None:
    outbox, _ = _outbox(tmp_path / "outbox.db")
    actions: list[Callable[[], object]] = [
        lambda: outbox.get("nope"),
        lambda: outbox.requeue("nope"),
        lambda: outbox.discard("nope", "why"),
    ]
    for action in actions:
        with pytest.raises(UnknownSubmission):
            action()
    assert issubclass(UnknownSubmission, LookupError)


def test_a_row_being_sent_cannot_be_requeued_or_discarded(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    outbox, _ = _outbox(path)  # no answer after metadata: the submission stays pending
    pending = outbox.submit(small_bundle())
    with sqlite3.connect(path) as db:
        db.execute("UPDATE submissions SET lease_until = 9e18 WHERE id = ?", (pending.id,))
    with pytest.raises(SubmissionConflict):
        outbox.requeue(pending.id, _fixed(small_bundle()))
    with pytest.raises(SubmissionConflict):
        outbox.discard(pending.id, "why")


def test_an_outbox_file_from_before_content_hashes_is_upgraded(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    bundle = small_bundle()
    with sqlite3.connect(path) as db:
        db.execute(
            "CREATE TABLE submissions (id TEXT PRIMARY KEY, bundle TEXT NOT NULL, status TEXT "
            "NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, error TEXT, outcome TEXT, result "
            "TEXT, lease_until REAL NOT NULL DEFAULT 0, created REAL NOT NULL, updated REAL "
            "NOT NULL)"
        )
        db.execute(
            "INSERT INTO submissions (id, bundle, status, created, updated) "
            "VALUES (?, ?, 'done', 1, 1)",
            (bundle["id"], json.dumps(bundle)),
        )
    outbox, transport = _outbox(path)
    assert outbox.submit(bundle).status is SubmissionStatus.DONE
    assert transport.requests == []
    with pytest.raises(SubmissionConflict):
        outbox.submit(_fixed(bundle))


@pytest.fixture
def open_umask() -> Iterator[None]:
    """A umask that hides nothing, so only the outbox itself can make its files private."""
    previous = os.umask(0)
    try:
        yield
    finally:
        os.umask(previous)


@pytest.mark.usefixtures("open_umask")
def test_the_database_and_its_journal_files_are_private(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    outbox, _ = _outbox(path, transaction_response)
    with sqlite3.connect(path) as reader:  # an open connection keeps the -wal/-shm files
        reader.execute("SELECT count(*) FROM submissions").fetchone()
        outbox.submit(small_bundle())
        files = sorted(tmp_path.glob("outbox.db*"))
        assert {f.name for f in files} >= {"outbox.db", "outbox.db-wal", "outbox.db-shm"}
        modes = {f.name: stat.S_IMODE(f.stat().st_mode) for f in files}
    assert set(modes.values()) == {0o600}, modes


def test_an_existing_database_readable_by_others_is_narrowed(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    path.touch(mode=0o644)
    path.chmod(0o644)
    _outbox(path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600


def test_a_discarded_bundle_leaves_no_trace_in_the_file(tmp_path: Path) -> None:
    """Erased, not just unlinked: SQLite's secure_delete overwrites the freed pages.

    Debian's SQLite has it on by default; the outbox turns it on for builds that do not.
    With ``PRAGMA secure_delete=OFF`` in the outbox this test fails.
    """
    path = tmp_path / "outbox.db"
    bundle = {**small_bundle("Quackenbush-Zebulon-Clinic"), "id": "bundle-to-discard"}
    bundle["entry"][1]["resource"]["note"] = [{"text": "Quackenbush-Zebulon " * 400}]
    outbox, _ = _outbox(path, REJECTED)
    rejected = outbox.submit(bundle)
    outbox.discard(rejected.id, "sent by mistake")
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    leftovers = b"".join(f.read_bytes() for f in tmp_path.glob("outbox.db*"))
    assert b"Quackenbush-Zebulon" not in leftovers
