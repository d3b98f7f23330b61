"""Measurement-based care: an instrument's result at follow-up against its baseline.

For a symptom measure the primary result is compared: the change in points, whether it
reaches the minimal clinically important difference (MCID), whether it is a response
(at least the rule's reduction of the baseline) and whether the follow-up is in remission
(below the rule's cut-off), each ``None`` when the rule publishes no such threshold or a
score is missing. The statements are plain English for the clinician; the summary
translates the same facts through the catalogues.
"""

from dataclasses import dataclass, field
from typing import Protocol

from commcare_ext.fhir.code import Code
from commcare_ext.instruments.protocol import Band, ChangeRule, InstrumentScore, ScaleResult


class Comparison(Protocol):
    """What every instrument's comparison offers: whose it is, and sentences for people."""

    @property
    def instrument(self) -> str:
        """The instrument id."""
        ...

    def statements(self) -> list[str]:
        """One plain sentence per compared result, then any note."""
        ...


@dataclass(frozen=True, slots=True)
class MeasureChange:
    """One result at baseline and at follow-up, judged by the instrument's change rule.

    The repr names the result only: scores are health data.
    """

    instrument: str
    name: str
    code: Code
    rule: ChangeRule = field(repr=False)
    baseline: float | None = field(repr=False)
    follow_up: float | None = field(repr=False)
    baseline_band: Band | None = field(default=None, repr=False)
    follow_up_band: Band | None = field(default=None, repr=False)

    @property
    def change(self) -> float | None:
        """Follow-up minus baseline, in the result's points; ``None`` if either is missing."""
        if self.baseline is None or self.follow_up is None:
            return None
        return self.follow_up - self.baseline

    @property
    def improvement(self) -> float | None:
        """The change in the better direction (positive: better)."""
        change = self.change
        if change is None:
            return None
        return -change if self.rule.lower_is_better else change

    @property
    def meaningful(self) -> bool | None:
        """At least the MCID in either direction; ``None`` without an MCID or a score."""
        if self.rule.mcid is None or self.change is None:
            return None
        return abs(self.change) >= self.rule.mcid

    @property
    def response(self) -> bool | None:
        """Reduced by at least the rule's fraction of a non-zero baseline (symptom scales)."""
        reduction = self.rule.response_reduction
        if reduction is None or self.baseline is None or self.follow_up is None:
            return None
        if self.baseline <= 0:
            return None
        return (self.baseline - self.follow_up) >= reduction * self.baseline

    @property
    def remission(self) -> bool | None:
        """The follow-up below the remission cut-off; ``None`` without one or a score."""
        if self.rule.remission_below is None or self.follow_up is None:
            return None
        return self.follow_up < self.rule.remission_below

    @property
    def statement(self) -> str:
        """The comparison in one plain sentence."""
        if self.baseline is None or self.follow_up is None or self.change is None:
            return f"{self.name}: not compared (a score is missing)."
        said = f"{self.name}: {_num(self.baseline)}{_band(self.baseline_band)} at baseline, "
        said += f"{_num(self.follow_up)}{_band(self.follow_up_band)} at follow-up"
        improvement = self.improvement or 0.0
        if self.change == 0:
            said += " (no change)"
        else:
            direction = "better" if improvement > 0 else "worse"
            said += f" ({_signed(self.change)} points, {direction})"
        facts = []
        if self.meaningful is not None:
            facts.append(
                f"{'at least' if self.meaningful else 'less than'} the minimal clinically "
                f"important difference of {_num(self.rule.mcid or 0)}"
            )
        if self.response:
            facts.append("response (at least a 50% reduction)")
        if self.remission:
            facts.append(f"remission (below {_num(self.rule.remission_below or 0)})")
        if facts:
            said += "; " + "; ".join(facts)
        return said + "."


@dataclass(frozen=True, slots=True)
class MeasureComparison:
    """An instrument's primary result compared, with the sources of its thresholds."""

    instrument: str
    changes: tuple[MeasureChange, ...]
    note: str = ""

    def statements(self) -> list[str]:
        """One sentence per result, then the note on thresholds and their sources."""
        return [c.statement for c in self.changes] + ([self.note] if self.note else [])

    @property
    def primary(self) -> MeasureChange:
        """The comparison of the headline result."""
        return self.changes[0]


def compare_scores(
    rule: ChangeRule,
    baseline: InstrumentScore,
    follow_up: InstrumentScore,
    *,
    instrument_name: str = "",
) -> MeasureComparison:
    """Compare the primary results of two scorings of one instrument under ``rule``.

    ``instrument_name`` prefixes the result's name in the statement ("PHQ-9 total score").
    """
    before, after = baseline.primary, follow_up.primary
    change = measure_change(baseline.instrument, rule, before, after, instrument_name)
    note = f"Thresholds: {rule.source}" if rule.source else ""
    return MeasureComparison(baseline.instrument, (change,), note)


def measure_change(
    instrument_id: str,
    rule: ChangeRule,
    before: ScaleResult,
    after: ScaleResult,
    instrument_name: str = "",
) -> MeasureChange:
    """One result at baseline and follow-up (named "<instrument_name> <result name>")."""
    name = f"{instrument_name} {before.name_en.lower()}" if instrument_name else before.name_en
    return MeasureChange(
        instrument_id,
        name,
        before.code,
        rule,
        before.value,
        after.value,
        before.band,
        after.band,
    )


def _num(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.1f}"


def _signed(value: float) -> str:
    return ("+" if value > 0 else "-") + _num(abs(value))


def _band(band: Band | None) -> str:
    return f" ({band.label_en.lower()})" if band is not None else ""
