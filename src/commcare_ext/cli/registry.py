"""How a subcommand module joins the command line: a ``register(commands)`` function.

Each module adds its own parser and sets ``run`` (a function of the parsed arguments that
returns the exit code); :mod:`commcare_ext.cli.app` lists the modules, in help order.
"""

import argparse
from typing import TypeAlias

#: The ``add_subparsers()`` object each module's ``register`` adds its parser to.
Commands: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"
