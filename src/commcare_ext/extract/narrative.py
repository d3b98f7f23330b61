"""Human-readable narrative (``text.div``) for every resource, so EHR screens show something.

Every value is escaped: patient text becomes text, never markup.
"""

from collections.abc import Sequence
from html import escape
from typing import Any

_XHTML = "http://www.w3.org/1999/xhtml"


def narrative(title: str, rows: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """A generated narrative: a heading and a definition list of label/value rows."""
    parts = [f'<div xmlns="{_XHTML}"><p><b>{escape(title)}</b></p>']
    shown = [(label, value) for label, value in rows if value]
    if shown:
        parts.append("<ul>")
        parts.extend(f"<li>{escape(label)}: {escape(value)}</li>" for label, value in shown)
        parts.append("</ul>")
    parts.append("</div>")
    return {"status": "generated", "div": "".join(parts)}
