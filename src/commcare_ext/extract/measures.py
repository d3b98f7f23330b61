"""Any instrument's answers as Observations: items, results, and a panel with ``hasMember``.

One mapping for every instrument and for both places an instrument is administered (the
intake's extraction and the follow-up's transaction), so a score Observation is written in
one place only. Following SDC observation-based extraction: an item Observation per answer;
a result Observation per score (``derivedFrom`` the items it used, and the baseline result it
is compared with at follow-up); a panel grouping them with ``hasMember``. Where the
Observations go (ids, identifiers, profiles, disclosure) is the :class:`ObservationSink`'s
business; the sink adds ``derivedFrom`` the QuestionnaireResponse itself.

Each result states the wording the person saw: a score from our paraphrase is marked as
such in its ``note``, since the instrument is validated only in its exact wording.
"""

from collections.abc import Mapping, Sequence
from typing import Any, Protocol

from commcare_ext.extract._common import concept
from commcare_ext.instruments import (
    PARAPHRASE,
    Instrument,
    InstrumentAnswers,
    InstrumentDomain,
    InstrumentScore,
    ScaleResult,
    Wording,
)
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import UCUM


class ObservationSink(Protocol):
    """Where a mapped Observation goes; returns the reference other Observations use."""

    def observation(  # noqa: PLR0917 - the parts of one Observation
        self,
        role: str,
        code: Code,
        value: dict[str, Any],
        shown: str,
        domain: InstrumentDomain,
        derived_from: Sequence[str],
    ) -> str:
        """Add one Observation (role: the stable stem of its id and identifier)."""
        ...


def code_key(code: Code) -> str:
    """``system|code``: how a baseline Observation is looked up by what it codes."""
    return f"{code.system}|{code.code}"


def measure_observations(
    sink: ObservationSink,
    instrument: Instrument,
    given: InstrumentAnswers,
    baseline: Mapping[str, str] | None = None,
) -> InstrumentScore:
    """Write ``given`` as item, result and panel Observations into ``sink``; return the score.

    ``baseline`` maps ``system|code`` of a baseline result (and of the panel) to its
    Observation, which the new one is then also ``derivedFrom``.
    """
    linked = baseline or {}
    domain = instrument.domain
    members: list[str] = []
    item_refs: dict[int, str] = {}
    for item in instrument.items:
        value = given.answers.get(item.number)
        if value is None:
            continue
        point = next(p for p in instrument.scale_of(item) if p.value == value)
        reference = sink.observation(
            f"{instrument.role}-item-{item.number:02d}",
            item.code,
            {"valueCodeableConcept": concept(point.code)},
            point.code.display,
            domain,
            (),
        )
        members.append(reference)
        item_refs[item.number] = reference
    score = instrument.score(given.answers, given.wording)
    for result in score.results:
        value_part = result_value(result, score.wording)
        if value_part is None:
            continue
        derived = [item_refs[n] for n in sorted(result.items_used) if n in item_refs]
        if (earlier := linked.get(code_key(result.code))) is not None:
            derived.append(earlier)
        members.append(
            sink.observation(
                f"{instrument.role}-score-{result.key}",
                result.code,
                value_part,
                result.shown_en or _shown(result),
                domain,
                derived,
            )
        )
    earlier_panel = linked.get(code_key(instrument.panel))
    sink.observation(
        f"{instrument.role}-panel",
        instrument.panel,
        {"hasMember": [{"reference": m} for m in members]},
        f"{len(members)} results",
        domain,
        [earlier_panel] if earlier_panel else [],
    )
    return score


def result_value(result: ScaleResult, wording: Wording = PARAPHRASE) -> dict[str, Any] | None:
    """The ``value[x]``, ``interpretation`` and ``note`` of a result; ``None``: not scored.

    The notes say how many items were answered and which wording was used.
    """
    band = result.band
    out: dict[str, Any] = {}
    if result.value is not None:
        out["valueQuantity"] = {
            "value": round(result.value, 4),
            "unit": "{score}",
            "system": UCUM,
            "code": "{score}",
        }
        if band is not None:
            out["interpretation"] = [_band_concept(band.label_en, band.code)]
    elif band is not None:
        out["valueCodeableConcept"] = _band_concept(band.label_en, band.code)
    else:
        return None
    # a second note says which wording the answers were given to: a score from our
    # paraphrase is not the validated instrument's score, and says so
    out["note"] = [
        {"text": result.note_en or _items_note(result)},
        {"text": f"Wording: {wording.describe_en()}"},
    ]
    return out


def _band_concept(label: str, code: Code | None) -> dict[str, Any]:
    return concept(code, text=label) if code is not None else {"text": label}


def _items_note(result: ScaleResult) -> str:
    return f"items answered: {result.items_answered} of {result.items_total}"


def _shown(result: ScaleResult) -> str:
    value = "" if result.value is None else f"{result.value:g}"
    band = "" if result.band is None else result.band.label_en
    return f"{value} ({band})" if value and band else value or band
