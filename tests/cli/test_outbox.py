"""``commcare-ext outbox``: list, flush, requeue and discard, on a real outbox and server."""

import json
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.client import NO_RETRY, FhirClient, Outbox, SubmissionStatus
from tests.cli.conftest import Run, write_json
from tests.cli.helpers import closed_port_url, observation_bundle

pytestmark = pytest.mark.integration


@pytest.fixture
def rejected(run: Run, server: str, tmp_path: Path) -> tuple[Path, str]:
    """An outbox holding one submission the server rejected; (outbox path, submission id)."""
    outbox = tmp_path / "outbox.db"
    bundle = write_json(tmp_path / "broken.json", observation_bundle("yes", key="fix-me"))
    ran = run("post", bundle, "--server", server, "--outbox", outbox)
    assert ran.code == ExitCode.NEEDS_ATTENTION
    return outbox, "test-fix-me"


def test_a_missing_outbox_is_an_input_error_not_a_new_file(run: Run, tmp_path: Path) -> None:
    for argv in (["list"], ["discard", "x", "--reason", "r"], ["requeue", "x"], ["flush"]):
        ran = run("outbox", *argv, "--outbox", tmp_path / "none.db")
        assert ran.code == ExitCode.INPUT
        assert "no outbox here" in ran.one_line_error()
    assert not (tmp_path / "none.db").exists()


def test_flush_sends_what_waited_for_the_server(run: Run, server: str, tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    offline = Outbox(path, FhirClient(closed_port_url(), retry=NO_RETRY))
    waiting = offline.submit(observation_bundle(True, key="waited"))
    assert waiting.status is SubmissionStatus.PENDING
    ran = run("outbox", "flush", "--outbox", path, "--server", server)
    assert ran.code == ExitCode.OK, ran.err
    assert ran.out.strip() == "test-waited: done, 1 resources on the server"
    assert run("outbox", "flush", "--outbox", path, "--server", server).out == "Nothing pending.\n"


def test_flush_needs_a_reachable_server(run: Run, rejected: tuple[Path, str]) -> None:
    outbox, _ = rejected
    ran = run("outbox", "flush", "--outbox", outbox, "--server", closed_port_url())
    assert ran.code == ExitCode.SERVER
    assert "cannot use the FHIR server" in ran.one_line_error()


def test_list_shows_each_submission_and_filters_by_status(
    run: Run, rejected: tuple[Path, str]
) -> None:
    outbox, key = rejected
    ran = run("outbox", "list", "--outbox", outbox)
    assert ran.code == ExitCode.OK, ran.err
    assert ran.out.startswith(f"{key}: rejected after 1 attempt(s): ")
    as_json = run("outbox", "list", "--outbox", outbox, "--json").json
    assert [s["id"] for s in as_json["submissions"]] == [key]
    assert as_json["submissions"][0]["status"] == "rejected"
    assert run("outbox", "list", "--outbox", outbox, "--status", "done").out == (
        "No done submissions.\n"
    )


def test_requeue_with_a_fixed_bundle_then_flush_delivers_it(
    run: Run, server: str, rejected: tuple[Path, str], tmp_path: Path
) -> None:
    outbox, key = rejected
    fixed = write_json(tmp_path / "fixed.json", observation_bundle(True, key="fix-me"))
    ran = run("outbox", "requeue", key, fixed, "--outbox", outbox)
    assert ran.code == ExitCode.OK, ran.err
    assert "pending" in ran.out
    assert "outbox flush" in ran.out
    flushed = run("outbox", "flush", "--outbox", outbox, "--server", server)
    assert flushed.code == ExitCode.OK, flushed.err
    assert flushed.out.strip() == f"{key}: done, 1 resources on the server"


def test_requeue_refusals_are_one_line(run: Run, rejected: tuple[Path, str]) -> None:
    outbox, _ = rejected
    ran = run("outbox", "requeue", "no-such-id", "--outbox", outbox)
    assert ran.code == ExitCode.USAGE
    assert "no such submission" in ran.one_line_error()


def test_discard_keeps_the_reason(run: Run, rejected: tuple[Path, str]) -> None:
    outbox, key = rejected
    ran = run("outbox", "discard", key, "--reason", "entered twice", "--outbox", outbox)
    assert ran.code == ExitCode.OK, ran.err
    assert ran.out.startswith(f"{key}: discarded")
    assert "(discarded: entered twice)" in ran.out
    listed = json.loads(run("outbox", "list", "--outbox", outbox, "--json").out)
    assert listed["submissions"][0]["reason"] == "entered twice"
    blank = run("outbox", "discard", key, "--reason", " ", "--outbox", outbox)
    assert blank.code == ExitCode.USAGE
