"""``commcare-ext match``: an intake against a directory, as a table or as JSON.

    commcare-ext match INTAKE --directory PATH [--near LAT,LON] [--travel-limit KM]
                       [--json] [--language en|es|patient] [--today YYYY-MM-DD]

INTAKE is an intake JSON file (as in examples/intakes) or a QuestionnaireResponse; PATH is
Open Referral HSDS JSON (a file or a folder), or a FHIR Bundle, NDJSON file or folder of
them. Every service of the directory is printed in exactly one list. A user error is one
line on stderr and an exit code, never a traceback:

====  ==========================================================
0     matched (also when nothing fits: the exclusions say why)
2     the command line is wrong
3     the intake cannot be read or is not a valid intake
4     the directory cannot be read, or holds no usable service
====  ==========================================================
"""

import argparse
import json
import sys
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any, Final, TextIO

from pydantic import ValidationError

from commcare_ext.directory import Directory, DirectoryError, LoadReport, read_fhir, read_hsds
from commcare_ext.errors import CommcareError
from commcare_ext.intake import Intake
from commcare_ext.matching.findings import Finding, as_data
from commcare_ext.matching.match import MatchResult, match
from commcare_ext.matching.messages import MESSAGE_LANGUAGES, message_language, render

EXIT_OK: Final = 0
EXIT_USAGE: Final = 2
EXIT_BAD_INTAKE: Final = 3
EXIT_BAD_DIRECTORY: Final = 4

#: Reads QuestionnaireResponse JSON into an intake (``commcare_ext.questionnaire``'s
#: ``response_to_intake``; matching may not import the form layer, so the caller passes it).
ResponseReader = Callable[[Mapping[str, Any]], Intake]


class _Failed(Exception):  # noqa: N818 - internal signal: an exit code and its one line
    def __init__(self, code: int, line: str) -> None:
        super().__init__(line)
        self.code = code
        self.line = line


class _Parser(argparse.ArgumentParser):
    """argparse that writes help to the given stream and never exits the process."""

    def __init__(self, out: TextIO, **options: Any) -> None:
        super().__init__(**options)
        self.out = out

    def error(self, message: str) -> Any:  # argparse would print usage and exit
        raise _Failed(EXIT_USAGE, f"{self.prog}: {message} (see --help)")

    def print_help(self, file: Any = None) -> None:
        self.out.write(self.format_help())

    def exit(self, status: int = 0, message: str | None = None) -> Any:
        raise _Failed(status, message.rstrip("\n") if message else "")


def _parser(out: TextIO) -> argparse.ArgumentParser:
    parser = _Parser(
        out,
        prog="commcare-ext match",
        description="Propose the community services of a directory that fit an intake.",
    )
    parser.add_argument("intake", help="intake JSON or QuestionnaireResponse JSON file")
    parser.add_argument("--directory", required=True, help="HSDS JSON, FHIR Bundle or NDJSON")
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
    return parser


def match_command(
    argv: Sequence[str] | None = None,
    *,
    read_response: ResponseReader | None = None,
    stdout: TextIO | None = None,
    stderr: TextIO | None = None,
) -> int:
    """Run ``commcare-ext match`` with ``argv`` (without the ``match`` word); return its exit code.

    ``read_response`` reads a QuestionnaireResponse INTAKE (pass
    ``commcare_ext.questionnaire.response_to_intake``); without it such a file is refused.
    """
    out, err = stdout or sys.stdout, stderr or sys.stderr
    try:
        args = _parser(out).parse_args(argv)
        near = _near(args.near)
        intake = _intake(Path(args.intake), read_response)
        directory = _directory(Path(args.directory), args.today, err)
        result = match(
            intake, directory, near=near, travel_limit=args.travel_limit, today=args.today
        )
        language = _language(args.language, intake, err)
    except _Failed as failed:
        if failed.line:
            err.write(failed.line + "\n")
        return failed.code
    except CommcareError as error:  # a bad --travel-limit, caught by match()
        err.write(f"commcare-ext match: {str(error).splitlines()[0]}\n")
        return EXIT_USAGE
    if args.json:
        out.write(json.dumps(as_json(result, language), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(as_table(result, language))
    return EXIT_OK


def _near(text: str | None) -> tuple[float, float] | None:
    if text is None:
        return None
    try:
        lat, lon = (float(part) for part in text.split(","))
    except ValueError:
        raise _Failed(
            EXIT_USAGE, "--near: expected LAT,LON in degrees, e.g. 37.47,-105.87"
        ) from None
    return (lat, lon)


def _intake(path: Path, read_response: ResponseReader | None) -> Intake:
    try:
        document = json.loads(path.read_text(encoding="utf-8"))
    except OSError:
        raise _Failed(EXIT_BAD_INTAKE, f"intake: cannot read {path}") from None
    except (UnicodeDecodeError, json.JSONDecodeError):
        raise _Failed(EXIT_BAD_INTAKE, f"intake: {path.name} is not JSON") from None
    if isinstance(document, Mapping) and document.get("resourceType") == "QuestionnaireResponse":
        if read_response is None:
            message = "intake: a QuestionnaireResponse needs the form reader (use commcare-ext)"
            raise _Failed(EXIT_BAD_INTAKE, message)
        try:
            return read_response(document)
        except CommcareError as error:
            first = str(error).splitlines()[0]
            raise _Failed(EXIT_BAD_INTAKE, f"intake: {first}") from None
    try:
        return Intake.model_validate(document)
    except ValidationError as error:
        problems = error.errors(include_input=False, include_url=False)
        where = ".".join(str(part) for part in problems[0]["loc"]) or "(intake)"
        more = f" (and {len(problems) - 1} more)" if len(problems) > 1 else ""
        raise _Failed(EXIT_BAD_INTAKE, f"intake: {where}: {problems[0]['msg']}{more}") from None


def _is_fhir(path: Path) -> bool:
    files = sorted(path.glob("*.json")) if path.is_dir() else [path]
    if path.is_dir() and any(path.glob("*.ndjson")):
        return True
    if path.suffix == ".ndjson":
        return True
    for file in files[:1]:
        try:
            document = json.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, json.JSONDecodeError):
            return False  # the HSDS reader reports it, naming the file
        return isinstance(document, Mapping) and "resourceType" in document
    return False


def _directory(path: Path, today: date | None, err: TextIO) -> Directory:
    if not path.exists():
        raise _Failed(EXIT_BAD_DIRECTORY, f"directory: no such file or folder: {path}")
    try:
        read = read_fhir if _is_fhir(path) else read_hsds
        directory, report = read(path, today=today)
    except DirectoryError as error:
        raise _Failed(EXIT_BAD_DIRECTORY, f"directory: {error}") from None
    _report(report, err)
    if not len(directory):
        raise _Failed(EXIT_BAD_DIRECTORY, f"directory: no usable service in {path.name}")
    return directory


def _report(report: LoadReport, err: TextIO) -> None:
    if not report.ok:
        err.write(f"directory: {report.summary()}\n")


def _language(choice: str, intake: Intake, err: TextIO) -> str:
    if choice != "patient":
        return choice
    found = message_language(intake.language.preferred_language)
    if found is None:
        err.write("the patient's language has no message catalogue: reasons are in English\n")
        return "en"
    return found


def _finding(finding: Finding, language: str) -> dict[str, Any]:
    return {**as_data(finding), "text": render(finding, language)}


def as_json(result: MatchResult, language: str = "en") -> dict[str, Any]:
    """The ``--json`` document: every service in exactly one of the two lists."""
    return {
        "proposals": [
            {
                "service": p.service_id,
                "name": p.service.name,
                "rank": p.rank,
                "score": p.score,
                "reasons": [_finding(r, language) for r in p.reasons],
                "cautions": [_finding(c, language) for c in p.cautions],
            }
            for p in result.proposals
        ],
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
    total = len(result.proposals) + len(result.excluded)
    lines = [f"Proposed: {len(result.proposals)} of {total} services"]
    for p in result.proposals:
        lines.append(f"{p.rank:>4}. {p.service.name} [{p.service_id}]  score {p.score}")
        lines.extend(f"        + {render(r, language)}" for r in p.reasons)
        lines.extend(f"        ! {render(c, language)}" for c in p.cautions)
    lines.append(f"Excluded: {len(result.excluded)}")
    for e in result.excluded:
        lines.append(f"      {e.service.name} [{e.service_id}]")
        lines.extend(f"        x {render(u, language)}" for u in e.because)
    return "\n".join(lines) + "\n"
