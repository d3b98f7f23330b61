"""The FHIR server options ``post`` and ``outbox flush`` share, and opening the outbox.

The bearer token is read from an environment variable, never from the command line (where
``ps`` and shell history would show it), and is never printed.
"""

import argparse
import os
from pathlib import Path
from urllib.parse import urlsplit

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.io import writing
from commcare_ext.client import (
    BearerToken,
    Capabilities,
    FhirClient,
    FhirClientError,
    Outbox,
    OutboxFileError,
)

SERVER_ENV = "COMMCARE_EXT_FHIR_SERVER"
TOKEN_ENV = "COMMCARE_EXT_FHIR_TOKEN"  # noqa: S105 - the name of a variable, not a secret
OUTBOX_ENV = "COMMCARE_EXT_OUTBOX"
DEFAULT_OUTBOX = "commcare-ext-outbox.db"


def add_server_options(parser: argparse.ArgumentParser, *, transactions: bool = True) -> None:
    """``--server``, ``--token-env`` and (for commands that post) ``--max-transaction-entries``."""
    parser.add_argument(
        "--server",
        default=os.environ.get(SERVER_ENV),
        help=f"FHIR R4 base URL (or ${SERVER_ENV})",
    )
    parser.add_argument(
        "--token-env",
        default=TOKEN_ENV,
        metavar="NAME",
        help=f"environment variable holding a bearer token (default {TOKEN_ENV}; never printed)",
    )
    if not transactions:
        parser.set_defaults(max_transaction_entries=None)
        return
    parser.add_argument(
        "--max-transaction-entries",
        type=int,
        metavar="N",
        help="split transactions larger than N entries (e.g. 8 for Medplum)",
    )


def add_outbox_option(parser: argparse.ArgumentParser) -> None:
    """``--outbox PATH``: the SQLite file that keeps every Bundle until the server has it."""
    parser.add_argument(
        "--outbox",
        type=Path,
        default=Path(os.environ.get(OUTBOX_ENV, DEFAULT_OUTBOX)),
        help=f"outbox database; it holds patient data, keep it where your policy allows "
        f"(default ./{DEFAULT_OUTBOX}, or ${OUTBOX_ENV})",
    )


def connect(args: argparse.Namespace) -> tuple[FhirClient, Capabilities]:
    """A client for ``--server`` that has read the server's CapabilityStatement (FHIR R4)."""
    server = args.server
    if not server:
        raise CliError(f"no FHIR server: pass --server URL or set ${SERVER_ENV}", ExitCode.USAGE)
    parts = urlsplit(server)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        # Not quoted back: a URL may carry a user and password.
        raise CliError("--server: expected an http(s) base URL", ExitCode.USAGE)
    if args.max_transaction_entries is not None and args.max_transaction_entries < 1:
        raise CliError("--max-transaction-entries: expected a number above 0", ExitCode.USAGE)
    token = os.environ.get(args.token_env) if args.token_env else None
    client = FhirClient(
        server,
        auth=BearerToken(token) if token else None,
        max_transaction_entries=args.max_transaction_entries,
    )
    try:
        capabilities = client.require_r4()
    except FhirClientError as error:
        msg = f"cannot use the FHIR server at {where(server)}: {type(error).__name__}: {error}"
        raise CliError(msg, ExitCode.SERVER) from None
    return client, capabilities


def where(server: str) -> str:
    """The host (and port) of ``server``, as messages show it: no user, password or path."""
    parts = urlsplit(server)
    try:
        port = parts.port
    except ValueError:
        port = None
    return (parts.hostname or "the server") + (f":{port}" if port else "")


def open_outbox(path: Path, client: FhirClient | None = None, *, create: bool = False) -> Outbox:
    """The outbox at ``path``; a new file only with ``create`` (the Outbox makes it 0600).

    Commands that only look at the outbox pass no client: they never send.
    """
    if not path.exists():
        if not create:
            raise CliError(f"{path}: no outbox here (pass --outbox PATH)", ExitCode.INPUT)
        with writing(path, "--outbox"):
            path.parent.mkdir(parents=True, exist_ok=True)
    elif path.is_dir():
        raise CliError(f"{path}: is a folder, not an outbox file", ExitCode.INPUT)
    try:
        return Outbox(path, client or FhirClient("http://localhost.invalid/"))
    except OutboxFileError as error:
        raise CliError(f"--outbox {path}: {error.reason}", ExitCode.INPUT) from None
