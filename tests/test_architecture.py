"""The floor plan, enforced: which package may import which, read from the source (no imports).

Dependencies flow one way, intake -> form -> response -> resources -> bundle -> server, with
shared FHIR helpers on the ground floor. See docs/architecture.md for the picture.
"""

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "src" / "commcare_ext"
MAX_MODULE_LINES = 500

_GROUND = {"errors", "phi", "primitives"}
#: package -> the packages it may import (besides itself). ``cli`` and the top-level
#: ``__init__`` sit on the roof and may import anything.
ALLOWED: dict[str, set[str]] = {
    "errors": set(),
    "phi": set(),
    "primitives": set(),
    "fhir": {"errors"},
    "views": _GROUND,
    "instruments": _GROUND | {"fhir"},
    "intake": _GROUND | {"instruments"},
    "terminology": _GROUND | {"fhir", "intake", "instruments"},
    "questionnaire": _GROUND | {"fhir", "intake", "instruments", "terminology", "views"},
    "validation": _GROUND | {"fhir"},
    "extract": _GROUND
    | {"fhir", "intake", "instruments", "terminology", "questionnaire", "validation", "directory"},
    "referral": _GROUND | {"fhir", "terminology", "extract", "validation"},
    "summary": _GROUND
    | {"fhir", "intake", "instruments", "terminology", "questionnaire", "extract", "matching"},
    "client": {"errors", "fhir"},
    "directory": _GROUND | {"fhir", "intake"},
    # matching turns a chosen proposal into extraction's ReferralTarget (referral_target).
    "matching": _GROUND | {"intake", "instruments", "terminology", "directory", "extract"},
    "followup": _GROUND
    | {
        "fhir",
        "client",
        "intake",
        "instruments",
        "terminology",
        "questionnaire",
        "extract",
        "summary",
    },
    "population": _GROUND
    | {
        "fhir",
        "client",
        "intake",
        "instruments",
        "terminology",
        "questionnaire",
        "extract",
        "referral",
        "validation",
    },
}
ALLOWED["outcomes"] = _GROUND | {
    "views",
    "client",
    "intake",
    "terminology",
    "summary",
    "followup",
}
ROOF = {"cli", "__init__", "__main__"}


def _modules() -> Iterator[Path]:
    yield from sorted(PACKAGE_ROOT.rglob("*.py"))


def _package_of(path: Path) -> str:
    relative = path.relative_to(PACKAGE_ROOT)
    return relative.parts[0].removesuffix(".py")


def _imported_packages(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    found: set[str] = set()
    for node in ast.walk(tree):
        names: list[str] = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom):
            assert node.level == 0, f"{path}: use absolute imports"
            names = [node.module or ""]
        for name in names:
            parts = name.split(".")
            if parts[0] == "commcare_ext" and len(parts) > 1:
                found.add(parts[1])
    return found


def _graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for path in _modules():
        package = _package_of(path)
        graph.setdefault(package, set()).update(_imported_packages(path) - {package})
    return graph


def test_the_scan_sees_the_whole_package() -> None:
    graph = _graph()
    assert {"client", "intake", "referral", "extract", "questionnaire", "fhir"} <= set(graph)
    assert graph["referral"], "the scan found no imports at all: it checks nothing"


def test_every_package_is_on_the_floor_plan() -> None:
    unplanned = set(_graph()) - set(ALLOWED) - ROOF
    assert not unplanned, f"add these packages to ALLOWED with their place: {sorted(unplanned)}"


@pytest.mark.parametrize("package", sorted(set(ALLOWED) & set(_graph())))
def test_imports_flow_one_way(package: str) -> None:
    graph = _graph()
    forbidden = graph[package] - ALLOWED[package]
    assert not forbidden, f"{package} must not import {sorted(forbidden)}"


def test_the_plan_itself_has_no_cycle() -> None:
    assert _cycle(ALLOWED) is None


def test_no_package_cycle() -> None:
    graph = {k: v - ROOF for k, v in _graph().items() if k not in ROOF}
    assert _cycle(graph) is None


def test_cycle_finder_finds_a_cycle() -> None:
    assert _cycle({"a": {"b"}, "b": {"c"}, "c": {"a"}}) == ["a", "b", "c", "a"]


@pytest.mark.parametrize("path", list(_modules()), ids=lambda p: str(p.relative_to(PACKAGE_ROOT)))
def test_no_module_is_too_long_to_read_in_one_sitting(path: Path) -> None:
    lines = len(path.read_text(encoding="utf-8").splitlines())
    assert lines <= MAX_MODULE_LINES, f"{lines} lines: split it by job"


def _cycle(graph: dict[str, set[str]]) -> list[str] | None:
    """One cycle in ``graph`` as a path that ends where it starts, or None."""
    state: dict[str, int] = {}
    stack: list[str] = []

    def visit(node: str) -> list[str] | None:
        state[node] = 1
        stack.append(node)
        for target in sorted(graph.get(node, ())):
            if state.get(target) == 1:
                return [*stack[stack.index(target) :], target]
            if target not in state and (found := visit(target)):
                return found
        stack.pop()
        state[node] = 2
        return None

    for start in sorted(graph):
        if start not in state and (found := visit(start)):
            return found
    return None


ARCHITECTURE_DOC = PACKAGE_ROOT.parents[1] / "docs" / "architecture.md"


def _documented_rules() -> dict[str, set[str]]:
    """package -> what docs/architecture.md's table says it may import."""
    rules: dict[str, set[str]] = {}
    for line in ARCHITECTURE_DOC.read_text(encoding="utf-8").splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) != 3 or not cells[0].startswith("`"):
            continue
        allowed_cell = cells[2].split(" — ")[0]
        if allowed_cell in ("nothing", "anything"):
            allowed: set[str] = set()
        else:
            allowed = {part.strip().strip("`") for part in allowed_cell.split(",")}
            if "ground" in allowed:
                allowed = (allowed - {"ground"}) | _GROUND
        for package in (part.strip().strip("`") for part in cells[0].split(",")):
            rules[package] = allowed
    return rules


def test_the_documented_table_says_what_the_rules_say() -> None:
    documented = _documented_rules()
    assert set(documented) == set(ALLOWED) | {"cli", "__init__"}
    differ = {
        package: {"doc": sorted(documented[package]), "test": sorted(rules)}
        for package, rules in ALLOWED.items()
        if documented[package] != rules
    }
    assert not differ, differ
