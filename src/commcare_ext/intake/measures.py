"""The intake's measures: every instrument administered, by instrument id, checked by it.

``Intake.measures`` maps an instrument id (``mos-sss``, ``phq-9``) to its answers. The
registry knows each instrument, so the check here names no instrument: an unknown id, an
unknown item or a value off the item's scale is reported by instrument and item, never by
the value given. The MOS-SSS was once its own field (``social_support``); intakes written
that way still read, into ``measures["mos-sss"]``.
"""

from collections.abc import Mapping
from typing import Any, Final

from commcare_ext.instruments import (
    InstrumentAnswers,
    MosSocialSupport,
    UnknownInstrumentError,
    instrument,
    registered,
)

#: The former field of the MOS-SSS answers, and the instrument it now names.
LEGACY_FIELDS: Final = {"social_support": "mos-sss"}


def lift_legacy_fields(data: Any) -> Any:
    """Move answers given under a former field (``social_support``) into ``measures``."""
    if not isinstance(data, Mapping) or not any(f in data for f in LEGACY_FIELDS):
        return data
    lifted = dict(data)
    measures = dict(lifted.get("measures") or {})
    for name, instrument_id in LEGACY_FIELDS.items():
        value = lifted.pop(name, None)
        if value is None:
            continue
        if instrument_id in measures:
            msg = f"{name}: given twice (also as measures[{instrument_id!r}])"
            raise ValueError(msg)
        if isinstance(value, MosSocialSupport):
            value = {"answers": value.answers}
        measures[instrument_id] = value
    lifted["measures"] = measures
    return lifted


def check_measures(measures: Mapping[str, InstrumentAnswers]) -> dict[str, InstrumentAnswers]:
    """Every problem at once, by instrument and item; the measures in registry order.

    Registry (form) order, whatever order they came in, so extraction writes the same
    Observations in the same order however the intake was built.
    """
    problems: list[str] = []
    for instrument_id, given in measures.items():
        try:
            known = instrument(instrument_id)
        except UnknownInstrumentError as error:
            problems.append(str(error))
            continue
        problems.extend(f"{known.name_en} {p}" for p in known.check_answers(given.answers))
    if problems:
        raise ValueError("measures: " + "; ".join(problems))
    order = {known.id: index for index, known in enumerate(registered())}
    return dict(sorted(measures.items(), key=lambda item: order[item[0]]))
