"""``commcare-ext outcomes``: the outcomes report from Bulk Data NDJSON or a FHIR server.

    commcare-ext outcomes (--ndjson DIR | --server URL) [--since DATE] --out report.html
                          [--json FILE] [--language es] [--engine duckdb|spark]

Exit codes: 0 written; 2 usage; 3 the server could not be read; 4 the input is not NDJSON.
"""

import argparse
import json
import os
from datetime import UTC, date, datetime, time
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.io import write_private
from commcare_ext.client import BearerToken, FhirClient
from commcare_ext.terminology.languages import FormLanguage


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``outcomes`` to the command line."""
    parser.description = (
        "Materialise the library's SQL on FHIR views from FHIR Bulk Data NDJSON (or a "
        "server search) into DuckDB (or Spark) and write the outcomes report: referral loop "
        "closure, score change completed vs not, equity by language and culture group. "
        "Every figure resting on fewer than 11 people is suppressed. Needs the analytics "
        "extra."
    )
    source = parser.add_mutually_exclusive_group(required=True)
    source.add_argument("--ndjson", type=Path, metavar="DIR", help="a Bulk Data NDJSON folder")
    source.add_argument("--server", metavar="URL", help="a FHIR R4 server to search")
    parser.add_argument("--since", help="only referrals made on or after this date (YYYY-MM-DD)")
    parser.add_argument("--as-of", help="the date the report is for (default: today, UTC)")
    parser.add_argument("--out", type=Path, required=True, metavar="HTML", help="the HTML page")
    parser.add_argument("--json", type=Path, metavar="FILE", help="also write the figures as JSON")
    parser.add_argument(
        "--language",
        default="en",
        choices=[language.value for language in FormLanguage],
        help="the report's language (default en)",
    )
    parser.add_argument(
        "--engine", default="duckdb", choices=["duckdb", "spark"], help="default duckdb"
    )
    parser.add_argument("--workers", type=int, help="processes reading NDJSON (default: cores)")
    parser.add_argument("--token-env", help="environment variable holding a bearer token")
    parser.set_defaults(run=run)


def _date(value: str | None, option: str) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise CliError(f"{option}: expected a date as YYYY-MM-DD", ExitCode.USAGE) from None


def _client(args: argparse.Namespace) -> FhirClient:
    parts = urlsplit(args.server)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise CliError("--server: expected an http(s) base URL", ExitCode.USAGE)
    token = os.environ.get(args.token_env) if args.token_env else None
    if args.token_env and not token:
        raise CliError(f"--token-env: {args.token_env} is not set", ExitCode.USAGE)
    return FhirClient(args.server, auth=BearerToken(token) if token else None)


def _engine(args: argparse.Namespace) -> Any:
    from commcare_ext.outcomes import (  # noqa: PLC0415 - the analytics extra
        load_ndjson,
        read_server,
    )
    from commcare_ext.outcomes.tables import view_resource_types  # noqa: PLC0415

    types = view_resource_types()
    if args.engine == "spark":
        from commcare_ext.outcomes.spark import SparkTables  # noqa: PLC0415

        tables = SparkTables()
        if args.ndjson is not None:
            tables.load_ndjson(args.ndjson)
        else:
            tables.load(read_server(_client(args), types))
        return tables
    if args.ndjson is not None:
        return load_ndjson(args.ndjson, workers=args.workers)
    from commcare_ext.outcomes import DuckDbTables, materialise  # noqa: PLC0415

    duck = DuckDbTables()
    materialise(read_server(_client(args), types), duck)
    return duck


def run(args: argparse.Namespace) -> int:
    """Read, measure, suppress, write."""
    since = _date(args.since, "--since")
    as_of_day = _date(args.as_of, "--as-of") or datetime.now(UTC).date()
    as_of = datetime.combine(as_of_day, time.max, tzinfo=UTC)
    if args.workers is not None and args.workers < 1:
        raise CliError("--workers: expected a number above 0", ExitCode.USAGE)
    try:
        from commcare_ext.outcomes import (  # noqa: PLC0415 - the analytics extra
            OutcomesSourceError,
            build_report,
            report_html,
        )

        engine = _engine(args)
    except ModuleNotFoundError as error:
        msg = f"the outcomes report needs the analytics extra ({error.name} is missing)"
        raise CliError(msg, ExitCode.USAGE) from None
    except OutcomesSourceError as error:
        code = ExitCode.SERVER if args.server else ExitCode.INPUT
        raise CliError(str(error), code) from None
    try:
        report = build_report(engine, as_of=as_of, since=since)
    finally:
        engine.close()
    # Aggregates only (every small cell suppressed), yet written like everything else we
    # write: one line and exit 2 when the place cannot be written.
    write_private(args.out, report_html(report, language=args.language))
    if args.json is not None:
        figures = json.dumps(report, ensure_ascii=False, indent=2) + "\n"
        write_private(args.json, figures, "--json")
    people = report["people"]["n"]
    print(
        f"wrote {args.out}"
        + (f" and {args.json}" if args.json else "")
        + f" ({report['referrals']['n'] or 0} referrals, {people or 0} people)"
    )
    return ExitCode.OK
