"""``commcare-ext read``: a QuestionnaireResponse into the intake it holds, or every problem."""

import argparse
from pathlib import Path

from commcare_ext.cli.inputs import add_intake_options, load_intake
from commcare_ext.cli.io import convert_each


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``read`` to the command line."""
    parser.description = (
        "Read QuestionnaireResponse JSON (from LHC-Forms, SMART Forms, Medplum...) into "
        "the intake model and print it as JSON. A response with problems lists each with "
        "its linkId path, and exits 1."
    )
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="RESPONSE",
        help="QuestionnaireResponse files or folders of them (default: stdin)",
    )
    parser.add_argument("--out", type=Path, help="output file (a folder for several inputs)")
    add_intake_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the intake of each response."""

    def convert(source: str) -> str:
        intake, _ = load_intake(source, args)
        return intake.model_dump_json(indent=2, exclude_none=True) + "\n"

    return convert_each(args.inputs, args.out, convert, suffix="intake", label="reading")
