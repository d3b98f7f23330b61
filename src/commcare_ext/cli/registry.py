"""How a command joins ``commcare-ext``: one :class:`Command` line in ``cli/app.py``.

A command module has ``register(parser)``, which gives the parser it is handed its
description, arguments and ``run`` (a function of the parsed arguments returning the exit
code). The app imports a module only when its word is the one typed, so ``--version`` and
``--help`` load no command (and none of the library behind it).
"""

import argparse
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeAlias

#: The ``add_subparsers()`` object the app adds one parser per command to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
#: A command module's ``register``: fills in the parser made for its word.
Register = Callable[[argparse.ArgumentParser], None]


@dataclass(frozen=True, slots=True)
class Command:
    """A word of the command line, its one-line help, and how to load its module.

    ``load`` is a function with the ``import`` inside it, so the import is plain Python the
    architecture test reads, yet runs only when the command is used.
    """

    word: str
    summary: str
    load: Callable[[], Register]
