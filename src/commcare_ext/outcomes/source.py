"""Where the resources come from: FHIR Bulk Data NDJSON, read line by line, or a server search.

Bulk Data ``$export`` (and ``commcare-ext batch``) writes one NDJSON file per resource type;
reading streams each file a line at a time, so memory stays flat however large the export.
A server is searched type by type through :class:`~commcare_ext.client.FhirClient` (POSTed
searches, pages followed), for the types the views read.
"""

from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any

import orjson

from commcare_ext.client import FhirClient, FhirClientError
from commcare_ext.outcomes.errors import OutcomesSourceError

#: How many searchset entries to ask for per page.
PAGE_SIZE = 500


def ndjson_files(folder: Path, types: Iterable[str]) -> list[Path]:
    """The NDJSON files of ``folder`` that may hold ``types`` (by the Bulk Data file name).

    ``Patient.ndjson`` and ``Patient.001.ndjson`` hold Patients; a file named for another
    resource type is skipped unread; a file with any other name is read (and filtered).
    """
    if not folder.is_dir():
        msg = f"{folder}: not a folder of NDJSON files"
        raise OutcomesSourceError(msg)
    wanted = set(types)
    chosen = []
    for path in sorted(folder.glob("*.ndjson")):
        prefix = path.name.split(".", 1)[0]
        if path.name == "rejects.ndjson" or (_looks_like_a_type(prefix) and prefix not in wanted):
            continue
        chosen.append(path)
    if not chosen:
        msg = f"{folder}: no *.ndjson file holds {', '.join(sorted(wanted))}"
        raise OutcomesSourceError(msg)
    return chosen


def _looks_like_a_type(name: str) -> bool:
    return name.isalpha() and name[:1].isupper()


def read_ndjson(paths: Iterable[Path], types: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Each resource of ``types`` in the files, one line at a time (blank lines skipped).

    Raises:
        OutcomesSourceError: a line is not a JSON object with a resourceType (file and line
            named; the line itself is not repeated, it may hold PHI).

    """
    wanted = frozenset(types)
    for path in paths:
        with path.open("rb") as lines:
            for number, line in enumerate(lines, start=1):
                if not line.strip():
                    continue
                try:
                    resource = orjson.loads(line)
                except orjson.JSONDecodeError:
                    msg = f"{path.name}:{number}: not JSON (one resource per line expected)"
                    raise OutcomesSourceError(msg) from None
                if not isinstance(resource, dict) or "resourceType" not in resource:
                    msg = f"{path.name}:{number}: expected a FHIR resource with a resourceType"
                    raise OutcomesSourceError(msg)
                if resource["resourceType"] in wanted:
                    yield resource


def read_server(client: FhirClient, types: Iterable[str]) -> Iterator[dict[str, Any]]:
    """Every resource of ``types`` on the server, type by type, page by page."""
    for resource_type in sorted(set(types)):
        try:
            yield from client.search(resource_type, {"_count": str(PAGE_SIZE)})
        except FhirClientError as error:
            msg = f"searching {resource_type} failed: {type(error).__name__}"
            raise OutcomesSourceError(msg) from None
