"""Reading loosely typed JSON (or CSV) values, with the problem named (internal)."""

import math
from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from typing import Any, TypeGuard, TypeVar

_T = TypeVar("_T")


class BadValueError(ValueError):
    """A value of the wrong shape; ``message`` says what was expected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def is_object(value: Any) -> TypeGuard[Mapping[str, Any]]:
    """True for a JSON object (a dict, tested first: cheaper than the Mapping ABC)."""
    return type(value) is dict or isinstance(value, Mapping)


def text(raw: Mapping[str, Any], key: str) -> str | None:
    """A non-empty string field (numbers are read as their text), else None."""
    value = raw.get(key)
    if type(value) is str:  # the common case, tested first: readers call this a lot
        value = value.strip()
        return value or None
    if value is None or isinstance(value, (dict, list, bool, Mapping)):
        return None
    value = str(value).strip()
    return value or None


def number(raw: Mapping[str, Any], key: str) -> float | None:
    """A number field (a numeric string, as CSV gives, is read too); None when absent."""
    value = raw.get(key)
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise BadValueError("expected a number")
    try:
        found = float(value)
    except OverflowError:  # an integer such as 10**400: no double holds it
        raise BadValueError("expected a finite number") from None
    except (TypeError, ValueError):
        raise BadValueError("expected a number") from None
    if not math.isfinite(found):
        raise BadValueError("expected a finite number")
    return found


def iso_date(raw: Mapping[str, Any], key: str) -> date | None:
    """A date field written YYYY-MM-DD (a date-time's date part is read)."""
    value = text(raw, key)
    if value is None:
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        raise BadValueError("expected a date as YYYY-MM-DD") from None


def instant(raw: Mapping[str, Any], key: str) -> datetime | None:
    """A FHIR instant (date, time and zone, e.g. ``meta.lastUpdated``) as an aware datetime."""
    value = text(raw, key)
    if value is None:
        return None
    try:
        found = datetime.fromisoformat(value)
    except ValueError:
        raise BadValueError("expected an instant: date, time and time zone") from None
    if found.tzinfo is None or "T" not in value:
        raise BadValueError("expected an instant: date, time and time zone")
    return found


def latest_change(records: Sequence[Any]) -> datetime | None:
    """The latest HSDS ``metadata.last_action_date`` among ``records``, as midnight UTC.

    HSDS keeps a change log rather than a timestamp; the Human Services Directory IG maps the
    latest ``last_action_date`` of a record to its ``meta.lastUpdated``. HSDS gives a date,
    so the day is what we know. Raises :class:`BadValueError` naming a bad date.
    """
    latest: date | None = None
    for record in records:
        if not is_object(record):
            raise BadValueError("expected metadata records (JSON objects)")
        day = iso_date(record, "last_action_date")
        if day is not None and (latest is None or day > latest):
            latest = day
    return None if latest is None else datetime(latest.year, latest.month, latest.day, tzinfo=UTC)


def objects(raw: Mapping[str, Any], key: str) -> Sequence[Any]:
    """A list field (absent or null: empty); anything else is a :class:`BadValueError`."""
    value = raw.get(key)
    if value is None:
        return ()
    if not isinstance(value, list):
        raise BadValueError("expected a list")
    return value


class Canon:
    """One shared instance per distinct frozen value, for the length of one load.

    Directories repeat themselves (the same languages, the same "free, no eligibility
    rules", the same postal codes on every service of an area): sharing equal values keeps
    100,000 services in memory without 100,000 copies of each.
    """

    __slots__ = ("_seen",)

    def __init__(self) -> None:
        self._seen: dict[Any, Any] = {}

    def __call__(self, value: _T) -> _T:
        """The shared instance equal to ``value`` (``value`` itself the first time)."""
        found: _T = self._seen.setdefault(value, value)
        return found
