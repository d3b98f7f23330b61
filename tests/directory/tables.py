"""Turn nested HSDS services into HSDS tables (the Tabular Data Package shape), for tests."""

import csv
import json
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any

Row = dict[str, Any]


def _scalars(record: Mapping[str, Any]) -> Row:
    return {k: v for k, v in record.items() if not isinstance(v, (list, dict))}


class _Tables:
    def __init__(self) -> None:
        self.tables: dict[str, dict[str, Row]] = {}

    def add(self, table: str, row: Row) -> None:
        self.tables.setdefault(table, {}).setdefault(str(row["id"]), row)

    def attributes(self, owner: str, entity: str, attributes: Iterable[Mapping[str, Any]]) -> None:
        for attribute in attributes:
            term = attribute["taxonomy_term"]
            detail = term.get("taxonomy_detail")
            if detail:
                self.add("taxonomies", _scalars(detail))
            self.add(
                "taxonomy_terms",
                {**_scalars(term), **({"taxonomy_id": detail["id"]} if detail else {})},
            )
            self.add(
                "attributes",
                {
                    **_scalars(attribute),
                    "link_id": owner,
                    "link_entity": entity,
                    "taxonomy_term_id": term["id"],
                },
            )

    def location(self, location: Mapping[str, Any]) -> None:
        location_id = location["id"]
        self.add("locations", _scalars(location))
        self.attributes(location_id, "location", location.get("attributes", []))
        for address in location.get("addresses", []):
            self.add("addresses", {**_scalars(address), "location_id": location_id})
        for access in location.get("accessibility", []):
            self.add("accessibility", {**_scalars(access), "location_id": location_id})
            self.attributes(access["id"], "accessibility", access.get("attributes", []))
        for language in location.get("languages", []):
            self.add("languages", {**_scalars(language), "location_id": location_id})


def to_tables(services: Iterable[Mapping[str, Any]]) -> dict[str, list[Row]]:
    """The tables of HSDS's tabular serialisation holding ``services``."""
    out = _Tables()
    for service in services:
        service_id = service["id"]
        organization = service["organization"]
        out.add("organizations", _scalars(organization))
        out.add("services", {**_scalars(service), "organization_id": organization["id"]})
        for owner in (organization, service):
            for change in owner.get("metadata", []):
                out.add("metadata", {**_scalars(change), "resource_id": owner["id"]})
        out.attributes(service_id, "service", service.get("attributes", []))
        for key, table in (
            ("phones", "phones"),
            ("languages", "languages"),
            ("schedules", "schedules"),
            ("cost_options", "cost_options"),
        ):
            for record in service.get(key, []):
                out.add(table, {**_scalars(record), "service_id": service_id})
        for area in service.get("service_areas", []):
            out.add("service_areas", {**_scalars(area), "service_id": service_id})
            out.attributes(area["id"], "service_area", area.get("attributes", []))
        for site in service.get("service_at_locations", []):
            location = site["location"]
            out.location(location)
            out.add(
                "service_at_location",
                {**_scalars(site), "service_id": service_id, "location_id": location["id"]},
            )
    return {name: list(rows.values()) for name, rows in out.tables.items()}


def write_csv(tables: Mapping[str, list[Row]], folder: Path) -> None:
    """One CSV per table, as the Tabular Data Package publishes them."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        fields = sorted({key for row in rows for key in row})
        with (folder / f"{name}.csv").open("w", encoding="utf-8", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=fields)
            writer.writeheader()
            writer.writerows(rows)


def write_json(tables: Mapping[str, list[Row]], folder: Path) -> None:
    """One JSON array per table."""
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        (folder / f"{name}.json").write_text(json.dumps(rows), encoding="utf-8")
