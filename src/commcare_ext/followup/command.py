"""``commcare-ext referrals``: the stuck-referral report from a FHIR server, as a table or JSON.

    commcare-ext referrals --server URL [--patient ID] [--since DATE] [--stuck-after 14d]
                           [--zone America/New_York] [--token-env NAME] [--json]

Exit codes: 0 the report was written and no referral needs attention; 1 the report was
written and at least one referral needs attention (so a scheduled job can alert); 2 a usage
error (one line on stderr); 3 the server could not be read (one line on stderr). ``--since``
keeps referrals *made* on or after DATE (``authored-on``): filtering on last update would
hide exactly the referrals that stopped moving.
"""

import argparse
import json
import os
import re
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, date, datetime, tzinfo
from typing import NoReturn, TextIO
from urllib.parse import urlsplit
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commcare_ext.client import BearerToken, FhirClient, FhirClientError
from commcare_ext.followup.errors import ReportOptionError
from commcare_ext.followup.follow import ReferralScope, read_referrals
from commcare_ext.followup.report import ReportEntry, StuckPolicy, referral_report, report_json

EXIT_OK: int = 0
EXIT_NEEDS_ATTENTION: int = 1
EXIT_USAGE: int = 2
EXIT_SERVER: int = 3

_PROG = "commcare-ext referrals"
_ID = re.compile(r"^[A-Za-z0-9\-.]{1,64}$")


class _UsageError(Exception):
    """A bad command line; the message is one line for people."""


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise _UsageError(message)


def referrals_command(
    argv: Sequence[str],
    *,
    now: datetime | None = None,
    out: TextIO | None = None,
    err: TextIO | None = None,
    environ: dict[str, str] | None = None,
    client_factory: Callable[[str, BearerToken | None], FhirClient] | None = None,
) -> int:
    """Run the command with ``argv`` (without the ``referrals`` word); return the exit code."""
    out = out or sys.stdout
    err = err or sys.stderr
    try:
        args = _parser().parse_args(list(argv))
        zone = _zone(args.zone)
        policy = StuckPolicy.parse(args.stuck_after, zone)
        scope = ReferralScope(patient=_patient(args.patient), authored_since=_since(args.since))
        server = _server(args.server)
        token = _token(args.token_env, os.environ if environ is None else environ)
    except (_UsageError, ReportOptionError) as error:
        print(f"{_PROG}: error: {error}", file=err)
        return EXIT_USAGE
    client = (client_factory or _client)(server, token)
    try:
        referrals = read_referrals(client, scope)
    except FhirClientError as error:
        host = urlsplit(server).hostname or "the server"
        print(f"{_PROG}: cannot read referrals from {host}: {error}", file=err)
        return EXIT_SERVER
    entries = referral_report(referrals, now=now or datetime.now(UTC), policy=policy)
    if args.json:
        out.write(json.dumps(report_json(entries), ensure_ascii=False, indent=2) + "\n")
    else:
        out.write(report_table(entries))
    return EXIT_NEEDS_ATTENTION if any(e.stuck for e in entries) else EXIT_OK


def report_table(entries: Sequence[ReportEntry]) -> str:
    """The report as an aligned plain-text table, those needing attention first."""
    if not entries:
        return "No referral Tasks found.\n"
    header = ("Task", "Status", "Business status", "Last change", "Needs attention", "Reason")
    rows = [
        (
            e.task,
            e.status,
            e.business_status or "-",
            e.last_change.isoformat(timespec="minutes") if e.last_change else "-",
            "yes" if e.stuck else "no",
            e.reason or "-",
        )
        for e in entries
    ]
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        return "  ".join([*cells, row[-1]]).rstrip()

    stuck = sum(e.stuck for e in entries)
    lines = [line(header), line(tuple("-" * len(h) for h in header)), *map(line, rows)]
    lines.append(f"\n{len(entries)} referral(s), {stuck} needing attention.")
    return "\n".join(lines) + "\n"


def _parser() -> _Parser:
    parser = _Parser(prog=_PROG, description="Which referrals need the clinic's attention.")
    parser.add_argument("--server", required=True, help="FHIR R4 base URL")
    parser.add_argument("--patient", help="only this patient's referrals (id or Patient/id)")
    parser.add_argument("--since", help="only referrals made on or after this date (YYYY-MM-DD)")
    parser.add_argument(
        "--stuck-after",
        default="",
        help="days without progress before a referral counts as stuck: 14d, 2w, or "
        "per status such as requested=7d,accepted=14d (default: our per-status defaults)",
    )
    parser.add_argument(
        "--zone", default="UTC", help="the clinic's time zone, e.g. America/Chicago"
    )
    parser.add_argument(
        "--token-env", help="name of an environment variable holding a bearer token"
    )
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    return parser


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        msg = "--zone: expected an IANA time zone name such as America/New_York"
        raise _UsageError(msg) from None


def _patient(value: str | None) -> str | None:
    if value is None:
        return None
    bare = value.removeprefix("Patient/")
    if not _ID.match(bare):
        msg = "--patient: expected a Patient id (letters, digits, '-' or '.') or Patient/<id>"
        raise _UsageError(msg)
    return f"Patient/{bare}"


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        msg = "--since: expected a date as YYYY-MM-DD"
        raise _UsageError(msg) from None


def _server(value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        msg = "--server: expected an http(s) URL of a FHIR R4 server"
        raise _UsageError(msg)
    return value


def _token(name: str | None, environ: os._Environ[str] | dict[str, str]) -> BearerToken | None:
    if name is None:
        return None
    token = environ.get(name)
    if not token:
        msg = f"--token-env: the environment variable {name} is not set"
        raise _UsageError(msg)
    return BearerToken(token)


def _client(server: str, token: BearerToken | None) -> FhirClient:
    return FhirClient(server, auth=token)
