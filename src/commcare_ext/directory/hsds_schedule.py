"""HSDS 3.0 ``schedule`` records -> :class:`WeeklySchedule` (internal to the HSDS reader).

HSDS writes hours as an iCalendar RRULE cut into fields (``freq``, ``byday``, ``interval``)
plus ``opens_at``/``closes_at``. We read what is a regular weekly rhythm: WEEKLY rules, and
MONTHLY rules by weekday ("first Tuesday"), kept with :attr:`Session.every_week` False. A
schedule we cannot read as weekly hours (monthly dates, no times, expired) is reported and
left out; it never turns into invented hours.
"""

import re
from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import BadValueError, is_object, number
from commcare_ext.directory.schedule import MINUTES_PER_DAY, Session, WeeklySchedule
from commcare_ext.directory.vocabulary import Weekday

#: Fields that state hours; a schedule record with none of them says nothing about hours.
_HOURS_FIELDS = ("opens_at", "closes_at", "freq", "byday", "dtstart", "valid_from")
_DAYS = {"MO": 0, "TU": 1, "WE": 2, "TH": 3, "FR": 4, "SA": 5, "SU": 6}
_BYDAY = re.compile(r"^([+-]?[1-5])?(MO|TU|WE|TH|FR|SA|SU)$")
_TIME = re.compile(r"^([01]\d|2[0-4]):([0-5]\d)(?::[0-5]\d(?:\.\d+)?)?(Z|[+-]\d\d:?\d\d)?$")


class _Bad(Exception):  # noqa: N818 - internal signal: this schedule is unreadable
    def __init__(self, field: str, message: str) -> None:
        super().__init__(message)
        self.field = field
        self.message = message


def _clock(value: Any, field: str) -> tuple[int, int | None]:
    """Minutes after midnight and the UTC offset in minutes the time carried, if any."""
    if not isinstance(value, str) or not (match := _TIME.match(value.strip())):
        raise _Bad(field, "expected a time as HH:MM (optionally :SS and a UTC offset)")
    hours, minutes, zone = int(match[1]), int(match[2]), match[3]
    if hours == 24 and minutes:
        raise _Bad(field, "expected a time no later than 24:00")
    offset: int | None = None
    if zone == "Z":
        offset = 0
    elif zone:
        digits = zone[1:].replace(":", "")
        offset = (int(digits[:2]) * 60 + int(digits[2:])) * (-1 if zone[0] == "-" else 1)
    return hours * 60 + minutes, offset


def _date(value: Any, field: str) -> date | None:
    if value in (None, ""):
        return None
    try:
        return date.fromisoformat(str(value)[:10])
    except ValueError:
        raise _Bad(field, "expected a date as YYYY-MM-DD") from None


def _days(raw: Mapping[str, Any], freq: str) -> list[tuple[Weekday, tuple[int, ...]]]:
    byday = raw.get("byday")
    if byday in (None, ""):
        start = _date(raw.get("dtstart"), "dtstart")
        if freq == "WEEKLY" and start is not None:
            return [(Weekday(start.weekday()), ())]
        raise _Bad("byday", "expected the days it meets (e.g. 'MO,WE')")
    found: list[tuple[Weekday, tuple[int, ...]]] = []
    for token in str(byday).upper().replace(" ", "").split(","):
        if not (match := _BYDAY.match(token)):
            raise _Bad("byday", "expected days as MO, TU, WE, TH, FR, SA, SU (monthly: 1TU, -1FR)")
        if match[1] and freq != "MONTHLY":
            raise _Bad("byday", "a week number (e.g. '1TU') needs freq MONTHLY")
        found.append((Weekday(_DAYS[match[2]]), (int(match[1]),) if match[1] else ()))
    return found


def _interval(raw: Mapping[str, Any]) -> int:
    try:
        weeks = number(raw, "interval")
    except BadValueError:
        raise _Bad("interval", "expected a whole number of weeks") from None
    if weeks is None:
        return 1
    if weeks < 1 or weeks != int(weeks):
        raise _Bad("interval", "expected a whole number of at least 1")
    return int(weeks)


def _offset_hours(raw: Mapping[str, Any]) -> int | None:
    try:
        hours = number(raw, "timezone")
    except BadValueError:
        raise _Bad("timezone", "expected a UTC offset in hours, e.g. -7") from None
    if hours is None:
        return None
    if not -14 <= hours <= 14:
        raise _Bad("timezone", "expected a UTC offset between -14 and 14 hours")
    return round(hours * 60)


def _sessions(raw: Mapping[str, Any], today: date) -> tuple[list[Session], int | None]:
    freq = str(raw.get("freq") or "WEEKLY").upper()
    if freq not in ("WEEKLY", "MONTHLY"):
        raise _Bad("freq", "expected WEEKLY or MONTHLY")
    ends = [_date(raw.get("valid_to"), "valid_to"), _date(raw.get("until"), "until")]
    if any(end is not None and end < today for end in ends):
        raise _Bad("valid_to", "the schedule has ended")
    begins = _date(raw.get("valid_from"), "valid_from")
    if begins is not None and begins > today:
        raise _Bad("valid_from", "the schedule has not started yet")
    if freq == "MONTHLY" and raw.get("bymonthday") not in (None, "") and not raw.get("byday"):
        raise _Bad("bymonthday", "dates of the month are not regular weekly hours")
    if raw.get("opens_at") in (None, "") and raw.get("closes_at") in (None, ""):
        raise _Bad("opens_at", "expected opening and closing times")
    opens, opens_offset = _clock(raw.get("opens_at"), "opens_at")
    closes, closes_offset = _clock(raw.get("closes_at"), "closes_at")
    if opens == closes and opens != 0:
        raise _Bad("closes_at", "expected a closing time different from the opening time")
    if opens == MINUTES_PER_DAY:
        raise _Bad("opens_at", "expected an opening time before 24:00")
    offset = opens_offset if opens_offset is not None else closes_offset
    if offset is None:
        offset = _offset_hours(raw)
    every = _interval(raw) if freq == "WEEKLY" else 1
    monthly = freq == "MONTHLY"
    sessions = [
        Session(day, opens, closes or MINUTES_PER_DAY, every, weeks or ((0,) if monthly else ()))
        for day, weeks in _days(raw, freq)
    ]
    # A MONTHLY rule by plain weekday ("every Tuesday of the month") is weekly in effect.
    sessions = [
        Session(s.weekday, s.opens_minute, s.closes_minute, s.every_n_weeks, ())
        if s.weeks_of_month == (0,)
        else s
        for s in sessions
    ]
    return sessions, offset


def read_schedules(
    records: Sequence[Any], problems: Problems, today: date, time_zone: str | None = None
) -> WeeklySchedule | None:
    """One weekly schedule from HSDS schedule records; unreadable ones are reported, not used.

    None when no record gave regular hours (the service's hours are unknown).
    """
    sessions: list[Session] = []
    offset: int | None = None
    notes: list[str] = []
    for index, raw in enumerate(records):
        if not is_object(raw):
            problems.skipped("schedule", None, f"schedules[{index}]", "expected an object")
            continue
        record_id = str(raw["id"]) if raw.get("id") not in (None, "") else None
        for key in ("description", "notes"):
            if isinstance(raw.get(key), str) and raw[key].strip():
                notes.append(raw[key].strip())
        if not any(raw.get(k) not in (None, "") for k in _HOURS_FIELDS):
            continue  # only how to attend (attending_type) or notes: not hours to read
        try:
            found, found_offset = _sessions(raw, today)
        except _Bad as bad:
            problems.skipped("schedule", record_id, bad.field, bad.message)
            continue
        sessions.extend(found)
        if offset is None:
            offset = found_offset
    if not sessions:
        return None
    return WeeklySchedule.of(
        sessions,
        utc_offset_minutes=offset,
        time_zone=time_zone,
        notes="\n".join(dict.fromkeys(notes)) or None,
    )
