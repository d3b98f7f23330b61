"""The FHIR reader against the loopback Medplum server loaded with the example directory.

The example Bundle goes in as a transaction of PUTs (ids kept, so services compare by id);
it comes back by search, page by page following ``next`` links, and the reader must build
the same directory from the search results as from the file.
"""

import json
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.client import FhirClient
from commcare_ext.directory import Directory, Service, read_fhir, read_fhir_resources
from tests.support.fhir_server import fhir_server

pytestmark = pytest.mark.integration

BUNDLE = Path(__file__).resolve().parents[2] / "examples" / "directory" / "fhir" / "bundle.json"
#: Medplum's router refuses larger transactions (see tests/client/helpers.py).
MAX_TRANSACTION_ENTRIES = 8
PAGE_SIZE = 5


def _transaction(bundle: dict[str, Any]) -> dict[str, Any]:
    entries = [
        {
            "fullUrl": entry["fullUrl"],
            "resource": entry["resource"],
            "request": {
                "method": "PUT",
                "url": f"{entry['resource']['resourceType']}/{entry['resource']['id']}",
            },
        }
        for entry in bundle["entry"]
    ]
    return {"resourceType": "Bundle", "type": "transaction", "entry": entries}


@pytest.fixture(scope="module")
def loaded() -> Iterator[tuple[FhirClient, Directory]]:
    bundle = json.loads(BUNDLE.read_text(encoding="utf-8"))
    expected, report = read_fhir(bundle)
    assert report.ok, [str(p) for p in report.problems]
    with fhir_server() as url:
        client = FhirClient(url, max_transaction_entries=MAX_TRANSACTION_ENTRIES)
        result = client.submit(_transaction(bundle))
        assert len(result.references) == len(bundle["entry"])
        yield client, expected


def _essentials(service: Service) -> tuple[Any, ...]:
    """What matching relies on (meta-free: the server rewrites meta, not these)."""
    return (
        service.name,
        service.organization.id,
        service.organization.name,
        service.support_types,
        service.status,
        tuple((x.id, x.latitude, x.longitude, x.address) for x in service.locations),
        service.schedule.week_ranges if service.schedule else None,
        service.languages,
        service.cost,
        service.eligibility,
        service.modes,
        service.cultural_fit,
        service.peer_led,
        service.discretion,
        service.capacity,
        service.contact,
        service.last_verified,
        service.service_area.postal_codes,
    )


def _assert_same(found: Directory, expected: Directory) -> None:
    assert sorted(s.id for s in found) == sorted(s.id for s in expected)
    for service in expected:
        assert _essentials(found[service.id]) == _essentials(service), service.id


def test_search_pages_then_referenced_resources_give_the_same_directory(
    loaded: tuple[FhirClient, Directory],
) -> None:
    client, expected = loaded
    services = list(client.search("HealthcareService", {"_count": str(PAGE_SIZE)}))
    assert len(services) == len(expected) > PAGE_SIZE  # more than one page was followed
    supporting = [
        *client.search("Organization", {"_count": str(PAGE_SIZE)}),
        *client.search("Location", {"_count": str(PAGE_SIZE)}),
    ]
    directory, report = read_fhir_resources([*services, *supporting])
    assert report.ok, [str(p) for p in report.problems]
    _assert_same(directory, expected)


def _pages(client: FhirClient, count: int) -> list[dict[str, Any]]:
    """Search result pages with both includes, following next links as the server gives them.

    FhirClient.search() yields only the matches; the included Organizations and Locations
    travel in the same pages, so the pages themselves are read.
    """
    url: str | None = (
        "HealthcareService?_include=HealthcareService:organization"
        f"&_include=HealthcareService:location&_count={count}"
    )
    pages: list[dict[str, Any]] = []
    while url is not None:
        _, page, _ = client.request("GET", url)
        pages.append(page)
        url = next((x["url"] for x in page.get("link", []) if x["relation"] == "next"), None)
    return pages


def test_one_page_with_includes_gives_the_same_directory(
    loaded: tuple[FhirClient, Directory],
) -> None:
    client, expected = loaded
    pages = _pages(client, 100)
    assert len(pages) == 1
    modes = {e["search"]["mode"] for e in pages[0]["entry"]}
    assert modes == {"match", "include"}
    directory, report = read_fhir_resources(pages)
    assert report.ok, [str(p) for p in report.problems]
    _assert_same(directory, expected)


def test_paging_with_includes_never_loses_a_service_unseen(
    loaded: tuple[FhirClient, Directory],
) -> None:
    """Medplum 5.2's next links count included resources in ``_offset`` and skip matches.

    Whatever the server does, what the reader returns is right, and a shortfall against the
    search's ``total`` is reported rather than passing for a smaller directory.
    """
    client, expected = loaded
    pages = _pages(client, PAGE_SIZE)
    assert len(pages) > 1
    directory, report = read_fhir_resources(pages)
    for service in directory:
        assert _essentials(service) == _essentials(expected[service.id])
    if len(directory) == len(expected):
        assert report.ok, [str(p) for p in report.problems]
    else:
        [problem] = report.problems
        assert (problem.record_type, problem.field) == ("Bundle", "total")
        assert f"matched {len(expected)} services" in problem.message


def test_a_service_whose_organization_was_not_fetched_is_reported(
    loaded: tuple[FhirClient, Directory],
) -> None:
    client, expected = loaded
    services = list(client.search("HealthcareService", {"_count": str(PAGE_SIZE)}))
    for service in services:
        service["providedBy"].pop("display", None)
    directory, report = read_fhir_resources(services)
    assert len(directory) == 0
    assert sorted(str(i) for i in report.skipped_ids("HealthcareService")) == sorted(
        s.id for s in expected
    )
    assert {p.field for p in report.skipped} == {"providedBy"}
