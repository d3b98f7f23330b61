"""Redirects: a write is never redirected, and nothing goes to another origin."""

import pytest

from commcare_ext.client import (
    NO_RETRY,
    BearerToken,
    FhirClient,
    MalformedResponseError,
    RedirectRefused,
)
from tests.client.transports import BASE, ScriptedTransport, Sleeps, fhir

PATIENT = {"resourceType": "Patient", "id": "p1"}
ELSEWHERE = "https://evil.example:8443/steal/Patient?name=SENTINEL"


def _client(transport: ScriptedTransport) -> FhirClient:
    return FhirClient(BASE, transport=transport, sleep=Sleeps(), auth=BearerToken("tok"))


@pytest.mark.parametrize("status", [301, 302, 303, 307, 308])
@pytest.mark.parametrize("method", ["POST", "PUT"])
def test_a_write_is_never_redirected(method: str, status: int) -> None:
    same_origin = BASE + "Patient/elsewhere"
    transport = ScriptedTransport(fhir(status, None, Location=same_origin), fhir(201, PATIENT))
    with pytest.raises(RedirectRefused) as caught:
        _client(transport).request(method, "Patient/p1", body=PATIENT, safe=True)
    assert len(transport.requests) == 1
    assert caught.value.host == "ehr.example.org"
    assert caught.value.status == status


def test_the_error_names_only_the_new_host() -> None:
    transport = ScriptedTransport(fhir(307, None, Location=ELSEWHERE))
    with pytest.raises(RedirectRefused) as caught:
        _client(transport).transaction({"resourceType": "Bundle", "type": "transaction"})
    assert "evil.example:8443" in str(caught.value)
    assert "steal" not in str(caught.value)
    assert "SENTINEL" not in str(caught.value)
    assert len(transport.requests) == 1


def test_a_read_follows_a_same_origin_redirect() -> None:
    transport = ScriptedTransport(fhir(301, None, Location="/fhir/Patient/p1"), fhir(200, PATIENT))
    assert _client(transport).read("Patient", "old") == PATIENT
    assert [r.url for r in transport.requests] == [BASE + "Patient/old", BASE + "Patient/p1"]
    assert transport.requests[1].headers["Authorization"] == "Bearer tok"


@pytest.mark.parametrize(
    "location",
    [
        ELSEWHERE,
        "http://ehr.example.org/fhir/Patient/p1",  # a downgrade to plain HTTP is another origin
        "https://ehr.example.org:444/fhir/Patient/p1",
    ],
)
def test_a_read_is_not_redirected_to_another_origin(location: str) -> None:
    transport = ScriptedTransport(fhir(302, None, Location=location), fhir(200, PATIENT))
    with pytest.raises(RedirectRefused):
        _client(transport).read("Patient", "p1")
    assert len(transport.requests) == 1


def test_endless_redirects_end() -> None:
    loop = [fhir(302, None, Location=BASE + f"Patient/p{i}") for i in range(10)]
    transport = ScriptedTransport(*loop)
    with pytest.raises(MalformedResponseError):
        FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=NO_RETRY).read("Patient", "p")
    assert len(transport.requests) == 6


def test_a_redirect_without_location_is_malformed() -> None:
    transport = ScriptedTransport(fhir(302))
    with pytest.raises(MalformedResponseError):
        FhirClient(BASE, transport=transport, sleep=Sleeps(), retry=NO_RETRY).read("Patient", "p")
