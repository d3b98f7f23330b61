"""Each instrument the intake measured, as a summary section, in the summary's language.

Built from the Instrument protocol alone: one table row per result (name, score with its
band, items answered), the instrument's own explanation, which wording was used, and a
safety alert when a critical item or a categorical result signals risk.
"""

from collections.abc import Mapping

from commcare_ext.instruments import (
    Instrument,
    InstrumentAnswers,
    InstrumentScore,
    SafetyLevel,
    ScaleResult,
    ScoreStatus,
    instrument,
)
from commcare_ext.summary.parts import Section
from commcare_ext.summary.words import band_word, instrument_word, word
from commcare_ext.terminology.catalogue import translate


def measure_sections(measures: Mapping[str, InstrumentAnswers], lang: str) -> list[Section]:
    """One section per instrument administered, in the order they were given."""
    sections = []
    for instrument_id, given in measures.items():
        measured = instrument(instrument_id)
        score = measured.score(given.answers, given.wording)
        sections.append(measure_section(measured, score, lang))
    return sections


def result_name(measured: Instrument, result: ScaleResult, lang: str) -> str:
    """A result's name (``Total score``, a subscale) in ``lang``."""
    return translate(lang, result.name_en, f"{measured.id}-scale:{result.key}")


def shown_score(measured: Instrument, result: ScaleResult, lang: str) -> str:
    """The score as the summary shows it: number and band, or why there is none."""
    if result.status is ScoreStatus.NOT_SCORED:
        return word(lang, "not-scored")
    number = result.display_en or ("" if result.value is None else f"{result.value:g}")
    band = "" if result.band is None else band_word(lang, measured, result.band)
    return " — ".join(p for p in (number, band) if p)


def safety_alert(measured: Instrument, score: InstrumentScore, lang: str) -> str | None:
    """The alert a safety prompt raises, in ``lang``; ``None`` when nothing signals risk."""
    prompt = score.safety_prompt
    if prompt is None:
        return None
    key = "safety-urgent" if prompt.level is SafetyLevel.URGENT else "safety-review"
    items = ", ".join(str(n) for n in prompt.items)
    return word(lang, key, instrument=measured.name_en, items=items)


def measure_section(measured: Instrument, score: InstrumentScore, lang: str) -> Section:
    """The section of one administered instrument."""
    rows = [
        (
            result_name(measured, result, lang),
            shown_score(measured, result, lang),
            word(
                lang,
                "answered-of",
                answered=str(result.items_answered),
                total=str(result.items_total),
            ),
        )
        for result in score.results
    ]
    notes = [instrument_word(lang, measured, "note")]
    if not score.wording.is_exact:
        notes.append(f"{word(lang, 'wording')}: {word(lang, 'wording-paraphrase')}")
    else:
        notes.append(
            f"{word(lang, 'wording')}: "
            + word(lang, "wording-exact", source=score.wording.source or "")
        )
    return Section(
        instrument_word(lang, measured, "title"),
        table_header=(
            word(lang, "col-scale"),
            instrument_word(lang, measured, "score"),
            word(lang, "col-answered"),
        ),
        table=rows,
        table_own_words=(False, False, False),
        alert=safety_alert(measured, score, lang),
        notes=tuple(n for n in notes if n),
    )
