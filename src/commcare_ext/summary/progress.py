"""Measurement-based care in the summary: each measure's latest score, band, change, trend.

For every instrument measured more than once or at all (registry order): the latest score
and its band, the baseline (the first measurement), the change with what the instrument's
change rule says of it (minimal clinically important difference, response, remission), and
a small trend chart. Everything is in the summary's language; numbers stay numbers.
"""

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from commcare_ext.instruments import (
    ChangeRule,
    Instrument,
    InstrumentAnswers,
    MeasureChange,
    measure_change,
    registered,
)
from commcare_ext.summary.measures import result_name, safety_alert, shown_score
from commcare_ext.summary.parts import Row, Section, TrendChart
from commcare_ext.summary.words import instrument_word, word


@dataclass(frozen=True, slots=True)
class Measurement:
    """One administration of an instrument on a day (intake or follow-up)."""

    when: date
    instrument: str
    answers: InstrumentAnswers = field(repr=False)


def progress_sections(measurements: Sequence[Measurement], language: str = "en") -> list[Section]:
    """One section per instrument measured, in registry order, oldest measurement first."""
    sections = []
    for measured in registered():
        series = sorted(
            (m for m in measurements if m.instrument == measured.id), key=lambda m: m.when
        )
        if series:
            sections.append(_section(measured, series, language))
    return sections


def _num(value: float) -> str:
    return f"{value:g}" if float(value).is_integer() else f"{value:.2f}"


def _section(measured: Instrument, series: list[Measurement], lang: str) -> Section:
    scores = [measured.score(m.answers.answers, m.answers.wording) for m in series]
    first, last = scores[0].primary, scores[-1].primary
    rows = [
        Row(
            word(lang, "progress-latest", when=series[-1].when.isoformat()),
            shown_score(measured, last, lang),
        ),
    ]
    if len(series) > 1:
        rows.append(
            Row(
                word(lang, "progress-baseline", when=series[0].when.isoformat()),
                shown_score(measured, first, lang),
            )
        )
        rule = measured.change or ChangeRule(lower_is_better=True)
        change = measure_change(measured.id, rule, first, last)
        rows.append(Row(word(lang, "progress-change"), _change_text(change, lang)))
    points = tuple(
        (m.when, s.primary.value)
        for m, s in zip(series, scores, strict=True)
        if s.primary.value is not None
    )
    labels = tuple(
        shown_score(measured, s.primary, lang) for s in scores if s.primary.value is not None
    )
    low, high = measured.primary_range()
    chart = TrendChart(
        word(
            lang, "progress-chart", name=result_name(measured, first, lang), count=str(len(points))
        ),
        points,
        low,
        high,
        tuple(float(b.low) for b in measured.bands if b.low is not None and b.low > low),
        labels,
    )
    return Section(
        word(lang, "progress", name=instrument_word(lang, measured, "title")),
        rows,
        alert=safety_alert(measured, scores[-1], lang),
        notes=_notes(measured, lang),
        chart=chart if points else None,
    )


def _change_text(change: MeasureChange, lang: str) -> str:
    if change.change is None:
        return word(lang, "progress-not-compared")
    if change.change == 0:
        parts = [word(lang, "progress-no-change")]
    else:
        better = (change.improvement or 0) > 0
        parts = [
            word(
                lang,
                "progress-better" if better else "progress-worse",
                points=("+" if change.change > 0 else "-") + _num(abs(change.change)),
            )
        ]
    if change.meaningful is not None:
        key = "progress-mcid-met" if change.meaningful else "progress-mcid-not-met"
        parts.append(word(lang, key, mcid=_num(change.rule.mcid or 0)))
    if change.response:
        parts.append(word(lang, "progress-response"))
    if change.remission:
        parts.append(word(lang, "progress-remission", below=_num(change.rule.remission_below or 0)))
    return "; ".join(parts)


def _notes(measured: Instrument, lang: str) -> tuple[str, ...]:
    rule = measured.change
    if rule is None or rule.mcid is None:
        return (word(lang, "progress-no-mcid"),)
    return (word(lang, "progress-sources", sources=rule.source),)
