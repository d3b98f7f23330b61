"""The whole report as data: every measure, suppressed, ready for HTML and for machines.

``build_report`` reads the view tables through an engine; the dict it returns is what
``--json`` writes and what the HTML page is drawn from, so they can never disagree, and both
are suppressed before anyone sees them.
"""

from datetime import date, datetime
from typing import Any, Final

from commcare_ext.outcomes.frame import Engine, referrals, scores
from commcare_ext.outcomes.measures import closure, equity, index_scores, outcome_change
from commcare_ext.outcomes.suppress import MIN_CELL, suppress

REPORT_VERSION: Final = 1


def build_report(engine: Engine, *, as_of: datetime, since: date | None = None) -> dict[str, Any]:
    """Every measure over the engine's tables, small cells suppressed."""
    found = referrals(engine, as_of, since)
    measured = index_scores(scores(engine))
    report: dict[str, Any] = {
        "report": "commcare-ext outcomes",
        "version": REPORT_VERSION,
        "as_of": as_of.date().isoformat(),
        "since": since.isoformat() if since else None,
        "min_cell": MIN_CELL,
        "wording": (
            "Associations in the clinic's own records, not effects: people whose referral "
            "completed may differ in ways the data do not show."
        ),
        "people": {"n": len({r.patient for r in found})},
        "referrals": {"n": len(found)},
        "closure": closure(found),
        "outcome_change": outcome_change(found, measured),
        "equity": equity(found, measured),
    }
    suppress(report)
    return report
