"""The building blocks of a summary: a row, and a section of rows, a table and notes."""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date


@dataclass(frozen=True, slots=True)
class TrendChart:
    """A small line chart of one score over time, drawn as inline SVG (no assets).

    ``points`` are (date, value) oldest first; ``low``/``high`` the scale's range;
    ``guides`` the band edges drawn as dashed lines; ``title`` and ``labels`` are already in
    the page's language (``labels``: each point's text for people, e.g. "12 (moderate)").
    """

    title: str
    points: tuple[tuple[date, float], ...]
    low: float
    high: float
    guides: tuple[float, ...] = ()
    labels: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Row:
    """A label and its value; ``own_words`` marks text the patient wrote (kept as written)."""

    label: str
    value: str
    own_words: bool = False


@dataclass(frozen=True, slots=True)
class Section:
    """A heading with rows, optionally a table (``own_words`` per column) and notes."""

    title: str
    rows: list[Row] = field(default_factory=list)
    table_header: tuple[str, ...] = ()
    table: Sequence[tuple[str, ...]] = field(default_factory=list)
    table_own_words: tuple[bool, ...] = ()
    alert: str | None = None
    notes: tuple[str, ...] = ()
    chart: TrendChart | None = None
