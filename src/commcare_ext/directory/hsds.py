"""Read Open Referral HSDS 3.0 JSON into a :class:`Directory`, reporting every bad record.

HSDS 3.0 publishes JSON in two shapes, and we read both:

* **nested** ("dereferenced", the canonical JSON): a service object with its organization,
  service_at_locations (each with its location), schedules, languages... as in the compiled
  ``service`` schema. A file may hold one service, a list of them, an API ``Page``
  (``{"contents": [...]}``) or organizations with their ``services``; a folder of such files is
  read file by file.
* **tabular** (the Tabular Data Package): one table per object — ``services.csv``,
  ``organizations.csv``, ``service_at_location.csv``... (or the same tables as JSON arrays, in
  ``<table>.json`` files or one object keyed by table name), joined by id.
"""

import csv
import gc
from collections.abc import Iterable, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory.directory import Directory
from commcare_ext.directory.hsds_service import HsdsServiceReader
from commcare_ext.directory.hsds_tables import TABLES, Row, join_services
from commcare_ext.directory.report import DirectoryError, LoadReport
from commcare_ext.directory.taxonomy import TaxonomyMapping
from commcare_ext.fhir.json_text import JsonTextError, parse_json

_TABLE_FILES = {"service_at_locations": "service_at_location", **{t: t for t in TABLES}}


def read_hsds(
    source: str | Path | Mapping[str, Any] | list[Any],
    *,
    mapping: TaxonomyMapping | None = None,
    today: date | None = None,
) -> tuple[Directory, LoadReport]:
    """Read an HSDS 3.0 file, folder or parsed JSON document.

    ``mapping`` says which support type each taxonomy term means (default: Open Eligibility
    and our own taxonomy); ``today`` decides which schedules have ended (default: today).
    Raises :class:`DirectoryError` only when the input as a whole cannot be read; bad records
    go into the returned :class:`LoadReport`.
    """
    report = LoadReport()
    reader = HsdsServiceReader(
        mapping or TaxonomyMapping.open_eligibility(), Problems(report, None), today or date.today()
    )
    services: list[Any] = []
    if isinstance(source, (Mapping, list)):
        services.extend(_document(source, "(document)", reader.problems))
    else:
        path = _path(source)
        if path.is_dir():
            services.extend(_folder(path, reader.problems))
        elif path.is_file():
            services.extend(_document(_load_json(path), path.name, reader.problems))
        else:
            raise DirectoryError(str(path), "no such file or folder")
    return _finish(services, reader, report)


def _path(source: object) -> Path:
    """``source`` as a path that can be looked at; else a DirectoryError saying what was wanted."""
    try:
        path = Path(source)  # type: ignore[arg-type]
        path.exists()
    except (TypeError, ValueError, OSError):
        kind = "null" if source is None else type(source).__name__
        msg = f"expected an HSDS document (a JSON object or list), a file or a folder, not {kind}"
        raise DirectoryError("(input)", msg) from None
    return path


def _finish(
    records: Iterable[tuple[str, Any]], reader: HsdsServiceReader, report: LoadReport
) -> tuple[Directory, LoadReport]:
    skipped_while_joining = len(report.skipped_ids("service"))
    records = list(records)
    kept = []
    # Reading makes hundreds of thousands of small frozen values and no cycles; the cycle
    # collector would walk them and the parsed JSON again and again (about a third of the
    # load of 10,000 services, benchmarks/bench_directory_load.py), so it waits, as for
    # parsing.
    collecting = gc.isenabled()
    gc.disable()
    try:
        for source, raw in records:
            reader.problems.source = source
            if (service := reader.read(raw)) is not None:
                kept.append(service)
    finally:
        if collecting:
            gc.enable()
    directory, duplicates = Directory.of(kept)
    for problem in duplicates:
        report.add(problem)
    report.services_loaded = len(directory)
    report.services_read = len(records) + skipped_while_joining
    return directory, report


def _load_json(path: Path) -> Any:
    # Parsing makes millions of small objects and no cycles: the cycle collector would only
    # walk them again and again (about half the time of a large file), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    try:
        return parse_json(path.read_bytes(), source=path.name)
    except JsonTextError as exc:
        raise DirectoryError(path.name, f"not readable as JSON ({exc.reason})") from None
    except OSError as exc:
        raise DirectoryError(path.name, f"not readable ({type(exc).__name__})") from None
    finally:
        if collecting:
            gc.enable()


def _folder(folder: Path, problems: Problems) -> list[tuple[str, Any]]:
    table_files = [
        file
        for file in sorted(folder.iterdir())
        if file.stem in _TABLE_FILES and file.suffix in (".csv", ".json")
    ]
    # A lone services.json is a nested document (services with their parts inside); tables
    # come as CSV, or as several table files that join on ids.
    tabular = any(f.suffix == ".csv" for f in table_files) or len(table_files) > 1
    tables: dict[str, list[Row]] = {}
    for file in table_files if tabular else ():
        table = _TABLE_FILES[file.stem]
        try:
            rows = _csv_rows(file) if file.suffix == ".csv" else _load_json(file)
        except DirectoryError as error:
            problems.skipped("file", file.name, "(file)", error.detail)
            continue
        if not isinstance(rows, list):
            problems.skipped("file", file.name, "(file)", "expected a JSON array of rows")
            continue
        tables.setdefault(table, []).extend(r for r in rows if _row_ok(r, file.name, problems))
    if tables:
        problems.source = folder.name
        return [(folder.name, s) for s in join_services(tables, problems)]
    records: list[tuple[str, Any]] = []
    for file in sorted(folder.glob("*.json")):
        try:
            document = _load_json(file)
        except DirectoryError as error:
            problems.skipped("file", file.name, "(file)", error.detail)
            continue
        records.extend(_document(document, file.name, problems))
    if not records and not problems.report.problems:
        raise DirectoryError(folder.name, "no HSDS tables or JSON files in this folder")
    return records


def _row_ok(row: Any, source: str, problems: Problems) -> bool:
    if isinstance(row, Mapping):
        return True
    problems.source = source
    problems.skipped("row", None, "(row)", "expected an object")
    return False


def _csv_rows(path: Path) -> list[Row]:
    """CSV rows with empty cells left out, so an empty cell reads as an absent field."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as handle:
            return [
                {k: v for k, v in row.items() if k and v not in ("", None)}
                for row in csv.DictReader(handle)
            ]
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise DirectoryError(path.name, f"not readable as CSV ({type(exc).__name__})") from None


def _document(document: Any, source: str, problems: Problems) -> list[tuple[str, Any]]:
    """The service records of one parsed JSON document, whatever its HSDS shape."""
    if isinstance(document, list):
        return [pair for item in document for pair in _expand(item, source)]
    if not isinstance(document, Mapping):
        raise DirectoryError(source, "expected an HSDS JSON object or array")
    if isinstance(document.get("contents"), list):
        return [pair for item in document["contents"] for pair in _expand(item, source)]
    tables = {
        _TABLE_FILES[key.removesuffix(".csv")]: value
        for key, value in document.items()
        if key.removesuffix(".csv") in _TABLE_FILES and isinstance(value, list)
    }
    if "services" in tables and "id" not in document:
        problems.source = source
        return [(source, s) for s in join_services(tables, problems)]
    return _expand(document, source)


def _expand(item: Any, source: str) -> list[tuple[str, Any]]:
    """A service, or an organization's nested services each given their organization."""
    if (
        isinstance(item, Mapping)
        and isinstance(item.get("services"), list)
        and ("status" not in item)
    ):
        organization = {k: v for k, v in item.items() if k != "services"}
        return [
            (source, {"organization": organization, **s} if isinstance(s, Mapping) else s)
            for s in item["services"]
        ]
    return [(source, item)]
