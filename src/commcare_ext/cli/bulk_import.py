"""``commcare-ext import``: a ``batch`` folder into a FHIR server, in bulk, resumably."""

import argparse
import sys
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.progress import Progress
from commcare_ext.client import FhirClient, FhirClientError
from commcare_ext.population.importer import BulkImportError, Importer, read_manifest


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``import`` to the command line."""
    parser.description = (
        "Load every resource of a batch folder into the server: type by type in "
        "dependency order, as conditional-create transactions of --chunk-size "
        "resources (smaller when the server asks) on --connections parallel "
        "connections, through a durable outbox in DIR/.import. Run it again after a "
        "crash or Ctrl-C: it resumes, and nothing lands twice."
    )
    parser.add_argument("folder", type=Path, metavar="DIR")
    parser.add_argument("--server", required=True, metavar="URL", help="the FHIR R4 base URL")
    parser.add_argument(
        "--connections", type=int, default=4, metavar="N", help="parallel connections (4)"
    )
    parser.add_argument(
        "--chunk-size", type=int, default=40, metavar="N", help="resources per transaction (40)"
    )
    parser.add_argument(
        "--max-transaction-entries",
        type=int,
        metavar="N",
        help="the most entries the server takes in one transaction, when known",
    )
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Import, then print the report: created, already there, rejected and why."""
    if args.connections < 1 or args.chunk_size < 1:
        raise CliError("--connections and --chunk-size: expected at least 1", ExitCode.USAGE)
    try:
        total = sum(read_manifest(args.folder).values())
        with Progress(total, "importing", rate=True) as bar:
            importer = Importer(
                args.folder,
                lambda: FhirClient(
                    args.server, max_transaction_entries=args.max_transaction_entries
                ),
                connections=args.connections,
                chunk_size=args.chunk_size,
                advance=bar.advance,
            )
            report = importer.run()
    except BulkImportError as error:
        raise CliError(str(error), ExitCode.INPUT) from None
    except FhirClientError as error:
        raise CliError(f"{args.server}: {type(error).__name__}: {error}", ExitCode.SERVER) from None
    except KeyboardInterrupt:
        print("commcare-ext: interrupted; run the same import again to resume", file=sys.stderr)
        return 130
    created, there, rejected = (
        report.total(report.created),
        report.total(report.already_there),
        report.total(report.rejected),
    )
    print(f"{'type':<24}{'created':>10}{'already there':>15}{'rejected':>10}")
    kinds = sorted(set(report.created) | set(report.already_there) | set(report.rejected))
    for kind in kinds:
        print(
            f"{kind:<24}{report.created.get(kind, 0):>10}"
            f"{report.already_there.get(kind, 0):>15}{report.rejected.get(kind, 0):>10}"
        )
    print(f"{'total':<24}{created:>10}{there:>15}{rejected:>10}")
    for reason in report.reasons:
        print(f"commcare-ext: rejected: {reason}", file=sys.stderr)
    return ExitCode.NEEDS_ATTENTION if rejected else ExitCode.OK
