"""Support at follow-up against support at intake, per MOS-SSS subscale, said plainly.

The change is reported on RAND's 0-100 scale as measured. It is never called "meaningful",
"improved" or "worse": we found no minimal important difference published for the MOS
Social Support Survey. Sherbourne & Stewart (1991), the instrument's source, report
reliability (alpha 0.91-0.97) and one-year stability (r 0.72-0.78), not a change threshold;
docs/follow-up.md cites the search. Higher scores mean more support, so the statement says
"more support reported" or "less support reported" and leaves the judgement to the clinician.
"""

from dataclasses import dataclass, field
from typing import Final

from commcare_ext.fhir.code import Code
from commcare_ext.instruments.mos_sss.codes import mos_score_code
from commcare_ext.instruments.mos_sss.scoring import MosScores, ScaleScore

#: Said once under every comparison (docs/follow-up.md gives the sources).
NO_THRESHOLD_NOTE: Final = (
    "No minimal important difference has been published for the MOS Social Support Survey, "
    "so these changes are reported as measured, not judged as meaningful "
    "(Sherbourne & Stewart 1991 report reliability and stability, not a change threshold)."
)
_SAME: Final = 0.05  # below the one-decimal display precision: shown as no change


@dataclass(frozen=True, slots=True)
class ScaleChange:
    """One scale at intake and at follow-up (0-100) and the difference. Repr hides the scores."""

    name: str
    code: Code
    baseline: float | None = field(repr=False)
    follow_up: float | None = field(repr=False)
    baseline_partial: bool = field(repr=False)
    follow_up_partial: bool = field(repr=False)

    @property
    def change(self) -> float | None:
        """Follow-up minus intake, in 0-100 points; None when either was not scored."""
        if self.baseline is None or self.follow_up is None:
            return None
        return self.follow_up - self.baseline

    @property
    def statement(self) -> str:
        """The change in one plain sentence."""
        if self.baseline is None or self.follow_up is None or self.change is None:
            missing = [
                when
                for when, score in (("at intake", self.baseline), ("at follow-up", self.follow_up))
                if score is None
            ]
            return f"{self.name}: not compared (not scored {' or '.join(missing)})."
        said = f"{self.name}: {self.baseline:.1f} at intake, {self.follow_up:.1f} at follow-up"
        if abs(self.change) < _SAME:
            said += " (no change)"
        else:
            more = "more" if self.change > 0 else "less"
            said += f" ({abs(self.change):.1f} points {more} support reported, on 0-100)"
        partial = [
            when
            for when, flag in (
                ("intake", self.baseline_partial),
                ("follow-up", self.follow_up_partial),
            )
            if flag
        ]
        if partial:
            said += f"; some items unanswered at {' and '.join(partial)}"
        return said + "."


@dataclass(frozen=True, slots=True)
class SupportComparison:
    """Every subscale and the overall index, compared, with the note on thresholds."""

    changes: tuple[ScaleChange, ...]
    note: str = NO_THRESHOLD_NOTE
    instrument: str = "mos-sss"

    def statements(self) -> list[str]:
        """One sentence per scale, then the note."""
        return [change.statement for change in self.changes] + [self.note]


def compare_support(baseline: MosScores, follow_up: MosScores) -> SupportComparison:
    """Compare two scorings of the MOS-SSS (from ``score_mos_sss``) scale by scale."""
    pairs = [(baseline.subscales[s], follow_up.subscales[s]) for s in baseline.subscales]
    pairs.append((baseline.overall, follow_up.overall))
    return SupportComparison(tuple(_change(before, after) for before, after in pairs))


def _change(before: ScaleScore, after: ScaleScore) -> ScaleChange:
    return ScaleChange(
        name=before.name,
        code=mos_score_code(before.subscale),
        baseline=before.score_0_100,
        follow_up=after.score_0_100,
        baseline_partial=before.score_0_100 is not None and not before.complete,
        follow_up_partial=after.score_0_100 is not None and not after.complete,
    )
