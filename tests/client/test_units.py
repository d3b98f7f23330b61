"""Pure parts of the client: retry arithmetic, error mapping, idempotence, ordering."""

import subprocess
import sys
from pathlib import Path

import pytest

import commcare_ext
from commcare_ext.client import (
    AuthenticationError,
    ContentRejected,
    RateLimited,
    RetryPolicy,
    ServerError,
    dependency_order,
    is_idempotent,
)
from commcare_ext.client.outcome import error_for
from tests.client.helpers import referral_transaction


def test_backoff_is_capped_jittered_and_honours_retry_after() -> None:
    policy = RetryPolicy(tries=5, backoff=0.5, max_backoff=2.0, max_retry_after=10)
    for attempt in range(1, 6):
        wait = policy.delay(attempt)
        assert wait is not None
        assert 0 <= wait <= min(2.0, 0.5 * 2 ** (attempt - 1))
    assert policy.delay(1, retry_after=3) == 3
    assert policy.delay(1, retry_after=10) == 10
    assert policy.delay(1, retry_after=999) is None  # longer than we wait: give up now
    assert policy.allows(4, safe=True)
    assert not policy.allows(5, safe=True)
    assert not policy.allows(1, safe=False)


@pytest.mark.parametrize(
    ("status", "kind"),
    [
        (400, ContentRejected),
        (422, ContentRejected),
        (401, AuthenticationError),
        (429, RateLimited),
        (503, ServerError),
    ],
)
def test_status_maps_to_typed_error(status: int, kind: type[Exception]) -> None:
    body = {
        "resourceType": "OperationOutcome",
        "issue": [
            {
                "severity": "error",
                "code": "invalid",
                "expression": ["Patient.birthDate"],
                "diagnostics": "Zebulon",
            }
        ],
    }
    error = error_for(status, body, "POST", "Patient", "7", now=0.0)
    assert isinstance(error, kind)
    assert error.issues[0].expression == ("Patient.birthDate",)
    assert error.issues[0].diagnostics == "Zebulon"
    assert "Zebulon" not in str(error)
    assert "Zebulon" not in repr(error.issues)
    if isinstance(error, RateLimited):
        assert error.retry_after == 7.0


def test_plain_posts_are_not_idempotent() -> None:
    bundle = referral_transaction()
    assert is_idempotent(bundle)
    bundle["entry"][0]["request"].pop("ifNoneExist")
    assert not is_idempotent(bundle)


def test_dependency_order_puts_referenced_entries_first() -> None:
    bundle = referral_transaction()
    entries = list(reversed(bundle["entry"]))
    ordered = dependency_order(entries)
    position = {e["fullUrl"]: i for i, e in enumerate(ordered)}
    for entry in ordered:
        for reference in str(entry["resource"]).split("'reference': '")[1:]:
            target = reference.split("'")[0]
            if target in position:
                assert position[target] <= position[entry["fullUrl"]]


def test_the_client_package_loads_no_intake_side_package() -> None:
    """Importing the client subtree (under a bare parent package) loads only errors and fhir.

    The top-level ``commcare_ext/__init__`` imports every package for its public face, so
    the parent is replaced by an empty package here to see what the client itself loads.
    """
    script = (
        "import sys, types\n"
        "parent = types.ModuleType('commcare_ext')\n"
        f"parent.__path__ = [{str(Path(commcare_ext.__file__).parent)!r}]\n"
        "sys.modules['commcare_ext'] = parent\n"
        "import commcare_ext.client\n"
        "print(sorted({m.split('.')[1] for m in sys.modules if m.startswith('commcare_ext.')}))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "['client', 'errors', 'fhir']"
