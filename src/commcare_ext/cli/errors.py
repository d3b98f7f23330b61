"""Exit codes, and the one error commands raise for a person to read.

Every failure a user can cause (a missing file, text that is not JSON, the wrong resource, an
unreachable server) ends as one line on stderr and a documented exit code, never a traceback.
"""

from enum import IntEnum

from commcare_ext.errors import CommcareError


class ExitCode(IntEnum):
    """What ``commcare-ext`` returns; scripts and schedulers branch on these."""

    #: Done.
    OK = 0
    #: Done, but something needs a person: a response with problems, an intake that cannot be
    #: extracted, a Bundle rejected or still pending, a referral that is stuck.
    NEEDS_ATTENTION = 1
    #: The command line is wrong, or asks for what cannot be done (requeue a finished Bundle).
    USAGE = 2
    #: The FHIR server could not be reached, refused our credentials, or is not FHIR R4.
    SERVER = 3
    #: An input is missing or unreadable, is not JSON, or is not the expected resource.
    INPUT = 4


class CliError(CommcareError):
    """A failure a person can fix, in words for them; ``code`` is the exit code."""

    def __init__(self, message: str, code: ExitCode) -> None:
        self.code = code
        super().__init__(message)


def exit_code_of(error: CommcareError) -> ExitCode:
    """The exit code for a library error no command turned into a :class:`CliError` itself.

    Unreadable inputs (text that is not JSON, a directory or outbox file that cannot be used)
    exit 4; a server that cannot be used exits 3; anything else needs a person (1). The
    imports wait until an error is met: by then the library that raised it is loaded.
    """
    from commcare_ext.client import (
        CapabilityError,
        HttpStatusError,
        MalformedResponseError,
        OutboxFileError,
        RedirectRefused,
        TransportError,
    )
    from commcare_ext.directory import DirectoryError
    from commcare_ext.fhir.json_text import JsonTextError

    if isinstance(error, JsonTextError | DirectoryError | OutboxFileError):
        return ExitCode.INPUT
    server = (
        TransportError,
        HttpStatusError,
        MalformedResponseError,
        CapabilityError,
        RedirectRefused,
    )
    if isinstance(error, server):
        return ExitCode.SERVER
    return ExitCode.NEEDS_ATTENTION
