"""``commcare-ext views test DIR``: run a SQL on FHIR v2 conformance suite on our view runner."""

import argparse
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``views`` to the command line."""
    parser.description = "Work with SQL on FHIR v2 ViewDefinitions (needs the analytics extra)."
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    test = actions.add_parser(
        "test",
        help="run every conformance test file in DIR; print 'N passed, M failed'",
        description=(
            "Run every test of every *.json test file in DIR (the SQL on FHIR v2 suite layout) "
            "on the view runner. Exits 1 when any test fails; --tag limits the run to one tag."
        ),
    )
    test.add_argument("dir", type=Path, metavar="DIR")
    test.add_argument("--tag", help="only tests with this tag (e.g. shareable)")
    test.add_argument("-v", "--verbose", action="store_true", help="name every failing test")
    test.set_defaults(run=run_tests)


def run_tests(args: argparse.Namespace) -> int:
    """Run the suite in ``args.dir`` and print the tally (and failures when asked)."""
    folder: Path = args.dir
    if not folder.is_dir():
        raise CliError(f"{folder}: not a folder of test files", ExitCode.INPUT)
    try:
        from commcare_ext.views import run_test_folder  # noqa: PLC0415 - needs the extra
    except ModuleNotFoundError as error:
        msg = f"the view runner needs the analytics extra ({error.name} is missing)"
        raise CliError(msg, ExitCode.USAGE) from None
    try:
        outcomes = run_test_folder(folder)
    except (OSError, ValueError) as error:
        raise CliError(
            f"{folder}: a test file cannot be read ({type(error).__name__})", ExitCode.INPUT
        ) from None
    if args.tag:
        outcomes = [o for o in outcomes if args.tag in o.tags]
    if not outcomes:
        raise CliError(f"{folder}: no tests found", ExitCode.INPUT)
    failed = [o for o in outcomes if not o.passed]
    for outcome in failed if args.verbose else []:
        print(f"FAIL {outcome.file}: {outcome.title} [{', '.join(outcome.tags)}] {outcome.reason}")
    print(f"{len(outcomes) - len(failed)} passed, {len(failed)} failed")
    return ExitCode.NEEDS_ATTENTION if failed else ExitCode.OK
