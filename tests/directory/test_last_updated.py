"""When the directory last changed a record: read from both formats, reported when unreadable.

A referral's copy of a directory service claims the Human Services Directory profiles only
with this timestamp (HealthcareService.meta.lastUpdated 1..1), so it must be read exactly
and never guessed.
"""

from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.directory import LoadReport, Severity, read_fhir, read_fhir_resources, read_hsds
from tests.directory.tables import to_tables, write_csv

ROOT = Path(__file__).resolve().parents[2]
TODAY = date(2026, 11, 25)


def _change(record_id: str, day: Any) -> dict[str, Any]:
    return {"id": f"m-{record_id}-{day}", "resource_id": record_id, "last_action_date": day,
            "last_action_type": "update", "field_name": "name", "previous_value": "",
            "replacement_value": "", "updated_by": "Directory team"}  # fmt: skip


def _problems(report: LoadReport) -> list[tuple[Severity, str, str | None, str]]:
    """Problems other than the kind-of-help warning (these services carry no taxonomy)."""
    return [
        (p.severity, p.record_type, p.record_id, p.field)
        for p in report.problems
        if p.field != "attributes"
    ]


def _hsds(service_changes: list[Any], org_changes: list[Any]) -> dict[str, Any]:
    return {
        "id": "svc-1", "name": "Circle", "status": "active",
        "organization": {"id": "org-1", "name": "Org", "metadata": org_changes},
        "metadata": service_changes,
    }  # fmt: skip


def test_hsds_takes_the_latest_change_of_each_record_as_midnight_utc(tmp_path: Path) -> None:
    raw = _hsds(
        [_change("svc-1", "2026-02-01"), _change("svc-1", "2026-07-15"), _change("svc-1", None)],
        [_change("org-1", "2025-12-31")],
    )
    nested, report = read_hsds([raw], today=TODAY)
    assert _problems(report) == []
    service = nested["svc-1"]
    assert service.last_updated == datetime(2026, 7, 15, tzinfo=UTC)
    assert service.organization.last_updated == datetime(2025, 12, 31, tzinfo=UTC)
    # The same log as a metadata table joins back by resource_id.
    write_csv(to_tables([raw]), tmp_path)
    tabular, report = read_hsds(tmp_path, today=TODAY)
    assert _problems(report) == []
    assert tabular["svc-1"].last_updated == service.last_updated
    assert tabular["svc-1"].organization.last_updated == service.organization.last_updated


def test_hsds_without_a_change_log_knows_no_time() -> None:
    directory, _ = read_hsds([_hsds([], [])], today=TODAY)
    assert directory["svc-1"].last_updated is None
    assert directory["svc-1"].organization.last_updated is None


def test_an_unreadable_hsds_change_date_is_a_warning_and_the_service_stays() -> None:
    raw = _hsds([_change("svc-1", "15/07/2026")], [_change("org-1", "2026-01-01")])
    directory, report = read_hsds([raw], today=TODAY)
    assert directory["svc-1"].last_updated is None
    assert directory["svc-1"].organization.last_updated == datetime(2026, 1, 1, tzinfo=UTC)
    assert _problems(report) == [
        (Severity.WARNING, "service", "svc-1", "metadata.last_action_date")
    ]


def test_fhir_reads_meta_last_updated_of_the_service_and_its_organization() -> None:
    directory, report = read_fhir(ROOT / "examples" / "directory" / "fhir" / "bundle.json")
    assert report.ok
    for service in directory:
        assert service.last_updated is not None
        assert service.last_updated.tzinfo is not None
        assert service.organization.last_updated is not None


@pytest.mark.parametrize("bad", ["2026-07-15", "2026-07-15T10:00:00", "yesterday"])
def test_a_fhir_last_updated_without_time_and_zone_is_a_warning(bad: str) -> None:
    org = {"resourceType": "Organization", "id": "org-1", "name": "Org",
           "meta": {"lastUpdated": "2026-07-15T10:00:00.1234567+02:00"}}  # fmt: skip
    service = {"resourceType": "HealthcareService", "id": "hs-1", "active": True, "name": "S",
               "providedBy": {"reference": "Organization/org-1"},
               "meta": {"lastUpdated": bad}}  # fmt: skip
    directory, report = read_fhir_resources([org, service], today=TODAY)
    assert directory["hs-1"].last_updated is None
    assert directory["hs-1"].organization.last_updated == datetime(
        2026, 7, 15, 8, 0, 0, 123456, tzinfo=UTC
    )
    found = [(p.severity, p.record_type, p.record_id, p.field) for p in report.problems]
    assert (Severity.WARNING, "HealthcareService", "hs-1", "meta.lastUpdated") in found
