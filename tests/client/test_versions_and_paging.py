"""Client primitives for follow-up work: versioned reads, If-Match updates, paged search."""

import math
from typing import Any

import pytest

from commcare_ext.client import (
    ContentRejected,
    FhirClient,
    FhirClientError,
    InvalidResource,
    MalformedResponseError,
    RetryPolicy,
    ServerError,
    VersionConflict,
    Versioned,
)
from tests.client.helpers import expected_counts, referral_transaction
from tests.client.transports import BASE, ScriptedTransport, Sleeps, fhir, outcome
from tests.support.fault_proxy import FaultPlan, fault_proxy

SENTINEL = "Zebulon-Quackenbush-7731"
PATIENT: dict[str, Any] = {
    "resourceType": "Patient",
    "id": "p1",
    "meta": {"versionId": "3", "lastUpdated": "2026-11-24T10:00:00Z"},
}


@pytest.mark.integration
def test_read_versioned_and_an_update_that_must_match(server_url: str) -> None:
    client = FhirClient(server_url)
    created = client.create({"resourceType": "Patient", "name": [{"family": SENTINEL}]})
    read = client.read_versioned("Patient", created["id"])
    assert isinstance(read, Versioned)
    assert read.resource == client.read("Patient", created["id"])
    assert read.version_id == created["meta"]["versionId"]
    assert read.etag is None  # Medplum's router sends no ETag: meta.versionId stands in
    assert read.if_match == f'W/"{read.version_id}"'
    assert SENTINEL not in repr(read)

    changed = {**read.resource, "gender": "female"}
    updated = client.update(changed, if_match=read.version_id)
    assert updated["gender"] == "female"
    assert updated["meta"]["versionId"] != read.version_id

    stale = {**read.resource, "gender": "male"}
    with pytest.raises(VersionConflict) as caught:
        client.update(stale, if_match=read.version_id)  # someone changed it since
    conflict = caught.value
    assert isinstance(conflict, ContentRejected)
    assert isinstance(conflict, FhirClientError)
    assert conflict.status == 412
    assert (conflict.resource_type, conflict.resource_id) == ("Patient", created["id"])
    assert SENTINEL not in str(conflict)
    assert SENTINEL not in repr(conflict)
    assert client.read("Patient", created["id"])["gender"] == "female"


@pytest.mark.integration
def test_the_test_server_ignores_if_none_match(server_url: str) -> None:
    """Medplum's router has no conditional read: the resource comes back, same version."""
    client = FhirClient(server_url)
    created = client.create({"resourceType": "Patient"})
    first = client.read_versioned("Patient", created["id"])
    assert first.if_match is not None
    again = client.read_versioned("Patient", created["id"], if_none_match=first.if_match)
    assert again is not None
    assert again.version_id == first.version_id


def test_a_304_is_none_and_sends_if_none_match() -> None:
    transport = ScriptedTransport(fhir(304))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    assert client.read_versioned("Patient", "p1", if_none_match='W/"3"') is None
    assert transport.requests[0].headers["If-None-Match"] == 'W/"3"'


def test_a_304_nobody_asked_for_is_malformed() -> None:
    transport = ScriptedTransport(fhir(304), fhir(304))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=2))
    with pytest.raises(MalformedResponseError):
        client.read_versioned("Patient", "p1")


def test_version_comes_from_meta_else_from_the_etag() -> None:
    without_meta = {"resourceType": "Patient", "id": "p1"}
    transport = ScriptedTransport(
        fhir(200, PATIENT, ETag='W/"3"', Last_Modified="Tue, 24 Nov 2026 10:00:00 GMT"),
        fhir(200, without_meta, ETag='W/"7"'),
        fhir(200, without_meta),
    )
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    assert client.read_versioned("Patient", "p1") == Versioned(
        PATIENT, "3", 'W/"3"', "Tue, 24 Nov 2026 10:00:00 GMT"
    )
    from_etag = client.read_versioned("Patient", "p1")
    assert (from_etag.version_id, from_etag.if_match) == ("7", 'W/"7"')
    neither = client.read_versioned("Patient", "p1")
    assert (neither.version_id, neither.if_match) == (None, None)


def test_if_match_is_sent_weak_and_such_an_update_is_not_retried() -> None:
    transport = ScriptedTransport(fhir(503, outcome()), fhir(200, PATIENT))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    with pytest.raises(ServerError):
        client.update(PATIENT, if_match="3")
    assert len(transport.requests) == 1
    assert transport.requests[0].headers["If-Match"] == 'W/"3"'
    transport = ScriptedTransport(fhir(503, outcome()), fhir(200, PATIENT))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    assert client.update(PATIENT) == PATIENT  # a plain PUT is idempotent: retried
    assert len(transport.requests) == 2
    assert "If-Match" not in transport.requests[1].headers


@pytest.mark.parametrize(
    ("status", "if_match", "conflict"),
    [(412, "3", True), (409, "3", True), (409, None, False), (412, None, True)],
)
def test_which_answers_are_version_conflicts(
    status: int, if_match: str | None, conflict: bool
) -> None:
    transport = ScriptedTransport(fhir(status, outcome("conflict")))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=RetryPolicy(tries=1))
    with pytest.raises(ContentRejected) as caught:
        client.update(PATIENT, if_match=if_match)
    assert isinstance(caught.value, VersionConflict) is conflict


@pytest.mark.parametrize(
    "resource", [{"id": "p1"}, {"resourceType": "Patient"}, {"resourceType": 5, "id": "p1"}]
)
def test_an_update_without_type_or_id_is_a_typed_error(resource: dict[str, Any]) -> None:
    with pytest.raises(InvalidResource):
        FhirClient(BASE, transport=ScriptedTransport(), sleep=Sleeps()).update(resource)


@pytest.mark.integration
def test_search_pages_posts_first_and_follows_next_links(server_url: str) -> None:
    bundle = referral_transaction()
    observations = expected_counts(bundle)["Observation"]
    plan = FaultPlan()
    with fault_proxy(server_url, plan) as proxy:
        client = FhirClient(proxy, max_transaction_entries=8)
        client.submit(bundle)
        before = plan.requests
        pages = list(client.search_pages("Observation", {"_count": "5"}))
        assert plan.requests - before == len(pages)
    assert len(pages) == math.ceil(observations / 5)
    assert all(p["resourceType"] == "Bundle" and p["type"] == "searchset" for p in pages)
    ids = [e["resource"]["id"] for p in pages for e in p.get("entry", [])]
    assert len(ids) == len(set(ids)) == observations


@pytest.mark.integration
def test_search_all_returns_matches_and_included_resources_once(server_url: str) -> None:
    bundle = referral_transaction()
    client = FhirClient(server_url, max_transaction_entries=8)
    client.submit(bundle)
    found = client.search_all("Observation", {"_count": "5", "_include": "Observation:subject"})
    kinds = [r["resourceType"] for r in found]
    assert kinds.count("Observation") == expected_counts(bundle)["Observation"]
    assert kinds.count("Patient") == 1  # included on every page, listed once
    assert len(list(client.search("Observation", {"_count": "5"}))) == kinds.count("Observation")


def test_a_next_link_to_another_origin_is_not_followed() -> None:
    page = {
        "resourceType": "Bundle",
        "type": "searchset",
        "link": [{"relation": "next", "url": "https://elsewhere.example/fhir/Patient?x=1"}],
    }
    transport = ScriptedTransport(fhir(200, page))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    with pytest.raises(MalformedResponseError):
        client.search_all("Patient")
    assert len(transport.requests) == 1


def test_a_next_link_back_to_the_type_is_posted_as_a_form() -> None:
    first = {
        "resourceType": "Bundle",
        "type": "searchset",
        "entry": [{"resource": {"resourceType": "Patient", "id": "a"}}],
        "link": [{"relation": "next", "url": BASE + "Patient?family=X&_offset=1"}],
    }
    last = {**first, "entry": [{"resource": {"resourceType": "Patient", "id": "b"}}], "link": []}
    transport = ScriptedTransport(fhir(200, first), fhir(200, last))
    client = FhirClient(BASE, transport=transport, sleep=Sleeps())
    assert [r["id"] for r in client.search_all("Patient", {"family": "X"})] == ["a", "b"]
    second = transport.requests[1]
    assert (second.method, second.url) == ("POST", BASE + "Patient/_search")
    assert second.content == b"family=X&_offset=1"
    assert second.headers["Content-Type"] == "application/x-www-form-urlencoded"
