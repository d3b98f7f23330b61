"""``commcare-ext post``: transaction Bundles to a FHIR server, through the durable outbox.

Every Bundle is stored in the outbox before it is sent and stays there until the server has
it, so an outage loses nothing: ``commcare-ext outbox flush`` sends what is still pending.
"""

import argparse
import sys
from typing import Any

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.io import expand_inputs, expect_resource, read_json
from commcare_ext.cli.progress import Progress
from commcare_ext.cli.server import add_outbox_option, add_server_options, connect, open_outbox
from commcare_ext.client import FhirClientError, Submission, SubmissionStatus, is_idempotent


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``post`` to the command line."""
    parser.description = (
        "Post transaction Bundles (as `commcare-ext bundle transaction` writes them) to a "
        "FHIR R4 server. Each is stored in the outbox first; one the server cannot take now "
        "stays pending for `commcare-ext outbox flush`; one it rejects is kept with the "
        "server's reasons for a person (`commcare-ext outbox list`). Exit 1 unless all "
        "landed."
    )
    parser.add_argument(
        "bundles",
        nargs="*",
        default=["-"],
        metavar="BUNDLE",
        help="transaction Bundle files or folders of them (default: stdin)",
    )
    add_server_options(parser)
    add_outbox_option(parser)
    parser.set_defaults(run=run)


def load_bundle(source: str) -> dict[str, Any]:
    """The transaction Bundle in ``source``, checked to be one the outbox can resume safely."""
    bundle = expect_resource(read_json(source), source, "Bundle")
    if bundle.get("type") != "transaction":
        got = bundle.get("type")
        hint = (
            ": a referral message goes to its recipient's endpoint, not to the EHR"
            if got == "message"
            else ""
        )
        raise CliError(
            f"{source}: expected a transaction Bundle, got type {got!r}{hint}", ExitCode.INPUT
        )
    if not is_idempotent(bundle):
        msg = (
            f"{source}: every entry must be a conditional create or a PUT, so that a "
            "retried post creates nothing twice"
        )
        raise CliError(msg, ExitCode.INPUT)
    return bundle


def describe(submission: Submission) -> str:
    """One line on where a submission stands (no patient data: ids, counts, error types)."""
    if submission.status is SubmissionStatus.DONE:
        landed = len(submission.references or {})
        return f"{submission.id}: done, {landed} resources on the server"
    reason = f": {submission.error}" if submission.error else ""
    if submission.reason:  # why a person discarded it
        reason += f" (discarded: {submission.reason})"
    return f"{submission.id}: {submission.status} after {submission.attempts} attempt(s){reason}"


def run(args: argparse.Namespace) -> int:
    """Read every Bundle first (a bad file sends nothing), then submit each in turn."""
    bundles = [(source, load_bundle(source)) for source in expand_inputs(args.bundles)]
    client, _ = connect(args)
    outbox = open_outbox(args.outbox, client, create=True)
    waiting = 0
    with Progress(len(bundles), "posting") as bar:
        for source, bundle in bundles:
            try:
                submission = outbox.submit(bundle)
            except FhirClientError as error:  # e.g. changed content under a finished id
                waiting += 1
                bar.note(f"commcare-ext: {source}: not submitted: {error}")
            else:
                waiting += submission.status is not SubmissionStatus.DONE
                bar.note(describe(submission), to=sys.stdout)
            bar.advance()
    if waiting:
        print(
            f"{waiting} of {len(bundles)} not delivered; they stay in {args.outbox}: "
            "`commcare-ext outbox list` shows why, `commcare-ext outbox flush` re-sends",
            file=sys.stderr,
        )
        return ExitCode.NEEDS_ATTENTION
    return ExitCode.OK
