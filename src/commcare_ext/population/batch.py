"""Batch extraction: NDJSON intakes in, the FHIR Bulk Data layout out, on every core, resumable.

The input is read as a stream of lines, cut into chunks; a process pool extracts each
chunk (:func:`~commcare_ext.population.records.extract_record`) while the parent writes
finished chunks **in input order**, so the output is the same bytes whatever the number
of workers. After each chunk every output file is flushed to disk and a checkpoint
(``.batch-state.json``) records how long each file is; ``resume`` cuts the files back to
those lengths and carries on with the next chunk, so a crash or Ctrl-C at any moment
loses only the chunk in flight and duplicates nothing. Memory stays flat: at most
``2 x workers`` chunks are in the air, and resources every intake shares (the clinic, the
clinician, the directory's organisations) are remembered by id only.
"""

import hashlib
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from multiprocessing import get_context
from pathlib import Path
from typing import IO, Any, Final

import orjson

from commcare_ext.errors import CommcareError
from commcare_ext.population.files import bulk_manifest, open_private, write_private_json
from commcare_ext.population.records import (
    SHARED_TYPES,
    ClinicSettings,
    Extracted,
    extract_record,
)

STATE_FILE: Final = ".batch-state.json"
REJECTS_FILE: Final = "rejects.ndjson"
MANIFEST_FILE: Final = "manifest.json"
DEFAULT_CHUNK: Final = 200


class BatchError(CommcareError):
    """The batch cannot start or resume; the message says what to do."""


@dataclass(frozen=True, slots=True)
class Line:
    """One input line: which file (by position), which line (1-based), its bytes."""

    source: int
    number: int
    text: bytes


@dataclass(frozen=True, slots=True)
class ChunkResult:
    """A chunk's output: resource lines by type (input order), shared ones, rejects."""

    lines: dict[str, list[bytes]]
    shared: list[tuple[str, str, bytes]]
    rejects: list[bytes]
    read: int
    #: CPU seconds the extraction took, in whichever process ran it.
    cpu: float = 0.0


@dataclass(slots=True)
class BatchSummary:
    """What a batch wrote (counts per type), what it rejected, and whether it resumed."""

    counts: dict[str, int] = field(default_factory=dict)
    rejected: int = 0
    read: int = 0
    resumed_from_chunk: int = 0
    #: CPU seconds spent extracting in this run (summed over the worker processes).
    extraction_cpu: float = 0.0


def input_files(source: Path) -> list[Path]:
    """The NDJSON (and single-resource JSON) files ``source`` names, in a stable order."""
    if source.is_dir():
        found = sorted(
            p for p in source.iterdir() if p.is_file() and p.suffix in (".ndjson", ".json")
        )
        if not found:
            raise BatchError(f"{source}: no .ndjson or .json files in this folder")
        return found
    if not source.is_file():
        raise BatchError(f"{source}: no such file or folder")
    return [source]


def read_lines(files: Sequence[Path]) -> Iterator[Line]:
    """Every non-blank line of ``files`` (a ``.json`` file is one record), streamed."""
    for position, path in enumerate(files):
        if path.suffix == ".json":
            yield Line(position, 1, path.read_bytes())
            continue
        with path.open("rb") as handle:
            for number, text in enumerate(handle, start=1):
                if text.strip():
                    yield Line(position, number, text)


def count_lines(files: Sequence[Path]) -> int:
    """How many records ``files`` hold (a quick pass, for the progress bar)."""
    return sum(1 for _ in read_lines(files))


def chunks(lines: Iterator[Line], size: int) -> Iterator[list[Line]]:
    """``lines`` in lists of ``size`` (the last may be shorter)."""
    chunk: list[Line] = []
    for line in lines:
        chunk.append(line)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def extract_chunk(chunk: list[Line], settings: ClinicSettings, names: Sequence[str]) -> ChunkResult:
    """Extract every line of ``chunk``: resource lines by type, shared resources, rejects."""
    started = time.process_time()
    lines: dict[str, list[bytes]] = {}
    shared: list[tuple[str, str, bytes]] = []
    rejects: list[bytes] = []
    for line in chunk:
        outcome = extract_record(line.text, settings)
        if isinstance(outcome, Extracted):
            for kind, resource_id, text in outcome.resources:
                if kind in SHARED_TYPES:
                    shared.append((kind, resource_id, text))
                else:
                    lines.setdefault(kind, []).append(text)
        else:
            rejects.append(reject_line(names[line.source], line.number, outcome.problems))
    return ChunkResult(lines, shared, rejects, len(chunk), time.process_time() - started)


def reject_line(source: str, number: int, problems: Sequence[str]) -> bytes:
    """An OperationOutcome naming the input line and every problem in it (no answers)."""
    where = f"{source} line {number}"
    outcome = {
        "resourceType": "OperationOutcome",
        "id": hashlib.sha256(where.encode("utf-8")).hexdigest()[:32],
        "issue": [
            {"severity": "error", "code": "invalid", "diagnostics": problem, "location": [where]}
            for problem in problems
        ],
    }
    return orjson.dumps(outcome, option=orjson.OPT_APPEND_NEWLINE)


_settings: ClinicSettings | None = None
_names: Sequence[str] = ()


def _start_worker(settings: ClinicSettings, names: Sequence[str]) -> None:
    global _settings, _names
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent decides what Ctrl-C stops
    _settings, _names = settings, names


def _work(chunk: list[Line]) -> ChunkResult:
    assert _settings is not None  # noqa: S101 - set by the pool initializer
    return extract_chunk(chunk, _settings, _names)


class _Writer:
    """The output folder: per-type NDJSON files, rejects, checkpoint and manifest."""

    def __init__(self, out: Path, state: dict[str, Any]) -> None:
        self.out = out
        self.state = state
        self.handles: dict[str, IO[bytes]] = {}

    def write(self, result: ChunkResult) -> None:
        seen: set[str] = set(self.state["shared_seen"])
        for kind, resource_id, text in result.shared:
            if f"{kind}/{resource_id}" not in seen:
                seen.add(f"{kind}/{resource_id}")
                self._append(kind, [text])
        self.state["shared_seen"] = sorted(seen)
        for kind, texts in result.lines.items():
            self._append(kind, texts)
        if result.rejects:
            self._file(REJECTS_FILE).writelines(result.rejects)
            self.state["rejected"] += len(result.rejects)
        self.state["read"] += result.read

    def checkpoint(self) -> None:
        for handle in self.handles.values():
            handle.flush()
            os.fsync(handle.fileno())
        self.state["chunks_done"] += 1
        self.state["sizes"] = {
            name: (self.out / name).stat().st_size for name in sorted(self.handles)
        } | {k: v for k, v in self.state["sizes"].items() if k not in self.handles}
        write_private_json(self.out / STATE_FILE, self.state)

    def close(self) -> None:
        for handle in self.handles.values():
            handle.close()

    def _append(self, kind: str, texts: list[bytes]) -> None:
        self._file(f"{kind}.ndjson").writelines(texts)
        self.state["counts"][kind] = self.state["counts"].get(kind, 0) + len(texts)

    def _file(self, name: str) -> IO[bytes]:
        if name not in self.handles:
            self.handles[name] = open_private(self.out / name, append=True)
        return self.handles[name]


def run_batch(
    source: Path,
    out: Path,
    settings: ClinicSettings,
    *,
    workers: int = 1,
    resume: bool = False,
    chunk_size: int = DEFAULT_CHUNK,
    advance: Callable[[int], None] | None = None,
    started: Callable[[int], None] | None = None,
) -> BatchSummary:
    """Extract every record of ``source`` into ``out`` (see the module doc).

    ``started(n)`` is called once with the records already done (after a resume);
    ``advance(n)`` after each chunk written. Raises :class:`BatchError` when ``out`` holds
    another run's files (without ``resume``) or nothing to resume.
    """
    files = input_files(source)
    names = [p.name for p in files]
    fingerprint = _fingerprint(files, chunk_size)
    state = _prepare(out, fingerprint, resume=resume)
    done = int(state["chunks_done"])
    if started is not None:
        started(int(state["read"]))
    pending = chunks(read_lines(files), chunk_size)
    for _ in range(done):
        next(pending, None)  # already written: read past, not extracted again
    writer = _Writer(out, state)
    cpu = 0.0
    try:
        for result in _results(pending, settings, names, workers):
            cpu += result.cpu
            writer.write(result)
            writer.checkpoint()
            if advance is not None:
                advance(result.read)
    finally:
        writer.close()
    state["complete"] = True
    write_private_json(out / STATE_FILE, state)
    write_private_json(
        out / MANIFEST_FILE,
        bulk_manifest(
            state["transaction_time"],
            f"commcare-ext batch {' '.join(names)}",
            state["counts"],
            errors=state["rejected"],
            error_file=REJECTS_FILE,
        ),
    )
    return BatchSummary(
        counts=dict(state["counts"]),
        rejected=state["rejected"],
        read=state["read"],
        resumed_from_chunk=done,
        extraction_cpu=cpu,
    )


def _results(
    pending: Iterator[list[Line]], settings: ClinicSettings, names: Sequence[str], workers: int
) -> Iterator[ChunkResult]:
    """Each chunk's result in input order; ``workers`` processes (1: this process)."""
    if workers <= 1:
        for chunk in pending:
            yield extract_chunk(chunk, settings, names)
        return
    context = get_context("forkserver")
    context.set_forkserver_preload(["commcare_ext.population.records"])
    with ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(settings, names)
    ) as pool:
        window: deque[Future[ChunkResult]] = deque()
        try:
            for chunk in pending:
                window.append(pool.submit(_work, chunk))
                if len(window) >= 2 * workers:
                    yield window.popleft().result()
            while window:
                yield window.popleft().result()
        finally:
            for future in window:
                future.cancel()


def _fingerprint(files: Sequence[Path], chunk_size: int) -> str:
    """What must not change between a run and its resume: the inputs and the chunking."""
    parts = [f"{p.resolve()}|{p.stat().st_size}|{p.stat().st_mtime_ns}" for p in files]
    return hashlib.sha256("\n".join([*parts, str(chunk_size)]).encode()).hexdigest()


def _prepare(out: Path, fingerprint: str, *, resume: bool) -> dict[str, Any]:
    """The state to start from: fresh, or the last checkpoint with the files cut back to it."""
    state_path = out / STATE_FILE
    if resume:
        if not state_path.is_file():
            raise BatchError(f"--resume: {out} holds no batch to resume; run without --resume")
        state: dict[str, Any] = orjson.loads(state_path.read_bytes())
        if state.get("fingerprint") != fingerprint:
            msg = "--resume: the input (or --chunk-size) changed since that run; start again"
            raise BatchError(msg)
        for name in _outputs(out):
            size = state["sizes"].get(name, 0)
            with (out / name).open("r+b") as handle:
                handle.truncate(size)  # drop what the interrupted chunk half-wrote
        return state
    if out.exists() and not out.is_dir():
        raise BatchError(f"--out {out}: is a file; name a folder")
    if out.is_dir() and (_outputs(out) or state_path.exists()):
        if not state_path.exists():
            msg = f"--out {out}: holds NDJSON that no batch wrote; choose an empty folder"
            raise BatchError(msg)
        for name in _outputs(out):
            (out / name).unlink()
    out.mkdir(parents=True, exist_ok=True)
    state = {
        "fingerprint": fingerprint,
        "transaction_time": datetime.now(UTC).isoformat(timespec="seconds"),
        "chunks_done": 0,
        "read": 0,
        "rejected": 0,
        "counts": {},
        "sizes": {},
        "shared_seen": [],
        "complete": False,
    }
    write_private_json(state_path, state)
    return state


def _outputs(out: Path) -> list[str]:
    return sorted(p.name for p in out.glob("*.ndjson"))
