"""``commcare-ext bundle``: the EHR's transaction Bundle, or a referral message per recipient."""

import argparse
import sys
from typing import Any

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.extract import add_extraction_arguments, extract_input
from commcare_ext.cli.inputs import load_clinic
from commcare_ext.cli.io import convert_each, dumps, emit, write_private
from commcare_ext.extract import Organization
from commcare_ext.referral import check_references, referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_document_reference


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``bundle transaction`` and ``bundle message`` to the command line."""
    parser.description = "Build FHIR Bundles from a QuestionnaireResponse or intake JSON."
    kinds = parser.add_subparsers(dest="kind", required=True, metavar="{transaction,message}")
    transaction = kinds.add_parser(
        "transaction",
        help="the EHR's transaction Bundle (conditional creates: posting twice creates nothing "
        "twice)",
    )
    add_extraction_arguments(transaction)
    transaction.add_argument(
        "--with-summary",
        action="store_true",
        help="add the clinician summary as a DocumentReference",
    )
    transaction.set_defaults(run=run_transaction)
    message = kinds.add_parser(
        "message",
        help="a referral message for one recipient, carrying only what the patient consented to",
    )
    add_extraction_arguments(message)
    message.add_argument(
        "--recipient",
        metavar="ID",
        help="the recipient organisation's identifier value in the clinic file's directory",
    )
    message.set_defaults(run=run_message)


def run_transaction(args: argparse.Namespace) -> int:
    """Print (or write) the transaction Bundle of each input."""
    clinic = load_clinic(args.clinic)

    def convert(source: str) -> str:
        done = extract_input(source, args, clinic)
        extra: list[dict[str, Any]] = []
        if args.with_summary:
            extra.append(summary_document_reference(done.intake, done.extracted.patient_reference))
        bundle = transaction_bundle(done.extracted, extra=extra)
        check_references(bundle)
        return dumps(bundle)

    return convert_each(args.inputs, args.out, convert, suffix="transaction", label="bundling")


def run_message(args: argparse.Namespace) -> int:
    """Print (or write) the referral message for ``--recipient``, or for every recipient."""
    if len(args.inputs) != 1:
        raise CliError("bundle message takes one input", ExitCode.USAGE)
    clinic = load_clinic(args.clinic)
    done = extract_input(args.inputs[0], args, clinic)
    recipients: dict[str, Organization] = {}
    for target in done.context.referrals:
        if target.organization is not None:
            recipients[target.organization.identifier_value] = target.organization
    if not recipients:
        msg = (
            "no referral to send: the patient did not consent to referrals, or the clinic "
            "file's directory serves none of the supports they prefer"
        )
        raise CliError(msg, ExitCode.NEEDS_ATTENTION)
    known = ", ".join(sorted(recipients))
    if args.recipient is not None:
        if args.recipient not in recipients:
            msg = f"--recipient {args.recipient}: no referral to it (referrals go to: {known})"
            raise CliError(msg, ExitCode.USAGE)
        chosen = [args.recipient]
    elif len(recipients) == 1 or (args.out is not None and args.out.is_dir()):
        chosen = sorted(recipients)
    else:
        msg = f"referrals go to {known}: pass --recipient ID, or --out FOLDER for all"
        raise CliError(msg, ExitCode.USAGE)
    for identifier in chosen:
        message = referral_message_bundle(
            done.extracted, recipients[identifier], clinic=clinic.clinic
        )
        check_references(message)
        if args.out is not None and args.out.is_dir():
            path = write_private(args.out / f"referral-{identifier}.json", dumps(message))
            print(f"wrote {path}", file=sys.stderr)
        else:
            emit(dumps(message), args.out)
    return ExitCode.OK
