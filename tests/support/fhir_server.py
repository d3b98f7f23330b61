"""Start the loopback Medplum test server (tests/server) from pytest fixtures."""

import shutil
import subprocess
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

SERVER_DIR = Path(__file__).resolve().parent.parent / "server"


def ensure_node_modules() -> None:
    """``npm ci`` when node_modules is missing (npm's cache keeps repeats offline-fast)."""
    if (SERVER_DIR / "node_modules" / "@medplum" / "fhir-router").is_dir():
        return
    npm = shutil.which("npm")
    if npm is None:
        msg = "npm is needed for the integration tests (Node 20+)"
        raise RuntimeError(msg)
    subprocess.run(
        [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=SERVER_DIR, check=True
    )


@contextmanager
def fhir_server(*, transactions: bool = True) -> Iterator[str]:
    """Run a fresh server on a free 127.0.0.1 port; yield its base URL; stop it after."""
    ensure_node_modules()
    node = shutil.which("node")
    if node is None:
        msg = "node is needed for the integration tests"
        raise RuntimeError(msg)
    args = [node, "server.mjs", "--port", "0"]
    if not transactions:
        args.append("--no-transactions")
    process = subprocess.Popen(
        args, cwd=SERVER_DIR, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )
    try:
        assert process.stdout is not None
        deadline = time.monotonic() + 60
        line = ""
        while time.monotonic() < deadline:
            line = process.stdout.readline()
            if line.startswith("listening ") or process.poll() is not None:
                break
        if not line.startswith("listening "):
            stderr = process.stderr.read() if process.stderr else ""
            msg = f"test FHIR server did not start: {stderr[-2000:]}"
            raise RuntimeError(msg)
        yield f"http://127.0.0.1:{int(line.split()[1])}/"
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
