"""Human-readable narrative (``text.div``) for every resource, so EHR screens show something.

Every value is escaped: patient text becomes text, never markup.
"""

from collections.abc import Sequence
from html import escape
from typing import Any

XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml"


def xhtml_div(inner_xhtml: str) -> str:
    """``inner_xhtml`` (already escaped markup) wrapped in the namespaced ``div`` FHIR requires."""
    return f'<div xmlns="{XHTML_NAMESPACE}">{inner_xhtml}</div>'


def narrative(title: str, rows: Sequence[tuple[str, str]] = ()) -> dict[str, Any]:
    """A generated narrative: a heading and a list of label/value rows (empty values left out)."""
    parts = [f"<p><b>{escape(title)}</b></p>"]
    shown = [(label, value) for label, value in rows if value]
    if shown:
        parts.append("<ul>")
        parts.extend(f"<li>{escape(label)}: {escape(value)}</li>" for label, value in shown)
        parts.append("</ul>")
    return {"status": "generated", "div": xhtml_div("".join(parts))}
