import json
from datetime import date, time
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.directory import (
    AccessibilityFeature,
    DirectoryError,
    Gender,
    InsuranceKind,
    InterpretationMode,
    OutreachMethod,
    Population,
    ServiceMode,
    ServiceStatus,
    Severity,
    TaxonomyMapping,
    Weekday,
    read_hsds,
)
from commcare_ext.intake.vocabulary import SupportType
from tests.directory.tables import to_tables, write_csv, write_json

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "directory" / "hsds" / "services.json"
BAD = Path(__file__).resolve().parent / "fixtures" / "hsds_bad.json"
TODAY = date(2026, 11, 25)


def _example() -> list[dict[str, Any]]:
    services: list[dict[str, Any]] = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    return services


def test_the_example_directory_loads_without_a_single_problem() -> None:
    directory, report = read_hsds(EXAMPLE, today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert len(directory) == report.services_loaded == report.services_read == 64


def test_the_example_directory_covers_what_matching_needs() -> None:
    directory, _ = read_hsds(EXAMPLE, today=TODAY)
    services = directory.services
    languages = {t for s in services for t in s.languages.staff_languages}
    assert {"es", "vi", "so", "zh", "ar", "ko", "nv", "hmn", "om"} <= languages
    assert {k for s in services for k in s.support_types} == set(SupportType)
    assert sum(1 for s in services if s.schedule and s.schedule.open_evenings()) >= 20
    assert sum(1 for s in services if s.schedule and s.schedule.open_weekends()) >= 15
    assert any(s.cost.free for s in services)
    assert any(s.cost.free is False for s in services)
    assert any(s.cost.sliding_scale for s in services)
    assert any(s.remote_only for s in services)
    assert any(ServiceMode.TEXT in s.modes for s in services)
    assert any(s.discretion.unmarked_site for s in services)
    assert any(s.capacity.waitlist for s in services)
    assert any(s.cultural_fit.faith_based for s in services)
    assert any(s.peer_led for s in services)
    assert any(s.status is ServiceStatus.TEMPORARILY_CLOSED for s in services)
    stale = [s for s in services if (s.months_since_verified(TODAY) or 0) > 14]
    assert 3 <= len(stale) < len(services)
    states = {loc.address.state for s in services for loc in s.locations if loc.address}
    assert {"MN", "CA", "CO", "AZ", "NM"} <= states


def test_one_service_read_field_by_field() -> None:
    directory, _ = read_hsds(EXAMPLE, today=TODAY)
    [quiet] = [s for s in directory if s.name == "The Quiet Room"]
    assert quiet.organization.name == "Dar al-Salam Community Center"
    assert quiet.support_types == {SupportType.FAITH_COMMUNITY}
    assert [t.name for t in quiet.unmapped_terms] == ["Counseling"]
    assert quiet.languages.staff_languages == {"so", "ar", "en"}
    assert quiet.schedule is not None
    assert quiet.schedule.open_during(Weekday.THURSDAY, time(19), time(20))
    assert quiet.schedule.open_weekends()
    assert quiet.schedule.time_zone == "America/Chicago"
    assert quiet.schedule.utc_offset_minutes == -360
    assert quiet.cost.free is True
    assert quiet.modes == {ServiceMode.IN_PERSON, ServiceMode.PHONE}
    assert quiet.cultural_fit.faith_traditions == {"islam"}
    assert quiet.cultural_fit.cultural_focus == {"somali"}
    assert quiet.discretion.outreach == frozenset({OutreachMethod.PHONE_CALL})
    assert quiet.discretion.no_mail is True
    assert quiet.discretion.neutral_caller_name is True
    assert quiet.contact.self_referral is True
    assert quiet.contact.referral_endpoint == "https://referrals.example.org/quiet-room"
    assert quiet.last_verified == date(2026, 5, 20)
    [site] = quiet.locations
    assert (site.latitude, site.longitude) == (44.9686, -93.2493)
    assert site.postal_code == "55454"
    assert site.accessibility == {
        AccessibilityFeature.WHEELCHAIR,
        AccessibilityFeature.PUBLIC_TRANSIT_NEARBY,
    }
    assert "55454" in quiet.service_area.postal_codes


def test_eligibility_interpretation_insurance_and_capacity() -> None:
    directory, _ = read_hsds(EXAMPLE, today=TODAY)
    by_name = {s.name: s for s in directory}
    women = by_name["Sahan Women's Circle"]
    assert women.eligibility.genders == {Gender.WOMEN}
    assert women.eligibility.minimum_age == 18
    newcomers = by_name["Newcomers' Circle"]
    assert newcomers.eligibility.populations == {Population.REFUGEES}
    assert newcomers.languages.interpretation == {InterpretationMode.IN_PERSON}
    coaching = by_name["Peer Recovery Coaching"]
    assert coaching.cost.insurance_accepted == {InsuranceKind.MEDICAID, InsuranceKind.PRIVATE}
    assert (coaching.cost.free, coaching.cost.fee_amount, coaching.cost.fee_currency) == (
        False,
        40.0,
        "USD",
    )
    assert (coaching.capacity.waitlist, coaching.capacity.wait_weeks) == (True, 6)
    monthly = by_name["Caregivers' Circle (first Tuesday)"]
    assert monthly.schedule is not None
    assert not monthly.schedule.every_week
    assert monthly.schedule.sessions[0].weeks_of_month == (1,)
    assert monthly.cultural_fit.populations_welcomed == {Population.PARENTS_AND_CAREGIVERS}
    online = by_name["Many Tongues Online Peer Community"]
    assert online.schedule is not None
    assert online.schedule.always_open
    assert online.remote_only
    assert online.locations == ()


@pytest.mark.parametrize("write", [write_csv, write_json], ids=["csv", "json"])
def test_tables_in_a_folder_read_as_the_same_services(write: Any, tmp_path: Path) -> None:
    expected, _ = read_hsds(EXAMPLE, today=TODAY)
    write(to_tables(_example()), tmp_path)
    directory, report = read_hsds(tmp_path, today=TODAY)
    assert report.ok, [str(p) for p in report.problems]
    assert [s.id for s in directory] == [s.id for s in expected]
    assert list(directory) == list(expected)  # every field of every service


def test_tables_in_one_json_document_and_a_folder_of_service_files(tmp_path: Path) -> None:
    expected, _ = read_hsds(EXAMPLE, today=TODAY)
    tables = {f"{name}.csv": rows for name, rows in to_tables(_example()).items()}
    directory, report = read_hsds(tables, today=TODAY)
    assert report.ok
    assert list(directory) == list(expected)
    for service in _example():
        (tmp_path / f"{service['id']}.json").write_text(json.dumps(service), encoding="utf-8")
    directory, report = read_hsds(tmp_path, today=TODAY)
    assert report.ok
    assert sorted(s.id for s in directory) == sorted(s.id for s in expected)


def test_a_page_and_an_organization_with_its_services() -> None:
    services = _example()[:3]
    page = {"total_items": 3, "page_number": 1, "contents": services}
    directory, report = read_hsds(page, today=TODAY)
    assert report.ok
    assert len(directory) == 3
    organization = dict(services[0]["organization"])
    nested = [{k: v for k, v in s.items() if k != "organization"} for s in services[:1]]
    directory, report = read_hsds({**organization, "services": nested}, today=TODAY)
    assert report.ok
    assert directory.services[0].organization.name == organization["name"]


EXPECTED_PROBLEMS = {
    (Severity.SKIPPED, "service", None, "id"),
    (Severity.SKIPPED, "service", "bad-no-name", "name"),
    (Severity.SKIPPED, "service", "bad-status", "status"),
    (Severity.SKIPPED, "service", "bad-no-org", "organization"),
    (Severity.SKIPPED, "service", "bad-org-no-name", "organization.name"),
    (Severity.SKIPPED, "schedule", "sch-bad-day", "byday"),
    (Severity.SKIPPED, "schedule", "sch-expired", "valid_to"),
    (Severity.SKIPPED, "language", "lang-klingon", "name"),
    (Severity.WARNING, "location", "loc-far", "latitude/longitude"),
    (Severity.WARNING, "service", "ok-bad-date", "assured_date"),
    (Severity.SKIPPED, "attribute", "attr-unknown-own", "taxonomy_term.code"),
    (Severity.WARNING, "service", "warn-unmapped", "attributes"),
    (Severity.SKIPPED, "cost_option", "cost-negative", "amount"),
    (Severity.WARNING, "service", "ok-ages-reversed", "minimum_age"),
    (Severity.SKIPPED, "service", None, "(record)"),
    (Severity.SKIPPED, "service", "ok-bad-schedule", "id"),
    (Severity.SKIPPED, "location", "loc-untyped", "location_type"),
}


def test_bad_records_are_reported_where_they_are_and_the_rest_loads() -> None:
    directory, report = read_hsds(BAD, today=TODAY)
    found = {(p.severity, p.record_type, p.record_id, p.field) for p in report.problems}
    assert found == EXPECTED_PROBLEMS
    assert len(report.problems) == len(EXPECTED_PROBLEMS)
    assert report.services_read == 18
    loaded = {s.id for s in directory}
    assert loaded == {
        "good-1", "ok-bad-schedule", "ok-expired-schedule", "ok-bad-language",
        "ok-bad-coordinates", "ok-bad-date", "ok-unknown-own-code", "warn-unmapped",
        "ok-negative-cost", "ok-ages-reversed", "ok-location-no-type",
    }  # fmt: skip
    assert report.services_read == len(loaded) + len(report.skipped_ids("service"))
    # Kept records keep what was readable.
    assert directory["good-1"].languages.staff_languages == {"es"}
    assert directory["ok-bad-schedule"].schedule is None
    assert directory["ok-bad-schedule"].name == "Service ok-bad-schedule"  # the first one
    current = directory["ok-expired-schedule"].schedule
    assert current is not None
    assert current.days_open == {Weekday.WEDNESDAY}
    assert directory["ok-bad-language"].languages.staff_languages == {"so"}
    assert directory["ok-bad-coordinates"].locations[0].latitude is None
    assert directory["ok-ages-reversed"].eligibility.minimum_age is None
    assert directory["ok-location-no-type"].locations == ()
    unmapped = next(p for p in report.problems if p.record_id == "warn-unmapped")
    assert unmapped.terms == (
        "Open Eligibility: Counseling",
        "Example 211 Taxonomy: RP-1400.8000-800 Licensed term",
    )
    assert "warn-unmapped" in str(unmapped)
    assert "Counseling" in str(unmapped)
    schedule = next(p for p in report.problems if p.record_id == "sch-bad-day")
    assert schedule.service_id == "ok-bad-schedule"
    assert schedule.source == "hsds_bad.json"


def test_an_integrator_mapping_maps_a_licensed_taxonomy_term() -> None:
    mapping = TaxonomyMapping.open_eligibility().extend(
        "Example 211 Taxonomy", {"RP-1400.8000-800": [SupportType.PEER_SUPPORT_GROUP]}
    )
    directory, report = read_hsds(BAD, mapping=mapping, today=TODAY)
    assert directory["warn-unmapped"].support_types == {SupportType.PEER_SUPPORT_GROUP}
    assert [t.name for t in directory["warn-unmapped"].unmapped_terms] == ["Counseling"]
    assert "warn-unmapped" not in {p.record_id for p in report.problems}


def test_dangling_and_repeated_table_rows_are_reported(tmp_path: Path) -> None:
    tables = to_tables(_example()[:2])
    first, second = tables["services"]
    second["organization_id"] = "no-such-organization"
    tables["service_at_location"].append(
        {"id": "sal-dangling", "service_id": first["id"], "location_id": "no-such-location"}
    )
    tables["schedules"].append({**tables["schedules"][0]})  # same id twice
    tables["languages"].append({"id": "lang-orphan", "code": "es"})  # belongs to nothing
    write_csv(tables, tmp_path)
    directory, report = read_hsds(tmp_path, today=TODAY)
    found = {(p.record_type, p.record_id, p.field) for p in report.problems}
    assert found == {
        ("service", second["id"], "organization_id"),
        ("service_at_location", "sal-dangling", "location_id"),
        ("schedule", tables["schedules"][0]["id"], "id"),
        ("language", "lang-orphan", "service_id or location_id or phone_id"),
    }
    assert [s.id for s in directory] == [first["id"]]
    assert report.services_read == 2


def test_schedules_read_monthly_fortnightly_offsets_and_midnight() -> None:
    service = {
        "id": "s", "name": "Hours", "status": "active", "organization": {"id": "o", "name": "O"},
        "schedules": [
            {"id": "a", "freq": "MONTHLY", "byday": "-1FR", "opens_at": "18:00",
             "closes_at": "20:00"},
            {"id": "b", "freq": "WEEKLY", "interval": 2, "byday": "SA", "opens_at": "10:00-07:00",
             "closes_at": "12:00-07:00"},
            {"id": "c", "byday": "SU", "opens_at": "20:00", "closes_at": "24:00"},
            {"id": "d", "freq": "WEEKLY", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00",
             "valid_from": "2099-01-01"},
        ],
    }  # fmt: skip
    directory, report = read_hsds([service], today=TODAY)
    assert [(p.record_id, p.field) for p in report.skipped] == [("d", "valid_from")]
    schedule = directory["s"].schedule
    assert schedule is not None
    friday, saturday, sunday = schedule.sessions
    assert (friday.weekday, friday.weeks_of_month) == (Weekday.FRIDAY, (-1,))
    assert (saturday.every_n_weeks, schedule.utc_offset_minutes) == (2, -420)
    assert (sunday.opens_minute, sunday.closes_minute) == (20 * 60, 24 * 60)
    assert not schedule.every_week
    assert schedule.open_during(Weekday.SUNDAY, time(23), None)


@pytest.mark.parametrize(
    ("content", "message"),
    [("{not json", "not readable as JSON"), ('"a string"', "expected an HSDS JSON object")],
)
def test_an_unreadable_file_raises_a_typed_error(
    content: str, message: str, tmp_path: Path
) -> None:
    path = tmp_path / "directory.json"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DirectoryError, match=message) as error:
        read_hsds(path)
    assert error.value.source == "directory.json"


def test_a_missing_path_or_an_empty_folder_raises(tmp_path: Path) -> None:
    with pytest.raises(DirectoryError, match="no such file"):
        read_hsds(tmp_path / "missing.json")
    with pytest.raises(DirectoryError, match="no HSDS tables or JSON files"):
        read_hsds(tmp_path)


def test_an_unreadable_file_in_a_folder_is_reported_and_the_rest_read(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text(json.dumps(_example()[:2]), encoding="utf-8")
    (tmp_path / "b.json").write_text("{broken", encoding="utf-8")
    directory, report = read_hsds(tmp_path, today=TODAY)
    assert len(directory) == 2
    assert [(p.record_type, p.record_id) for p in report.skipped] == [("file", "b.json")]


def test_non_finite_and_odd_numbers_are_reported_not_crashed_on() -> None:
    """Regressions the property test found: NaN ages, infinite offsets, '²' as a digit."""
    own = "https://fhir.commcare-ext.org/CodeSystem/commcare-directory"
    service = {
        "id": "odd", "name": "Odd numbers", "status": "active",
        "organization": {"id": "o", "name": "O"}, "minimum_age": float("nan"),
        "schedules": [{"id": "sch", "byday": "MO", "opens_at": "09:00", "closes_at": "10:00",
                       "interval": float("nan")}],
        "attributes": [{"id": "att", "value": "²", "taxonomy_term": {
            "id": "t", "code": "wait-weeks", "name": "wait weeks", "taxonomy": own}}],
    }  # fmt: skip
    directory, report = read_hsds([service], today=TODAY)
    assert "odd" in directory
    assert {(p.record_id, p.field) for p in report.problems} >= {
        ("odd", "minimum_age"),
        ("sch", "interval"),
        ("att", "taxonomy_term.value"),
    }


def test_a_folder_holding_one_nested_services_file_reads_like_that_file() -> None:
    folder = Path(__file__).resolve().parents[2] / "examples" / "directory" / "hsds"
    from_folder, report = read_hsds(folder)
    from_file, _ = read_hsds(folder / "services.json")
    assert report.ok
    assert len(from_folder) == len(from_file) == 64
    assert [s.id for s in from_folder] == [s.id for s in from_file]
