"""``commcare-ext referrals``: usage errors in one line, exit codes, the report staff act on."""

from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.followup import TaskStatus
from tests.cli.conftest import Run
from tests.cli.helpers import closed_port_url
from tests.fixtures import load_example
from tests.followup.server import Recipient, post_referrals
from tests.support.fhir_server import fhir_server

MONDAY = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


@pytest.fixture
def fresh_server() -> Iterator[str]:
    """A fresh, empty server: what the test finds there, it put there."""
    with fhir_server() as url:
        yield url


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "no FHIR server: pass --server URL or set $COMMCARE_EXT_FHIR_SERVER"),
        (["--server", "ftp://x"], "--server: expected an http(s) base URL"),
        (["--server", "http://h/", "--patient", "Patient/a b"], "--patient: expected"),
        (["--server", "http://h/", "--since", "last week"], "--since: expected a date"),
        (["--server", "http://h/", "--stuck-after", "fortnight"], "expected a duration"),
        (["--server", "http://h/", "--zone", "Mars/Olympus"], "--zone: expected an IANA"),
        (["--server", "http://h/", "--bogus"], "unrecognized arguments: --bogus"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(
    run: Run, monkeypatch: pytest.MonkeyPatch, argv: list[str], says: str
) -> None:
    monkeypatch.delenv("COMMCARE_EXT_FHIR_SERVER", raising=False)
    ran = run("referrals", *argv)
    assert (ran.code, ran.out) == (ExitCode.USAGE, "")
    assert says in ran.one_line_error()


def test_an_unreachable_server_is_one_line_and_exit_3(run: Run) -> None:
    url = closed_port_url().replace("http://", "http://user:pw@") + "fhir/"
    ran = run("referrals", "--server", url)
    assert (ran.code, ran.out) == (ExitCode.SERVER, "")
    assert "cannot use the FHIR server at 127.0.0.1:" in ran.one_line_error()
    assert "pw" not in ran.err


@pytest.mark.integration
def test_the_report_names_patient_service_and_organisation(
    run: Run, fresh_server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    posted = post_referrals(fresh_server)
    faith, peer = posted.tasks
    Recipient(fresh_server).move(faith, TaskStatus.REJECTED, now=MONDAY, reason="Group is full")
    Recipient(fresh_server).move(peer, TaskStatus.ACCEPTED, now=MONDAY)
    patient_id = posted.patient.removeprefix("Patient/")
    mrn = load_example("maria-garcia").patient.identifier_value
    # The server comes from the environment, as for `post`.
    monkeypatch.setenv("COMMCARE_EXT_FHIR_SERVER", fresh_server)
    later = (MONDAY + timedelta(days=1)).isoformat()

    ran = run("referrals", "--patient", patient_id, "--json", "--now", later)
    assert (ran.code, ran.err) == (ExitCode.NEEDS_ATTENTION, "")
    rows = {row["task"]: row for row in ran.json["referrals"]}
    assert rows[f"Task/{faith}"]["status"] == "rejected"
    assert rows[f"Task/{faith}"]["stuck"] is True
    assert rows[f"Task/{faith}"]["reason"] == "rejected: Group is full"
    assert rows[f"Task/{peer}"]["stuck"] is False
    for row in rows.values():
        assert row["patient_mrn"] == mrn
        assert row["service"]
        assert row["organisation"]
    assert len({row["service"] for row in rows.values()}) == 2  # each Task its own service

    ran = run(
        "referrals",
        "--stuck-after",
        "accepted=3d",
        "--zone",
        "America/Chicago",
        "--now",
        (MONDAY + timedelta(days=3)).isoformat(),
    )
    assert ran.code == ExitCode.NEEDS_ATTENTION
    lines = ran.out.splitlines()
    assert lines[0].startswith("Task")
    assert "Patient (MRN)" in lines[0]
    assert "Organisation" in lines[0]
    (peer_line,) = [line for line in lines if f"Task/{peer}" in line]
    assert mrn in peer_line
    assert "no progress for 3 days in accepted (limit 3 days)" in peer_line
    assert "2026-11-09T03:00-06:00" in peer_line
    assert "Garc" not in ran.out  # the patient is named by MRN, never by name
    assert lines[-1] == "2 referral(s), 2 needing attention."

    ran = run("referrals", "--since", "2027-01-01")
    assert (ran.code, ran.out) == (ExitCode.OK, "No referral Tasks found.\n")
