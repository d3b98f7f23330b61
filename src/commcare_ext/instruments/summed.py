"""Summed-score instruments (PHQ-9, GAD-7): the total is the exact sum of every item.

The missing-item rule is the conservative one the instruments' definition gives: the
total *is* the sum of all items (the LOINC total-score terms say "add up all checked
boxes"), and we found no imputation rule published by the instruments' authors that we
could confirm. So with any item unanswered there is no total and no band (status
``NOT_SCORED``, saying how many were answered), never a guess. Critical items raise their
safety prompt whatever the total, answered or not.
"""

from collections.abc import Mapping

from commcare_ext.fhir.code import Code
from commcare_ext.instruments.protocol import (
    PARAPHRASE,
    Instrument,
    InstrumentScore,
    ScaleResult,
    Wording,
)

#: The missing-item rule, for people (``Instrument.missing_rule_en``).
ALL_ITEMS_RULE = (
    "the total is the sum of every item, so it needs all items answered; with any item "
    "missing there is no total (no imputation rule by the instrument's authors confirmed)"
)


class SummedInstrument(Instrument):
    """An instrument whose one result is the sum of its items, placed in published bands.

    Subclasses set the protocol's attributes and ``total`` (the total score's code).
    """

    total: Code
    total_name_en = "Total score"
    missing_rule_en = ALL_ITEMS_RULE

    def result_codes(self) -> tuple[Code, ...]:
        """The total score's code."""
        return (self.total,)

    def result_names(self) -> dict[str, str]:
        """The one result: the total."""
        return {"total": self.total_name_en}

    def primary_range(self) -> tuple[float, float]:
        """0 to the highest possible total."""
        return (0.0, float(self.max_total()))

    def max_total(self) -> int:
        """The highest possible total (every item at its scale's top)."""
        return sum(max(p.value for p in self.scale_of(item)) for item in self.items)

    def score(self, answers: Mapping[int, int], wording: Wording = PARAPHRASE) -> InstrumentScore:
        """The exact sum, its band, and any critical item's safety prompt."""
        numbers = tuple(item.number for item in self.items)
        used = tuple(n for n in numbers if n in answers)
        missing = tuple(n for n in numbers if n not in answers)
        value: int | None = None if missing else sum(answers[n] for n in numbers)
        band = None if value is None else self.band_for(value)
        shown = ""
        if value is not None:
            shown = f"{value} of {self.max_total()}"
            if band is not None:
                shown += f" ({band.label_en})"
        result = ScaleResult(
            "total",
            self.total_name_en,
            self.total,
            used,
            missing,
            None if value is None else float(value),
            band,
            shown_en=shown,
            rule_en="all items are needed for a total",
            display_en="" if value is None else str(value),
        )
        return InstrumentScore(self.id, (result,), wording, self.critical_prompts(answers))
