"""The ``commcare-ext`` command: one entry point, a subcommand per job, over the public API.

Each subcommand lives in its own module with a ``register(commands)`` function; ``match``
and ``referrals`` are run by the packages that own them. Every failure a user can cause
is one line on stderr and an :class:`ExitCode`; a traceback means a bug in the library.
"""

import argparse
import sys
from collections.abc import Sequence
from importlib.metadata import PackageNotFoundError, version
from typing import NoReturn

from commcare_ext.cli import (
    bundle,
    delegated,
    extract,
    outbox,
    outcomes,
    post,
    publish,
    read,
    views,
)
from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.errors import CommcareError

PROG = "commcare-ext"
#: Subcommand modules, in the order ``--help`` lists them.
MODULES = (read, extract, bundle, post, outbox, publish, views, outcomes, delegated)

_EPILOG = """exit codes:
  0  done
  1  done, but something needs a person (problems in a response, a Bundle not delivered)
  2  the command line is wrong, or asks for what cannot be done
  3  the FHIR server could not be reached, refused us, or is not FHIR R4
  4  an input is missing or unreadable, not JSON, or not the expected resource
"""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the one-line path."""

    def error(self, message: str) -> NoReturn:
        raise CliError(f"{self.prog}: {message} (see --help)", ExitCode.USAGE)


def package_version() -> str:
    """The installed distribution's version ("unknown" when run from a bare source tree)."""
    try:
        return version("commcare-ext")
    except PackageNotFoundError:
        return "unknown"


def build_parser() -> argparse.ArgumentParser:
    """The whole command line (built per call: defaults read the environment)."""
    parser = _Parser(
        prog=PROG,
        description="Culturally informed mental-health intake, carried into FHIR R4.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {package_version()}")
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for module in MODULES:
        module.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``commcare-ext`` with ``argv`` (default: the process's arguments); the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    try:
        return _run(args)
    except CliError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return error.code
    except CommcareError as error:
        # Our errors carry no patient data; their type says which layer refused.
        print(f"{PROG}: {type(error).__name__}: {error}", file=sys.stderr)
        return ExitCode.NEEDS_ATTENTION
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `commcare-ext read x.json | head`
        sys.stderr.close()
        return ExitCode.OK


def _run(args: list[str]) -> int:
    try:
        if args and (command := delegated.delegate(args[0])) is not None:
            return command(args[1:])
        parsed = build_parser().parse_args(args)
        return int(parsed.run(parsed))
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else ExitCode.USAGE
