"""Commands another package implements: ``match`` (matching) and ``referrals`` (follow-up).

Each is a function ``command(argv) -> exit code`` that parses its own arguments. It joins the
command line when its package is installed; until then the word is not offered at all.
"""

import importlib
from collections.abc import Callable, Sequence
from typing import cast

from commcare_ext.cli.registry import Commands

Command = Callable[[Sequence[str]], int]

#: word -> (module, function, one-line help)
DELEGATED: dict[str, tuple[str, str, str]] = {
    "match": (
        "commcare_ext.matching",
        "match_command",
        "match an intake to community services, with reasons and exclusions",
    ),
    "referrals": (
        "commcare_ext.followup",
        "referrals_command",
        "which referrals need the clinic's attention (from a FHIR server)",
    ),
}


def delegate(word: str) -> Command | None:
    """The function behind ``word``, or None when its package is not there."""
    if word not in DELEGATED:
        return None
    module_name, function, _ = DELEGATED[word]
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as error:
        if error.name is not None and module_name.startswith(error.name):
            return None  # the package is not part of this build
        raise
    found = getattr(module, function, None)
    return cast(Command, found) if callable(found) else None


def register(commands: Commands) -> None:
    """List each available delegated command in the help (its own parser does the rest)."""
    for word, (_, _, summary) in DELEGATED.items():
        if delegate(word) is not None:
            commands.add_parser(word, help=summary, add_help=False)
