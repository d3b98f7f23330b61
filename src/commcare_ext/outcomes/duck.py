"""DuckDB, in-process: the default engine (the ``analytics`` extra), no server to run.

Batches arrive column by column and are handed to DuckDB as numpy arrays (a zero-copy scan),
then inserted with the table's types, so loading costs a fraction of making the rows.
"""

from collections.abc import Mapping
from typing import Any

import duckdb
import numpy as np

from commcare_ext.outcomes.tables import TableSpec


class DuckDbTables:
    """A DuckDB database (in memory unless ``path`` is given) holding the view tables."""

    def __init__(self, path: str = ":memory:") -> None:
        self.connection = duckdb.connect(path)

    def create(self, spec: TableSpec) -> None:
        """Make an empty table (replacing one of the same name)."""
        columns = ", ".join(f'"{n}" {t}' for n, t in zip(spec.columns, spec.types, strict=True))
        self.connection.execute(f'CREATE OR REPLACE TABLE "{spec.name}" ({columns})')

    def append(self, spec: TableSpec, columns: Mapping[str, list[Any]]) -> None:
        """Insert one batch of rows."""
        arrays = {name: np.array(values, dtype=object) for name, values in columns.items()}
        self.connection.register("_batch", arrays)
        try:
            select = ", ".join(
                f'CAST("{n}" AS {t})' for n, t in zip(spec.columns, spec.types, strict=True)
            )
            # Names come from our own ViewDefinitions (checked identifiers), never from data.
            insert = f'INSERT INTO "{spec.name}" SELECT {select} FROM _batch'  # noqa: S608
            self.connection.execute(insert)
        finally:
            self.connection.unregister("_batch")

    def query(self, sql: str) -> list[tuple[Any, ...]]:
        """Rows of ``sql`` (a SELECT over the view tables)."""
        return self.connection.execute(sql).fetchall()

    def close(self) -> None:
        """Release the database."""
        self.connection.close()
