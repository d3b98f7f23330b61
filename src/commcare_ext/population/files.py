"""Files that hold patient data: created readable by their owner only, written as NDJSON.

Also the Bulk Data manifest, the one file that names the others.
"""

import json
import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import IO, Any

import orjson


def open_private(path: Path, *, append: bool = False) -> IO[bytes]:
    """``path`` opened for binary writing, created 0600 (and made 0600 if it existed)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    flags = os.O_WRONLY | os.O_CREAT | (os.O_APPEND if append else os.O_TRUNC)
    descriptor = os.open(path, flags, 0o600)
    os.fchmod(descriptor, 0o600)
    return os.fdopen(descriptor, "ab" if append else "wb")


def ndjson_line(resource: Mapping[str, Any]) -> bytes:
    """One NDJSON line: compact UTF-8 JSON, keys in insertion order, then a newline."""
    return orjson.dumps(resource, option=orjson.OPT_APPEND_NEWLINE)


def write_ndjson(path: Path, resources: Iterable[Mapping[str, Any]]) -> int:
    """Write ``resources`` to ``path`` (0600), one per line; how many were written."""
    count = 0
    with open_private(path) as handle:
        for resource in resources:
            handle.write(ndjson_line(resource))
            count += 1
    return count


def write_private_json(path: Path, content: Any) -> None:
    """Indented JSON to ``path`` (0600), atomically: a reader never sees half a file."""
    partial = path.with_name(path.name + ".partial")
    with open_private(partial) as handle:
        handle.write(json.dumps(content, indent=2, ensure_ascii=False).encode("utf-8") + b"\n")
        handle.flush()
        os.fsync(handle.fileno())
    partial.replace(path)


def bulk_manifest(
    transaction_time: str,
    request: str,
    outputs: Mapping[str, int],
    *,
    errors: int = 0,
    error_file: str = "rejects.ndjson",
) -> dict[str, Any]:
    """A manifest shaped like a Bulk Data ``$export`` completion response.

    ``url`` is the file's path relative to the manifest (files on disk, not on a server),
    which is what the ``$import`` manifest's ``url`` takes once the folder is served.
    """
    return {
        "transactionTime": transaction_time,
        "request": request,
        "requiresAccessToken": False,
        "output": [
            {"type": kind, "url": f"{kind}.ndjson", "count": count}
            for kind, count in sorted(outputs.items())
        ],
        "error": (
            [{"type": "OperationOutcome", "url": error_file, "count": errors}] if errors else []
        ),
    }
