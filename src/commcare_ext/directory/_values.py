"""Reading loosely typed JSON (or CSV) values, with the problem named (internal)."""

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any


class BadValueError(ValueError):
    """A value of the wrong shape; ``message`` says what was expected."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def text(raw: Mapping[str, Any], key: str) -> str | None:
    """A non-empty string field (numbers are read as their text), else None."""
    value = raw.get(key)
    if value is None or isinstance(value, (Mapping, list, bool)):
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
        return float(value)
    except (TypeError, ValueError):
        raise BadValueError("expected a number") from None


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
