"""Reading loosely typed JSON (or CSV) values, with the problem named (internal)."""

import math
from collections.abc import Mapping, Sequence
from datetime import date
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
