"""Small-cell suppression: no figure that rests on fewer than 11 people leaves the report.

Every figure the measures make is a *cell*: a dict with ``n`` (the people behind it) and, for
a comparison, ``groups`` (the size of each side). :func:`suppress` walks the whole report and
blanks every cell with ``n`` or any group below :data:`MIN_CELL` — its numbers become null and
``suppressed`` true — so the HTML, the tables and the JSON, all drawn from the suppressed
report, cannot show one. :func:`complementary` adds secondary suppression, so a hidden cell
cannot be recovered by subtracting the shown ones from a total.

The threshold of 11 follows the common small-cell rule for sharing health data (e.g. the CMS
cell size suppression policy: no cell of 1 to 10).
"""

from collections.abc import Iterable, MutableMapping
from typing import Any, Final

MIN_CELL: Final = 11
#: Keys that label a cell rather than count or measure people; kept when a cell is blanked.
LABELS: Final = frozenset({"group", "instrument", "code", "measure", "reference", "subgroup"})


def too_small(cell: MutableMapping[str, Any]) -> bool:
    """True when the cell rests on fewer than :data:`MIN_CELL` people (or says it must hide)."""
    if cell.get("suppressed"):
        return True
    n = cell.get("n")
    groups = cell.get("groups") or []
    return n is None or n < MIN_CELL or any(g is None or g < MIN_CELL for g in groups)


def blank(cell: MutableMapping[str, Any]) -> None:
    """Null every number of ``cell`` and mark it suppressed."""
    for key in list(cell):
        if key not in LABELS and not isinstance(cell[key], dict | list):
            cell[key] = None
    cell["suppressed"] = True


def suppress(node: Any) -> Any:
    """Blank every too-small cell anywhere in ``node`` (in place); returns ``node``."""
    if isinstance(node, list):
        for item in node:
            suppress(item)
    elif isinstance(node, dict):
        if "n" in node and too_small(node):
            blank(node)
        for value in node.values():
            if isinstance(value, dict | list):
                suppress(value)
    return node


def complementary(rows: Iterable[MutableMapping[str, Any]], column: str) -> None:
    """When exactly one row's ``column`` cell is too small, hide the next smallest as well.

    A breakdown's cells add up to the overall figure; with one cell hidden it could be worked
    out by subtraction, with two it cannot.
    """
    cells = [row[column] for row in rows if isinstance(row.get(column), dict)]
    hidden = [cell for cell in cells if too_small(cell)]
    if len(hidden) != 1:
        return
    shown = sorted((c for c in cells if not too_small(c)), key=lambda c: c.get("n") or 0)
    if shown:
        shown[0]["suppressed"] = True
