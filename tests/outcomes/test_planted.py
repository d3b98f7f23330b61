"""On synthetic populations with a known, planted effect the report recovers it; without, not.

The issue's example is planted: completed peer-support referrals improve PHQ-9 by 3 points
more, and Spanish speakers' referrals complete half as often (share 0.3 against 0.6). The
population is large enough that the 95 % intervals are narrow; the seeds are fixed.
"""

from typing import Any

from commcare_ext.outcomes import PlantedEffects
from tests.outcomes.conftest import report_of

PATIENTS = 2500


def _change(report: dict[str, Any], instrument: str, subgroup: str) -> dict[str, Any]:
    rows = [
        r
        for r in report["outcome_change"]
        if r["instrument"] == instrument and r["subgroup"] == subgroup
    ]
    assert len(rows) == 1
    cell: dict[str, Any] = rows[0]["adjusted_difference"]
    return cell


def _language(report: dict[str, Any], group: str) -> dict[str, Any]:
    rows = [r for r in report["equity"]["language"]["closure"] if r["group"] == group]
    assert len(rows) == 1
    row: dict[str, Any] = rows[0]
    return row


def test_the_planted_effect_is_inside_the_interval() -> None:
    report = report_of(PATIENTS, 5, PlantedEffects.issue_example())
    peer = _change(report, "PHQ-9", "support-peer-group")
    assert peer["low"] <= -3.0 <= peer["high"]
    assert peer["high"] < 0, "a 3-point effect on hundreds of people is not missed"
    spanish = _language(report, "es")
    assert report["equity"]["language"]["reference"] == "en"
    assert spanish["ratio"]["low"] <= 0.5 <= spanish["ratio"]["high"]
    # The gap in share completed: 0.6 * 0.5 - 0.6 = -0.3.
    assert spanish["gap"]["low"] <= -0.3 <= spanish["gap"]["high"]
    # GAD-7 got no effect: among peer referrals its interval covers 0.
    anxiety = _change(report, "GAD-7", "support-peer-group")
    assert anxiety["low"] <= 0 <= anxiety["high"]


def test_without_a_planted_effect_the_intervals_cover_zero() -> None:
    report = report_of(PATIENTS, 6, PlantedEffects.none())
    for subgroup in ("all", "support-peer-group"):
        cell = _change(report, "PHQ-9", subgroup)
        assert cell["low"] <= 0 <= cell["high"], subgroup
    spanish = _language(report, "es")
    assert spanish["gap"]["low"] <= 0 <= spanish["gap"]["high"]
    assert spanish["ratio"]["low"] <= 1 <= spanish["ratio"]["high"]
