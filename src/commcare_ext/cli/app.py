"""The ``commcare-ext`` command: one entry point, a subcommand per job, over the public API.

Each subcommand lives in its own module under ``cli/`` and is listed once in
:data:`COMMANDS`; only the module of the word typed is imported. Every failure a user can
cause is one line on stderr and an :class:`ExitCode`; a traceback means a bug in the library.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from typing import NoReturn

from commcare_ext.cli.errors import CliError, ExitCode, exit_code_of
from commcare_ext.cli.registry import Command, Register
from commcare_ext.errors import CommcareError

PROG = "commcare-ext"
_DIST_INFO_PREFIX = "commcare_ext-"


def _read() -> Register:
    from commcare_ext.cli import read

    return read.register


def _extract() -> Register:
    from commcare_ext.cli import extract

    return extract.register


def _bundle() -> Register:
    from commcare_ext.cli import bundle

    return bundle.register


def _post() -> Register:
    from commcare_ext.cli import post

    return post.register


def _outbox() -> Register:
    from commcare_ext.cli import outbox

    return outbox.register


def _publish() -> Register:
    from commcare_ext.cli import publish

    return publish.register


def _match() -> Register:
    from commcare_ext.cli import match

    return match.register


def _synth() -> Register:
    from commcare_ext.cli import synth

    return synth.register


def _batch() -> Register:
    from commcare_ext.cli import batch

    return batch.register


def _import() -> Register:
    from commcare_ext.cli import bulk_import

    return bulk_import.register


def _views() -> Register:
    from commcare_ext.cli import views

    return views.register


def _outcomes() -> Register:
    from commcare_ext.cli import outcomes

    return outcomes.register


def _referrals() -> Register:
    from commcare_ext.cli import referrals

    return referrals.register


#: Every command, in the order ``--help`` lists them.
COMMANDS: tuple[Command, ...] = (
    Command("read", "read a QuestionnaireResponse into an intake (or list every problem)", _read),
    Command("extract", "extract an intake into FHIR resources (a collection Bundle)", _extract),
    Command("bundle", "build the transaction Bundle for the EHR, or referral messages", _bundle),
    Command("post", "post transaction Bundles to a FHIR server, through the outbox", _post),
    Command("outbox", "list, re-send, requeue or discard what waits in the outbox", _outbox),
    Command(
        "publish",
        "write the Questionnaire, CodeSystem, ValueSets and views (files or a FHIR package)",
        _publish,
    ),
    Command("match", "match an intake to community services, with reasons and exclusions", _match),
    Command(
        "referrals", "which referrals need the clinic's attention (from a FHIR server)", _referrals
    ),
    Command(
        "synth",
        "write a synthetic population: intakes, referral histories, follow-up scores",
        _synth,
    ),
    Command(
        "batch",
        "extract NDJSON intakes into per-type NDJSON (Bulk Data layout), on every core",
        _batch,
    ),
    Command(
        "import", "load a batch folder (per-type NDJSON + manifest) into a FHIR server", _import
    ),
    Command("views", "SQL on FHIR v2 views: run the conformance tests", _views),
    Command(
        "outcomes",
        "does community support help here? the report from the clinic's own FHIR data",
        _outcomes,
    ),
)

_EPILOG = """exit codes:
  0  done
  1  done, but something needs a person (problems in a response, a Bundle not delivered)
  2  the command line is wrong, or asks for what cannot be done (an --out that cannot be written)
  3  the FHIR server could not be reached, refused us, or is not FHIR R4
  4  an input is missing or unreadable, not JSON, or not the expected resource
"""


class _Parser(argparse.ArgumentParser):
    """argparse that raises instead of exiting, so usage errors take the one-line path."""

    def error(self, message: str) -> NoReturn:
        # main() puts "commcare-ext: " first; a subcommand's parser adds its own words.
        where = self.prog.removeprefix(PROG).strip()
        raise CliError(f"{where + ': ' if where else ''}{message} (see --help)", ExitCode.USAGE)


def package_version() -> str:
    """The installed distribution's version ("unknown" when run from a bare source tree).

    Read from the name of the installed ``.dist-info`` folder: what ``importlib.metadata``
    finds, without importing it (with its ``email`` and ``zipfile`` machinery it is most of
    the time ``--version`` would take).
    """
    for entry in sys.path:
        try:
            names = os.listdir(entry or ".")
        except OSError:
            continue
        for name in names:
            if name.startswith(_DIST_INFO_PREFIX) and name.endswith(".dist-info"):
                return name.removeprefix(_DIST_INFO_PREFIX).removesuffix(".dist-info")
    return "unknown"


class _VersionAction(argparse.Action):
    """``--version``: looks the version up only when asked."""

    def __init__(self, option_strings: Sequence[str], dest: str, **_: object) -> None:
        super().__init__(option_strings, dest, nargs=0, help="show the version and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object, **__: object) -> None:
        print(f"{PROG} {package_version()}")
        parser.exit()


def build_parser(chosen: str | None = None) -> argparse.ArgumentParser:
    """The command line, with the whole parser of the ``chosen`` command only.

    Built per call: defaults read the environment. The other commands are listed by their
    one-line help, their modules not imported.
    """
    parser = _Parser(
        prog=PROG,
        description="Culturally informed mental-health intake, carried into FHIR R4.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action=_VersionAction)
    commands = parser.add_subparsers(
        dest="command", required=True, metavar="COMMAND", parser_class=_Parser
    )
    for command in COMMANDS:
        sub = commands.add_parser(command.word, help=command.summary, description=command.summary)
        if command.word == chosen:
            command.load()(sub)
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
        return exit_code_of(error)
    except KeyboardInterrupt:
        print(f"{PROG}: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `commcare-ext read x.json | head`
        sys.stderr.close()
        return ExitCode.OK
    except OSError as error:  # a file the commands did not expect to fail (a path too long)
        where = f"{error.filename}: " if error.filename else ""
        reason = (error.strerror or type(error).__name__).lower()
        print(f"{PROG}: {where}{reason}", file=sys.stderr)
        return ExitCode.INPUT


def _run(args: list[str]) -> int:
    words = {command.word for command in COMMANDS}
    chosen = next((arg for arg in args if arg in words), None)
    try:
        parsed = build_parser(chosen).parse_args(args)
        return int(parsed.run(parsed))
    except SystemExit as done:  # --help and --version
        return done.code if isinstance(done.code, int) else ExitCode.USAGE
