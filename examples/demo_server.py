"""Start the project's pinned loopback FHIR server (Medplum's router) for the demo, and stop it.

The server is ``tests/server/server.mjs`` with its lockfile (``npm ci`` from npm's cache on
first use). It must never outlive the demo, however the demo ends:

- normal exit, an exception, Ctrl-C (KeyboardInterrupt) and SIGTERM/SIGHUP (turned into
  SystemExit by :func:`exit_on_signals`) all leave through the ``finally`` that stops it;
- it runs in its own session, so the whole process group is stopped, and a terminal's Ctrl-C
  reaches only the demo, which then stops it in order;
- on Linux the kernel sends it SIGTERM if the demo dies without cleaning up (SIGKILL):
  ``PR_SET_PDEATHSIG``.
"""

import contextlib
import ctypes
import os
import selectors
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from types import FrameType
from typing import IO

SERVER_DIR = Path(__file__).resolve().parent.parent / "tests" / "server"
_PR_SET_PDEATHSIG = 1


class ServerUnavailableError(RuntimeError):
    """The test server cannot run here (no Node or npm, or it did not start)."""


@dataclass(frozen=True)
class RunningServer:
    """A started server: its base URL and process id (the demo prints both)."""

    url: str
    pid: int


def node_available() -> bool:
    """Node and npm are on PATH (the server needs both the first time)."""
    return shutil.which("node") is not None and shutil.which("npm") is not None


def exit_on_signals() -> None:
    """Turn SIGTERM and SIGHUP into SystemExit, so ``finally`` blocks run as for Ctrl-C."""

    def leave(signum: int, frame: FrameType | None) -> None:
        raise SystemExit(128 + signum)

    for signum in (signal.SIGTERM, signal.SIGHUP):
        signal.signal(signum, leave)


def install_server() -> None:
    """``npm ci`` for the server when its packages are missing (npm's cache keeps it offline)."""
    if (SERVER_DIR / "node_modules" / "@medplum" / "fhir-router").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        msg = "npm is not on PATH"
        raise ServerUnavailableError(msg)
    done = subprocess.run(  # noqa: S603 - npm from PATH, fixed arguments
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"],
        cwd=SERVER_DIR,
        capture_output=True,
        text=True,
        check=False,
    )
    if done.returncode != 0:
        msg = f"npm ci failed in {SERVER_DIR}: {done.stderr.strip()[-500:]}"
        raise ServerUnavailableError(msg)


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    if sys.platform.startswith("linux"):
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


def _stop(process: "subprocess.Popen[bytes]") -> None:
    """Stop the server's process group; a second Ctrl-C waits until this is done."""
    held = {signal.SIGINT, signal.SIGTERM, signal.SIGHUP}
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, held)
    try:
        if process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                with contextlib.suppress(ProcessLookupError):
                    os.killpg(process.pid, signal.SIGKILL)
                process.wait()
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def _await_port(process: "subprocess.Popen[bytes]", timeout: float) -> int:
    """The port from the server's "listening <port>" line, waiting at most ``timeout``."""
    assert process.stdout is not None  # noqa: S101 - Popen(stdout=PIPE)
    deadline = time.monotonic() + timeout
    buffer = b""
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        while b"\n" not in buffer:
            left = deadline - time.monotonic()
            if left <= 0 or not selector.select(left):
                msg = f"no answer from the test server within {timeout:.0f} s"
                raise ServerUnavailableError(msg)
            chunk = os.read(process.stdout.fileno(), 4096)
            if not chunk:
                msg = "the test server stopped while starting"
                raise ServerUnavailableError(msg)
            buffer += chunk
    line = buffer.split(b"\n", 1)[0].decode("utf-8", "replace")
    if not line.startswith("listening "):
        msg = f"unexpected first line from the test server: {line[:200]!r}"
        raise ServerUnavailableError(msg)
    return int(line.split()[1])


def _drain(stream: IO[bytes]) -> None:
    """Read the server's further output so that a full pipe never blocks it."""
    for _ in iter(lambda: stream.read(4096), b""):
        pass


@contextlib.contextmanager
def loopback_fhir_server(
    *, timeout: float = 90.0, transactions: bool = True
) -> Iterator[RunningServer]:
    """Run a fresh in-memory FHIR R4 server on a free 127.0.0.1 port; stop it on leaving.

    ``transactions=False`` starts a server that refuses transaction Bundles, as some do.
    """
    node = shutil.which("node")
    if node is None:
        msg = "node is not on PATH"
        raise ServerUnavailableError(msg)
    install_server()
    with tempfile.TemporaryFile() as errors:
        process = subprocess.Popen(  # noqa: S603 - node from PATH, fixed arguments
            [node, "server.mjs", "--port", "0", *([] if transactions else ["--no-transactions"])],
            cwd=SERVER_DIR,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE,
            stderr=errors,
            start_new_session=True,
            preexec_fn=_die_with_parent,  # noqa: PLW1509 - one prctl call, no locks taken
        )
        try:
            try:
                port = _await_port(process, timeout)
            except ServerUnavailableError as error:
                errors.seek(0)
                detail = errors.read().decode("utf-8", "replace").strip()[-1000:]
                message = f"{error}: {detail}" if detail else str(error)
                raise ServerUnavailableError(message) from None
            assert process.stdout is not None  # noqa: S101 - Popen(stdout=PIPE)
            threading.Thread(target=_drain, args=(process.stdout,), daemon=True).start()
            yield RunningServer(url=f"http://127.0.0.1:{port}/", pid=process.pid)
        finally:
            _stop(process)
