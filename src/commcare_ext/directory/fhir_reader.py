"""Read a FHIR Human Services Directory (hl7.fhir.us.hsds) into a :class:`Directory`.

HealthcareService is the service; its ``providedBy`` Organization and its Locations are read
from the same input. Three ways in: a Bundle (any type: a collection, a transaction, a search
result page) or NDJSON file (:func:`read_fhir`), or the resources of a server search
(:func:`read_fhir_resources`, e.g. ``FhirClient.search_all("HealthcareService",
{"_include": ["HealthcareService:providedBy", "HealthcareService:location"]})``).
"""

from collections.abc import Iterable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import text
from commcare_ext.directory.directory import Directory
from commcare_ext.directory.fhir_parts import ResourceIndex
from commcare_ext.directory.fhir_service import FhirServiceReader
from commcare_ext.directory.report import DirectoryError, LoadProblem, LoadReport, Severity
from commcare_ext.directory.taxonomy import TaxonomyMapping
from commcare_ext.fhir.json_text import JsonTextError, parse_json

#: Resource types read alongside HealthcareService; any other type is reported as not read.
_SUPPORTING = {"Organization", "Location", "Endpoint", "OperationOutcome"}

Entry = tuple[str | None, Any, str | None]  # (fullUrl, resource, source)


def read_fhir_resources(
    resources: Iterable[Mapping[str, Any]],
    *,
    mapping: TaxonomyMapping | None = None,
    today: date | None = None,
) -> tuple[Directory, LoadReport]:
    """Read HealthcareService, Organization and Location resources (Bundles are opened).

    Feed it the result of a server search that included each service's Organization and
    Locations; a service whose Organization is missing (and has no display name) is skipped.
    """
    totals: list[int] = []
    directory, report = _load(
        _entries(((None, r, None) for r in resources), totals), mapping, today
    )
    if totals and max(totals) > report.services_read:
        message = (
            f"the search matched {max(totals)} services but the pages read hold "
            f"{report.services_read}: follow every next link (some servers' next links skip "
            "results when _include is used)"
        )
        report.add(LoadProblem(Severity.WARNING, "Bundle", None, "total", message))
    return directory, report


def read_fhir(
    source: str | Path | Mapping[str, Any],
    *,
    mapping: TaxonomyMapping | None = None,
    today: date | None = None,
) -> tuple[Directory, LoadReport]:
    """Read a FHIR Bundle or resource (parsed, or a ``.json`` file), ``.ndjson``, or a folder.

    Raises :class:`DirectoryError` only when the input as a whole is unreadable; bad
    resources go into the :class:`LoadReport`.
    """
    if isinstance(source, Mapping):
        return _load(_entries([(None, source, None)]), mapping, today)
    path = Path(source)
    if path.is_dir():
        files = sorted(p for p in path.iterdir() if p.suffix in (".json", ".ndjson"))
        if not files:
            raise DirectoryError(path.name, "no .json or .ndjson files in this folder")
    elif path.is_file():
        files = [path]
    else:
        raise DirectoryError(str(path), "no such file or folder")
    report = LoadReport()
    problems = Problems(report, None)
    raw: list[Entry] = []
    for file in files:
        raw.extend(_file_entries(file, problems, single=len(files) == 1))
    return _load(_entries(raw), mapping, today, report)


def _file_entries(path: Path, problems: Problems, *, single: bool) -> list[Entry]:
    try:
        content = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        if single:
            raise DirectoryError(path.name, f"not readable ({type(exc).__name__})") from None
        problems.source = path.name
        problems.skipped("file", path.name, "(file)", "not readable as UTF-8 text")
        return []
    if path.suffix == ".ndjson":
        entries: list[Entry] = []
        for number, line in enumerate(content.splitlines(), start=1):
            if not line.strip():
                continue
            try:
                entries.append((None, parse_json(line, source=path.name), path.name))
            except JsonTextError:
                problems.source = path.name
                problems.skipped("line", str(number), "(line)", "not a JSON resource")
        return entries
    try:
        document = parse_json(content, source=path.name)
    except JsonTextError:
        if single:
            raise DirectoryError(path.name, "not readable as JSON") from None
        problems.source = path.name
        problems.skipped("file", path.name, "(file)", "not readable as JSON")
        return []
    if isinstance(document, list):
        return [(None, item, path.name) for item in document]
    return [(None, document, path.name)]


def _entries(raw: Iterable[Entry], totals: list[int] | None = None) -> Iterator[Entry]:
    """Resources, with every Bundle (nested too) opened into its entries.

    ``totals`` collects the ``total`` of each search result page of HealthcareServices, so
    the load can tell when pages are missing.
    """
    for full_url, resource, source in raw:
        if isinstance(resource, Mapping) and resource.get("resourceType") == "Bundle":
            entries = [e for e in _list(resource.get("entry")) if isinstance(e, Mapping)]
            total = resource.get("total")
            if (
                totals is not None
                and resource.get("type") == "searchset"
                and (isinstance(total, int) and any(_is_service_match(e) for e in entries))
            ):
                totals.append(total)
            yield from _entries(
                ((text(e, "fullUrl"), e.get("resource"), source) for e in entries), totals
            )
        else:
            yield full_url, resource, source


def _list(value: Any) -> list[Any]:
    return value if isinstance(value, list) else []


def _is_service_match(entry: Mapping[str, Any]) -> bool:
    resource, search = entry.get("resource"), entry.get("search")
    mode = search.get("mode", "match") if isinstance(search, Mapping) else "match"
    return (
        mode == "match"
        and isinstance(resource, Mapping)
        and resource.get("resourceType") == "HealthcareService"
    )


def _load(
    entries: Iterable[Entry],
    mapping: TaxonomyMapping | None,
    today: date | None,
    report: LoadReport | None = None,
) -> tuple[Directory, LoadReport]:
    report = report or LoadReport()
    problems = Problems(report, None)
    index = ResourceIndex()
    services: list[tuple[Mapping[str, Any], str | None]] = []
    for full_url, resource, source in entries:
        problems.source = source
        if not isinstance(resource, Mapping) or text(resource, "resourceType") is None:
            problems.skipped("resource", full_url, "resourceType", "expected a FHIR resource")
            continue
        kind = str(resource["resourceType"])
        index.add(resource, full_url)
        if kind == "HealthcareService":
            services.append((resource, source))
        elif kind == "OperationOutcome":
            _outcome(resource, problems)
        elif kind not in _SUPPORTING:
            message = "only HealthcareService, Organization and Location are read"
            problems.skipped(kind, text(resource, "id"), "resourceType", message)
    reader = FhirServiceReader(
        index, mapping or TaxonomyMapping.open_eligibility(), problems, today or date.today()
    )
    kept = []
    for resource, source in services:
        problems.source = source
        if (service := reader.read(resource)) is not None:
            kept.append(service)
    directory, duplicates = Directory.of(kept)
    for problem in duplicates:
        report.add(problem)
    report.services_read += len(services)
    report.services_loaded += len(directory)
    return directory, report


def _outcome(resource: Mapping[str, Any], problems: Problems) -> None:
    """A server's OperationOutcome in search results: its issue codes, as warnings."""
    issues = resource.get("issue")
    for issue in issues if isinstance(issues, list) else []:
        if isinstance(issue, Mapping) and text(issue, "severity") in ("error", "fatal"):
            message = f"the server reported {text(issue, 'code') or 'an error'}"
            problems.warning("OperationOutcome", text(resource, "id"), "issue", message)
