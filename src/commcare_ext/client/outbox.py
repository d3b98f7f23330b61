"""A durable outbox: nothing is lost to a crash or an outage, nothing changed is ignored.

A submission is written to SQLite before it is sent and kept until the server confirms it
(or a person deals with a rejection); ``flush`` re-sends what is pending, safely from
several processes at once. Each row remembers a hash of its Bundle's content: the same
content submitted again is the same submission, while different content under the id of
an existing one is never silently taken for it — it raises :class:`SubmissionConflict`
until a person requeues the fixed Bundle (``requeue``) or gives the row up with a reason
(``discard``).
The database file, and the ``-wal``/``-shm``/``-journal`` files SQLite makes beside it,
are created readable by their owner only (0600): it holds PHI at rest.
"""

import hashlib
import os
import sqlite3
import time
import uuid
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

import orjson

from commcare_ext.client.client import FhirClient
from commcare_ext.client.errors import (
    BundleError,
    ContentRejected,
    FhirClientError,
    OutboxError,
    OutboxFileError,
    SubmissionConflict,
    UnknownSubmission,
)
from commcare_ext.client.submission import SubmissionIncomplete
from commcare_ext.fhir.json_text import JsonTextError, parse_json

_SCHEMA = """
CREATE TABLE IF NOT EXISTS submissions (
    id TEXT PRIMARY KEY,
    bundle TEXT NOT NULL,
    status TEXT NOT NULL,
    attempts INTEGER NOT NULL DEFAULT 0,
    error TEXT,
    outcome TEXT,
    result TEXT,
    lease_until REAL NOT NULL DEFAULT 0,
    created REAL NOT NULL,
    updated REAL NOT NULL,
    digest TEXT,
    reason TEXT
)
"""
#: Columns added since the first schema, for outbox files written by an older version.
_ADDED_COLUMNS = {"digest": "TEXT", "reason": "TEXT", "statuses": "TEXT"}
_COLUMNS = "id, status, attempts, error, outcome, result, digest, reason, statuses"


class SubmissionStatus(StrEnum):
    """Where a submission stands."""

    PENDING = "pending"
    DONE = "done"
    REJECTED = "rejected"
    DISCARDED = "discarded"


@dataclass(frozen=True, slots=True)
class Submission:
    """One outbox row: its status, what the server said, and the hash of its Bundle.

    ``reason`` is why a person discarded it; ``statuses`` what the server answered per
    entry of a finished one (fullUrl -> "201 Created", "200 OK" for one already there).
    The Bundle itself stays in the database.
    """

    id: str
    status: SubmissionStatus
    attempts: int
    error: str | None
    outcome: list[dict[str, Any]] | None
    references: dict[str, str] | None
    digest: str = ""
    reason: str | None = None
    statuses: dict[str, str] | None = None

    def __repr__(self) -> str:
        return f"Submission(id={self.id!r}, status={self.status!r}, attempts={self.attempts})"


def canonical_bytes(bundle: Mapping[str, Any]) -> bytes:
    """The Bundle's canonical JSON (compact, keys sorted): what is stored, hashed and sent."""
    return orjson.dumps(bundle, option=orjson.OPT_SORT_KEYS)


def content_digest(bundle: Mapping[str, Any]) -> str:
    """SHA-256 of the Bundle's canonical JSON: equal for equal content, whatever key order."""
    return hashlib.sha256(canonical_bytes(bundle)).hexdigest()


class Outbox:
    """SQLite-backed outbox at ``path`` (the user chooses where PHI may rest on disk)."""

    def __init__(
        self, path: str | Path, client: FhirClient, *, lease_seconds: float = 120.0
    ) -> None:
        self.path = Path(path)
        self.client = client
        self.lease_seconds = lease_seconds
        _create_private(self.path)
        with self._connect() as db:
            _check_is_outbox(db, self.path)
            _narrow(self.path)  # before WAL mode: SQLite's -wal/-shm files copy this mode
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)
            present = {row[1] for row in db.execute("PRAGMA table_info(submissions)")}
            for column, kind in _ADDED_COLUMNS.items():
                if column not in present:
                    db.execute(f"ALTER TABLE submissions ADD COLUMN {column} {kind}")

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        try:
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except sqlite3.Error as error:
            raise OutboxFileError(self.path, _sqlite_reason(error)) from None
        try:
            db.execute("PRAGMA secure_delete=ON")  # an erased Bundle is overwritten
            yield db
        except sqlite3.Error as error:  # corrupt, locked past the timeout, disk full...
            raise OutboxFileError(self.path, _sqlite_reason(error)) from None
        finally:
            db.close()

    def submit(self, bundle: dict[str, Any], *, submission_id: str | None = None) -> Submission:
        """Store ``bundle`` first, then try to send it; returns where it stands.

        A transient failure leaves it pending for :meth:`flush`; a rejection keeps it with
        the server's OperationOutcome for a person to fix. Submitting the same content
        again returns the existing submission; different content under an existing id
        raises :class:`SubmissionConflict` (use :meth:`requeue` for a fixed Bundle).
        """
        key = submission_id or str(bundle.get("id") or uuid.uuid4())
        stored = canonical_bytes(bundle)  # serialised once: stored, hashed, and sent
        digest = hashlib.sha256(stored).hexdigest()
        now = time.time()
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            row = db.execute(
                "SELECT status, digest, bundle FROM submissions WHERE id = ?", (key,)
            ).fetchone()
            if row is None:
                db.execute(
                    "INSERT INTO submissions (id, bundle, digest, status, created, updated) "
                    "VALUES (?, ?, ?, ?, ?, ?)",
                    (key, stored.decode("utf-8"), digest, SubmissionStatus.PENDING, now, now),
                )
            db.execute("COMMIT")
        if row is not None and _digest_of(row[1], row[2]) != digest:
            status = SubmissionStatus(row[0])
            advice = (
                "give the changed Bundle a new id"
                if status is SubmissionStatus.DONE
                else "requeue(submission_id, bundle) replaces it"
            )
            raise SubmissionConflict(key, status, f"different content; {advice}")
        claimed = self._claim(key, skip=set())
        if claimed is not None:
            self._send(*claimed)
        return self.get(key)

    def flush(self) -> list[Submission]:
        """Send every pending submission not leased by another process; returns their states."""
        sent: list[Submission] = []
        tried: set[str] = set()
        while (claimed := self._claim(None, skip=tried)) is not None:
            tried.add(claimed[0])
            self._send(*claimed)
            sent.append(self.get(claimed[0]))
        return sent

    def release_leases(self) -> int:
        """Free every pending row leased by a sender that died (SIGKILL, power cut).

        Only for a caller that knows no other process is sending from this outbox now (it
        holds its own lock); returns how many rows were freed.
        """
        with self._connect() as db:
            freed = db.execute(
                "UPDATE submissions SET lease_until = 0 WHERE status = ? AND lease_until > 0",
                (SubmissionStatus.PENDING,),
            ).rowcount
        return int(freed)

    def get(self, key: str) -> Submission:
        """One submission by id; :class:`UnknownSubmission` (a LookupError) if there is none."""
        with self._connect() as db:
            query = f"SELECT {_COLUMNS} FROM submissions WHERE id = ?"  # noqa: S608 - constant
            row = db.execute(query, (key,)).fetchone()
        if row is None:
            raise UnknownSubmission(key)
        return _submission(row)

    def pending(self) -> list[str]:
        """Ids of submissions still to be sent."""
        return self._ids(SubmissionStatus.PENDING)

    def rejected(self) -> list[str]:
        """Ids of submissions the server refused, waiting for a person."""
        return self._ids(SubmissionStatus.REJECTED)

    def _ids(self, status: SubmissionStatus) -> list[str]:
        with self._connect() as db:
            rows = db.execute(
                "SELECT id FROM submissions WHERE status = ? ORDER BY created, id", (status,)
            )
            return [row[0] for row in rows]

    def requeue(self, submission_id: str, bundle: dict[str, Any] | None = None) -> Submission:
        """Put a rejected or discarded submission back in the queue, with a fixed ``bundle``.

        Also replaces the Bundle of a pending submission that no process is sending. The
        server's earlier answer is cleared; :meth:`flush` (or a process's next flush)
        sends it. A finished submission cannot be requeued: a changed Bundle for it needs
        a new id. Returns the submission, now pending.
        """
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            status, stored = self._movable(db, submission_id, "requeue")
            if bundle is None and not stored:
                msg = "its Bundle was erased when it was discarded; requeue it with the Bundle"
                raise SubmissionConflict(submission_id, status, msg)
            if bundle is not None:
                fixed = canonical_bytes(bundle)
                text, digest = fixed.decode("utf-8"), hashlib.sha256(fixed).hexdigest()
            else:
                text, digest = stored, _digest_of(None, stored)
            db.execute(
                "UPDATE submissions SET status = ?, bundle = ?, digest = ?, error = NULL, "
                "outcome = NULL, reason = NULL, lease_until = 0, updated = ? WHERE id = ?",
                (SubmissionStatus.PENDING, text, digest, time.time(), submission_id),
            )
            db.execute("COMMIT")
        return self.get(submission_id)

    def discard(self, submission_id: str, reason: str) -> Submission:
        """Give up on a rejected (or idle pending) submission, saying why; erases its Bundle.

        The row stays, with its content hash, ``reason`` and the server's last answer, so
        the same content submitted again is recognised; :meth:`requeue` can revive it.
        """
        if not reason.strip():
            msg = "discard() needs a reason a person can read later"
            raise OutboxError(msg)
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            self._movable(db, submission_id, "discard")
            db.execute(
                "UPDATE submissions SET status = ?, bundle = '', reason = ?, lease_until = 0, "
                "updated = ? WHERE id = ?",
                (SubmissionStatus.DISCARDED, reason, time.time(), submission_id),
            )
            db.execute("COMMIT")
        return self.get(submission_id)

    def _movable(
        self, db: sqlite3.Connection, submission_id: str, action: str
    ) -> tuple[SubmissionStatus, str]:
        """Status and stored Bundle of a row a person may requeue or discard (else raise)."""
        row = db.execute(
            "SELECT status, lease_until, bundle FROM submissions WHERE id = ?", (submission_id,)
        ).fetchone()
        if row is None:
            raise UnknownSubmission(submission_id)
        status = SubmissionStatus(row[0])
        if status is SubmissionStatus.DONE:
            raise SubmissionConflict(submission_id, status, f"it is done; cannot {action} it")
        if status is SubmissionStatus.PENDING and row[1] >= time.time():
            raise SubmissionConflict(submission_id, status, f"it is being sent; cannot {action}")
        if status is SubmissionStatus.DISCARDED and action == "discard":
            raise SubmissionConflict(submission_id, status, "it is already discarded")
        return status, str(row[2])

    def _claim(self, key: str | None, *, skip: set[str]) -> tuple[str, str] | None:
        """Atomically lease one pending row (``BEGIN IMMEDIATE`` serialises processes).

        ``skip`` holds rows this flush already tried, so an outage ends the flush instead
        of spinning on the same submission.
        """
        now = time.time()
        with self._connect() as db:
            db.execute("BEGIN IMMEDIATE")
            query = "SELECT id, bundle FROM submissions WHERE status = ? AND lease_until < ?"
            args: tuple[Any, ...] = (SubmissionStatus.PENDING, now)
            if key is not None:
                query += " AND id = ?"
                args += (key,)
            if skip:
                query += f" AND id NOT IN ({', '.join('?' * len(skip))})"
                args += tuple(sorted(skip))
            row = db.execute(query + " ORDER BY created LIMIT 1", args).fetchone()
            if row is None:
                db.execute("COMMIT")
                return None
            db.execute(
                "UPDATE submissions SET lease_until = ?, attempts = attempts + 1 WHERE id = ?",
                (now + self.lease_seconds, row[0]),
            )
            db.execute("COMMIT")
        return row[0], row[1]

    def _send(self, key: str, stored: str) -> None:
        """Send one leased row and record the outcome; the lease never outlives this call."""
        try:
            content = stored.encode("utf-8")
            bundle = parse_json(content, source=f"outbox row {key}")
            result = self.client.submit(bundle, content=content)
        except JsonTextError as error:  # a row changed behind our back: a person must look
            self._finish(key, SubmissionStatus.REJECTED, str(error), None, None)
            return
        except FhirClientError as error:
            cause = error.cause if isinstance(error, SubmissionIncomplete) else error
            shown = f"{type(cause).__name__}: {cause}"
            if isinstance(cause, ContentRejected | BundleError):
                self._finish(key, SubmissionStatus.REJECTED, shown, _outcome(cause), None)
            else:  # transient or odd (MalformedResponseError): pending, for the next flush
                self._release(key, shown)
        except BaseException as error:
            # A bug or an interrupt: record it and free the row, then let it propagate.
            self._release(key, f"{type(error).__name__}: unexpected; still pending")
            raise
        else:
            self._finish(key, SubmissionStatus.DONE, None, None, result.references, result.statuses)

    def _finish(  # noqa: PLR0917 - one row's columns
        self,
        key: str,
        status: SubmissionStatus,
        error: str | None,
        outcome: list[dict[str, Any]] | None,
        references: dict[str, str] | None,
        statuses: dict[str, str] | None = None,
    ) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE submissions SET status = ?, error = ?, outcome = ?, result = ?, "
                "statuses = ?, lease_until = 0, updated = ? WHERE id = ?",
                (
                    status,
                    error,
                    orjson.dumps(outcome).decode() if outcome is not None else None,
                    orjson.dumps(references).decode() if references is not None else None,
                    orjson.dumps(statuses).decode() if statuses is not None else None,
                    time.time(),
                    key,
                ),
            )

    def _release(self, key: str, error: str) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE submissions SET error = ?, lease_until = 0, updated = ? WHERE id = ?",
                (error, time.time(), key),
            )

    # Defined last: below it in the class body, ``list[...]`` would name this method.
    def list(self, status: SubmissionStatus | None = None) -> list[Submission]:
        """Every submission (or those with ``status``), oldest first."""
        query = f"SELECT {_COLUMNS} FROM submissions"  # noqa: S608 - constant columns
        args: tuple[str, ...] = ()
        if status is not None:
            query += " WHERE status = ?"
            args = (status,)
        with self._connect() as db:
            rows = db.execute(query + " ORDER BY created, id", args).fetchall()
        return [_submission(row) for row in rows]


def _outcome(error: FhirClientError) -> list[dict[str, Any]] | None:
    """The rejection's issues as stored data (server text included: the file holds PHI)."""
    if not isinstance(error, ContentRejected):
        return None
    return [
        {
            "severity": i.severity,
            "code": i.code,
            "expression": list(i.expression),
            "diagnostics": i.diagnostics,
            "details": i.details,
        }
        for i in error.issues
    ]


def _digest_of(digest: str | None, stored: str) -> str:
    """A row's content hash (computed for rows written before hashes were kept)."""
    if digest:
        return digest
    # Rows from before hashes were kept may be stored in any key order: parse, then hash.
    return content_digest(parse_json(stored, source="outbox row")) if stored else ""


def _submission(row: tuple[Any, ...]) -> Submission:
    return Submission(
        id=row[0],
        status=SubmissionStatus(row[1]),
        attempts=row[2],
        error=row[3],
        outcome=parse_json(row[4], source="outbox outcome") if row[4] else None,
        references=parse_json(row[5], source="outbox result") if row[5] else None,
        digest=row[6] or "",
        reason=row[7],
        statuses=parse_json(row[8], source="outbox statuses") if row[8] else None,
    )


_SQLITE_HEADER = b"SQLite format 3\x00"


def _create_private(path: Path) -> None:
    """Create the database file 0600 (SQLite gives its -wal/-shm/-journal the same mode).

    An existing file is checked to be empty or SQLite: a file of any other kind is refused
    untouched (the schema is checked next, before the file is narrowed to 0600).
    """
    try:
        descriptor = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600)
    except FileExistsError:
        pass
    except OSError as error:
        raise OutboxFileError(path, f"cannot create it ({error.strerror})") from None
    else:
        os.close(descriptor)
        return
    try:
        if not path.is_file():
            raise OutboxFileError(path, "not a file")
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_HEADER))
    except OSError as error:
        raise OutboxFileError(path, f"cannot open it ({error.strerror})") from None
    if header and header != _SQLITE_HEADER:
        raise OutboxFileError(path, "not an outbox: the file is not a SQLite database")


def _narrow(path: Path) -> None:
    """An outbox readable by others is narrowed to 0600: it is ours, and holds PHI."""
    try:
        if path.stat().st_mode & 0o077:
            path.chmod(0o600)
    except OSError as error:
        raise OutboxFileError(path, f"cannot make it private ({error.strerror})") from None


def _check_is_outbox(db: sqlite3.Connection, path: Path) -> None:
    """Refuse a SQLite database that holds other tables and not ours (someone else's file)."""
    tables = {row[0] for row in db.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    if tables and "submissions" not in tables:
        raise OutboxFileError(path, "not an outbox: a SQLite database without submissions")


def _sqlite_reason(error: sqlite3.Error) -> str:
    # SQLite's own words ("file is not a database", "database is locked") name no content.
    return f"{type(error).__name__}: {error}"
