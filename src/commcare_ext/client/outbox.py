"""A durable outbox: nothing is lost to a crash or an outage.

A submission is written to SQLite before it is sent and kept until the server confirms it
(or a person deals with a rejection); ``flush`` re-sends what is pending, safely from
several processes at once.
"""

import json
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import Any

from commcare_ext.client.client import FhirClient
from commcare_ext.client.errors import BundleError, ContentRejected, FhirClientError
from commcare_ext.client.submission import SubmissionIncomplete

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
    updated REAL NOT NULL
)
"""


class SubmissionStatus(StrEnum):
    """Where a submission stands."""

    PENDING = "pending"
    DONE = "done"
    REJECTED = "rejected"


@dataclass(frozen=True, slots=True)
class Submission:
    """One outbox row: the Bundle, its status, and what the server said."""

    id: str
    status: SubmissionStatus
    attempts: int
    error: str | None
    outcome: list[dict[str, Any]] | None
    references: dict[str, str] | None

    def __repr__(self) -> str:
        return f"Submission(id={self.id!r}, status={self.status!r}, attempts={self.attempts})"


class Outbox:
    """SQLite-backed outbox at ``path`` (the user chooses where PHI may rest on disk)."""

    def __init__(
        self, path: str | Path, client: FhirClient, *, lease_seconds: float = 120.0
    ) -> None:
        self.path = Path(path)
        self.client = client
        self.lease_seconds = lease_seconds
        with self._connect() as db:
            db.execute("PRAGMA journal_mode=WAL")
            db.execute(_SCHEMA)

    @contextmanager
    def _connect(self) -> Iterator[sqlite3.Connection]:
        db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        try:
            yield db
        finally:
            db.close()

    def submit(self, bundle: dict[str, Any], *, submission_id: str | None = None) -> Submission:
        """Store ``bundle`` first, then try to send it; returns where it stands.

        A transient failure leaves it pending for :meth:`flush`; a rejection keeps it with
        the server's OperationOutcome for a person to fix.
        """
        key = submission_id or str(bundle.get("id") or uuid.uuid4())
        now = time.time()
        with self._connect() as db:
            db.execute(
                "INSERT OR IGNORE INTO submissions (id, bundle, status, created, updated) "
                "VALUES (?, ?, ?, ?, ?)",
                (key, json.dumps(bundle, ensure_ascii=False), SubmissionStatus.PENDING, now, now),
            )
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

    def get(self, key: str) -> Submission:
        """One submission by id."""
        with self._connect() as db:
            row = db.execute(
                "SELECT id, status, attempts, error, outcome, result FROM submissions WHERE id = ?",
                (key,),
            ).fetchone()
        if row is None:
            msg = f"no submission {key!r} in the outbox"
            raise LookupError(msg)
        return Submission(
            id=row[0],
            status=SubmissionStatus(row[1]),
            attempts=row[2],
            error=row[3],
            outcome=json.loads(row[4]) if row[4] else None,
            references=json.loads(row[5]) if row[5] else None,
        )

    def pending(self) -> list[str]:
        """Ids of submissions still to be sent."""
        return self._ids(SubmissionStatus.PENDING)

    def rejected(self) -> list[str]:
        """Ids of submissions the server refused, waiting for a person."""
        return self._ids(SubmissionStatus.REJECTED)

    def _ids(self, status: SubmissionStatus) -> list[str]:
        with self._connect() as db:
            return [
                r[0] for r in db.execute("SELECT id FROM submissions WHERE status = ?", (status,))
            ]

    def _claim(self, key: str | None, *, skip: set[str]) -> tuple[str, dict[str, Any]] | None:
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
        return row[0], json.loads(row[1])

    def _send(self, key: str, bundle: dict[str, Any]) -> None:
        """Send one leased row and record the outcome; the lease never outlives this call."""
        try:
            result = self.client.submit(bundle)
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
            self._finish(key, SubmissionStatus.DONE, None, None, result.references)

    def _finish(
        self,
        key: str,
        status: SubmissionStatus,
        error: str | None,
        outcome: list[dict[str, Any]] | None,
        references: dict[str, str] | None,
    ) -> None:
        with self._connect() as db:
            db.execute(
                "UPDATE submissions SET status = ?, error = ?, outcome = ?, result = ?, "
                "lease_until = 0, updated = ? WHERE id = ?",
                (
                    status,
                    error,
                    json.dumps(outcome) if outcome is not None else None,
                    json.dumps(references) if references is not None else None,
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
