"""The library's views materialised as tables: rows made once, loaded into an engine.

Rows come from the SQL on FHIR view runner (``commcare_ext.views``) over a stream of resources,
gathered in column batches and handed to a :class:`TableSink` — DuckDB in-process by default
(:mod:`commcare_ext.outcomes.duck`), or Spark (:mod:`commcare_ext.outcomes.spark`). Memory is
one batch per table, whatever the size of the input.
"""

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any, Final, Protocol

from commcare_ext.views import TABLES, CompiledView, compile_view, library_view

#: ViewDefinition column type -> the SQL type both engines store it as.
SQL_TYPES: Final = {
    "decimal": "DOUBLE",
    "integer": "BIGINT",
    "boolean": "BOOLEAN",
}
BATCH_ROWS: Final = 50_000


def sql_type(fhir_type: str | None) -> str:
    """The column's SQL type: numbers and booleans as such, everything else as text."""
    return SQL_TYPES.get(fhir_type or "", "VARCHAR")


@dataclass(frozen=True, slots=True)
class TableSpec:
    """One table: its name, columns and their SQL types (from the ViewDefinition)."""

    name: str
    columns: tuple[str, ...]
    types: tuple[str, ...]


class TableSink(Protocol):
    """Where materialised rows go (an engine's tables)."""

    def create(self, spec: TableSpec) -> None:
        """Make an empty table for ``spec``."""

    def append(self, spec: TableSpec, columns: Mapping[str, list[Any]]) -> None:
        """Add a batch of rows, given column by column."""


@dataclass(slots=True)
class _Buffer:
    spec: TableSpec
    columns: dict[str, list[Any]] = field(default_factory=dict)
    size: int = 0

    def __post_init__(self) -> None:
        self.columns = {name: [] for name in self.spec.columns}


def library_tables() -> dict[str, tuple[TableSpec, CompiledView]]:
    """Each library view, compiled, with its table spec."""
    found = {}
    for table in TABLES:
        view = compile_view(library_view(table))
        spec = TableSpec(table, view.columns, tuple(sql_type(t) for t in view.column_types))
        found[table] = (spec, view)
    return found


def view_resource_types() -> frozenset[str]:
    """The resource types the library's views read."""
    return frozenset(library_view(table)["resource"] for table in TABLES)


def materialise(resources: Iterable[Mapping[str, Any]], sink: TableSink) -> dict[str, int]:
    """Run every library view over ``resources`` into ``sink``; rows per table."""
    tables = library_tables()
    by_type: dict[str, list[tuple[CompiledView, _Buffer]]] = {}
    buffers = {}
    for name, (spec, view) in tables.items():
        sink.create(spec)
        buffers[name] = _Buffer(spec)
        by_type.setdefault(view.resource, []).append((view, buffers[name]))
    counts = dict.fromkeys(tables, 0)
    for resource in resources:
        for view, buffer in by_type.get(resource.get("resourceType", ""), ()):
            for row in view.rows(resource):
                for name, values in buffer.columns.items():
                    values.append(row[name])
                buffer.size += 1
            if buffer.size >= BATCH_ROWS:
                counts[buffer.spec.name] += _flush(buffer, sink)
    for buffer in buffers.values():
        counts[buffer.spec.name] += _flush(buffer, sink)
    return counts


def _flush(buffer: _Buffer, sink: TableSink) -> int:
    size = buffer.size
    if size:
        sink.append(buffer.spec, buffer.columns)
        buffer.columns = {name: [] for name in buffer.spec.columns}
        buffer.size = 0
    return size
