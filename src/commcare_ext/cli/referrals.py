"""``commcare-ext referrals``: the stuck-referral report from a FHIR server, as a table or JSON.

Exit codes: 0 the report was written and no referral needs attention; 1 the report was written
and at least one referral needs attention (so a scheduled job can alert); 2 a usage error;
3 the server could not be read. ``--since`` keeps referrals *made* on or after DATE
(``authored-on``): filtering on last update would hide exactly the referrals that stopped
moving. Each Task is shown with the patient's MRN (never the name), the service and the
organisation that holds it, so staff can act on the report.
"""

import argparse
import json
import sys
from datetime import UTC, date, datetime, tzinfo
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.server import add_server_options, connect, where
from commcare_ext.client import FhirClientError
from commcare_ext.followup import (
    ReferralScope,
    ReportOptionError,
    StuckPolicy,
    read_referrals,
    referral_report,
)
from commcare_ext.followup.parties import referral_parties
from commcare_ext.followup.table import report_table, report_with_parties
from commcare_ext.primitives import ID_RE

_ID = ID_RE


def register(parser: argparse.ArgumentParser) -> None:
    """``referrals`` and its options (the server options are those of ``post``)."""
    parser.description = (
        "Which referrals need the clinic's attention: every referral Task on the server, "
        "with the patient's MRN, the service and the organisation, those stuck first."
    )
    add_server_options(parser, transactions=False)
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
    parser.add_argument("--json", action="store_true", help="print JSON instead of a table")
    parser.add_argument("--now", type=datetime.fromisoformat, help=argparse.SUPPRESS)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Read the referrals, write the report; 1 when any needs attention."""
    zone = _zone(args.zone)
    try:
        policy = StuckPolicy.parse(args.stuck_after, zone)
    except ReportOptionError as error:
        raise CliError(f"--stuck-after: {error}", ExitCode.USAGE) from None
    scope = ReferralScope(patient=_patient(args.patient), authored_since=_since(args.since))
    now = args.now or datetime.now(UTC)
    if now.tzinfo is None:
        raise CliError("--now: expected a time with its zone", ExitCode.USAGE)
    client, _ = connect(args)
    try:
        referrals = read_referrals(client, scope)
        parties = referral_parties(client, referrals.states)
    except FhirClientError as error:
        msg = f"cannot read referrals from {where(args.server)}: {error}"
        raise CliError(msg, ExitCode.SERVER) from None
    entries = referral_report(referrals, now=now, policy=policy)
    if args.json:
        document = report_with_parties(entries, parties)
        sys.stdout.write(json.dumps(document, ensure_ascii=False, indent=2) + "\n")
    else:
        sys.stdout.write(report_table(entries, parties))
    return ExitCode.NEEDS_ATTENTION if any(e.stuck for e in entries) else ExitCode.OK


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        msg = "--zone: expected an IANA time zone name such as America/New_York"
        raise CliError(msg, ExitCode.USAGE) from None


def _patient(value: str | None) -> str | None:
    if value is None:
        return None
    bare = value.removeprefix("Patient/")
    if not _ID.match(bare):
        msg = "--patient: expected a Patient id (letters, digits, '-' or '.') or Patient/<id>"
        raise CliError(msg, ExitCode.USAGE)
    return f"Patient/{bare}"


def _since(value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError("--since: expected a date as YYYY-MM-DD", ExitCode.USAGE) from None
