"""Render the clinician summary as accessible HTML (no external assets) or plain text.

The page carries the summary's ``lang`` and ``dir``; every piece of the patient's own words
carries ``dir="auto"`` (a name in Arabic script inside an English page still reads right to
left) and, when the patient's language differs from the summary's, that language's ``lang``,
so a screen reader pronounces it in the right voice.
"""

from collections.abc import Sequence
from html import escape

from commcare_ext.intake import Intake
from commcare_ext.summary.chart import trend_svg
from commcare_ext.summary.content import Summary, build_summary
from commcare_ext.summary.parts import Section
from commcare_ext.terminology.languages import text_direction

_STYLE = (
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:60rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #1a1a1a;margin-top:1.5rem}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.3rem;"
    "text-align:start}"
    ".note{border-inline-start:4px solid #1a4f8b;padding:.25rem .75rem;background:#f3f6fa}"
    ".alert{border:3px solid #8b0000;color:#8b0000;background:#fff;padding:.5rem;font-weight:700}"
    ".risk{border:2px solid #8b0000;padding:0 .75rem .5rem}"
)


def _own(text: str, summary: Summary) -> str:
    """The patient's words, escaped, marked with their direction (and language if other)."""
    lang = "" if summary.patient_language == summary.language else summary.patient_language
    attrs = f' lang="{escape(lang)}"' if lang else ""
    return f'<span dir="auto"{attrs}>{escape(text)}</span>'


def summary_html(
    intake: Intake, *, language: str = "en", extra_sections: Sequence[Section] = ()
) -> str:
    """A one-page, accessible HTML summary in ``language``; every patient string is escaped.

    Raises:
        UnsupportedLanguageError: ``language`` is not a published language.

    """
    summary = build_summary(intake, language, extra_sections)
    lang = summary.language
    out = [
        f'<!DOCTYPE html><html lang="{lang}" dir="{text_direction(lang)}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width">',
        f"<title>{escape(summary.title)}</title><style>{_STYLE}</style></head><body>",
        f"<main><h1>{escape(summary.title)}</h1>",
    ]
    banner = () if summary.banner is None else (summary.banner,)
    for index, section in enumerate((*banner, *summary.sections)):
        if index == len(banner):
            out.append(f'<p class="note">{escape(summary.note)}</p>')
        heading = f"section-{index}"
        kind = ' class="risk"' if section is summary.banner else ""
        out.append(
            f'<section{kind} aria-labelledby="{heading}">'
            f'<h2 id="{heading}">{escape(section.title)}</h2>'
        )
        if section.alert:
            out.append(f'<p class="alert" role="alert">{escape(section.alert)}</p>')
        rows = [row for row in section.rows if row.value]
        if rows:
            out.append("<dl>")
            out.extend(
                f"<dt>{escape(row.label)}</dt><dd>"
                + (_own(row.value, summary) if row.own_words else escape(row.value))
                + "</dd>"
                for row in rows
            )
            out.append("</dl>")
        if section.table:
            # Named by the section's heading, not a caption repeating it on the page.
            out.append(f'<table aria-labelledby="{heading}"><thead><tr>')
            out.extend(f'<th scope="col">{escape(h)}</th>' for h in section.table_header)
            out.append("</tr></thead><tbody>")
            for table_row in section.table:
                cells = []
                for column, cell in enumerate(table_row):
                    own = column < len(section.table_own_words) and section.table_own_words[column]
                    shown = _own(cell, summary) if own else escape(cell)
                    cells.append(
                        f'<th scope="row">{shown}</th>' if column == 0 else f"<td>{shown}</td>"
                    )
                out.append(f"<tr>{''.join(cells)}</tr>")
            out.append("</tbody></table>")
        if section.chart is not None:
            out.append(trend_svg(section.chart, f"{heading}-chart"))
        out.extend(f"<p>{escape(note)}</p>" for note in section.notes)
        out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out)


def summary_text(
    intake: Intake, *, language: str = "en", extra_sections: Sequence[Section] = ()
) -> str:
    """The same summary as plain text in ``language``, for systems that take no HTML."""
    summary = build_summary(intake, language, extra_sections)
    lines = [summary.title, "=" * len(summary.title)]
    banner = () if summary.banner is None else (summary.banner,)
    for index, section in enumerate((*banner, *summary.sections)):
        if index == len(banner):
            lines.append(summary.note if not banner else f"\n{summary.note}")
        lines += ["", section.title, "-" * len(section.title)]
        if section.alert:
            lines.append(f"!! {section.alert}")
        lines += [f"{row.label}: {row.value}" for row in section.rows if row.value]
        if section.table:
            lines.append(" | ".join(section.table_header))
            lines += [" | ".join(row) for row in section.table]
        if section.chart is not None:
            lines.append(section.chart.title)
            lines += [
                f"  {when.isoformat()}: {label}"
                for (when, _), label in zip(
                    section.chart.points, section.chart.labels, strict=False
                )
            ]
        lines += list(section.notes)
    return "\n".join(lines) + "\n"
