"""The report as one self-contained, accessible HTML page (no script, no network, no files).

Drawn only from the suppressed report dict. Each chart is inline SVG with a caption, a reading
in plain words for a clinic director, and the table behind it. The page carries ``lang`` and
``dir`` (Arabic reads right to left, charts mirrored).
"""

from collections.abc import Callable, Sequence
from html import escape
from typing import Any, Final

from commcare_ext.outcomes.charts import Point, interval_chart
from commcare_ext.outcomes.labels import group_label
from commcare_ext.outcomes.measures import BREAKDOWNS, CATEGORIES
from commcare_ext.outcomes.words import word
from commcare_ext.terminology.languages import form_language, text_direction

_STYLE: Final = (
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:64rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.25rem;border-bottom:2px solid #1a1a1a;margin-top:2rem}"
    "h3{font-size:1.05rem}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}"
    "th,td{border:1px solid #555;padding:.3rem;text-align:start;vertical-align:top}"
    "caption{text-align:start;font-weight:600}figure{margin:1rem 0}"
    # matplotlib places labels for left-to-right anchoring; bidi still shapes Arabic text.
    "svg{max-width:100%;height:auto;direction:ltr}"
    ".note{border-inline-start:4px solid #1a4f8b;padding:.25rem .75rem;background:#f3f6fa}"
    ".reading{font-size:1.05rem}"
)


class _Page:
    def __init__(self, report: dict[str, Any], language: str) -> None:
        self.report = report
        self.language = form_language(language).value
        self.rtl = text_direction(self.language) == "rtl"
        self.hidden = word(self.language, "suppressed", min=str(report["min_cell"]))
        self.figures = 0

    def w(self, key: str, **values: str) -> str:
        return escape(word(self.language, key, **values))

    def number(self, value: Any, digits: int = 1) -> str:
        return self.hidden if value is None else f"{value:.{digits}f}"

    def count(self, cell: dict[str, Any]) -> str:
        return self.hidden if cell.get("n") is None else f"{cell['n']:,}"

    def share(self, cell: dict[str, Any]) -> str:
        if cell.get("share") is None:
            return self.hidden
        share, low, high = (round(cell[k] * 100) for k in ("share", "low", "high"))
        return f"{cell['n']:,} ({share}%, {low}\u2013{high}%)"

    def interval(self, cell: dict[str, Any], digits: int = 1) -> str:
        if cell.get("value") is None:
            return self.hidden
        value, low, high = (f"{cell[k]:.{digits}f}" for k in ("value", "low", "high"))
        return f"{value} ({low} \u2013 {high})"

    def figure(self, caption: str, points: Sequence[Point], axis: str, **chart: Any) -> str:
        self.figures += 1
        title_id = f"figure-{self.figures}"
        svg = interval_chart(points, title_id=title_id, axis=axis, right_to_left=self.rtl, **chart)
        return f'<figure><figcaption id="{title_id}">{escape(caption)}</figcaption>{svg}</figure>'

    def figures_text(self, text: str) -> str:
        """A cell of numbers: kept left to right inside a right-to-left page."""
        return f'<span dir="ltr">{escape(text)}</span>' if self.rtl else escape(text)

    def table(self, headers: Sequence[str], rows: Sequence[Sequence[str]], caption: str) -> str:
        head = "".join(f'<th scope="col">{escape(h)}</th>' for h in headers)
        body = "".join(
            "<tr>"
            + f'<th scope="row">{escape(r[0])}</th>'
            + "".join(f"<td>{escape(c)}</td>" for c in r[1:])
            + "</tr>"
            for r in rows
        )
        return (
            f"<table><caption>{escape(caption)}</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{body}</tbody></table>"
        )


def _closure_rows(page: _Page, breakdown: str, rows: Sequence[dict[str, Any]]) -> list[list[str]]:
    return [
        [
            group_label(breakdown, row["group"], page.language),
            page.count(row["referrals"]),
            *(page.share(row[c]) for c in CATEGORIES),
            page.number(row["days_to_first_contact"]["median"], 0),
            page.number(row["days_to_completion"]["median"], 0),
        ]
        for row in rows
    ]


def _closure_headers(page: _Page) -> list[str]:
    keys = [
        "col-group",
        "col-referrals",
        "col-completed",
        "col-declined",
        "col-stuck",
        "col-contact",
        "col-completion",
    ]
    return [word(page.language, k) for k in keys]


def _points(
    page: _Page,
    breakdown: str,
    rows: Sequence[dict[str, Any]],
    cell: Callable[[dict[str, Any]], dict[str, Any]],
    value: str = "share",
) -> list[Point]:
    return [
        Point(
            group_label(
                breakdown, row["group"] if "group" in row else row["subgroup"], page.language
            ),
            cell(row)[value],
            cell(row)["low"],
            cell(row)["high"],
        )
        for row in rows
        if cell(row).get(value) is not None
    ]


def _closure_section(page: _Page) -> str:
    closure = page.report["closure"]
    overall = closure["overall"]
    out = [f"<section><h2>{page.w('closure-heading')}</h2>"]
    reading = page.w(
        "closure-reading",
        n=page.count(overall["referrals"]),
        completed=page.share(overall["completed"]),
        declined=page.share(overall["declined"]),
        stuck=page.share(overall["stuck"]),
        contact=page.number(overall["days_to_first_contact"]["median"], 0),
    )
    out.append(f'<p class="reading">{reading}</p>')
    supports = closure["by"]["support_type"]
    shown = [r for r in supports if r["completed"].get("share") is not None]
    if shown:
        best = max(shown, key=lambda r: r["completed"]["share"])
        label = group_label("support_type", best["group"], page.language)
        best_reading = page.w("closure-best", group=label, share=page.share(best["completed"]))
        out.append(f'<p class="reading">{best_reading}</p>')
    out.append(
        page.figure(
            word(page.language, "closure-chart"),
            _points(page, "support_type", supports, lambda r: r["completed"]),
            word(page.language, "col-completed") + " (%)",
            percent=True,
        )
    )
    out.append(
        page.table(
            _closure_headers(page),
            _closure_rows(page, "support_type", [overall, *supports]),
            word(page.language, "table-caption"),
        )
    )
    for breakdown in BREAKDOWNS:
        if breakdown == "support_type":
            continue
        out.append(f"<h3>{page.w('by-' + breakdown)}</h3>")
        out.append(
            page.table(
                _closure_headers(page),
                _closure_rows(page, breakdown, closure["by"][breakdown]),
                word(page.language, "by-" + breakdown),
            )
        )
    out.append("</section>")
    return "".join(out)


def _change_section(page: _Page) -> str:
    rows = page.report["outcome_change"]
    out = [f"<section><h2>{page.w('change-heading')}</h2>", f"<p>{page.w('lower-better')}</p>"]
    for row in rows:
        cell = row["adjusted_difference"]
        subgroup = group_label("subgroup", row["subgroup"], page.language)
        if cell.get("value") is None:
            text = page.w("change-reading-none", instrument=row["instrument"], subgroup=subgroup)
        else:
            text = page.w(
                "change-reading",
                instrument=row["instrument"],
                subgroup=subgroup,
                difference=page.number(cell["value"]),
                low=page.number(cell["low"]),
                high=page.number(cell["high"]),
                n=page.count(cell),
            )
        if row["subgroup"] == "all" or cell.get("value") is not None:
            out.append(f'<p class="reading">{text}</p>')
    points = [
        Point(
            f"{r['instrument']} \u00b7 {group_label('subgroup', r['subgroup'], page.language)}",
            r["adjusted_difference"]["value"],
            r["adjusted_difference"]["low"],
            r["adjusted_difference"]["high"],
        )
        for r in rows
        if r["adjusted_difference"].get("value") is not None
    ]
    out.append(
        page.figure(
            word(page.language, "change-chart"),
            points,
            word(page.language, "col-difference"),
            reference=0.0,
        )
    )
    headers = [
        word(page.language, k)
        for k in (
            "col-instrument",
            "col-subgroup",
            "col-people-completed",
            "col-people-not",
            "col-change-completed",
            "col-change-not",
            "col-difference",
        )
    ]
    table_rows = [
        [
            r["instrument"],
            group_label("subgroup", r["subgroup"], page.language),
            page.count(r["completed"]),
            page.count(r["not_completed"]),
            page.number(r["completed"]["mean_change"]),
            page.number(r["not_completed"]["mean_change"]),
            page.interval(r["adjusted_difference"]),
        ]
        for r in rows
    ]
    out.append(page.table(headers, table_rows, word(page.language, "table-caption")))
    out.append("</section>")
    return "".join(out)


def _equity_part(page: _Page, name: str) -> str:
    part = page.report["equity"][name]
    reference = part["reference"]
    breakdown = "language" if name == "language" else "culture_group"
    if reference is None:
        return f"<p>{page.w('equity-reading-none')}</p>"
    reference_label = group_label(breakdown, reference, page.language)
    out: list[str] = []
    readings = [
        page.w(
            "equity-reading",
            reference=reference_label,
            group=group_label(breakdown, row["group"], page.language),
            ratio=page.number(row["ratio"]["value"], 2),
            low=page.number(row["ratio"]["low"], 2),
            high=page.number(row["ratio"]["high"], 2),
        )
        for row in part["closure"]
        if row["group"] != reference and row["ratio"].get("value") is not None
    ]
    out.extend(f'<p class="reading">{r}</p>' for r in readings or [page.w("equity-reading-none")])
    if name == "language":
        out.append(
            page.figure(
                word(page.language, "equity-chart"),
                _points(page, breakdown, part["closure"], lambda r: r["completed"]),
                word(page.language, "col-completed") + " (%)",
                percent=True,
            )
        )
    headers = [
        word(page.language, k)
        for k in ("col-group", "col-referrals", "col-completed", "col-gap", "col-ratio")
    ]
    rows = [
        [
            group_label(breakdown, r["group"], page.language)
            + (f" ({word(page.language, 'reference')})" if r["group"] == reference else ""),
            page.count(r["referrals"]),
            page.share(r["completed"]),
            page.interval(r["gap"], 2),
            page.interval(r["ratio"], 2),
        ]
        for r in part["closure"]
    ]
    out.append(page.table(headers, rows, word(page.language, "table-caption")))
    headers = [
        word(page.language, k)
        for k in (
            "col-group",
            "col-instrument",
            "col-people-completed",
            "col-people-not",
            "col-difference",
            "col-gap-change",
        )
    ]
    rows = [
        [
            group_label(breakdown, r["group"], page.language),
            r["instrument"],
            page.count(r["completed"]),
            page.count(r["not_completed"]),
            page.interval(r["adjusted_difference"]),
            page.interval(r["gap"]),
        ]
        for r in part["outcome"]
    ]
    out.append(page.table(headers, rows, word(page.language, "col-gap-change")))
    return "".join(out)


def _equity_section(page: _Page) -> str:
    return (
        f"<section><h2>{page.w('equity-heading')}</h2>{_equity_part(page, 'language')}"
        f"<h3>{page.w('culture-heading')}</h3>{_equity_part(page, 'culture_group')}</section>"
    )


def report_html(report: dict[str, Any], *, language: str = "en") -> str:
    """The report as a self-contained HTML page in ``language``.

    Raises:
        UnsupportedLanguageError: ``language`` is not one of the published languages.

    """
    page = _Page(report, language)
    lang = page.language
    period = page.w("since", date=report["since"]) if report["since"] else page.w("all-time")
    counts = page.w(
        "counts", people=page.count(report["people"]), referrals=page.count(report["referrals"])
    )
    privacy = page.w("suppression", min=str(report["min_cell"]), mark=page.hidden)
    head = (
        f'<!DOCTYPE html><html lang="{lang}" dir="{text_direction(lang)}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">'
        f"<title>{page.w('title')}</title><style>{_STYLE}</style></head><body><main>"
        f"<h1>{page.w('title')}</h1>"
        f"<p>{page.w('as-of', date=report['as_of'])}. {period}. "
        f"{counts}</p>"
        f'<p class="note">{page.w("association")}</p>'
        f'<p class="note">{privacy}</p>'
    )
    body = _closure_section(page) + _change_section(page) + _equity_section(page)
    return f"{head}{body}<p>{page.w('machine')}</p></main></body></html>"
