"""Synthetic populations with planted effects, as Bulk Data NDJSON folders, and their tables."""

from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.outcomes import (
    DuckDbTables,
    PlantedEffects,
    build_report,
    materialise,
    synthetic_population,
    write_ndjson,
)

AS_OF = datetime(2026, 12, 1, 23, 59, tzinfo=UTC)

Report = Callable[[int, int, PlantedEffects], dict[str, Any]]


def report_of(patients: int, seed: int, effects: PlantedEffects) -> dict[str, Any]:
    tables = DuckDbTables()
    materialise(synthetic_population(patients, seed=seed, effects=effects), tables)
    try:
        return build_report(tables, as_of=AS_OF)
    finally:
        tables.close()


@pytest.fixture(scope="session")
def planted_ndjson(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("planted")
    write_ndjson(synthetic_population(600, seed=11, effects=PlantedEffects.issue_example()), folder)
    return folder
