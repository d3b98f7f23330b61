"""Charts as inline SVG drawn by matplotlib: no script, no network, text kept as text.

``svg.fonttype = none`` leaves labels as ``<text>``, so the browser shapes them (Arabic reads
right to left) and screen readers can reach them; each chart is also given as a table.
Only suppressed report cells reach here: a hidden cell is simply not drawn.
"""

import io
import re
import warnings
from collections.abc import Sequence
from dataclasses import dataclass

import matplotlib as mpl

mpl.use("svg")
import matplotlib.pyplot as plt
from matplotlib.figure import Figure

mpl.rcParams["svg.fonttype"] = "none"
mpl.rcParams["svg.hashsalt"] = "commcare-ext"  # stable ids: the same report, the same bytes
mpl.rcParams["font.size"] = 10

_INK = "#1a1a1a"
_BAR = "#1a4f8b"


@dataclass(frozen=True, slots=True)
class Point:
    """One labelled estimate with its interval."""

    label: str
    value: float
    low: float
    high: float


def _svg(figure: Figure, title_id: str) -> str:
    buffer = io.StringIO()
    with warnings.catch_warnings():
        # Labels stay <text> (svg.fonttype none): the browser's fonts draw CJK and Arabic;
        # matplotlib only measures them with its own font, which lacks those glyphs.
        warnings.filterwarnings("ignore", message="Glyph .* missing from font")
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    plt.close(figure)
    text = buffer.getvalue()
    text = text[text.index("<svg") :]
    text = re.sub(r"<metadata>.*?</metadata>", "", text, flags=re.DOTALL)
    return text.replace(
        "<svg ", f'<svg role="img" aria-labelledby="{title_id}" focusable="false" ', 1
    )


def interval_chart(
    points: Sequence[Point],
    *,
    title_id: str,
    axis: str,
    reference: float | None = None,
    percent: bool = False,
    right_to_left: bool = False,
) -> str:
    """Horizontal estimates with 95 % intervals (a forest plot), as SVG text."""
    height = 0.45 * max(len(points), 1) + 0.9
    figure, axes = plt.subplots(figsize=(7, height))
    scale = 100 if percent else 1
    rows = list(range(len(points)))[::-1]
    for row, point in zip(rows, points, strict=True):
        axes.errorbar(
            point.value * scale,
            row,
            xerr=[[(point.value - point.low) * scale], [(point.high - point.value) * scale]],
            fmt="o",
            color=_BAR,
            ecolor=_INK,
            capsize=4,
        )
    axes.set_yticks(rows, [p.label for p in points])
    if reference is not None:
        axes.axvline(reference * scale, color=_INK, linewidth=1, linestyle="--")
    axes.set_xlabel(axis)
    if percent:
        axes.set_xlim(0, 100)
    if right_to_left:
        axes.invert_xaxis()
        axes.yaxis.tick_right()
    for side in ("top", "right") if not right_to_left else ("top", "left"):
        axes.spines[side].set_visible(False)
    return _svg(figure, title_id)
