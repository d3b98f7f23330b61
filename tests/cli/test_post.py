"""``commcare-ext post`` against the real loopback Medplum server, and its refusals."""

import json
import re
import stat
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from tests.cli.conftest import CLINIC_FILE, Run, write_json
from tests.cli.helpers import closed_port_url, observation_bundle

pytestmark = pytest.mark.integration
DONE = re.compile(r"^(?P<id>\S+): done, (?P<count>\d+) resources on the server$")


@pytest.fixture
def transaction_file(run: Run, response_file: Path, tmp_path: Path) -> Path:
    out = tmp_path / "transaction.json"
    ran = run("bundle", "transaction", response_file, "--clinic", CLINIC_FILE, "--out", out)
    assert ran.code == ExitCode.OK
    return out


def test_post_lands_a_transaction_and_a_second_post_creates_nothing_new(
    run: Run, server: str, transaction_file: Path, tmp_path: Path
) -> None:
    outbox = tmp_path / "outbox.db"
    argv = ("post", transaction_file, "--server", server, "--outbox", outbox)
    ran = run(*argv, "--max-transaction-entries", "8")
    assert ran.code == ExitCode.OK, ran.err
    found = DONE.match(ran.out.strip())
    assert found is not None, ran.out
    entries = len(json.loads(transaction_file.read_text("utf-8"))["entry"])
    assert int(found["count"]) == entries
    assert stat.S_IMODE(outbox.stat().st_mode) == 0o600
    again = run(*argv, "--max-transaction-entries", "8")
    assert again.code == ExitCode.OK
    assert again.out == ran.out


def test_post_a_folder_of_bundles_from_the_environment(
    run: Run, server: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "bundles"
    for number in range(3):  # small Bundles: the in-memory server slows as it fills
        write_json(folder / f"{number}.json", observation_bundle(True))
    monkeypatch.setenv("COMMCARE_EXT_FHIR_SERVER", server)
    monkeypatch.setenv("COMMCARE_EXT_OUTBOX", str(tmp_path / "env-outbox.db"))
    monkeypatch.setenv("COMMCARE_EXT_FHIR_TOKEN", "secret-token-4711")
    ran = run("post", folder, "--max-transaction-entries", "8")
    assert ran.code == ExitCode.OK, ran.err
    lines = ran.out.strip().splitlines()
    assert len(lines) == 3
    assert all(DONE.match(line) for line in lines)
    assert (tmp_path / "env-outbox.db").is_file()
    assert "secret-token-4711" not in ran.out + ran.err
    assert "\r" not in ran.err  # no progress bar outside a terminal


def test_a_rejected_bundle_is_kept_and_exits_1(run: Run, server: str, tmp_path: Path) -> None:
    bundle = write_json(tmp_path / "broken.json", observation_bundle("yes"))
    ran = run("post", bundle, "--server", server, "--outbox", tmp_path / "o.db")
    assert ran.code == ExitCode.NEEDS_ATTENTION
    assert ": rejected after 1 attempt(s): " in ran.out
    assert "1 of 1 not delivered" in ran.err
    assert "outbox list" in ran.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ({"resourceType": "Patient"}, "expected a Bundle, got a Patient"),
        ({"resourceType": "Bundle", "type": "message"}, "goes to its recipient's endpoint"),
        ({"resourceType": "Bundle", "type": "batch"}, "expected a transaction Bundle"),
        (
            {
                "resourceType": "Bundle",
                "type": "transaction",
                "entry": [{"resource": {"resourceType": "Patient"}, "request": {"method": "POST"}}],
            },
            "conditional create or a PUT",
        ),
    ],
    ids=["patient", "message", "batch", "plain-post"],
)
def test_bundles_the_outbox_cannot_take_are_refused_before_anything_is_sent(
    run: Run, server: str, tmp_path: Path, content: dict[str, object], expected: str
) -> None:
    good = write_json(tmp_path / "good.json", observation_bundle(True))
    bad = write_json(tmp_path / "bad.json", content)
    ran = run("post", good, bad, "--server", server, "--outbox", tmp_path / "o.db")
    assert ran.code == ExitCode.INPUT
    assert expected in ran.one_line_error()
    assert not (tmp_path / "o.db").exists()  # nothing stored, nothing sent


def test_server_problems_are_one_line(run: Run, tmp_path: Path) -> None:
    bundle = write_json(tmp_path / "b.json", observation_bundle(True))
    outbox = tmp_path / "o.db"
    missing = run("post", bundle, "--outbox", outbox)
    assert missing.code == ExitCode.USAGE
    assert "--server URL" in missing.one_line_error()
    not_a_url = run("post", bundle, "--server", "fhir.example.org", "--outbox", outbox)
    assert not_a_url.code == ExitCode.USAGE
    assert "expected an http(s) base URL" in not_a_url.one_line_error()
    zero = run("post", bundle, "--server", "http://x/", "--max-transaction-entries", "0")
    assert zero.code == ExitCode.USAGE
    down = closed_port_url()
    ran = run("post", bundle, "--server", down, "--outbox", outbox)
    assert ran.code == ExitCode.SERVER
    line = ran.one_line_error()
    assert line.startswith("commcare-ext: cannot use the FHIR server at 127.0.0.1:")
    assert "ConnectError" in line
    assert not outbox.exists()
