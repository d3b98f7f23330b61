"""HSDS as tables (the Tabular Data Package: one CSV or JSON array per object) -> nested services.

In the tabular serialisation objects point at each other by id (``service_id``,
``location_id``...). We join them back into the nested shape of the compiled ``service``
schema so one reader handles both forms. A row whose reference names no row of the table it
points at, a row that points nowhere, and a repeated id are reported (table, row id, field);
nothing is dropped unseen.
"""

from collections import defaultdict
from collections.abc import Mapping, Sequence
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import text

Row = dict[str, Any]

#: The tables we join, as HSDS 3.0 names their files (without .csv or .json).
TABLES: tuple[str, ...] = (
    "organizations", "services", "service_at_location", "locations", "addresses", "phones",
    "schedules", "service_areas", "languages", "accessibility", "attributes",
    "taxonomy_terms", "taxonomies", "cost_options", "contacts", "metadata",
)  # fmt: skip

#: The record type a problem names for a row of each table (as the nested reader names it).
RECORD_TYPE: Mapping[str, str] = {
    "organizations": "organization", "services": "service",
    "service_at_location": "service_at_location", "locations": "location",
    "addresses": "address", "phones": "phone", "schedules": "schedule",
    "service_areas": "service_area", "languages": "language", "accessibility": "accessibility",
    "attributes": "attribute", "taxonomy_terms": "taxonomy_term", "taxonomies": "taxonomy",
    "cost_options": "cost_option", "contacts": "contact", "metadata": "metadata",
}  # fmt: skip

#: For each table, the reference fields through which its rows join a parent, and the tables
#: those fields point at.
_PARENTS: Mapping[str, Mapping[str, tuple[str, ...]]] = {
    "services": {"organization_id": ("organizations",)},
    "service_at_location": {"service_id": ("services",), "location_id": ("locations",)},
    "addresses": {"location_id": ("locations",)},
    "accessibility": {"location_id": ("locations",)},
    "phones": {
        "service_id": ("services",), "location_id": ("locations",),
        "organization_id": ("organizations",), "service_at_location_id": ("service_at_location",),
        "contact_id": ("contacts",),
    },
    "schedules": {
        "service_id": ("services",), "location_id": ("locations",),
        "service_at_location_id": ("service_at_location",),
    },
    "service_areas": {"service_id": ("services",)},
    "cost_options": {"service_id": ("services",)},
    "languages": {
        "service_id": ("services",), "location_id": ("locations",), "phone_id": ("phones",),
    },
    "contacts": {
        "service_id": ("services",), "organization_id": ("organizations",),
        "location_id": ("locations",), "service_at_location_id": ("service_at_location",),
    },
    "attributes": {
        "link_id": (
            "services", "locations", "service_at_location", "service_areas", "cost_options",
            "organizations", "accessibility", "languages", "phones", "schedules", "addresses",
            "contacts",
        ),
        "taxonomy_term_id": ("taxonomy_terms",),
    },
    "taxonomy_terms": {"taxonomy_id": ("taxonomies",)},
    # A change-log row may describe a row of any table; services and organisations read theirs.
    "metadata": {"resource_id": tuple(t for t in TABLES if t != "metadata")},
}  # fmt: skip


def _index(tables: Mapping[str, Sequence[Row]], problems: Problems) -> dict[str, dict[str, Row]]:
    """Rows by id per table; a row without an id or with a repeated id is reported."""
    index: dict[str, dict[str, Row]] = {}
    for name in TABLES:
        rows: dict[str, Row] = {}
        for position, row in enumerate(tables.get(name, ())):
            row_id = text(row, "id")
            if row_id is None:
                message = f"expected an id (row {position + 1} of {name})"
                problems.skipped(RECORD_TYPE[name], None, "id", message)
            elif row_id in rows:
                message = f"another row of {name} has this id; the first is kept"
                problems.skipped(RECORD_TYPE[name], row_id, "id", message)
            else:
                rows[row_id] = dict(row)
        index[name] = rows
    return index


def _check_references(index: dict[str, dict[str, Row]], problems: Problems) -> None:
    """Report rows that point at nothing and drop them, until no reference dangles.

    A row whose parent was dropped goes with it unreported: the parent's problem covers it
    (a skipped service takes its schedules along).
    """
    dropped: set[str] = set()
    changed = True
    while changed:
        changed = False
        for name, fields in _PARENTS.items():
            for row_id, row in list(index[name].items()):
                present = {f: ref for f in fields if (ref := text(row, f)) is not None}
                dangling = [
                    f for f, ref in present.items() if not any(ref in index[t] for t in fields[f])
                ]
                if dangling and all(present[f] in dropped for f in dangling):
                    pass  # its parent was dropped, and reported
                elif dangling:
                    targets = "/".join(fields[dangling[0]])
                    message = f"no row of {targets} has this id"
                    problems.skipped(RECORD_TYPE[name], row_id, dangling[0], message)
                elif not present and name not in ("services", "taxonomy_terms"):
                    message = "expected a reference to the row it belongs to"
                    problems.skipped(RECORD_TYPE[name], row_id, " or ".join(fields), message)
                else:
                    continue
                del index[name][row_id]
                dropped.add(row_id)
                changed = True


def _children(index: dict[str, dict[str, Row]], table: str, field: str) -> dict[str, list[Row]]:
    grouped: dict[str, list[Row]] = defaultdict(list)
    for row in index[table].values():
        ref = text(row, field)
        if ref is not None:
            grouped[ref].append(row)
    return grouped


def join_services(tables: Mapping[str, Sequence[Row]], problems: Problems) -> list[Row]:
    """Services in the nested shape of the compiled ``service`` schema, in table order."""
    index = _index(tables, problems)
    _check_references(index, problems)
    for term in index["taxonomy_terms"].values():
        if (taxonomy := index["taxonomies"].get(text(term, "taxonomy_id") or "")) is not None:
            term["taxonomy_detail"] = taxonomy
    attributes = _children(index, "attributes", "link_id")
    for attribute_rows in attributes.values():
        for attribute in attribute_rows:
            attribute["taxonomy_term"] = index["taxonomy_terms"][attribute["taxonomy_term_id"]]
    # Attach children to parents; every table gets its attributes.
    plan = (
        ("languages", "phone_id", "phones", "languages"),
        ("phones", "location_id", "locations", "phones"),
        ("phones", "service_id", "services", "phones"),
        ("phones", "organization_id", "organizations", "phones"),
        ("phones", "service_at_location_id", "service_at_location", "phones"),
        ("languages", "location_id", "locations", "languages"),
        ("languages", "service_id", "services", "languages"),
        ("addresses", "location_id", "locations", "addresses"),
        ("accessibility", "location_id", "locations", "accessibility"),
        ("schedules", "location_id", "locations", "schedules"),
        ("schedules", "service_id", "services", "schedules"),
        ("schedules", "service_at_location_id", "service_at_location", "schedules"),
        ("service_areas", "service_id", "services", "service_areas"),
        ("cost_options", "service_id", "services", "cost_options"),
        ("contacts", "service_id", "services", "contacts"),
        ("service_at_location", "service_id", "services", "service_at_locations"),
        ("metadata", "resource_id", "services", "metadata"),
        ("metadata", "resource_id", "organizations", "metadata"),
    )
    for name, rows in index.items():
        if name not in ("attributes", "taxonomy_terms", "taxonomies", "metadata"):
            for row_id, row in rows.items():
                row["attributes"] = attributes.get(row_id, [])
    for child, field, parent, key in plan:
        grouped = _children(index, child, field)
        for parent_id, parent_row in index[parent].items():
            parent_row.setdefault(key, []).extend(grouped.get(parent_id, ()))
    for site in index["service_at_location"].values():
        site["location"] = index["locations"][site["location_id"]]
    services = []
    for service in index["services"].values():
        org_id = text(service, "organization_id")
        if org_id is not None:
            service["organization"] = index["organizations"][org_id]
        services.append(service)
    return services
