"""The registry: every instrument the library knows, in the order the form shows them.

The form, extraction, the summary and the follow-up loop over :func:`registered` (or a
clinic's :func:`selection`) and never name an instrument, so a plug-in registered here
reaches all of them.
"""

from collections.abc import Iterable

from commcare_ext.errors import CommcareError
from commcare_ext.instruments.protocol import Instrument

_REGISTRY: dict[str, Instrument] = {}


class UnknownInstrumentError(CommcareError, KeyError):
    """An instrument id that is not registered; the message lists the known ones."""

    def __init__(self, instrument_id: str) -> None:
        self.instrument_id = instrument_id
        known = ", ".join(_REGISTRY) or "none"
        super().__init__(f"unknown instrument {instrument_id!r}; registered: {known}")

    def __str__(self) -> str:
        return str(self.args[0])


def register(instrument: Instrument) -> Instrument:
    """Add ``instrument`` (its ``id`` must be new); returns it, to use as a one-liner."""
    if instrument.id in _REGISTRY and _REGISTRY[instrument.id] is not instrument:
        msg = f"instrument {instrument.id!r} is already registered"
        raise ValueError(msg)
    _REGISTRY[instrument.id] = instrument
    return instrument


def instrument(instrument_id: str) -> Instrument:
    """The registered instrument ``instrument_id``, or :class:`UnknownInstrumentError`."""
    try:
        return _REGISTRY[instrument_id]
    except KeyError:
        raise UnknownInstrumentError(instrument_id) from None


def registered() -> tuple[Instrument, ...]:
    """Every registered instrument, in registration (form) order."""
    return tuple(_REGISTRY.values())


def selection(ids: Iterable[str] | None) -> tuple[Instrument, ...]:
    """A clinic's chosen instruments in form order (``None``: those included by default).

    Unknown ids raise :class:`UnknownInstrumentError`.
    """
    if ids is None:
        return tuple(i for i in registered() if i.in_intake_by_default)
    chosen = {instrument(i).id for i in ids}
    return tuple(i for i in registered() if i.id in chosen)
