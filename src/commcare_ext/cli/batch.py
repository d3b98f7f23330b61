"""``commcare-ext batch``: many intakes at once, into the FHIR Bulk Data layout."""

import argparse
import os
import sys
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.inputs import add_clinic_option, load_clinic
from commcare_ext.cli.progress import Progress
from commcare_ext.population.batch import (
    DEFAULT_CHUNK,
    BatchError,
    count_lines,
    input_files,
    run_batch,
)
from commcare_ext.population.records import ClinicSettings


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``batch`` to the command line."""
    parser.description = (
        "Extract every QuestionnaireResponse (or intake) in INPUT, an NDJSON file or a "
        "folder of them, into DIR: one NDJSON file per resource type, manifest.json "
        "(like a Bulk Data $export manifest) and rejects.ndjson (each input that failed, "
        "with its line and every problem). Resources keep the ids the Bundles use. "
        "--resume continues an interrupted run from its last completed chunk."
    )
    parser.add_argument("input", type=Path, metavar="INPUT")
    parser.add_argument("--out", type=Path, required=True, metavar="DIR")
    parser.add_argument(
        "--workers",
        type=int,
        default=os.cpu_count() or 1,
        metavar="N",
        help="processes to extract with (default: every core; 1 runs in this process)",
    )
    parser.add_argument(
        "--resume", action="store_true", help="continue an interrupted run into the same DIR"
    )
    parser.add_argument(
        "--chunk-size",
        type=int,
        default=DEFAULT_CHUNK,
        metavar="N",
        help=f"records per chunk: the unit of work and of resuming (default {DEFAULT_CHUNK})",
    )
    add_clinic_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Run the batch and print where everything went."""
    if args.workers < 1 or args.chunk_size < 1:
        raise CliError("--workers and --chunk-size: expected at least 1", ExitCode.USAGE)
    clinic = load_clinic(args.clinic)
    settings = ClinicSettings(clinic.clinic, clinic.clinician, dict(clinic.directory))
    try:
        files = input_files(args.input)
        total = count_lines(files) if sys.stderr.isatty() else 0
        with Progress(max(total, 1), "extracting", rate=True) as bar:
            summary = run_batch(
                args.input,
                args.out,
                settings,
                workers=args.workers,
                resume=args.resume,
                chunk_size=args.chunk_size,
                advance=bar.advance,
                started=bar.restart_clock,
            )
    except BatchError as error:
        raise CliError(str(error), ExitCode.USAGE) from None
    except KeyboardInterrupt:
        print(
            f"commcare-ext: interrupted; every completed chunk is in {args.out}: "
            "run again with --resume to continue",
            file=sys.stderr,
        )
        return 130
    written = sum(summary.counts.values())
    print(
        f"read {summary.read} records: {written} resources in {len(summary.counts)} files, "
        f"{summary.rejected} rejected ({args.out / 'rejects.ndjson'}); "
        f"manifest {args.out / 'manifest.json'}",
        file=sys.stderr,
    )
    return ExitCode.NEEDS_ATTENTION if summary.rejected else ExitCode.OK
