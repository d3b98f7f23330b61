"""Every answer that is not what FHIR says becomes MalformedResponseError (or another typed error).

Named odd answers first, then Hypothesis over arbitrary JSON and over valid answers with one
part replaced by arbitrary JSON; only the client's typed errors may come out. The Outbox
records such an answer and moves on: no row is ever left leased without an error.
"""

import contextlib
import copy
import sqlite3
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.client import (
    ContentRejected,
    FhirClient,
    FhirClientError,
    MalformedResponseError,
    Outbox,
    RateLimited,
    Response,
    RetryPolicy,
    SubmissionStatus,
)
from tests.budget import cases
from tests.client.transports import (
    BASE,
    CAPABILITY_STATEMENT,
    ScriptedTransport,
    Sleeps,
    fhir,
    outcome,
    small_bundle,
    transaction_response,
)

TWO_CREATED = {
    "resourceType": "Bundle",
    "type": "transaction-response",
    "entry": [
        {"response": {"status": "201 Created", "location": "Organization/1/_history/1"}},
        {"response": {"status": "201 Created", "location": "Patient/2/_history/1"}},
    ],
}
SEARCHSET = {
    "resourceType": "Bundle",
    "type": "searchset",
    "entry": [{"resource": {"resourceType": "Patient", "id": "p1"}, "search": {"mode": "match"}}],
    "link": [{"relation": "self", "url": BASE + "Patient"}],
}
PATIENT = {"resourceType": "Patient", "id": "p1", "meta": {"versionId": "1"}}


def _client(transport: ScriptedTransport) -> FhirClient:
    return FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=2))


def _submit(answer: Response) -> None:
    _client(ScriptedTransport(fhir(200, CAPABILITY_STATEMENT), answer, answer)).submit(
        small_bundle()
    )


@pytest.mark.parametrize(
    "body",
    [
        {**TWO_CREATED, "entry": ["created", 1]},
        {**TWO_CREATED, "entry": [{"response": "201 Created"}] * 2},
        {**TWO_CREATED, "entry": [{"response": {"status": 201}}] * 2},
        {**TWO_CREATED, "entry": [{"response": {"status": "201", "location": 7}}] * 2},
        {**TWO_CREATED, "entry": [{"response": {"status": "201"}, "resource": "Patient"}] * 2},
        {**TWO_CREATED, "entry": [{"response": {"status": "400"}}] * 2},
        {**TWO_CREATED, "entry": "all of them"},
        {**TWO_CREATED, "type": "searchset"},
        [TWO_CREATED],
        "created",
    ],
    ids=lambda b: str(b)[:60],
)
def test_odd_transaction_responses_are_malformed(body: Any) -> None:
    with pytest.raises(MalformedResponseError):
        _submit(fhir(200, body))


@pytest.mark.parametrize(
    "issue",
    [
        {"details": "not a CodeableConcept"},
        {"details": {"text": 5}},
        {"expression": 5},
        {"expression": ["Patient.name", 5]},
        {"location": "Patient.name"},
        {"diagnostics": {"text": "x"}},
        {"severity": ["error"]},
    ],
    ids=str,
)
def test_odd_operation_outcomes_are_malformed(issue: dict[str, Any]) -> None:
    body = outcome("invalid", **issue)
    with pytest.raises(MalformedResponseError):
        _submit(fhir(422, body))


@pytest.mark.parametrize(
    "body",
    [
        {"resourceType": "OperationOutcome", "issue": "everything"},
        {"resourceType": "OperationOutcome", "issue": ["invalid"]},
    ],
    ids=str,
)
def test_odd_issue_lists_are_malformed(body: dict[str, Any]) -> None:
    with pytest.raises(MalformedResponseError):
        _submit(fhir(400, body))


@pytest.mark.parametrize(
    "change",
    [
        {"rest": {"mode": "server"}},
        {"rest": ["server"]},
        {"rest": [{"mode": "server", "interaction": ["transaction"]}]},
        {"rest": [{"mode": "server", "interaction": [{"code": 1}]}]},
        {"rest": [{"mode": "server", "resource": [{"type": ["Patient"]}]}]},
        {"rest": [{"mode": "server", "resource": "Patient"}]},
        {"fhirVersion": 4.01},
    ],
    ids=str,
)
def test_odd_capability_statements_are_malformed(change: dict[str, Any]) -> None:
    transport = ScriptedTransport(*[fhir(200, {**CAPABILITY_STATEMENT, **change})] * 2)
    with pytest.raises(MalformedResponseError):
        _client(transport).capabilities()


@pytest.mark.parametrize("value", ["nan", "-5", "inf", "1e400", "soon", "Fri, 99 Foo 2026"])
def test_odd_retry_after_is_malformed(value: str) -> None:
    transport = ScriptedTransport(*[fhir(429, None, Retry_After=value)] * 2)
    with pytest.raises(MalformedResponseError):
        _client(transport).read("Patient", "p1")


def test_retry_after_as_a_date_is_honoured_and_a_long_wait_is_not_waited() -> None:
    sleeps = Sleeps()
    transport = ScriptedTransport(
        fhir(429, None, Retry_After="Wed, 21 Oct 2015 07:28:05 GMT"), fhir(200, PATIENT)
    )
    client = FhirClient(BASE, transport=transport, sleep=sleeps, clock=lambda: 1445412480.0)
    assert client.read("Patient", "p1") == PATIENT
    assert sleeps == [5.0]
    transport = ScriptedTransport(fhir(429, None, Retry_After="3600"), fhir(200, PATIENT))
    with pytest.raises(RateLimited) as caught:
        FhirClient(BASE, transport=transport, sleep=sleeps).read("Patient", "p1")
    assert caught.value.retry_after == 3600
    assert len(transport.requests) == 1


def test_details_and_diagnostics_stay_data() -> None:
    body = outcome(
        "invalid",
        expression=["Bundle.entry[1].resource.birthDate"],
        details={"text": "Zebulon Quackenbush is not a date"},
        diagnostics="birthDate 'Zebulon'",
    )
    with pytest.raises(ContentRejected) as caught:
        _submit(fhir(422, body))
    issue = caught.value.issues[0]
    assert issue.details == "Zebulon Quackenbush is not a date"
    assert issue.diagnostics == "birthDate 'Zebulon'"
    assert "Zebulon" not in str(caught.value)
    assert "Zebulon" not in repr(caught.value.issues)
    assert "invalid at Bundle.entry[1].resource.birthDate" in str(caught.value)


# -- the Outbox records odd answers and moves on ---------------------------------------------


def _leases(path: Path) -> list[tuple[str, float, str | None]]:
    with sqlite3.connect(path) as db:
        return db.execute("SELECT status, lease_until, error FROM submissions").fetchall()


def test_the_outbox_records_an_odd_answer_and_moves_on_to_the_next_row(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    down = FhirClient(
        BASE, transport=ScriptedTransport(), sleep=Sleeps(), retry=RetryPolicy(tries=1)
    )
    outbox = Outbox(path, down)
    first = outbox.submit(small_bundle("first"))
    second = outbox.submit(small_bundle("second"))
    assert [first.status, second.status] == [SubmissionStatus.PENDING] * 2
    odd = fhir(200, {**TWO_CREATED, "entry": [{"response": "201 Created"}] * 2})
    transport = ScriptedTransport(fhir(200, CAPABILITY_STATEMENT), odd, odd, transaction_response)
    client = FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=2))
    flushed = Outbox(path, client).flush()
    assert [s.status for s in flushed] == [SubmissionStatus.PENDING, SubmissionStatus.DONE]
    assert flushed[0].error is not None
    assert flushed[0].error.startswith("MalformedResponseError")
    assert all(lease == 0 for _, lease, _ in _leases(path))


def test_an_unexpected_failure_still_frees_the_row(tmp_path: Path) -> None:
    path = tmp_path / "outbox.db"
    transport = ScriptedTransport(RuntimeError("a bug in a custom transport"))
    with pytest.raises(RuntimeError):
        Outbox(path, _client(transport)).submit(small_bundle())
    [(status, lease, error)] = _leases(path)
    assert (status, lease) == ("pending", 0)
    assert error is not None
    assert "RuntimeError" in error


# -- Hypothesis: any answer at all -------------------------------------------------------------

JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=8,
)
TEMPLATES = [
    CAPABILITY_STATEMENT,
    TWO_CREATED,
    SEARCHSET,
    PATIENT,
    outcome("invalid", expression=["Patient.name"], details={"text": "x"}),
]


def _paths(value: Any, prefix: tuple[Any, ...] = ()) -> Iterator[tuple[Any, ...]]:
    yield prefix
    if isinstance(value, dict):
        for key, inner in value.items():
            yield from _paths(inner, (*prefix, key))
    elif isinstance(value, list):
        for index, inner in enumerate(value):
            yield from _paths(inner, (*prefix, index))


@st.composite
def _mutated(draw: Callable[..., Any]) -> Any:
    """A valid answer with one part (any depth) replaced by arbitrary JSON."""
    value = copy.deepcopy(draw(st.sampled_from(TEMPLATES)))
    path = draw(st.sampled_from(list(_paths(value))))
    replacement = draw(JSON)
    if not path:
        return replacement
    parent = value
    for step in path[:-1]:
        parent = parent[step]
    parent[path[-1]] = replacement
    return value


ANSWERS = st.builds(
    lambda status, body, retry_after: fhir(
        status, body, **({"Retry_After": retry_after} if retry_after is not None else {})
    ),
    st.sampled_from([200, 201, 304, 400, 404, 409, 412, 422, 429, 500, 503]),
    _mutated() | JSON,
    st.none()
    | st.sampled_from(["0", "2", "nan", "-1", "1e400", "", "Wed, 21 Oct 2015 07:28:00 GMT"]),
)

OPERATIONS: list[Callable[[FhirClient], object]] = [
    lambda c: c.capabilities(),
    lambda c: c.transaction(small_bundle()),
    lambda c: c.read("Patient", "p1"),
    lambda c: list(c.search("Patient", {"name": "x"})),
    lambda c: c.submit(small_bundle()),
    lambda c: c.batch(small_bundle()),
    lambda c: c.create({"resourceType": "Patient"}),
    lambda c: c.update({"resourceType": "Patient", "id": "p1"}),
]


@settings(max_examples=cases(300), deadline=None)
@given(answers=st.lists(ANSWERS, min_size=1, max_size=4))
def test_any_answer_is_a_result_or_a_typed_error(answers: list[Response]) -> None:
    for operation in OPERATIONS:
        with contextlib.suppress(FhirClientError):
            operation(_client(ScriptedTransport(*answers)))
    with contextlib.suppress(FhirClientError):  # past the capability check
        _client(ScriptedTransport(fhir(200, CAPABILITY_STATEMENT), *answers)).submit(small_bundle())


@settings(
    max_examples=cases(100),
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture],
)
@given(answers=st.lists(ANSWERS, min_size=1, max_size=4))
def test_the_outbox_never_leaves_a_row_leased(tmp_path: Path, answers: list[Response]) -> None:
    path = tmp_path / f"{uuid.uuid4()}.db"
    transport = ScriptedTransport(fhir(200, CAPABILITY_STATEMENT), *answers)
    submission = Outbox(path, _client(transport)).submit(small_bundle())
    [(status, lease, error)] = _leases(path)
    assert lease == 0
    assert status == submission.status
    if status == SubmissionStatus.PENDING:
        assert error is not None


@pytest.mark.parametrize(
    "entry", [None, [], [{"resource": {"resourceType": "Patient", "id": "p"}}]]
)
def test_a_searchset_with_a_null_or_empty_entry_is_read_as_pages(entry: object) -> None:
    page = {"resourceType": "Bundle", "type": "searchset", "entry": entry}
    found = _client(ScriptedTransport(fhir(200, page))).search_all("Patient", {"name": "x"})
    assert len(found) == (1 if entry else 0)
