"""The client against the real loopback FHIR server (Medplum's router): no mocks."""

import pytest

from commcare_ext.client import (
    CapabilityError,
    ContentRejected,
    FhirClient,
    SubmissionIncomplete,
    is_idempotent,
)
from tests.client.helpers import (
    MEDPLUM_MAX_TRANSACTION_ENTRIES,
    expected_counts,
    referral_transaction,
    server_counts,
)

pytestmark = pytest.mark.integration


def _client(url: str) -> FhirClient:
    return FhirClient(url, max_transaction_entries=MEDPLUM_MAX_TRANSACTION_ENTRIES)


def test_capabilities_are_read(server_url: str) -> None:
    capabilities = _client(server_url).require_r4()
    assert capabilities.fhir_version == "4.0.1"
    assert capabilities.transaction
    assert "Consent" in capabilities.resource_types


def test_small_transaction_maps_every_urn_to_a_server_id(server_url: str) -> None:
    bundle = referral_transaction()
    bundle["entry"] = bundle["entry"][:3]  # organisations and the patient: no references out
    result = _client(server_url).transaction(bundle)
    assert set(result.references) == {e["fullUrl"] for e in bundle["entry"]}
    for reference in result.references.values():
        kind, _, resource_id = reference.partition("/")
        assert _client(server_url).read(kind, resource_id)["resourceType"] == kind


def test_submit_lands_everything_once_and_twice_is_still_once(server_url: str) -> None:
    bundle = referral_transaction()
    assert is_idempotent(bundle)
    client = _client(server_url)
    first = client.submit(bundle)
    assert first.mode == "chunked-transaction"
    assert set(first.references) == {e["fullUrl"] for e in bundle["entry"]}
    expected = expected_counts(bundle)
    assert server_counts(server_url, set(expected)) == expected
    second = client.submit(bundle)
    assert second.references == first.references
    assert server_counts(server_url, set(expected)) == expected


def test_references_point_at_created_resources(server_url: str) -> None:
    bundle = referral_transaction("tran-van-minh")
    client = _client(server_url)
    result = client.submit(bundle)
    task_url = next(
        e["fullUrl"] for e in bundle["entry"] if e["resource"]["resourceType"] == "Task"
    )
    kind, _, task_id = result.references[task_url].partition("/")
    task = client.read(kind, task_id)
    focus = task["focus"]["reference"]
    assert focus.startswith("ServiceRequest/")
    assert client.read("ServiceRequest", focus.split("/")[1])["status"] == "active"


def test_server_without_transactions_gets_ordered_conditional_creates(
    batch_only_server_url: str,
) -> None:
    bundle = referral_transaction()
    client = FhirClient(batch_only_server_url)
    assert not client.capabilities().transaction
    result = client.submit(bundle)
    assert result.mode == "individual"
    expected = expected_counts(bundle)
    assert server_counts(batch_only_server_url, set(expected)) == expected
    client.submit(bundle)
    assert server_counts(batch_only_server_url, set(expected)) == expected


def test_search_follows_paging(server_url: str) -> None:
    client = _client(server_url)
    client.submit(referral_transaction())
    everything = list(client.search("Observation", {"_count": "5"}))
    assert len(everything) == expected_counts(referral_transaction())["Observation"]
    assert len({o["id"] for o in everything}) == len(everything)


def test_invalid_content_is_rejected_with_located_issues(server_url: str) -> None:
    client = _client(server_url)
    with pytest.raises(ContentRejected) as caught:
        client.create(
            {
                "resourceType": "Patient",
                "birthDate": "not-a-date",
                "name": [{"text": "Zebulon Quackenbush"}],
            }
        )
    assert caught.value.status == 400
    assert any("birthDate" in e for i in caught.value.issues for e in i.expression)
    assert "Zebulon" not in str(caught.value)
    assert "Zebulon" not in repr(caught.value.issues)


def test_non_r4_server_is_refused(server_url: str) -> None:
    client = _client(server_url)
    client.capabilities()
    object.__setattr__(
        client, "_capabilities", client.capabilities().__class__("5.0.0", True, True, frozenset())
    )
    with pytest.raises(CapabilityError, match="not R4"):
        client.require_r4()


def test_a_rejected_entry_is_named_by_position_and_element_not_by_server_text(
    batch_only_server_url: str,
) -> None:
    bundle = referral_transaction()
    broken = next(
        i for i, e in enumerate(bundle["entry"]) if e["resource"]["resourceType"] == "Patient"
    )
    bundle["entry"][broken]["resource"]["birthDate"] = "Zebulon"
    with pytest.raises(SubmissionIncomplete) as caught:
        FhirClient(batch_only_server_url).submit(bundle)
    cause = caught.value.cause
    assert isinstance(cause, ContentRejected)
    assert cause.entry == broken
    assert f"for Bundle.entry[{broken}]" in str(cause)
    assert any(i.code and any("birthDate" in e for e in i.expression) for i in cause.issues)
    assert "birthDate" in str(cause)
    server_words = [i.details or i.diagnostics for i in cause.issues]
    assert all(server_words)  # the server's own words stay reachable, as data
    assert not any(words and words in str(cause) for words in server_words)  # never shown
    chain: BaseException | None = caught.value
    while chain is not None:
        assert "Zebulon" not in str(chain)
        assert "Zebulon" not in repr(getattr(chain, "issues", ()))
        chain = chain.__cause__ or chain.__context__
