"""Bulk NDJSON into a FHIR server: batched conditional creates through the outbox, resumable.

Resources go type by type in dependency order (organisations and patients before what
refers to them). Each type's file is cut into chunks of about ``chunk_size`` resources,
only where the owning patient changes, so references between resources of one type (an
MOS-SSS panel and its scores) stay inside one Bundle. A chunk becomes an idempotent
transaction Bundle - conditional creates on the business identifier, a PUT to its id for a
resource without one (Provenance), exactly as the library's Bundles are - with references
to resources of earlier types rewritten to the ids the server gave them. Chunks of one
type go out on ``connections`` parallel connections, each through its own
:class:`~commcare_ext.client.Outbox` on one SQLite file, so a crash or Ctrl-C leaves every
chunk either done (its server ids remembered) or pending (sent again on resume, where the
conditional creates find what already landed: nothing twice).

The ``FhirClient`` splits a chunk further when the server refuses its size.
"""

import fcntl
import os
import sqlite3
import threading
from collections.abc import Callable, Iterator, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from contextlib import closing, contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final
from urllib.parse import quote

import orjson

from commcare_ext.client import FhirClient, Outbox, Submission, SubmissionStatus
from commcare_ext.errors import CommcareError
from commcare_ext.fhir.references import references_in, rewrite_references
from commcare_ext.fhir.urn import urn_uuid

#: Types in the order they can land: everything a resource refers to comes earlier.
IMPORT_ORDER: Final = (
    "Organization",
    "Practitioner",
    "PractitionerRole",
    "HealthcareService",
    "Patient",
    "RelatedPerson",
    "QuestionnaireResponse",
    "Consent",
    "Observation",
    "Condition",
    "CareTeam",
    "Goal",
    "ServiceRequest",
    "Task",
    "DocumentReference",
    "Provenance",
)
STATE_DIR: Final = ".import"
_OWNER_FIELDS: Final = ("subject", "patient", "for", "beneficiary")


class BulkImportError(CommcareError):
    """The folder cannot be imported; the message says what is wrong with it."""


@dataclass(slots=True)
class ImportReport:
    """Resources created, already on the server, and rejected (with the server's reasons)."""

    created: dict[str, int] = field(default_factory=dict)
    already_there: dict[str, int] = field(default_factory=dict)
    rejected: dict[str, int] = field(default_factory=dict)
    reasons: list[str] = field(default_factory=list)
    method: str = "conditional-create transactions"

    def total(self, counts: Mapping[str, int]) -> int:
        """Sum of one of the count maps."""
        return sum(counts.values())


def read_manifest(folder: Path) -> dict[str, int]:
    """Type -> count from the folder's ``manifest.json`` (the ``batch`` output)."""
    try:
        manifest = orjson.loads((folder / "manifest.json").read_bytes())
    except FileNotFoundError:
        raise BulkImportError(f"{folder}: no manifest.json (write the folder with batch)") from None
    except orjson.JSONDecodeError:
        raise BulkImportError(f"{folder}/manifest.json: not JSON") from None
    outputs = manifest.get("output") if isinstance(manifest, dict) else None
    if not isinstance(outputs, list):
        raise BulkImportError(f"{folder}/manifest.json: expected an output list")
    counts: dict[str, int] = {}
    for index, entry in enumerate(outputs):
        if not (isinstance(entry, dict) and isinstance(entry.get("type"), str)):
            raise BulkImportError(f"{folder}/manifest.json: output[{index}]: expected a type")
        if not (folder / f"{entry['type']}.ndjson").is_file():
            raise BulkImportError(f"{folder}: {entry['type']}.ndjson is missing")
        counts[entry["type"]] = int(entry.get("count", 0))
    return counts


def ordered_types(types: Sequence[str]) -> list[str]:
    """``types`` in :data:`IMPORT_ORDER`, any others after them (sorted)."""
    known = [t for t in IMPORT_ORDER if t in types]
    return known + sorted(set(types) - set(known))


def owner_of(resource: Mapping[str, Any]) -> str:
    """The patient a resource belongs to (its own id for a Patient; else its id)."""
    if resource.get("resourceType") == "Patient":
        return f"Patient/{resource.get('id')}"
    for name in _OWNER_FIELDS:
        value = resource.get(name)
        if isinstance(value, dict) and isinstance(value.get("reference"), str):
            return str(value["reference"])
    return f"{resource.get('resourceType')}/{resource.get('id')}"


def chunked(path: Path, size: int) -> Iterator[list[dict[str, Any]]]:
    """The resources of one NDJSON file in chunks of about ``size``, cut between owners."""
    chunk: list[dict[str, Any]] = []
    last = None
    with path.open("rb") as handle:
        for line in handle:
            if not line.strip():
                continue
            resource = orjson.loads(line)
            owner = owner_of(resource)
            if len(chunk) >= size and owner != last:
                yield chunk
                chunk = []
            chunk.append(resource)
            last = owner
    if chunk:
        yield chunk


class IdMap:
    """Our ids -> the server's (``Type/ours`` -> ``Type/theirs``), on disk beside the outbox."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        with closing(self._db()) as db:
            db.execute("CREATE TABLE IF NOT EXISTS ids (ours TEXT PRIMARY KEY, theirs TEXT)")
            db.commit()

    def _db(self) -> sqlite3.Connection:
        return sqlite3.connect(self.path, timeout=30)

    def lookup(self, references: Sequence[str]) -> dict[str, str]:
        """Those of ``references`` already on the server."""
        found: dict[str, str] = {}
        with closing(self._db()) as db:
            for start in range(0, len(references), 500):
                part = references[start : start + 500]
                marks = ", ".join("?" * len(part))
                query = f"SELECT ours, theirs FROM ids WHERE ours IN ({marks})"  # noqa: S608
                found.update(db.execute(query, part).fetchall())
        return found

    def remember(self, pairs: Mapping[str, str]) -> None:
        """Record where each of ours landed."""
        with closing(self._db()) as db:
            db.executemany("INSERT OR REPLACE INTO ids VALUES (?, ?)", list(pairs.items()))
            db.commit()


def chunk_bundle(
    chunk: Sequence[dict[str, Any]], landed: Mapping[str, str]
) -> tuple[dict[str, Any], list[str]]:
    """The transaction Bundle for ``chunk`` and the references it could not resolve.

    References inside the chunk become urn:uuid fullUrls; references to earlier resources
    the server ids in ``landed``; anything else is unresolved (and reported).
    """
    inside = {f"{r['resourceType']}/{r['id']}": urn_uuid(r["id"]) for r in chunk}
    missing: list[str] = []

    def rewrite(reference: str) -> str:
        if reference in inside:
            return inside[reference]
        if reference in landed:
            return landed[reference]
        if "/" in reference and not reference.startswith(("http", "urn:", "#")):
            missing.append(reference)
        return reference

    entries = []
    for resource in chunk:
        body = rewrite_references(resource, rewrite)
        kind = resource["resourceType"]
        condition = _if_none_exist(resource)
        if condition is None:
            request = {"method": "PUT", "url": f"{kind}/{resource['id']}"}
        else:
            body = {k: v for k, v in body.items() if k != "id"}
            request = {"method": "POST", "url": kind, "ifNoneExist": condition}
        entries.append({"fullUrl": urn_uuid(resource["id"]), "resource": body, "request": request})
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}, missing


def _if_none_exist(resource: Mapping[str, Any]) -> str | None:
    identifiers = resource.get("identifier")
    if isinstance(identifiers, dict):
        identifiers = [identifiers]
    if not identifiers:
        return None
    first = identifiers[0]
    return f"identifier={quote(first['system'], safe=':/')}|{quote(first['value'], safe='')}"


def needed(chunk: Sequence[dict[str, Any]]) -> list[str]:
    """Every ``Type/id`` reference in ``chunk`` to something outside it."""
    inside = {f"{r['resourceType']}/{r['id']}" for r in chunk}
    found = {ref for r in chunk for ref in references_in(r)}
    return sorted(found - inside)


@dataclass
class Importer:
    """Import one ``batch`` folder into the server ``client_factory`` connects to."""

    folder: Path
    client_factory: Callable[[], FhirClient]
    connections: int = 4
    chunk_size: int = 40
    retries: int = 2
    advance: Callable[[int], None] | None = None
    _local: threading.local = field(default_factory=threading.local, init=False)

    def run(self) -> ImportReport:
        """Land every resource the manifest lists; the report says what happened to each."""
        counts = read_manifest(self.folder)
        state = self.folder / STATE_DIR
        state.mkdir(mode=0o700, exist_ok=True)
        self._outbox_path = state / "outbox.sqlite"
        self._ids = IdMap(state / "ids.sqlite")
        (state / "ids.sqlite").chmod(0o600)
        report = ImportReport()
        lock = threading.Lock()
        with _only_importer(state / "lock"):
            Outbox(self._outbox_path, self.client_factory()).release_leases()
            self._run(counts, report, lock)
        return report

    def _run(self, counts: Mapping[str, int], report: ImportReport, lock: threading.Lock) -> None:
        with ThreadPoolExecutor(max(1, self.connections)) as pool:
            for kind in ordered_types(list(counts)):
                jobs = [
                    pool.submit(self._land, kind, number, chunk)
                    for number, chunk in enumerate(
                        chunked(self.folder / f"{kind}.ndjson", self.chunk_size)
                    )
                ]
                for job in jobs:
                    outcome = job.result()
                    with lock:
                        _count(report, kind, outcome)

    def _outbox(self) -> Outbox:
        if not hasattr(self._local, "outbox"):
            self._local.outbox = Outbox(self._outbox_path, self.client_factory())
        outbox: Outbox = self._local.outbox
        return outbox

    def _land(self, kind: str, number: int, chunk: list[dict[str, Any]]) -> "_Outcome":
        wanted = needed(chunk)
        landed = self._ids.lookup(wanted)
        bundle, missing = chunk_bundle(chunk, landed)
        if missing:
            reason = (
                f"{kind} chunk {number}: refers to {len(missing)} resource(s) not on the "
                f"server (first: {missing[0]}): they were rejected or are not in this folder"
            )
            return _Outcome(len(chunk), None, reason)
        outbox = self._outbox()
        key = f"import-{kind}-{number}"
        done = outbox.submit(bundle, submission_id=key)
        for _ in range(self.retries):  # a transient failure: the same submission again
            if done.status is not SubmissionStatus.PENDING:
                break
            done = outbox.submit(bundle, submission_id=key)
        if done.status is SubmissionStatus.DONE and done.references is not None:
            self._ids.remember(
                {
                    f"{r['resourceType']}/{r['id']}": done.references[urn_uuid(r["id"])]
                    for r in chunk
                }
            )
        if self.advance is not None:
            self.advance(len(chunk))
        puts = all(e["request"]["method"] == "PUT" for e in bundle["entry"])
        return _Outcome(len(chunk), done, None, conditional=not puts)


@dataclass(frozen=True, slots=True)
class _Outcome:
    size: int
    submission: Submission | None
    reason: str | None
    conditional: bool = True


@contextmanager
def _only_importer(path: Path) -> Iterator[None]:
    """Hold an exclusive lock on ``path`` for the import (one importer per folder)."""
    descriptor = os.open(path, os.O_CREAT | os.O_WRONLY, 0o600)
    try:
        try:
            fcntl.flock(descriptor, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            msg = "another import of this folder is running; wait for it or stop it"
            raise BulkImportError(msg) from None
        yield
    finally:
        os.close(descriptor)


def _count(report: ImportReport, kind: str, outcome: _Outcome) -> None:
    submission = outcome.submission
    if submission is None or submission.status is not SubmissionStatus.DONE:
        report.rejected[kind] = report.rejected.get(kind, 0) + outcome.size
        if outcome.reason is not None:
            report.reasons.append(outcome.reason)
        elif submission is not None:
            state = "still pending" if submission.status is SubmissionStatus.PENDING else "rejected"
            report.reasons.append(f"{kind}: {submission.id} {state}: {submission.error}")
        return
    statuses = submission.statuses or {}
    # A conditional create answers 201 when it created, 200 when the resource was already
    # there; a PUT to our id (Provenance) writes it either way: counted as created.
    there = sum(1 for s in statuses.values() if s.startswith("200")) if outcome.conditional else 0
    report.created[kind] = report.created.get(kind, 0) + outcome.size - there
    report.already_there[kind] = report.already_there.get(kind, 0) + there
