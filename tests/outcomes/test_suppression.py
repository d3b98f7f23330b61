"""No figure resting on fewer than 11 people reaches the JSON, the tables or the HTML.

Small populations (1 to 80 people, random effects and seeds) give many small groups; every
cell of the report must then be either suppressed or rest on at least 11 people, and the HTML
(drawn from the report) must show no count below 11 in any table.
"""

import re
from html.parser import HTMLParser
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from commcare_ext.outcomes import MIN_CELL, PlantedEffects, report_html
from commcare_ext.outcomes.suppress import complementary, suppress
from tests.budget import cases
from tests.outcomes.conftest import report_of

_COUNT = re.compile(r"^(\d[\d,]*)(?:\s|$)")


def _cells(node: Any) -> list[dict[str, Any]]:
    found = []
    if isinstance(node, dict):
        if "n" in node:
            found.append(node)
        for value in node.values():
            found.extend(_cells(value))
    elif isinstance(node, list):
        for item in node:
            found.extend(_cells(item))
    return found


class _Cells(HTMLParser):
    """Every table cell's text, by column header."""

    def __init__(self) -> None:
        super().__init__()
        self.headers: list[str] = []
        self.row: list[str] = []
        self.cells: list[tuple[str, str]] = []
        self.text: list[str] | None = None
        self.in_head = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("td", "th"):
            self.text = []
        if tag == "thead":
            self.headers = []
            self.in_head = True

    def handle_data(self, data: str) -> None:
        if self.text is not None:
            self.text.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "thead":
            self.in_head = False
        if tag == "th" and self.text is not None and self.in_head:
            self.headers.append("".join(self.text).strip())
            self.text = None
            return
        if tag in ("td", "th") and self.text is not None:
            self.row.append("".join(self.text).strip())
            self.text = None
        if tag == "tr":
            if self.row and len(self.row) == len(self.headers):
                self.cells.extend(zip(self.headers, self.row, strict=True))
            self.row = []


_PEOPLE_COLUMNS = {
    "Referrals",
    "Completed",
    "Declined",
    "Stuck",
    "People, completed",
    "People, not completed",
}


def check(report: dict[str, Any]) -> None:
    for cell in _cells(report):
        if cell.get("suppressed"):
            assert cell["n"] is None
            numbers = [
                v for k, v in cell.items() if isinstance(v, int | float) and not isinstance(v, bool)
            ]
            assert numbers == [], cell
        else:
            assert cell["n"] >= MIN_CELL, cell
            assert all(g >= MIN_CELL for g in cell.get("groups", [])), cell
    for part in report["equity"].values():
        for row in part["closure"]:
            if row["completed"].get("suppressed") or row["referrals"].get("suppressed"):
                assert row["gap"].get("suppressed"), row
                assert row["ratio"].get("suppressed"), row
    parser = _Cells()
    parser.feed(report_html(report))
    seen = 0
    for header, text in parser.cells:
        if header in _PEOPLE_COLUMNS:
            seen += 1
            match = _COUNT.match(text)
            if match is not None:
                assert int(match.group(1).replace(",", "")) >= MIN_CELL, (header, text)
            else:
                assert text == f"fewer than {MIN_CELL}", (header, text)
    assert seen, "the HTML tables were not read"


@settings(max_examples=cases(60), deadline=None)
@given(
    patients=st.integers(min_value=1, max_value=80),
    seed=st.integers(min_value=0, max_value=10_000),
    planted=st.booleans(),
)
def test_every_small_cell_is_suppressed_everywhere(patients: int, seed: int, planted: bool) -> None:
    effects = PlantedEffects.issue_example() if planted else PlantedEffects.none()
    check(report_of(patients, seed, effects))


def test_a_mid_sized_population_shows_figures_and_hides_small_ones() -> None:
    report = report_of(150, 2, PlantedEffects.issue_example())
    cells = _cells(report)
    assert any(not c.get("suppressed") for c in cells), "nothing shown: the check is empty"
    assert any(c.get("suppressed") for c in cells), "nothing hidden: the check is empty"
    check(report)


def test_one_hidden_cell_in_a_breakdown_hides_the_next_smallest() -> None:
    rows: list[dict[str, Any]] = [{"c": {"n": 5}}, {"c": {"n": 30}}, {"c": {"n": 12}}]
    complementary(rows, "c")
    suppress(rows)
    assert [r["c"]["n"] for r in rows] == [None, 30, None]
