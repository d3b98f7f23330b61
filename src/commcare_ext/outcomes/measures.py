"""The measures: referral loop closure, outcome change, and equity across groups.

Each is defined in ``docs/outcomes.md`` with its FHIR source. Every figure is a cell that
says how many people it rests on (``n``), so :mod:`~commcare_ext.outcomes.suppress` can hide
small ones. Outcome differences are associations in observational data, never effects.
"""

from collections import defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import timedelta
from statistics import median
from typing import Any, Final

from commcare_ext.outcomes.codes import Instrument
from commcare_ext.outcomes.frame import Referral, Score
from commcare_ext.outcomes.stats import (
    Adjusted,
    ancova,
    difference_of,
    share_gap,
    share_ratio,
    wilson,
)
from commcare_ext.outcomes.suppress import complementary, too_small

#: The closure categories the report shows, in order.
CATEGORIES: Final = ("completed", "declined", "stuck")
#: The breakdowns of loop closure: name -> how a referral is grouped.
BREAKDOWNS: Final[dict[str, Callable[[Referral], str]]] = {
    "support_type": lambda r: r.support_type,
    "organisation": lambda r: r.organisation,
    "language": lambda r: r.language,
    "interpreter": lambda r: r.interpreter,
    "stigma": lambda r: r.stigma,
}
EQUITY_GROUPS: Final[dict[str, Callable[[Referral], str]]] = {
    "language": lambda r: r.language,
    "culture_group": lambda r: r.culture_group,
}
#: A follow-up score counts from this long after the referral; the baseline is the latest
#: score up to a day after it (the intake's own screening).
FOLLOW_UP_AFTER: Final = timedelta(days=28)
BASELINE_GRACE: Final = timedelta(days=1)


#: Scores by instrument, then by person: built once, read by every comparison.
ScoreIndex = Mapping[Instrument, Mapping[str, Sequence[Score]]]


def index_scores(scores: Iterable[Score]) -> dict[Instrument, dict[str, list[Score]]]:
    """Scores by instrument and person, for the many comparisons of one report."""
    index: dict[Instrument, dict[str, list[Score]]] = {}
    for score in scores:
        index.setdefault(score.instrument, {}).setdefault(score.patient, []).append(score)
    return index


def _share_cell(k: int, n: int) -> dict[str, Any]:
    estimate = wilson(k, n) if n else None
    return {
        "n": k,
        "share": estimate.value if estimate else None,
        "low": estimate.low if estimate else None,
        "high": estimate.high if estimate else None,
    }


def _median_cell(values: Sequence[float]) -> dict[str, Any]:
    return {"n": len(values), "median": median(values) if values else None}


def closure_row(group: str, referrals: Sequence[Referral]) -> dict[str, Any]:
    """Loop closure of ``referrals``: shares completed / declined / stuck and the waits."""
    n = len(referrals)
    row: dict[str, Any] = {"group": group, "referrals": {"n": n}}
    for category in CATEGORIES:
        row[category] = _share_cell(sum(r.outcome == category for r in referrals), n)
    row["days_to_first_contact"] = _median_cell(
        [r.days_to_contact for r in referrals if r.days_to_contact is not None]
    )
    row["days_to_completion"] = _median_cell(
        [r.days_to_completion for r in referrals if r.days_to_completion is not None]
    )
    return row


def _grouped(
    referrals: Iterable[Referral], key: Callable[[Referral], str]
) -> dict[str, list[Referral]]:
    groups: dict[str, list[Referral]] = defaultdict(list)
    for referral in referrals:
        groups[key(referral)].append(referral)
    return dict(sorted(groups.items()))


def closure(referrals: Sequence[Referral]) -> dict[str, Any]:
    """Overall loop closure and each breakdown (secondary suppression applied per column)."""
    by: dict[str, list[dict[str, Any]]] = {}
    for name, key in BREAKDOWNS.items():
        rows = [closure_row(group, items) for group, items in _grouped(referrals, key).items()]
        for column in ("referrals", *CATEGORIES):
            complementary(rows, column)
        by[name] = rows
    return {"overall": closure_row("all", referrals), "by": by}


def _pairs(
    people: dict[str, bool],
    scores: ScoreIndex,
    instrument: Instrument,
    starts: dict[str, Any],
) -> list[tuple[float, float, bool]]:
    """(baseline, change, completed) for each person with both scores."""
    series = scores.get(instrument, {})
    pairs = []
    for patient, completed in people.items():
        measured = series.get(patient)
        if not measured:
            continue
        start = starts[patient]
        before = [s for s in measured if s.effective <= start + BASELINE_GRACE]
        after = [s for s in measured if s.effective >= start + FOLLOW_UP_AFTER]
        if before and after:
            baseline = max(before, key=lambda s: s.effective).value
            later = max(after, key=lambda s: s.effective).value
            pairs.append((baseline, later - baseline, completed))
    return pairs


def _people(referrals: Sequence[Referral]) -> tuple[dict[str, bool], dict[str, Any]]:
    """Each person: whether any of their referrals completed, and their first referral date."""
    completed: dict[str, bool] = {}
    starts: dict[str, Any] = {}
    for referral in referrals:
        if referral.authored is None:
            continue
        completed[referral.patient] = completed.get(referral.patient, False) or (
            referral.outcome == "completed"
        )
        if referral.patient not in starts or referral.authored < starts[referral.patient]:
            starts[referral.patient] = referral.authored
    return completed, starts


def change_row(
    subgroup: str, referrals: Sequence[Referral], scores: ScoreIndex, instrument: Instrument
) -> tuple[dict[str, Any], Adjusted | None]:
    """Change from baseline, completed vs not, adjusted for the baseline score."""
    people, starts = _people(referrals)
    pairs = _pairs(people, scores, instrument, starts)
    done = [c for _, c, completed in pairs if completed]
    not_done = [c for _, c, completed in pairs if not completed]
    fitted = ancova([c for _, c, _ in pairs], [int(d) for *_, d in pairs], [b for b, _, _ in pairs])
    row: dict[str, Any] = {
        "instrument": instrument.label,
        "code": instrument.value,
        "subgroup": subgroup,
        "completed": {"n": len(done), "mean_change": sum(done) / len(done) if done else None},
        "not_completed": {
            "n": len(not_done),
            "mean_change": sum(not_done) / len(not_done) if not_done else None,
        },
        "adjusted_difference": {
            "n": len(pairs),
            "groups": [len(done), len(not_done)],
            "value": fitted.difference.value if fitted else None,
            "low": fitted.difference.low if fitted else None,
            "high": fitted.difference.high if fitted else None,
        },
    }
    return row, fitted


def outcome_change(referrals: Sequence[Referral], scores: ScoreIndex) -> list[dict[str, Any]]:
    """Each instrument, for everyone and for each kind of support."""
    rows = []
    for instrument in Instrument:
        rows.append(change_row("all", referrals, scores, instrument)[0])
        for support, items in _grouped(referrals, lambda r: r.support_type).items():
            rows.append(change_row(support, items, scores, instrument)[0])
    return rows


def _reference(groups: dict[str, list[Referral]]) -> str:
    """The comparison group: English when present, else the largest group."""
    if "en" in groups:
        return "en"
    return max(groups, key=lambda g: (len(groups[g]), g))


def equity(referrals: Sequence[Referral], scores: ScoreIndex) -> dict[str, Any]:
    """Closure and outcome change by language and culture group, each gap against a reference."""
    found: dict[str, Any] = {}
    for name, key in EQUITY_GROUPS.items():
        groups = _grouped(referrals, key)
        if not groups:
            found[name] = {"reference": None, "closure": [], "outcome": []}
            continue
        reference = _reference(groups)
        base = groups[reference]
        base_done = sum(r.outcome == "completed" for r in base)
        closure_rows = []
        for group, items in groups.items():
            done = sum(r.outcome == "completed" for r in items)
            row = closure_row(group, items)
            sizes = [len(items), len(base), done, base_done]
            gap = share_gap(done, len(items), base_done, len(base))
            ratio = share_ratio(done, len(items), base_done, len(base))
            row["gap"] = {
                "n": len(items),
                "groups": sizes,
                "value": gap.value,
                "low": gap.low,
                "high": gap.high,
            }
            row["ratio"] = {
                "n": len(items),
                "groups": sizes,
                "value": ratio.value if ratio else None,
                "low": ratio.low if ratio else None,
                "high": ratio.high if ratio else None,
            }
            closure_rows.append(row)
        for column in ("referrals", *CATEGORIES):
            complementary(closure_rows, column)
        _hide_comparisons_of_hidden(closure_rows, reference)
        found[name] = {
            "reference": reference,
            "closure": closure_rows,
            "outcome": _outcome_equity(groups, reference, scores),
        }
    return found


def _hide_comparisons_of_hidden(rows: Sequence[dict[str, Any]], reference: str) -> None:
    """A gap or ratio would give back a hidden completed count: hide it with the count."""
    hidden_reference = any(too_small(r["completed"]) for r in rows if r["group"] == reference)
    for row in rows:
        if hidden_reference or too_small(row["completed"]) or too_small(row["referrals"]):
            row["gap"]["suppressed"] = True
            row["ratio"]["suppressed"] = True


def _outcome_equity(
    groups: dict[str, list[Referral]], reference: str, scores: ScoreIndex
) -> list[dict[str, Any]]:
    rows = []
    for instrument in Instrument:
        reference_row, reference_fit = change_row(reference, groups[reference], scores, instrument)
        for group, items in groups.items():
            row, fitted = change_row(group, items, scores, instrument)
            row["group"] = group
            gap_cell: dict[str, Any] = {
                "n": row["adjusted_difference"]["n"],
                "value": None,
                "low": None,
                "high": None,
            }
            if fitted is not None and reference_fit is not None:
                gap = difference_of(fitted, reference_fit)
                gap_cell |= {"value": gap.value, "low": gap.low, "high": gap.high}
            gap_cell["groups"] = [
                *row["adjusted_difference"]["groups"],
                *reference_row["adjusted_difference"]["groups"],
            ]
            row["gap"] = gap_cell
            rows.append(row)
    return rows
