"""A score's trend as a small inline SVG line chart: no script, no external asset.

Accessible: ``role="img"`` with a ``<title>`` (in the page's language) that screen readers
announce, and each point's own ``<title>`` with its date and score. Band edges are dashed
guide lines; the value axis runs from the scale's lowest to highest score. Dates are ISO
(the same in every language); the chart mirrors nothing, so it reads the same in RTL pages.
"""

from html import escape

from commcare_ext.summary.parts import TrendChart

WIDTH = 320
HEIGHT = 120
_PAD = 24


def _x(index: int, count: int) -> float:
    if count == 1:
        return WIDTH / 2
    return _PAD + index * (WIDTH - 2 * _PAD) / (count - 1)


def _y(value: float, chart: TrendChart) -> float:
    span = (chart.high - chart.low) or 1.0
    return HEIGHT - _PAD + (_PAD * 2 - HEIGHT) * (value - chart.low) / span


def trend_svg(chart: TrendChart, element_id: str) -> str:
    """The chart as one ``<svg>`` element (``element_id`` names its title)."""
    count = len(chart.points)
    title_id = f"{element_id}-title"
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" role="img" aria-labelledby="{title_id}" '
        f'width="{WIDTH}" height="{HEIGHT}" viewBox="0 0 {WIDTH} {HEIGHT}" '
        'style="max-width:100%;height:auto" direction="ltr">',
        f'<title id="{title_id}">{escape(chart.title)}</title>',
        f'<rect x="0" y="0" width="{WIDTH}" height="{HEIGHT}" fill="#fff" stroke="#555"/>',
    ]
    for guide in chart.guides:
        y = _y(guide, chart)
        out.append(
            f'<line x1="{_PAD}" x2="{WIDTH - _PAD}" y1="{y:.1f}" y2="{y:.1f}" '
            'stroke="#999" stroke-dasharray="3 3"/>'
        )
    for value in (chart.low, chart.high):
        out.append(
            f'<text x="4" y="{_y(value, chart) + 4:.1f}" font-size="10" fill="#1a1a1a">'
            f"{value:g}</text>"
        )
    coords = [(_x(i, count), _y(v, chart)) for i, (_, v) in enumerate(chart.points)]
    if count > 1:
        joined = " ".join(f"{x:.1f},{y:.1f}" for x, y in coords)
        out.append(f'<polyline points="{joined}" fill="none" stroke="#1a4f8b" stroke-width="2"/>')
    labels = chart.labels or tuple(f"{v:g}" for _, v in chart.points)
    for (x, y), (when, _), label in zip(coords, chart.points, labels, strict=False):
        out.append(
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="#1a4f8b">'
            f"<title>{escape(when.isoformat())}: {escape(label)}</title></circle>"
        )
        out.append(
            f'<text x="{x:.1f}" y="{HEIGHT - 6}" font-size="9" text-anchor="middle" '
            f'fill="#1a1a1a">{escape(when.isoformat())}</text>'
        )
    out.append("</svg>")
    return "".join(out)
