"""Measurement-based care at follow-up: every measure, and each compared with its baseline.

Loops over whatever instruments were answered (the registry knows them), so a new
instrument is compared and listed without a change here.
"""

from collections.abc import Mapping

from commcare_ext.followup.record import Baseline
from commcare_ext.instruments import Comparison, InstrumentAnswers, instrument


def compare_measures(
    baseline: Baseline, follow_up: Mapping[str, InstrumentAnswers]
) -> tuple[Comparison, ...]:
    """Each instrument answered at both times, compared under its own change rule."""
    compared = []
    for instrument_id, given in follow_up.items():
        before = baseline.measures.get(instrument_id)
        if before is not None:
            compared.append(instrument(instrument_id).compare(before.answers, given.answers))
    return tuple(compared)


def measurement_lines(measures: Mapping[str, InstrumentAnswers]) -> list[str]:
    """One line per measure: the instrument, its headline result, band and status."""
    lines = []
    for instrument_id, given in measures.items():
        measured = instrument(instrument_id)
        score = measured.score(given.answers, given.wording)
        primary = score.primary
        if primary.status.value == "not-scored":
            shown = f"not scored ({primary.reason})"
        else:
            shown = primary.shown_en or f"{primary.value:g}"
            if primary.band is not None and primary.band.label_en not in shown:
                shown += f" ({primary.band.label_en.lower()})"
            if primary.items_missing:
                shown += f"; {primary.reason}"
        line = f"{measured.name_en} — {primary.name_en}: {shown}"
        if not score.wording.is_exact:
            line += " [paraphrased wording]"
        if score.safety_prompt is not None:
            line += f" — SAFETY: {score.safety_prompt.reason_en}"
        lines.append(line)
    return lines
