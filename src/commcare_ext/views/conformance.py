"""Run the SQL on FHIR v2 conformance suite: every test file in a folder, every test in a file.

A test file (the suite's ``tests.schema.json``) holds ``resources`` and ``tests``; each test has a
``view`` and one of ``expect`` (the rows, in any order), ``expectColumns`` (the column names, in
order) or ``expectError``. Tags say which tests the spec asks of everyone (``shareable``) and which
are experimental.
"""

import json
from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from commcare_ext.views.errors import ViewError
from commcare_ext.views.view import compile_view


@dataclass(frozen=True, slots=True)
class TestOutcome:
    """One test's verdict; ``reason`` says what differed when it failed."""

    __test__ = False  # not a pytest class

    file: str
    title: str
    tags: tuple[str, ...]
    passed: bool
    reason: str = ""


def _canonical(value: Any) -> Any:
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, list):
        return [_canonical(v) for v in value]
    if isinstance(value, dict):
        return {k: _canonical(v) for k, v in value.items()}
    return value


def _key(row: Any) -> str:
    return json.dumps(_canonical(row), sort_keys=True)


def _run_one(resources: Sequence[Any], test: dict[str, Any]) -> tuple[bool, str]:
    try:
        view = compile_view(test.get("view"))
        rows = list(view.run(resources))
    except ViewError as error:
        expected_error = bool(test.get("expectError"))
        return expected_error, "" if expected_error else f"unexpected error: {error}"
    if test.get("expectError"):
        return False, "expected an error, got rows"
    if "expectColumns" in test:
        if list(view.columns) == test["expectColumns"]:
            return True, ""
        return False, f"columns {list(view.columns)} != {test['expectColumns']}"
    expected = Counter(_key(r) for r in test.get("expect", []))
    got = Counter(_key(r) for r in rows)
    if expected == got:
        return True, ""
    return False, f"{len(rows)} rows differ from the {sum(expected.values())} expected"


def run_test_file(path: Path) -> Iterator[TestOutcome]:
    """Each test of one conformance file, run."""
    document = json.loads(path.read_text(encoding="utf-8"))
    resources = document.get("resources", [])
    for test in document.get("tests", []):
        passed, reason = _run_one(resources, test)
        yield TestOutcome(
            path.name, str(test.get("title", "")), tuple(test.get("tags", [])), passed, reason
        )


def run_test_folder(folder: Path) -> list[TestOutcome]:
    """Every test of every ``*.json`` file in ``folder`` (not the schema), by file name."""
    outcomes: list[TestOutcome] = []
    for path in sorted(folder.glob("*.json")):
        if path.name.endswith(".schema.json"):
            continue
        outcomes.extend(run_test_file(path))
    return outcomes
