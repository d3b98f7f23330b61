"""Names and identifiers in a search never reach a log line or the exception chain.

A sentinel name is searched for with every log level on (the root logger at DEBUG, so
urllib3's request lines too); then searches that fail are walked down ``__cause__`` and
``__context__``.
"""

import logging
import socket
from collections.abc import Iterator

import pytest

from commcare_ext.client import (
    ConnectError,
    FhirClient,
    FhirClientError,
    RequestTimeout,
    RetryPolicy,
    Timeout,
)
from tests.client.transports import BASE, ScriptedTransport, Sleeps, fhir
from tests.support.fault_proxy import FaultPlan, fault_proxy

SENTINEL = "Zebulon-Quackenbush-7731"


def _chain(error: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    pending: list[BaseException | None] = [error]
    while pending:
        current = pending.pop()
        if current is None or id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        pending += [current.__cause__, current.__context__]


def _assert_clean(error: BaseException) -> None:
    for link in _chain(error):
        for shown in (str(link), repr(link), repr(link.args), repr(vars(link))):
            assert SENTINEL not in shown, f"{type(link).__name__}: {shown}"


@pytest.mark.integration
def test_a_paged_search_by_name_logs_no_name(
    server_url: str, caplog: pytest.LogCaptureFixture
) -> None:
    client = FhirClient(server_url)
    for _ in range(3):
        client.create({"resourceType": "Patient", "name": [{"family": SENTINEL}]})
    caplog.set_level(logging.DEBUG)  # the root logger: urllib3 and everything else
    found = list(client.search("Patient", {"family": SENTINEL, "_count": "1"}))
    assert len(found) == 3
    assert len(caplog.records) >= 3  # the log was on and heard the requests
    assert any(r.name.startswith("urllib3") for r in caplog.records)
    assert SENTINEL not in caplog.text


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.mark.parametrize(
    "search",
    [
        lambda c: list(c.search("Patient", {"name": SENTINEL})),
        lambda c: c.request("GET", "Patient", params={"name": SENTINEL}),
        lambda c: c.request("GET", f"Patient?name={SENTINEL}"),
    ],
    ids=["search", "GET with params", "GET with a query"],
)
def test_a_failed_search_chains_no_url(search: object, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    client = FhirClient(
        f"http://127.0.0.1:{_closed_port()}/", retry=RetryPolicy(tries=2), sleep=Sleeps()
    )
    with pytest.raises(ConnectError) as caught:
        search(client)  # type: ignore[operator]
    _assert_clean(caught.value)
    assert SENTINEL not in caplog.text


@pytest.mark.integration
def test_a_timed_out_search_chains_no_url(server_url: str) -> None:
    plan = FaultPlan("stall")
    with fault_proxy(server_url, plan) as proxy:
        client = FhirClient(proxy, retry=RetryPolicy(tries=1), timeout=Timeout(2.0, 0.5))
        with pytest.raises(RequestTimeout) as caught:
            client.request("GET", "Patient", params={"name": SENTINEL})
    _assert_clean(caught.value)


def test_an_opaque_next_link_is_read_and_only_its_path_logged(
    caplog: pytest.LogCaptureFixture,
) -> None:
    first = {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [],
        "link": [{"relation": "next", "url": BASE + "?_getpages=token-1"}],
    }
    transport = ScriptedTransport(fhir(200, first), fhir(500), fhir(500))
    caplog.set_level(logging.DEBUG)
    client = FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=2))
    with pytest.raises(FhirClientError) as caught:
        list(client.search("Patient", {"name": SENTINEL}))
    first_request = transport.requests[0]
    assert first_request.method == "POST"
    assert first_request.url == BASE + "Patient/_search"
    assert first_request.content == f"name={SENTINEL}".encode()
    assert [r.method for r in transport.requests[1:]] == ["GET", "GET"]
    assert "token-1" not in caplog.text
    _assert_clean(caught.value)
