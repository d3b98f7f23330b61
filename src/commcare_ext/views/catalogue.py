"""The library's own ViewDefinitions: the flat tables the outcomes report is computed from.

They live as JSON files in ``definitions/`` (published in our FHIR package as they are), so a
health system can run them on any SQL on FHIR v2 runner (Pathling, Aidbox, ...) and get the
same tables. Reading them needs nothing beyond the standard library.
"""

import json
from functools import cache
from importlib import resources
from typing import Any

#: The id of each view, by the table name the outcomes measures query.
TABLES: dict[str, str] = {
    "patient": "outcomes-patient",
    "preferred_support": "outcomes-preferred-support",
    "stigma_concern": "outcomes-stigma-concern",
    "referral": "outcomes-referral",
    "organisation": "outcomes-organisation",
    "referral_task": "outcomes-referral-task",
    "score": "outcomes-score",
    "follow_up": "outcomes-follow-up",
}


@cache
def _load(view_id: str) -> str:
    folder = resources.files("commcare_ext.views") / "definitions"
    return (folder / f"ViewDefinition-{view_id}.json").read_text(encoding="utf-8")


def library_view(table: str) -> dict[str, Any]:
    """The ViewDefinition behind ``table`` (a fresh copy each call)."""
    view: dict[str, Any] = json.loads(_load(TABLES[table]))
    return view


def library_views() -> dict[str, dict[str, Any]]:
    """Every library ViewDefinition, by table name."""
    return {table: library_view(table) for table in TABLES}
