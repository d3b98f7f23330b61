"""``commcare-ext match``: an intake against a directory of services, as a table or as JSON.

INTAKE is an intake JSON file (as in examples/intakes) or a QuestionnaireResponse, or ``-``
for stdin; ``--directory`` is Open Referral HSDS JSON (a file or a folder), or a FHIR Bundle,
NDJSON file or folder of them. Every service of the directory is printed in exactly one list.
Exit codes are those of every command: 1 for a response with problems, 2 for a wrong command
line, 4 for an intake or directory that cannot be read or holds no usable service.
"""

import argparse
import json
import sys
from datetime import date
from pathlib import Path
from typing import Any

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.inputs import add_intake_options, load_intake
from commcare_ext.directory import Directory, DirectoryError, LoadReport, read_fhir, read_hsds
from commcare_ext.fhir.json_text import JsonTextError, parse_json
from commcare_ext.intake import Intake
from commcare_ext.matching import (
    MESSAGE_LANGUAGES,
    MatchingError,
    MatchResult,
    Proposal,
    as_data,
    match,
    message_language,
    render,
)
from commcare_ext.matching.findings import Finding

NOTE = "commcare-ext: note: "
#: Skipped records named one by one before the rest are counted.
_SHOWN_PROBLEMS = 20


def register(parser: argparse.ArgumentParser) -> None:
    """``match INTAKE --directory PATH`` and its options."""
    parser.description = (
        "Propose the community services of a directory that fit an intake, with the reasons "
        "for each proposal and the causes of each exclusion."
    )
    parser.add_argument(
        "intake", metavar="INTAKE", help="intake JSON or QuestionnaireResponse file (- for stdin)"
    )
    parser.add_argument(
        "--directory",
        required=True,
        type=Path,
        help="HSDS JSON (file or folder), or a FHIR Bundle, NDJSON file or folder of them",
    )
    parser.add_argument("--near", help="where the person is, as LAT,LON in degrees")
    parser.add_argument("--travel-limit", type=float, help="how far they can go, in km")
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument(
        "--language",
        choices=(*MESSAGE_LANGUAGES, "patient"),
        default="en",
        help="language of the reasons (patient: the intake's preferred language)",
    )
    parser.add_argument("--today", type=date.fromisoformat, help=argparse.SUPPRESS)
    add_intake_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Match and print; 0 also when nothing fits (the exclusions say why)."""
    near = _near(args.near)
    intake, _ = load_intake(args.intake, args)
    directory = _directory(args.directory, args.today)
    try:
        result = match(
            intake, directory, near=near, travel_limit=args.travel_limit, today=args.today
        )
    except MatchingError as error:  # a bad --near or --travel-limit, caught by match()
        raise CliError(str(error).splitlines()[0], ExitCode.USAGE) from None
    language = _language(args.language, intake)
    if args.json:
        sys.stdout.write(json.dumps(as_json(result, language), ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(as_table(result, language))
    return ExitCode.OK


def _near(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        msg = "--near: expected LAT,LON in degrees, e.g. 37.47,-105.87"
        raise CliError(msg, ExitCode.USAGE) from None
    return (lat, lon)


def _is_fhir(path: Path) -> bool:
    """True for FHIR input (NDJSON, or JSON whose first document has a resourceType)."""
    if path.suffix == ".ndjson" or (path.is_dir() and any(path.glob("*.ndjson"))):
        return True
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    for file in files[:1]:
        try:
            document = parse_json(file.read_bytes(), source=file.name)
        except (OSError, JsonTextError):
            return False  # the HSDS reader reports it, naming the file
        return isinstance(document, dict) and "resourceType" in document
    return False


def _directory(path: Path, today: date | None) -> Directory:
    name = f"--directory {path}"
    if not path.exists():
        raise CliError(f"{name}: no such file or folder", ExitCode.INPUT)
    fhir = _is_fhir(path)
    try:
        directory, report = (read_fhir if fhir else read_hsds)(path, today=today)
    except DirectoryError as error:
        raise CliError(f"{name}: {error}; {_expected(fhir)}", ExitCode.INPUT) from None
    _report(report)
    if not len(directory):
        msg = f"{name}: no usable service ({report.summary()}); {_expected(fhir)}"
        raise CliError(msg, ExitCode.INPUT)
    return directory


def _expected(fhir: bool) -> str:
    if fhir:
        return (
            "expected FHIR HealthcareService resources (with their Organization and Location) "
            "in a Bundle, NDJSON or a folder of them"
        )
    return "expected Open Referral HSDS 3.0 services (a services.json, or table files)"


def _report(report: LoadReport) -> None:
    """Name every skipped record (up to a limit) and count the warnings, on stderr."""
    if report.ok:
        return
    print(f"{NOTE}directory: {report.summary()}", file=sys.stderr)
    skipped = report.skipped
    for problem in skipped[:_SHOWN_PROBLEMS]:
        print(f"{NOTE}  skipped {problem}", file=sys.stderr)
    if len(skipped) > _SHOWN_PROBLEMS:
        print(f"{NOTE}  and {len(skipped) - _SHOWN_PROBLEMS} more skipped", file=sys.stderr)


def _language(choice: str, intake: Intake) -> str:
    if choice != "patient":
        return choice
    found = message_language(intake.language.preferred_language)
    if found is None:
        print(
            f"{NOTE}the patient's language has no message catalogue: reasons are in English",
            file=sys.stderr,
        )
        return "en"
    return found


def _finding(finding: Finding, language: str) -> dict[str, Any]:
    return {**as_data(finding), "text": render(finding, language)}


def _proposal(p: Proposal, language: str) -> dict[str, Any]:
    return {
        "service": p.service_id,
        "name": p.service.name,
        "rank": p.rank,
        "score": p.score,
        "crisis": p.crisis,
        "reasons": [_finding(r, language) for r in p.reasons],
        "cautions": [_finding(c, language) for c in p.cautions],
    }


def as_json(result: MatchResult, language: str = "en") -> dict[str, Any]:
    """The ``--json`` document: every service in exactly one of the three lists."""
    return {
        "proposals": [_proposal(p, language) for p in result.proposals],
        "if_things_get_worse": [_proposal(p, language) for p in result.if_things_get_worse],
        "excluded": [
            {
                "service": e.service_id,
                "name": e.service.name,
                "because": [_finding(u, language) for u in e.because],
            }
            for e in result.excluded
        ],
    }


def as_table(result: MatchResult, language: str = "en") -> str:
    """A table a person reads: proposals with reasons and cautions, then the exclusions."""
    worse = result.if_things_get_worse
    total = len(result.proposals) + len(worse) + len(result.excluded)
    lines = [f"Proposed: {len(result.proposals)} of {total} services"]
    for heading, listed in (("", result.proposals), ("If things get worse (crisis help)", worse)):
        if heading and listed:
            lines.append(f"{heading}: {len(listed)}")
        for p in listed:
            lines.append(f"{p.rank:>4}. {p.service.name} [{p.service_id}]  score {p.score}")
            lines.extend(f"        + {render(r, language)}" for r in p.reasons)
            lines.extend(f"        ! {render(c, language)}" for c in p.cautions)
    lines.append(f"Excluded: {len(result.excluded)}")
    for e in result.excluded:
        lines.append(f"      {e.service.name} [{e.service_id}]")
        lines.extend(f"        x {render(u, language)}" for u in e.because)
    return "\n".join(lines) + "\n"
