"""The retry loop through the whole client, over an in-process transport: no waiting."""

import pytest

from commcare_ext.client import (
    AuthenticationError,
    BearerToken,
    ConnectError,
    FhirClient,
    RateLimited,
    RequestTimeout,
    RetryPolicy,
    ServerError,
)
from tests.client.transports import BASE, ScriptedTransport, Sleeps, fhir, outcome

PATIENT = {"resourceType": "Patient", "id": "p1"}


def _client(
    transport: ScriptedTransport,
    sleeps: Sleeps,
    *,
    tries: int = 3,
    retry_statuses: frozenset[int] = RetryPolicy().retry_statuses,
) -> FhirClient:
    retry = RetryPolicy(tries=tries, backoff=1.0, max_backoff=4.0, retry_statuses=retry_statuses)
    return FhirClient(BASE, transport=transport, retry=retry, sleep=sleeps)


def test_safe_read_is_retried_until_it_succeeds_with_capped_waits() -> None:
    transport = ScriptedTransport(fhir(503, outcome()), ConnectError("reset"), fhir(200, PATIENT))
    sleeps = Sleeps()
    assert _client(transport, sleeps).read("Patient", "p1") == PATIENT
    assert len(transport.requests) == 3
    assert len(sleeps) == 2
    assert 0 <= sleeps[0] <= 1.0
    assert 0 <= sleeps[1] <= 2.0


def test_tries_bound_the_loop_and_the_last_error_is_raised() -> None:
    transport = ScriptedTransport(*(fhir(503, outcome()) for _ in range(10)))
    sleeps = Sleeps()
    with pytest.raises(ServerError):
        _client(transport, sleeps).read("Patient", "p1")
    assert len(transport.requests) == 3
    assert len(sleeps) == 2


def test_retry_after_is_honoured() -> None:
    transport = ScriptedTransport(fhir(429, None, Retry_After="3"), fhir(200, PATIENT))
    sleeps = Sleeps()
    _client(transport, sleeps).read("Patient", "p1")
    assert sleeps == [3.0]


def test_retry_statuses_decides_which_statuses_repeat() -> None:
    only_503 = frozenset({503})
    transport = ScriptedTransport(fhir(500, outcome()), fhir(200, PATIENT))
    with pytest.raises(ServerError):
        _client(transport, Sleeps(), retry_statuses=only_503).read("Patient", "p1")
    assert len(transport.requests) == 1
    transport = ScriptedTransport(fhir(429, None, Retry_After="0"), fhir(200, PATIENT))
    with pytest.raises(RateLimited):
        _client(transport, Sleeps(), retry_statuses=only_503).read("Patient", "p1")
    assert len(transport.requests) == 1


def test_not_implemented_is_not_retried_by_default() -> None:
    transport = ScriptedTransport(fhir(501, outcome("not-supported")), fhir(200, PATIENT))
    with pytest.raises(ServerError):
        _client(transport, Sleeps()).read("Patient", "p1")
    assert len(transport.requests) == 1


def test_plain_post_is_sent_once_whatever_happens() -> None:
    transport = ScriptedTransport(RequestTimeout("late"), fhir(201, PATIENT))
    with pytest.raises(RequestTimeout):
        _client(transport, Sleeps()).create({"resourceType": "Patient"})
    assert len(transport.requests) == 1


def test_conditional_create_is_retried() -> None:
    transport = ScriptedTransport(RequestTimeout("late"), fhir(200, PATIENT))
    created = _client(transport, Sleeps()).create(
        {"resourceType": "Patient"}, if_none_exist="identifier=x|1"
    )
    assert created == PATIENT
    assert [r.headers["If-None-Exist"] for r in transport.requests] == ["identifier=x|1"] * 2


def test_401_gets_one_fresh_token_and_does_not_use_up_a_try() -> None:
    transport = ScriptedTransport(fhir(401), fhir(503, outcome()), fhir(200, PATIENT))
    client = _client(transport, Sleeps(), tries=2)
    client.auth = BearerToken("t")
    assert client.read("Patient", "p1") == PATIENT
    assert len(transport.requests) == 3
    transport = ScriptedTransport(fhir(401), fhir(401), fhir(200, PATIENT))
    client = _client(transport, Sleeps())
    client.auth = BearerToken("t")
    with pytest.raises(AuthenticationError):
        client.read("Patient", "p1")
    assert len(transport.requests) == 2
