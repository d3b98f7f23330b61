"""``./scripts/demo``: the whole job, every file it writes named, and no process left behind.

The demo runs as a user runs it (a subprocess, ``python -m examples.demo``). The signal tests
interrupt it once its test server is up and then check that the server's process is gone.
"""

import json
import os
import queue
import re
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.support.fhir_server import fhir_server

ROOT = Path(__file__).resolve().parents[2]
STARTED = re.compile(r"Started the pinned Medplum test server at (\S+) \(pid (\d+)\)")
WRITTEN = (
    "Questionnaire-cultural-intake.json",
    "Questionnaire-cultural-intake-es.json",
    "QuestionnaireResponse-maria-garcia.json",
    "transaction-bundle.json",
    "referral-support-faith-community.json",
    "referral-support-peer-group.json",
    "summary.html",
)


def _demo(*args: str | Path, path: str | None = None) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    if path is not None:
        env["PATH"] = path
    return subprocess.Popen(
        [sys.executable, "-m", "examples.demo", *map(str, args)],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _finish(process: subprocess.Popen[str]) -> tuple[int, str, str]:
    out, err = process.communicate(timeout=300)
    return process.returncode, out, err


def _gone(pid: int) -> bool:
    """No such process, or only a zombie waiting for init to reap it."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except FileNotFoundError:
        return True
    return state == "Z"


def _wait_gone(pid: int, within: float = 20.0) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        if _gone(pid):
            return True
        time.sleep(0.05)  # polling a condition with a deadline, not a fixed wait
    return _gone(pid)


def _lines(process: subprocess.Popen[str]) -> "queue.Queue[str | None]":
    lines: queue.Queue[str | None] = queue.Queue()

    def pump() -> None:
        assert process.stdout is not None
        for line in process.stdout:
            lines.put(line)
        lines.put(None)

    threading.Thread(target=pump, daemon=True).start()
    return lines


def _await_server(lines: "queue.Queue[str | None]") -> tuple[str, int]:
    while (line := lines.get(timeout=120)) is not None:
        if found := STARTED.search(line):
            return found[1], int(found[2])
    pytest.fail("the demo ended without starting its test server")


def _assert_written(out: Path, stdout: str) -> None:
    for name in WRITTEN:
        assert (out / name).is_file(), name
        assert str(out / name) in stdout, f"{name} written but not named"


def test_without_node_it_writes_the_bundles_and_says_how_to_post(tmp_path: Path) -> None:
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir()  # a PATH with neither node nor npm
    code, out, err = _finish(_demo("--out", tmp_path / "demo", path=str(bin_dir)))
    assert code == 0, err
    _assert_written(tmp_path / "demo", out)
    assert "Not posted (Node is not on PATH)" in out
    assert re.search(r"\d+ services fit, \d+ excluded", out)
    assert out.count("), chosen") == 2  # one service per support María asked for
    assert f"commcare-ext post {tmp_path / 'demo' / 'transaction-bundle.json'} --server URL" in out
    assert "Intake summary" in out
    assert "Round trip lossless: True" in out
    # measurement-based care: the demo patient's baseline and follow-up PHQ-9, change and band
    assert "PHQ-9 total score: 11 (moderate) at baseline, 5 (mild) at follow-up" in out
    assert "(-6 points, better); at least the minimal clinically important difference" in out
    assert (tmp_path / "demo" / "summary-follow-up.html").is_file()
    report = tmp_path / "demo" / "outcomes-report.html"
    assert f"open {report} in a browser" in out
    assert "<html" in report.read_text("utf-8")
    assert "people" in json.loads((tmp_path / "demo" / "outcomes-report.json").read_text("utf-8"))


@pytest.mark.integration
def test_the_whole_job_against_its_own_test_server(tmp_path: Path) -> None:
    process = _demo("--out", tmp_path / "demo")
    code, out, err = _finish(process)
    assert code == 0, err
    _assert_written(tmp_path / "demo", out)
    found = STARTED.search(out)
    assert found is not None, out
    assert re.search(r"Delivered: (\d+) resources on the server", out)
    assert "Posted again: the same" in out
    assert "Stopped the test server." in out
    assert (tmp_path / "demo" / "outbox.db").is_file()
    assert _gone(int(found[2]))


@pytest.mark.integration
def test_server_option_posts_to_that_server(tmp_path: Path) -> None:
    with fhir_server() as url:
        code, out, err = _finish(
            _demo("--out", tmp_path / "demo", "--server", url, "--max-transaction-entries", "8")
        )
    assert code == 0, err
    assert "Started the pinned" not in out
    assert re.search(r"Delivered: \d+ resources on the server", out)


@pytest.mark.integration
@pytest.mark.parametrize("sent", [signal.SIGINT, signal.SIGTERM, signal.SIGHUP])
def test_no_server_process_outlives_an_interrupted_demo(tmp_path: Path, sent: int) -> None:
    process = _demo("--out", tmp_path / "demo")
    lines = _lines(process)
    _, pid = _await_server(lines)
    assert not _gone(pid)
    process.send_signal(sent)
    assert process.wait(timeout=60) != 0
    assert _gone(pid), f"the test server (pid {pid}) outlived the demo"


@pytest.mark.integration
def test_no_server_process_outlives_a_killed_demo(tmp_path: Path) -> None:
    process = _demo("--out", tmp_path / "demo")
    _, pid = _await_server(_lines(process))
    process.kill()  # SIGKILL: no finally runs; the kernel's parent-death signal stops it
    process.wait(timeout=60)
    assert _wait_gone(pid), f"the test server (pid {pid}) outlived the killed demo"


def test_the_process_check_can_fail() -> None:
    sleeper = subprocess.Popen([shutil.which("sleep") or "sleep", "30"])
    try:
        assert not _gone(sleeper.pid)
    finally:
        sleeper.kill()
        sleeper.wait()
    assert _gone(sleeper.pid)
