"""Faults a real server cannot be told to produce, injected by a loopback proxy in front of it.

For each: what the caller sees, and afterwards — counted on the real server — no
duplicate resources and no lost submission.
"""

import json
from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.client import (
    ConnectError,
    ContentRejected,
    FhirClient,
    MalformedResponseError,
    RateLimited,
    RedirectRefused,
    RequestTimeout,
    RetryPolicy,
    ServerError,
    SubmissionIncomplete,
    Timeout,
)
from tests.client.helpers import (
    MEDPLUM_MAX_TRANSACTION_ENTRIES,
    expected_counts,
    referral_transaction,
    server_counts,
)
from tests.support.fault_proxy import ODD_KINDS, FaultPlan, fault_proxy

pytestmark = pytest.mark.integration

REPORT: Counter[str] = Counter()
#: Long enough for a real transaction on a loaded machine; a stalled answer waits it out.
READ_TIMEOUT = 5.0


@pytest.fixture(scope="module", autouse=True)
def fault_report(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Write the tally (faults, submissions, duplicates, lost) for the notes."""
    yield
    path = Path(tmp_path_factory.getbasetemp()) / "fault-report.json"
    path.write_text(json.dumps(REPORT, indent=2))
    print(f"\nfault report: {dict(REPORT)} -> {path}")  # noqa: T201


def _no_wait(_seconds: float) -> None:
    """Tests need not wait out the backoff; the policy's arithmetic is unit-tested."""


def _client(url: str, *, tries: int = 4, read_timeout: float = 5.0) -> FhirClient:
    return FhirClient(
        url,
        retry=RetryPolicy(tries=tries, backoff=0.01, max_backoff=0.05),
        timeout=Timeout(connect=2.0, read=read_timeout),
        max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES,
        sleep=_no_wait,
    )


def _check_landed_once(server_url: str, bundle: dict[str, Any], plan: FaultPlan) -> None:
    expected = expected_counts(bundle)
    actual = server_counts(server_url, set(expected))
    duplicates = sum(max(actual[k] - expected[k], 0) for k in expected)
    lost = sum(max(expected[k] - actual[k], 0) for k in expected)
    REPORT["faults injected"] += len(plan.injected)
    REPORT["submissions"] += 1
    REPORT["duplicates"] += duplicates
    REPORT["lost"] += lost
    assert (duplicates, lost) == (0, 0)


@pytest.mark.parametrize(
    "faults",
    [
        ("500",),
        ("502", "503"),
        ("429:0",),
        ("ok", "ok", "503", "ok", "502"),
        ("stall",),
        ("reset",),
        ("ok", "reset", "ok", "stall"),
        ("malformed",),
    ],
    ids="+".join,
)
def test_transient_faults_are_retried_without_duplicates(
    server_url: str, faults: tuple[str, ...]
) -> None:
    bundle = referral_transaction()
    plan = FaultPlan("ok", *faults)  # the first request reads /metadata
    with fault_proxy(server_url, plan) as proxy:
        result = _client(proxy, read_timeout=READ_TIMEOUT).submit(bundle)
    assert set(result.references) == {e["fullUrl"] for e in bundle["entry"]}
    assert plan.injected == [f for f in faults if f != "ok"]
    _check_landed_once(server_url, bundle, plan)


@pytest.mark.parametrize(
    ("fault", "error"),
    [
        ("503", ServerError),
        ("429:0", RateLimited),
        ("stall", RequestTimeout),
        ("reset", ConnectError),
        ("malformed", MalformedResponseError),
    ],
)
def test_persistent_faults_surface_typed_errors_and_resume_cleanly(
    server_url: str, fault: str, error: type[Exception]
) -> None:
    bundle = referral_transaction()
    plan = FaultPlan("ok", "ok", *([fault] * 3))  # metadata, first chunk, then three faults
    with fault_proxy(server_url, plan) as proxy:
        client = _client(proxy, tries=3, read_timeout=READ_TIMEOUT)
        with pytest.raises(SubmissionIncomplete) as caught:
            client.submit(bundle)
        assert isinstance(caught.value.cause, error)
        assert len(caught.value.landed.references) == MEDPLUM_MAX_TRANSACTION_ENTRIES
        resumed = client.submit(bundle)  # the outage is over: resume
    assert set(resumed.references) == {e["fullUrl"] for e in bundle["entry"]}
    _check_landed_once(server_url, bundle, plan)


def test_rejection_is_not_retried_and_keeps_the_outcome(server_url: str) -> None:
    bundle = referral_transaction()
    plan = FaultPlan("ok", "reject")
    with fault_proxy(server_url, plan) as proxy, pytest.raises(SubmissionIncomplete) as caught:
        _client(proxy).submit(bundle)
    cause = caught.value.cause
    assert isinstance(cause, ContentRejected)
    assert cause.issues[0].expression == ("Bundle.entry[0].resource",)
    assert plan.requests == 2  # no retry of rejected content
    REPORT["faults injected"] += 1
    REPORT["rejections kept"] += 1


def test_plain_post_is_never_retried(server_url: str) -> None:
    plan = FaultPlan("stall")
    with fault_proxy(server_url, plan) as proxy:
        client = _client(proxy, read_timeout=READ_TIMEOUT)
        with pytest.raises(RequestTimeout):
            client.create({"resourceType": "Organization", "name": "Once Only"})
    assert plan.requests == 1
    assert server_counts(server_url, {"Organization"})["Organization"] == 1
    REPORT["faults injected"] += 1


@pytest.mark.parametrize("status", ["307", "308"])
def test_a_redirected_write_sends_nothing_elsewhere_and_resumes(
    server_url: str, status: str
) -> None:
    bundle = referral_transaction()
    plan = FaultPlan("ok", "ok", f"redirect:{status}")  # metadata, a first chunk, a redirect
    with fault_proxy(server_url, plan) as proxy:
        client = _client(proxy)
        with pytest.raises(SubmissionIncomplete) as caught:
            client.submit(bundle)
        cause = caught.value.cause
        assert isinstance(cause, RedirectRefused)
        assert cause.host == plan.trap_url.removeprefix("http://").rstrip("/")
        assert "SENTINEL" not in str(cause)
        assert "stolen" not in str(cause)
        resumed = client.submit(bundle)
    assert plan.trapped == []  # not one request, let alone the Bundle, reached the other host
    assert set(resumed.references) == {e["fullUrl"] for e in bundle["entry"]}
    REPORT["redirects refused"] += 1
    _check_landed_once(server_url, bundle, plan)


@pytest.mark.parametrize("fault", ODD_KINDS)
def test_odd_answers_are_malformed_and_resume_without_duplicates(
    server_url: str, fault: str
) -> None:
    bundle = referral_transaction()
    tries = 3
    # an odd CapabilityStatement on every read of /metadata; otherwise on the second chunk
    faults = [fault] * tries if fault == "odd:capability" else ["ok", "ok", *[fault] * tries]
    plan = FaultPlan(*faults)
    with fault_proxy(server_url, plan) as proxy:
        client = _client(proxy, tries=tries)
        with pytest.raises((SubmissionIncomplete, MalformedResponseError)) as caught:
            client.submit(bundle)
        error = caught.value
        cause = error.cause if isinstance(error, SubmissionIncomplete) else error
        assert isinstance(cause, MalformedResponseError), repr(cause)
        resumed = client.submit(bundle)
    assert plan.injected == [fault] * tries
    assert set(resumed.references) == {e["fullUrl"] for e in bundle["entry"]}
    REPORT["odd answers"] += 1
    _check_landed_once(server_url, bundle, plan)


def test_a_server_with_a_lower_size_limit_gets_smaller_transactions(server_url: str) -> None:
    bundle = referral_transaction("raymond-begay")
    plan = FaultPlan(max_entries=3)
    with fault_proxy(server_url, plan) as proxy:
        client = _client(proxy)  # starts at Medplum's 8
        result = client.submit(bundle)
    assert set(result.references) == {e["fullUrl"] for e in bundle["entry"]}
    assert plan.too_large >= 1
    REPORT["size-limited refusals"] += plan.too_large
    _check_landed_once(server_url, bundle, plan)
