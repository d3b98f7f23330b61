import json
from dataclasses import replace
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.directory import (
    AccessibilityFeature,
    DirectoryError,
    Service,
    ServiceStatus,
    Severity,
    TaxonomyMapping,
    Weekday,
    read_fhir,
    read_fhir_resources,
    read_hsds,
)
from commcare_ext.intake.vocabulary import SupportType

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "examples" / "directory" / "fhir" / "bundle.json"
HSDS = ROOT / "examples" / "directory" / "hsds" / "services.json"
TODAY = date(2026, 11, 25)
PLAN_NET = "http://hl7.org/fhir/us/davinci-pdex-plan-net"


def _essentials(service: Service) -> tuple[Any, ...]:
    """What both formats carry (FHIR has no fee amount, UTC offset or site notes)."""
    return (
        service.name,
        service.organization.id,
        service.organization.name,
        service.support_types,
        service.status,
        tuple(
            (x.id, x.latitude, x.longitude, x.address, x.accessibility) for x in service.locations
        ),
        service.schedule.week_ranges if service.schedule else None,
        service.schedule.time_zone if service.schedule else None,
        service.languages,
        (service.cost.free, service.cost.sliding_scale, service.cost.insurance_accepted),
        service.eligibility,
        service.modes,
        service.cultural_fit,
        service.peer_led,
        service.discretion,
        service.capacity,
        service.contact,
        service.last_verified,
        service.service_area.postal_codes,
        service.service_area.regions,
    )


def test_the_example_bundle_reads_as_the_same_services_as_the_hsds_example() -> None:
    directory, report = read_fhir(BUNDLE, today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert len(directory) == report.services_read == 27
    hsds, _ = read_hsds(HSDS, today=TODAY)
    for service in directory:
        same = hsds[service.id]
        if same.schedule is not None and not same.schedule.every_week:
            # availableTime has no "first Tuesday of the month": the FHIR copy has no hours.
            assert service.schedule is None
            same = replace(same, schedule=None)
        assert _essentials(service) == _essentials(same), service.name


def test_ndjson_a_folder_and_a_list_of_resources_read_alike(tmp_path: Path) -> None:
    expected, _ = read_fhir(BUNDLE, today=TODAY)
    resources = [e["resource"] for e in json.loads(BUNDLE.read_text("utf-8"))["entry"]]
    ndjson = tmp_path / "directory.ndjson"
    ndjson.write_text("\n".join(json.dumps(r) for r in resources) + "\n", encoding="utf-8")
    for source in (ndjson, tmp_path):
        directory, report = read_fhir(source, today=TODAY)
        assert report.ok
        assert list(directory) == list(expected)
    directory, report = read_fhir_resources(resources, today=TODAY)
    assert report.ok
    assert list(directory) == list(expected)


ORG = {"resourceType": "Organization", "id": "org-1", "name": "Mesa Peer Network"}
LOC = {
    "resourceType": "Location", "id": "loc-1", "status": "active", "name": "Mesa Hall",
    "position": {"latitude": 35.08, "longitude": -106.65},
    "address": {"city": "Albuquerque", "state": "NM", "postalCode": "87102"},
    "extension": [
        {"url": f"{PLAN_NET}/StructureDefinition/accessibility",
         "valueCodeableConcept": {"coding": [
             {"system": f"{PLAN_NET}/CodeSystem/AccessibilityCS", "code": "handiaccess"}]}},
        {"url": f"{PLAN_NET}/StructureDefinition/accessibility",
         "valueCodeableConcept": {"coding": [
             {"system": f"{PLAN_NET}/CodeSystem/AccessibilityCS", "code": "cultcomp"}]}},
        {"url": "http://hl7.org/fhir/StructureDefinition/timezone", "valueCode": "America/Denver"},
    ],
}  # fmt: skip


def _service(service_id: str, **extra: Any) -> dict[str, Any]:
    resource = {
        "resourceType": "HealthcareService", "id": service_id, "active": True,
        "name": f"Service {service_id}", "providedBy": {"reference": "Organization/org-1"},
        "category": [{"text": "Support Groups"}],
    }  # fmt: skip
    resource.update(extra)
    return resource


def _read(*resources: dict[str, Any], **kwargs: Any) -> Any:
    return read_fhir_resources([ORG, LOC, *resources], today=TODAY, **kwargs)


def test_fhir_elements_read_field_by_field() -> None:
    service = _service(
        "hs-1",
        location=[{"reference": "http://directory.example.org/fhir/Location/loc-1/_history/3"}],
        communication=[
            {"coding": [{"system": "urn:ietf:bcp:47", "code": "es-MX"}]},
            {"text": "Navajo"},
        ],
        availableTime=[
            {"daysOfWeek": ["tue", "thu"], "availableStartTime": "18:00:00",
             "availableEndTime": "20:00:00"},
            {"daysOfWeek": ["sat"], "allDay": True},
        ],
        serviceProvisionCode=[{"coding": [
            {"system": "http://terminology.hl7.org/CodeSystem/service-provision-conditions",
             "code": "disc"}]}],
        characteristic=[{"coding": [{
            "system": "http://hl7.org/fhir/us/hsds/CodeSystem/HumanServiceCharacteristicCS",
            "code": "Interpret"}], "text": "Interpreters by phone"}],
        endpoint=[{"reference": "Endpoint/ep-1"}],
        telecom=[{"system": "phone", "value": "+1 505-555-0100"}],
        active=False,
    )  # fmt: skip
    endpoint = {"resourceType": "Endpoint", "id": "ep-1", "address": "https://refer.example.org"}
    directory, report = _read(service, endpoint)
    assert [(p.record_id, p.field) for p in report.problems] == [
        ("loc-1", "extension(accessibility)")  # cultural competence: not a site arrangement
    ]
    read = directory["hs-1"]
    assert read.status is ServiceStatus.INACTIVE
    assert read.support_types == {SupportType.PEER_SUPPORT_GROUP}
    [site] = read.locations
    assert (site.id, site.latitude, site.postal_code) == ("loc-1", 35.08, "87102")
    assert site.accessibility == {AccessibilityFeature.WHEELCHAIR}
    assert read.languages.staff_languages == {"es-mx", "nv"}
    assert read.languages.speaks("es")
    assert read.languages.interpretation_note == "Interpreters by phone"
    assert read.schedule is not None
    assert read.schedule.time_zone == "America/Denver"
    assert read.schedule.open_during(Weekday.THURSDAY, time(19))
    assert read.schedule.open_throughout(Weekday.SATURDAY, time(0), time(23, 59))
    assert read.cost.sliding_scale
    assert read.cost.free is None
    assert read.contact.referral_endpoint == "https://refer.example.org"
    assert read.contact.phone == "+1 505-555-0100"
    assert read.last_verified is None  # meta.lastUpdated is when a server stored it


EXPECTED_FHIR_PROBLEMS = {
    (Severity.SKIPPED, "HealthcareService", "no-org", "providedBy"),
    (Severity.SKIPPED, "HealthcareService", "missing-org", "providedBy"),
    (Severity.SKIPPED, "HealthcareService", "no-active", "active"),
    (Severity.SKIPPED, "HealthcareService", None, "id"),
    (Severity.SKIPPED, "Location", "Location/nowhere", "HealthcareService.location"),
    (Severity.SKIPPED, "availableTime", "availableTime[0]", "daysOfWeek"),
    (Severity.SKIPPED, "language", "Klingon", "communication"),
    (Severity.WARNING, "HealthcareService", "unmapped", "category/type"),
    (Severity.SKIPPED, "Practitioner", "pr-1", "resourceType"),
    (Severity.WARNING, "OperationOutcome", None, "issue"),
    (Severity.WARNING, "Location", "loc-1", "extension(accessibility)"),
}


def test_bad_resources_are_reported_where_they_are() -> None:
    resources = [
        _service("ok"),
        _service("no-org", providedBy=None),
        _service("missing-org", providedBy={"reference": "Organization/gone"}),
        _service("org-by-display", providedBy={"reference": "Organization/x", "display": "X"}),
        _service("no-active", active="yes"),
        {k: v for k, v in _service("x").items() if k != "id"},
        _service("lost-location", location=[{"reference": "Location/nowhere"}]),
        _service("bad-hours", availableTime=[{"daysOfWeek": ["someday"]}]),
        _service("bad-language", communication=[{"text": "Klingon"}]),
        _service("unmapped", category=[{"coding": [{"system": "https://211.example.org/tax",
                                                    "code": "PN-1", "display": "Peer talk"}]}]),
        _service("located", location=[{"reference": "Location/loc-1"}]),
        {"resourceType": "Practitioner", "id": "pr-1"},
        {"resourceType": "OperationOutcome",
         "issue": [{"severity": "error", "code": "too-costly"}]},
    ]  # fmt: skip
    directory, report = _read(*resources)
    found = {(p.severity, p.record_type, p.record_id, p.field) for p in report.problems}
    assert found == EXPECTED_FHIR_PROBLEMS
    assert sorted(s.id for s in directory) == sorted(
        ["ok", "org-by-display", "lost-location", "bad-hours", "bad-language", "unmapped",
         "located"]
    )  # fmt: skip
    assert directory["org-by-display"].organization.name == "X"
    assert directory["lost-location"].locations == ()
    unmapped = next(p for p in report.problems if p.record_id == "unmapped")
    assert unmapped.terms == ("https://211.example.org/tax: PN-1 Peer talk",)
    assert report.services_read == 11
    mapping = TaxonomyMapping.open_eligibility().extend(
        "https://211.example.org/tax", {"PN-1": [SupportType.PEER_SUPPORT_GROUP]}
    )
    directory, _ = _read(*resources, mapping=mapping)
    assert directory["unmapped"].support_types == {SupportType.PEER_SUPPORT_GROUP}


def test_bundle_references_by_full_url_resolve() -> None:
    bundle = {
        "resourceType": "Bundle", "type": "transaction",
        "entry": [
            {"fullUrl": "urn:uuid:0b6c6a52-4d51-4b0e-9a0b-3f5a0c1d2e3f",
             "resource": {"resourceType": "Organization", "name": "By URN"}},
            {"fullUrl": "urn:uuid:1c7d7b63-5e62-4c1f-8b1c-4a6b1d2e3f40",
             "resource": _service("hs-urn", providedBy={
                 "reference": "urn:uuid:0b6c6a52-4d51-4b0e-9a0b-3f5a0c1d2e3f"})},
        ],
    }  # fmt: skip
    directory, report = read_fhir(bundle, today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert directory["hs-urn"].organization.name == "By URN"


def test_unreadable_input_raises_and_a_bad_ndjson_line_is_reported(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="no such file"):
        read_fhir(tmp_path / "missing.json")
    broken = tmp_path / "broken.json"
    broken.write_text("{", encoding="utf-8")
    with pytest.raises(DirectoryError, match="not readable as JSON"):
        read_fhir(broken)
    lines = tmp_path / "d.ndjson"
    lines.write_text(
        json.dumps(ORG) + "\nnot json\n" + json.dumps(_service("ok")) + "\n", encoding="utf-8"
    )
    directory, report = read_fhir(lines, today=TODAY)
    assert [s.id for s in directory] == ["ok"]
    assert [(p.record_type, p.record_id, p.source) for p in report.problems] == [
        ("line", "2", "d.ndjson")
    ]
