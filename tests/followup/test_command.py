"""``commcare-ext referrals``: usage errors in one line, exit codes, table and JSON output."""

import io
import json
import socket
from datetime import UTC, datetime, timedelta

import pytest

from commcare_ext.followup import TaskStatus, referrals_command
from commcare_ext.followup.command import EXIT_NEEDS_ATTENTION, EXIT_OK, EXIT_SERVER, EXIT_USAGE
from tests.followup.server import Recipient, post_referrals

MONDAY = datetime(2026, 11, 9, 9, 0, tzinfo=UTC)


def _run(
    *argv: str, now: datetime = MONDAY, environ: dict[str, str] | None = None
) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = referrals_command(list(argv), now=now, out=out, err=err, environ=environ or {})
    return code, out.getvalue(), err.getvalue()


@pytest.mark.parametrize(
    ("argv", "says"),
    [
        ([], "--server"),
        (["--server", "ftp://x"], "--server: expected an http(s) URL"),
        (["--server", "http://h/", "--patient", "Patient/a b"], "--patient: expected"),
        (["--server", "http://h/", "--since", "last week"], "--since: expected a date"),
        (["--server", "http://h/", "--stuck-after", "fortnight"], "expected a duration"),
        (["--server", "http://h/", "--zone", "Mars/Olympus"], "--zone: expected an IANA"),
        (["--server", "http://h/", "--token-env", "NO_SUCH"], "NO_SUCH is not set"),
        (["--server", "http://h/", "--bogus"], "unrecognized arguments"),
    ],
)
def test_usage_errors_are_one_line_and_exit_2(argv: list[str], says: str) -> None:
    code, out, err = _run(*argv)
    assert code == EXIT_USAGE
    assert out == ""
    assert err.count("\n") == 1
    assert err.startswith("commcare-ext referrals: error: ")
    assert says in err


def test_an_unreachable_server_is_one_line_and_exit_3() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    code, out, err = _run("--server", f"http://user:pw@127.0.0.1:{port}/fhir/")
    assert code == EXIT_SERVER
    assert out == ""
    assert err.count("\n") == 1
    expected = (
        "cannot read referrals from 127.0.0.1: POST /fhir/Task/_search failed: ConnectionError"
    )
    assert expected in err
    assert "pw" not in err


@pytest.mark.integration
def test_the_report_from_a_real_server(server_url: str) -> None:
    posted = post_referrals(server_url)
    faith, peer = posted.tasks
    Recipient(server_url).move(faith, TaskStatus.REJECTED, now=MONDAY, reason="Group is full")
    Recipient(server_url).move(peer, TaskStatus.ACCEPTED, now=MONDAY)
    patient_id = posted.patient.removeprefix("Patient/")

    code, out, err = _run(
        "--server", server_url, "--patient", patient_id, "--json", now=MONDAY + timedelta(days=1)
    )
    assert (code, err) == (EXIT_NEEDS_ATTENTION, "")
    report = json.loads(out)
    assert report["referrals"] == [
        {
            "task": f"Task/{faith}",
            "status": "rejected",
            "business_status": None,
            "last_change": "2026-11-09T09:00:00+00:00",
            "stuck": True,
            "reason": "rejected: Group is full",
        },
        {
            "task": f"Task/{peer}",
            "status": "accepted",
            "business_status": None,
            "last_change": "2026-11-09T09:00:00+00:00",
            "stuck": False,
            "reason": None,
        },
    ]

    code, out, _ = _run(
        "--server",
        server_url,
        "--stuck-after",
        "accepted=3d",
        "--zone",
        "America/Chicago",
        now=MONDAY + timedelta(days=3),
    )
    assert code == EXIT_NEEDS_ATTENTION
    lines = out.splitlines()
    assert lines[0].split() == [
        "Task",
        "Status",
        "Business",
        "status",
        "Last",
        "change",
        "Needs",
        "attention",
        "Reason",
    ]
    (peer_line,) = [line for line in lines if f"Task/{peer}" in line]
    assert "no progress for 3 days in accepted (limit 3 days)" in peer_line
    assert "2026-11-09T03:00-06:00" in peer_line
    assert lines[-1] == "2 referral(s), 2 needing attention."

    code, out, _ = _run("--server", server_url, "--since", "2027-01-01")
    assert (code, out) == (EXIT_OK, "No referral Tasks found.\n")
