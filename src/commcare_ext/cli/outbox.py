"""``commcare-ext outbox``: see what waits in the outbox, re-send it, fix it, or give it up.

``list``, ``requeue`` and ``discard`` look at the outbox file only and never send;
``flush`` sends what is pending.
"""

import argparse
import json
from collections.abc import Callable
from typing import Any

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.post import describe, load_bundle
from commcare_ext.cli.server import add_outbox_option, add_server_options, connect, open_outbox
from commcare_ext.client import FhirClientError, Submission, SubmissionStatus


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``outbox list``, ``outbox flush``, ``outbox requeue`` and ``outbox discard``."""
    parser.description = "Look after the outbox that `commcare-ext post` fills."
    actions = parser.add_subparsers(
        dest="action", required=True, metavar="{list,flush,requeue,discard}"
    )
    listing = actions.add_parser("list", help="every submission and where it stands")
    listing.add_argument(
        "--status", choices=[status.value for status in SubmissionStatus], help="only these"
    )
    listing.add_argument("--json", action="store_true", help="print JSON instead of a table")
    listing.set_defaults(run=run_list)
    flush = actions.add_parser("flush", help="send every pending submission")
    add_server_options(flush)
    flush.set_defaults(run=run_flush)
    requeue = actions.add_parser(
        "requeue", help="put a rejected submission back in the queue, with a fixed Bundle"
    )
    requeue.add_argument("submission", metavar="ID", help="the submission id (see `list`)")
    requeue.add_argument(
        "bundle", nargs="?", metavar="BUNDLE", help="the fixed transaction Bundle file"
    )
    requeue.set_defaults(run=run_requeue)
    discard = actions.add_parser("discard", help="give up on a rejected submission, saying why")
    discard.add_argument("submission", metavar="ID", help="the submission id (see `list`)")
    discard.add_argument("--reason", required=True, help="why, for whoever reads it later")
    discard.set_defaults(run=run_discard)
    for action in (listing, flush, requeue, discard):
        add_outbox_option(action)


def run_list(args: argparse.Namespace) -> int:
    """Print every submission (or those with ``--status``) as a table or JSON."""
    outbox = open_outbox(args.outbox)
    status = SubmissionStatus(args.status) if args.status else None
    rows = outbox.list(status)
    if args.json:
        print(json.dumps({"submissions": [_as_json(s) for s in rows]}, indent=2))
        return ExitCode.OK
    if not rows:
        print("The outbox is empty." if status is None else f"No {status} submissions.")
        return ExitCode.OK
    for submission in rows:
        print(describe(submission))
    return ExitCode.OK


def _as_json(submission: Submission) -> dict[str, Any]:
    return {
        "id": submission.id,
        "status": str(submission.status),
        "attempts": submission.attempts,
        "error": submission.error,
        "reason": submission.reason,
        "resources": len(submission.references or {}),
    }


def run_flush(args: argparse.Namespace) -> int:
    """Send what is pending; exit 1 while anything is left undelivered."""
    outbox = open_outbox(args.outbox)
    client, _ = connect(args)
    outbox.client = client
    if not outbox.pending():
        print("Nothing pending.")
        return ExitCode.OK
    for submission in outbox.flush():
        print(describe(submission))
    left = len(outbox.pending()) + len(outbox.rejected())
    return ExitCode.NEEDS_ATTENTION if left else ExitCode.OK


def run_requeue(args: argparse.Namespace) -> int:
    """Requeue one submission, with the fixed Bundle when one is given."""
    outbox = open_outbox(args.outbox)
    bundle = load_bundle(args.bundle) if args.bundle else None
    submission = _act(lambda: outbox.requeue(args.submission, bundle))
    print(f"{describe(submission)}; `commcare-ext outbox flush` sends it")
    return ExitCode.OK


def run_discard(args: argparse.Namespace) -> int:
    """Discard one submission with the reason given."""
    outbox = open_outbox(args.outbox)
    submission = _act(lambda: outbox.discard(args.submission, args.reason))
    print(describe(submission))
    return ExitCode.OK


def _act(action: Callable[[], Submission]) -> Submission:
    try:
        return action()
    except LookupError:
        raise CliError(
            "no such submission in the outbox (see `outbox list`)", ExitCode.USAGE
        ) from None
    except FhirClientError as error:
        raise CliError(f"the outbox refused: {error}", ExitCode.USAGE) from None
