"""The durable outbox against the real server: nothing lost, nothing doubled."""

import subprocess
import sys
from pathlib import Path

import pytest

from commcare_ext.client import FhirClient, Outbox, RetryPolicy, SubmissionStatus, Timeout
from tests.client.helpers import (
    MEDPLUM_MAX_TRANSACTION_ENTRIES,
    expected_counts,
    referral_transaction,
    server_counts,
)
from tests.support.fault_proxy import FaultPlan, fault_proxy

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def _client(url: str) -> FhirClient:
    return FhirClient(
        url,
        retry=RetryPolicy(tries=2, backoff=0.01, max_backoff=0.02),
        timeout=Timeout(connect=2.0, read=5.0),
        max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES,
        sleep=lambda _s: None,
    )


def test_submit_writes_first_and_marks_done_after_confirmation(
    server_url: str, tmp_path: Path
) -> None:
    outbox = Outbox(tmp_path / "outbox.db", _client(server_url))
    bundle = referral_transaction()
    submission = outbox.submit(bundle)
    assert submission.status is SubmissionStatus.DONE
    assert submission.references is not None
    assert len(submission.references) == len(bundle["entry"])
    assert outbox.pending() == []


def test_outage_keeps_the_submission_and_flush_sends_it(server_url: str, tmp_path: Path) -> None:
    bundle = referral_transaction()
    plan = FaultPlan("503", "503")  # the outage: both tries of the first attempt fail
    with fault_proxy(server_url, plan) as proxy:
        outbox = Outbox(tmp_path / "outbox.db", _client(proxy))
        first = outbox.submit(bundle)
        assert first.status is SubmissionStatus.PENDING
        assert first.error is not None
        assert "ServerError" in first.error
        # a new process after a crash: a fresh Outbox over the same file
        flushed = Outbox(tmp_path / "outbox.db", _client(proxy)).flush()
    assert [s.status for s in flushed] == [SubmissionStatus.DONE]
    expected = expected_counts(bundle)
    assert server_counts(server_url, set(expected)) == expected


def test_rejected_submission_is_kept_with_its_outcome(server_url: str, tmp_path: Path) -> None:
    plan = FaultPlan("ok", "reject")
    with fault_proxy(server_url, plan) as proxy:
        outbox = Outbox(tmp_path / "outbox.db", _client(proxy))
        submission = outbox.submit(referral_transaction())
    assert submission.status is SubmissionStatus.REJECTED
    assert outbox.rejected() == [submission.id]
    assert outbox.flush() == []  # a person must fix it; flushing does not resend it


def test_two_processes_flushing_at_once_send_each_submission_once(
    server_url: str, tmp_path: Path
) -> None:
    database = tmp_path / "outbox.db"
    names = ["amina-hassan", "maria-garcia", "tran-van-minh", "raymond-begay"]
    plan = FaultPlan(*(["503"] * 4 * len(names)))
    with fault_proxy(server_url, plan) as proxy:
        outbox = Outbox(database, _client(proxy))
        for name in names:
            assert outbox.submit(referral_transaction(name)).status is SubmissionStatus.PENDING
    script = (
        "import sys; sys.path.insert(0, sys.argv[3]);"
        "from commcare_ext.client import FhirClient, Outbox;"
        "from tests.client.helpers import MEDPLUM_MAX_TRANSACTION_ENTRIES as M;"
        "Outbox(sys.argv[1], FhirClient(sys.argv[2], max_transaction_entries=M)).flush()"
    )
    workers = [
        subprocess.Popen([sys.executable, "-c", script, str(database), server_url, str(ROOT)])
        for _ in range(2)
    ]
    assert [w.wait(timeout=120) for w in workers] == [0, 0]
    final = Outbox(database, _client(server_url))
    assert final.pending() == []
    expected = expected_counts(*(referral_transaction(n) for n in names))
    types = set(expected)
    actual = server_counts(server_url, types)
    assert {k: actual[k] for k in types} == {k: expected[k] for k in types}
