"""Transaction size limits, learned from the real server's refusal (Medplum: 8 entries)."""

import math
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path
from typing import Any

import pytest
from examples.post_referral import build_bundle

from commcare_ext.client import ContentRejected, FhirClient, SubmissionIncomplete
from tests.client.helpers import (
    MEDPLUM_MAX_TRANSACTION_ENTRIES,
    expected_counts,
    referral_transaction,
    server_counts,
)
from tests.support.fault_proxy import FaultPlan, fault_proxy

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[2]


def test_an_unconfigured_client_learns_the_limit_and_lands_everything_once(
    server_url: str,
) -> None:
    bundle = referral_transaction()
    assert len(bundle["entry"]) > MEDPLUM_MAX_TRANSACTION_ENTRIES
    plan = FaultPlan()
    with fault_proxy(server_url, plan) as proxy:
        client = FhirClient(proxy)
        first = client.submit(bundle)
        learned = client.max_transaction_entries
        assert learned is not None
        assert learned <= MEDPLUM_MAX_TRANSACTION_ENTRIES
        before = plan.requests
        second = client.submit(bundle)  # the learned size: no refusal this time
    assert first.mode == second.mode == "chunked-transaction"
    assert set(first.references) == {e["fullUrl"] for e in bundle["entry"]}
    assert second.references == first.references
    assert plan.requests - before == math.ceil(len(bundle["entry"]) / learned)
    expected = expected_counts(bundle)
    assert server_counts(server_url, set(expected)) == expected


def test_a_lower_limit_is_learned_below_the_configured_one(server_url: str) -> None:
    bundle = referral_transaction("maria-garcia")
    plan = FaultPlan(max_entries=3)
    with fault_proxy(server_url, plan) as proxy:
        client = FhirClient(proxy, max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES)
        result = client.submit(bundle)
    assert client.max_transaction_entries is not None
    assert client.max_transaction_entries <= 3
    assert plan.too_large >= 1
    assert set(result.references) == {e["fullUrl"] for e in bundle["entry"]}
    expected = expected_counts(bundle)
    assert server_counts(server_url, set(expected)) == expected


def _with_an_invalid_entry(bundle: dict[str, Any]) -> int:
    """Break the last Observation (a wrong type for ``status``); return its position."""
    index = max(
        i for i, e in enumerate(bundle["entry"]) if e["resource"]["resourceType"] == "Observation"
    )
    bundle["entry"][index]["resource"]["status"] = 5
    return index


def test_an_invalid_entry_in_a_later_chunk_is_named_as_in_the_bundle(server_url: str) -> None:
    bundle = referral_transaction()
    broken = _with_an_invalid_entry(bundle)
    client = FhirClient(server_url, max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES)
    with pytest.raises(SubmissionIncomplete) as caught:
        client.submit(bundle)
    cause = caught.value.cause
    assert isinstance(cause, ContentRejected)
    where = {e for issue in cause.issues if issue.severity == "error" for e in issue.expression}
    assert where
    assert all(e.startswith(f"Bundle.entry[{broken}].") for e in where), where
    assert f"Bundle.entry[{broken}]" in str(cause)
    assert client.max_transaction_entries == MEDPLUM_MAX_TRANSACTION_ENTRIES  # not a size issue


def test_an_invalid_entry_is_named_by_an_unconfigured_client(server_url: str) -> None:
    bundle = referral_transaction()
    broken = _with_an_invalid_entry(bundle)
    with pytest.raises((ContentRejected, SubmissionIncomplete)) as caught:
        FhirClient(server_url).submit(bundle)
    error = caught.value
    cause = error.cause if isinstance(error, SubmissionIncomplete) else error
    assert isinstance(cause, ContentRejected)
    errors = [i for i in cause.issues if i.severity == "error"]
    assert {e.split("]")[0] for i in errors for e in i.expression} == {f"Bundle.entry[{broken}"}
    assert set(re.findall(r"Bundle\.entry\[\d+\]", str(cause))) == {f"Bundle.entry[{broken}]"}


def _run_example(server_url: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "examples" / "post_referral.py"), server_url],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def test_the_example_posts_with_no_flags_and_twice_creates_nothing_new(
    server_url: str, tmp_path: Path
) -> None:
    expected = expected_counts(build_bundle("tran-van-minh"))
    counts: list[Counter[str]] = []
    for cwd in (tmp_path, tmp_path, tmp_path / "another-outbox"):  # same outbox, then a fresh one
        cwd.mkdir(exist_ok=True)
        done = _run_example(server_url, cwd)
        assert done.returncode == 0, done.stdout + done.stderr
        assert "done after" in done.stdout
        counts.append(server_counts(server_url, set(expected)))
    assert counts == [expected, expected, expected]
    assert (tmp_path / "out" / "outbox.db").exists()
