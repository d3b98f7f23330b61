"""A SQL on FHIR v2 ViewDefinition, checked once and compiled into a row generator.

The spec (build.fhir.org/ig/FHIR/sql-on-fhir-v2, "ViewDefinition") defines a view as a resource
type, constants, ``where`` filters and nested ``select`` blocks, each with columns and at most one
of ``forEach`` / ``forEachOrNull`` / ``repeat``, plus ``unionAll``. A select's rows are the cross
product of its own column values, each nested select's rows and its ``unionAll`` rows; a column's
order is its own columns, then the nested selects', then the union's. ``%rowIndex`` is the
0-based position of the current element in its ``forEach``/``repeat`` (0 at the top).
"""

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from commcare_ext.views.errors import ViewDefinitionError, ViewEvaluationError
from commcare_ext.views.fastpath import Evaluator, result_type
from commcare_ext.views.fhirpath import compile_path, compile_reference

Row = dict[str, Any]
_NAME: Final = re.compile(r"[A-Za-z][A-Za-z0-9_]*")
_ITERATORS: Final = ("forEach", "forEachOrNull", "repeat")


@dataclass(frozen=True, slots=True)
class Column:
    """One output column: its name, declared FHIR type and whether it holds a collection."""

    name: str
    type: str | None
    collection: bool
    evaluate: Evaluator = field(repr=False, compare=False)


@dataclass(frozen=True, slots=True)
class _Select:
    columns: tuple[Column, ...]
    selects: tuple["_Select", ...]
    union: tuple["_Select", ...]
    iterator: str | None
    paths: tuple[Evaluator, ...]
    names: tuple[str, ...]


def _constant_value(constant: Any, where: str) -> tuple[str, Any]:
    if not isinstance(constant, Mapping) or not isinstance(constant.get("name"), str):
        msg = f"{where}: a constant needs a name"
        raise ViewDefinitionError(msg)
    values = [k for k in constant if k.startswith("value")]
    if len(values) != 1:
        msg = f"{where}: constant '{constant['name']}' needs exactly one value[x]"
        raise ViewDefinitionError(msg)
    return constant["name"], constant[values[0]]


def _column(spec: Any, where: str, type_path: str | None, constants: Mapping[str, Any]) -> Column:
    if not isinstance(spec, Mapping):
        msg = f"{where}: expected a column object"
        raise ViewDefinitionError(msg)
    name = spec.get("name")
    if not isinstance(name, str) or not _NAME.fullmatch(name):
        msg = f"{where}.name: expected a database-friendly name (letters, digits, _)"
        raise ViewDefinitionError(msg)
    collection = spec.get("collection", False)
    if not isinstance(collection, bool):
        msg = f"{where}.collection: expected true or false"
        raise ViewDefinitionError(msg)
    evaluate = compile_path(spec.get("path"), f"{where}.path", type_path, constants)
    return Column(name, spec.get("type"), collection, evaluate)


def _compile_select(
    spec: Any, where: str, type_path: str | None, constants: Mapping[str, Any]
) -> _Select:
    if not isinstance(spec, Mapping):
        msg = f"{where}: expected a select object"
        raise ViewDefinitionError(msg)
    iterators = [k for k in _ITERATORS if k in spec]
    if len(iterators) > 1:
        msg = f"{where}: at most one of forEach, forEachOrNull, repeat"
        raise ViewDefinitionError(msg)
    iterator = iterators[0] if iterators else None
    paths: tuple[Evaluator, ...] = ()
    inner = type_path
    if iterator == "repeat":
        raw = spec["repeat"]
        if not isinstance(raw, list) or not raw:
            msg = f"{where}.repeat: expected a list of FHIRPath expressions"
            raise ViewDefinitionError(msg)
        paths = tuple(
            compile_reference(p, f"{where}.repeat[{i}]", type_path) for i, p in enumerate(raw)
        )
        reached = {result_type(p, type_path) for p in raw}
        inner = reached.pop() if len(reached) == 1 else None
    elif iterator is not None:
        paths = (compile_path(spec[iterator], f"{where}.{iterator}", type_path, constants),)
        inner = result_type(spec[iterator], type_path)
    columns = tuple(
        _column(c, f"{where}.column[{i}]", inner, constants)
        for i, c in enumerate(spec.get("column", []))
    )
    selects = tuple(
        _compile_select(s, f"{where}.select[{i}]", inner, constants)
        for i, s in enumerate(spec.get("select", []))
    )
    union = tuple(
        _compile_select(s, f"{where}.unionAll[{i}]", inner, constants)
        for i, s in enumerate(spec.get("unionAll", []))
    )
    if union and any(u.names != union[0].names for u in union):
        msg = f"{where}.unionAll: every branch must have the same columns in the same order"
        raise ViewDefinitionError(msg)
    names = (
        tuple(c.name for c in columns)
        + tuple(n for s in selects for n in s.names)
        + (union[0].names if union else ())
    )
    return _Select(columns, selects, union, iterator, paths, names)


@dataclass(frozen=True, slots=True)
class CompiledView:
    """A checked ViewDefinition: ``rows(resource)`` yields its rows for one resource."""

    name: str
    resource: str
    columns: tuple[str, ...]
    column_types: tuple[str | None, ...]
    constants: Mapping[str, Any] = field(repr=False)
    where: tuple[Evaluator, ...] = field(repr=False)
    select: _Select = field(repr=False)

    def rows(self, resource: Mapping[str, Any]) -> Iterator[Row]:
        """The view's rows for ``resource`` (none when it is another type or filtered out)."""
        if resource.get("resourceType") != self.resource:
            return
        variables = dict(self.constants)
        variables["rowIndex"] = 0
        for index, evaluate in enumerate(self.where):
            result = evaluate(resource, variables)
            if len(result) > 1 or any(not isinstance(v, bool) for v in result):
                msg = f"{self.resource} view where[{index}]: the path must give one boolean"
                raise ViewEvaluationError(msg)
            if result != [True]:
                return
        yield from _rows(self.select, resource, variables, 0)

    def run(self, resources: Iterable[Mapping[str, Any]]) -> Iterator[Row]:
        """Rows of every resource, in order."""
        for resource in resources:
            yield from self.rows(resource)


def _values(select: _Select, node: Any, variables: dict[str, Any]) -> Row:
    row: Row = {}
    for column in select.columns:
        result = column.evaluate(node, variables)
        if column.collection:
            row[column.name] = result
        elif len(result) > 1:
            msg = f"column '{column.name}': several values; declare it collection: true"
            raise ViewEvaluationError(msg)
        else:
            row[column.name] = result[0] if result else None
    return row


def _focuses(select: _Select, node: Any, variables: dict[str, Any]) -> list[Any]:
    if select.iterator is None:
        return [node]
    if select.iterator != "repeat":
        return select.paths[0](node, variables)
    found: list[Any] = []

    def descend(parent: Any) -> None:
        for path in select.paths:
            for child in path(parent, variables):
                found.append(child)
                descend(child)

    descend(node)
    return found


def _rows(select: _Select, node: Any, variables: dict[str, Any], index: int) -> Iterator[Row]:
    focuses = _focuses(select, node, variables)
    if not focuses and select.iterator == "forEachOrNull":
        # One row of nulls; its own columns still see %rowIndex 0 (an empty focus).
        yield {**dict.fromkeys(select.names), **_values(select, [], {**variables, "rowIndex": 0})}
        return
    for position, focus in enumerate(focuses):
        scope = variables if select.iterator is None else {**variables, "rowIndex": position}
        partial: list[Row] = [_values(select, focus, scope)]
        for nested in select.selects:
            nested_rows = list(_rows(nested, focus, scope, scope["rowIndex"]))
            partial = [{**left, **right} for left in partial for right in nested_rows]
        if select.union:
            union_rows = [
                row
                for branch in select.union
                for row in _rows(branch, focus, scope, scope["rowIndex"])
            ]
            partial = [{**left, **right} for left in partial for right in union_rows]
        yield from partial


def compile_view(view: Any) -> CompiledView:
    """Check ``view`` against SQL on FHIR v2 and compile it; ViewDefinitionError names the path."""
    if not isinstance(view, Mapping):
        msg = "ViewDefinition: expected a JSON object"
        raise ViewDefinitionError(msg)
    resource = view.get("resource")
    if not isinstance(resource, str) or not resource:
        msg = "ViewDefinition.resource: expected the FHIR resource type the view reads"
        raise ViewDefinitionError(msg)
    selects = view.get("select")
    if not isinstance(selects, list) or not selects:
        msg = "ViewDefinition.select: expected at least one select"
        raise ViewDefinitionError(msg)
    constants = dict(
        _constant_value(c, f"ViewDefinition.constant[{i}]")
        for i, c in enumerate(view.get("constant", []))
    )
    where = tuple(
        compile_path(
            w.get("path") if isinstance(w, Mapping) else None,
            f"ViewDefinition.where[{i}].path",
            resource,
            constants,
        )
        for i, w in enumerate(view.get("where", []))
    )
    root = _compile_select({"select": selects}, "ViewDefinition", resource, constants)
    if len(set(root.names)) != len(root.names):
        msg = "ViewDefinition: two columns share a name"
        raise ViewDefinitionError(msg)
    types = {c.name: c.type for c in _all_columns(root)}
    return CompiledView(
        name=str(view.get("name", resource)),
        resource=resource,
        columns=root.names,
        column_types=tuple(types.get(n) for n in root.names),
        constants=constants,
        where=where,
        select=root,
    )


def _all_columns(select: _Select) -> Iterator[Column]:
    yield from select.columns
    for nested in (*select.selects, *select.union):
        yield from _all_columns(nested)


def run_view(view: Any, resources: Sequence[Mapping[str, Any]]) -> list[Row]:
    """Every row ``view`` gives over ``resources`` (compiles the view each call)."""
    return list(compile_view(view).run(resources))
