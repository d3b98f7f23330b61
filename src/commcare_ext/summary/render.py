"""Render the clinician summary as accessible HTML (no external assets) or plain text."""

from html import escape

from commcare_ext.intake import Intake
from commcare_ext.summary.content import summary_sections

_STYLE = (
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#fff;max-width:60rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #1a1a1a;margin-top:1.5rem}"
    "dl{display:grid;grid-template-columns:max-content 1fr;gap:.25rem 1rem}dt{font-weight:600}"
    "table{border-collapse:collapse;width:100%}th,td{border:1px solid #555;padding:.3rem;"
    "text-align:left}caption{text-align:left;font-weight:600}"
    ".alert{border:3px solid #8b0000;color:#8b0000;background:#fff;padding:.5rem;font-weight:700}"
)


def summary_html(intake: Intake, *, lang: str = "en") -> str:
    """A one-page, accessible HTML summary; every patient string is escaped."""
    title, sections = summary_sections(intake)
    out = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{_STYLE}</style></head><body>",
        f"<main><h1>{escape(title)}</h1>",
    ]
    for index, section in enumerate(sections):
        heading = f"section-{index}"
        out.append(
            f'<section aria-labelledby="{heading}"><h2 id="{heading}">{escape(section.title)}</h2>'
        )
        if section.alert:
            out.append(f'<p class="alert" role="alert">{escape(section.alert)}</p>')
        rows = [(k, v) for k, v in section.rows if v]
        if rows:
            out.append("<dl>")
            out.extend(f"<dt>{escape(k)}</dt><dd>{escape(v)}</dd>" for k, v in rows)
            out.append("</dl>")
        if section.table:
            out.append(f"<table><caption>{escape(section.title)}</caption><thead><tr>")
            out.extend(f'<th scope="col">{escape(h)}</th>' for h in section.table_header)
            out.append("</tr></thead><tbody>")
            for row in section.table:
                cells = [f'<th scope="row">{escape(row[0])}</th>']
                cells += [f"<td>{escape(c)}</td>" for c in row[1:]]
                out.append(f"<tr>{''.join(cells)}</tr>")
            out.append("</tbody></table>")
        out.append("</section>")
    out.append("</main></body></html>")
    return "".join(out)


def summary_text(intake: Intake) -> str:
    """The same summary as plain text, for systems that take no HTML."""
    title, sections = summary_sections(intake)
    lines = [title, "=" * len(title)]
    for section in sections:
        lines += ["", section.title, "-" * len(section.title)]
        if section.alert:
            lines.append(f"!! {section.alert}")
        lines += [f"{k}: {v}" for k, v in section.rows if v]
        if section.table:
            lines.append(" | ".join(section.table_header))
            lines += [" | ".join(row) for row in section.table]
    return "\n".join(lines) + "\n"
