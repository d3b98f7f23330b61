"""The timeline for people: accessible HTML (headings, ``lang``, AA contrast) and plain text.

Every string is escaped, so the patient's words stay text. Times are shown on the clinic's
wall clock (``zone``); each day is a heading, each event a list item with its own heading.
Colours: body text #1a1a1a and accents #8b0000 and #1f4e79 on white, all above WCAG AA's
4.5:1 for normal text (the tests compute the ratios from this style sheet).
"""

from collections.abc import Sequence
from datetime import UTC, date, datetime, tzinfo
from html import escape
from itertools import groupby

from commcare_ext.followup.timeline import EventKind, TimelineEvent

STYLE = (
    "body{font-family:system-ui,sans-serif;color:#1a1a1a;background:#ffffff;max-width:60rem;"
    "margin:1rem auto;padding:0 1rem;line-height:1.5}"
    "h1{font-size:1.5rem}h2{font-size:1.2rem;border-bottom:2px solid #1a1a1a;margin-top:1.5rem}"
    "h3{font-size:1rem;margin:.5rem 0 .25rem}ol{list-style:none;padding-left:0}"
    "li.event{border-left:4px solid #1f4e79;padding-left:.75rem;margin-bottom:.75rem}"
    "li.attention{border-left-color:#8b0000}"
    ".kind{color:#1f4e79;font-weight:600}.attention .kind{color:#8b0000}"
    "time{font-variant-numeric:tabular-nums}"
)
_KIND_LABEL = {
    EventKind.INTAKE: "Intake",
    EventKind.REFERRAL_MADE: "Referral",
    EventKind.STATUS_CHANGE: "Status",
    EventKind.UPDATE: "Update",
    EventKind.OUTCOME_REPORTED: "Outcome",
    EventKind.OUTCOME_REVIEWED: "Reviewed",
    EventKind.FOLLOW_UP: "Follow-up",
}


def _day(moment: date) -> str:
    return f"{moment.day} {moment:%B} {moment.year}"


def _by_day(
    events: Sequence[TimelineEvent], zone: tzinfo
) -> list[tuple[date, list[tuple[datetime, TimelineEvent]]]]:
    local = [(e.when.astimezone(zone), e) for e in events]
    return [(day, list(group)) for day, group in groupby(local, key=lambda pair: pair[0].date())]


def timeline_html(
    events: Sequence[TimelineEvent], *, title: str, zone: tzinfo = UTC, lang: str = "en"
) -> str:
    """A self-contained accessible HTML page of the events, one heading per day."""
    out = [
        f'<!DOCTYPE html><html lang="{escape(lang)}"><head><meta charset="utf-8">',
        f"<title>{escape(title)}</title><style>{STYLE}</style></head><body>",
        f"<main><h1>{escape(title)}</h1>",
    ]
    if not events:
        out.append("<p>Nothing recorded yet.</p>")
    for index, (day, items) in enumerate(_by_day(events, zone)):
        heading = f"day-{index}"
        out.append(
            f'<section aria-labelledby="{heading}"><h2 id="{heading}">'
            f'<time datetime="{day.isoformat()}">{escape(_day(day))}</time></h2><ol>'
        )
        for local, event in items:
            css = "event attention" if event.attention else "event"
            out.append(
                f'<li class="{css}"><h3><time datetime="{local.isoformat()}">'
                f"{local:%H:%M}</time> "
                f'<span class="kind">{escape(_KIND_LABEL[event.kind])}:</span> '
                f"{escape(event.title)}</h3>"
            )
            if event.details:
                out.append("<ul>")
                out.extend(f"<li>{escape(line)}</li>" for line in event.details)
                out.append("</ul>")
            out.append("</li>")
        out.append("</ol></section>")
    out.append("</main></body></html>")
    return "".join(out)


def timeline_text(events: Sequence[TimelineEvent], *, title: str, zone: tzinfo = UTC) -> str:
    """The same timeline as plain text."""
    lines = [title, "=" * len(title)]
    if not events:
        lines += ["", "Nothing recorded yet."]
    for day, items in _by_day(events, zone):
        heading = _day(day)
        lines += ["", heading, "-" * len(heading)]
        for local, event in items:
            flag = "!! " if event.attention else ""
            lines.append(f"{local:%H:%M}  {flag}{_KIND_LABEL[event.kind]}: {event.title}")
            lines += [f"       - {line}" for line in event.details]
    return "\n".join(lines) + "\n"
