"""The ``commcare-ext`` command line, a thin layer over the public API.

``main(argv)`` runs it and returns the exit code (:class:`ExitCode` lists them).
"""

from commcare_ext.cli.app import main
from commcare_ext.cli.errors import ExitCode

__all__ = ["ExitCode", "main"]
