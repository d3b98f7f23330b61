"""Start the loopback Medplum test server (tests/server) from pytest fixtures.

The demo's launcher (examples/demo_server.py) does the work for tests too: it drains the
server's output so a full pipe never blocks it, waits on its "listening" line with a deadline,
and stops the whole process group, however the test ends.
"""

from collections.abc import Iterator
from contextlib import contextmanager

from examples.demo_server import SERVER_DIR, install_server, loopback_fhir_server

__all__ = ["SERVER_DIR", "ensure_node_modules", "fhir_server"]


def ensure_node_modules() -> None:
    """``npm ci`` when node_modules is missing (npm's cache keeps repeats offline-fast)."""
    install_server()


@contextmanager
def fhir_server(*, transactions: bool = True) -> Iterator[str]:
    """Run a fresh server on a free 127.0.0.1 port; yield its base URL; stop it after."""
    with loopback_fhir_server(transactions=transactions) as server:
        yield server.url
