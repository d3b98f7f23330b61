"""When a service meets: weekly sessions as minute ranges, so time questions are arithmetic.

Every session becomes a half-open range of minutes from Monday 00:00 local time (0..10080);
ranges are merged once, at load. "Is it open on Tuesday between 18:00 and 20:00?", "any
evening?" and "any weekend?" are then a few integer comparisons, cheap enough to ask of
100,000 services. Times are local to the service (``utc_offset_minutes`` or ``time_zone`` say
which local time when the directory told us).
"""

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import time

from commcare_ext.directory.vocabulary import Weekday

MINUTES_PER_DAY = 24 * 60
MINUTES_PER_WEEK = 7 * MINUTES_PER_DAY
#: Default edges of "evening" and of the working day, in minutes after midnight.
EVENING_STARTS = 17 * 60
DAY_STARTS = 8 * 60


def minute_of_day(value: time) -> int:
    """Minutes after midnight of ``value`` (seconds are dropped)."""
    return value.hour * 60 + value.minute


@dataclass(frozen=True, slots=True)
class Session:
    """One regular opening: a weekday, opening and closing minute (closing may be 1440).

    ``closes_minute <= opens_minute`` means the session runs past midnight into the next day.
    ``every_n_weeks`` > 1 or ``weeks_of_month`` (1-5, -1 for last) mark a session that does not
    happen every week (fortnightly, "first Tuesday"): it still counts as open that weekday, and
    :attr:`every_week` lets a caller add a caution.
    """

    weekday: Weekday
    opens_minute: int
    closes_minute: int
    every_n_weeks: int = 1
    weeks_of_month: tuple[int, ...] = ()

    @property
    def every_week(self) -> bool:
        """True for a session held every week."""
        return self.every_n_weeks == 1 and not self.weeks_of_month

    @property
    def opens(self) -> time:
        """Opening time of day."""
        return time(self.opens_minute // 60, self.opens_minute % 60)

    @property
    def closes(self) -> time:
        """Closing time of day (midnight for a session that closes at 24:00)."""
        minute = self.closes_minute % MINUTES_PER_DAY
        return time(minute // 60, minute % 60)

    def week_ranges(self) -> list[tuple[int, int]]:
        """The session as half-open minute-of-week ranges (split where it crosses Sunday)."""
        start = self.weekday * MINUTES_PER_DAY + self.opens_minute
        length = (self.closes_minute - self.opens_minute) % MINUTES_PER_DAY or MINUTES_PER_DAY
        end = start + length
        if end <= MINUTES_PER_WEEK:
            return [(start, end)]
        return [(start, MINUTES_PER_WEEK), (0, end - MINUTES_PER_WEEK)]


def _merge(ranges: Iterable[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)


@dataclass(frozen=True, slots=True)
class WeeklySchedule:
    """The regular weekly hours of a service, with its merged minute-of-week ranges.

    Build it with :meth:`of`; ``week_ranges`` is derived from ``sessions`` and kept sorted and
    non-overlapping so each question is a short scan.
    """

    sessions: tuple[Session, ...]
    week_ranges: tuple[tuple[int, int], ...]
    utc_offset_minutes: int | None = None
    time_zone: str | None = None
    notes: str | None = field(default=None, repr=False)

    @classmethod
    def of(
        cls,
        sessions: Iterable[Session],
        *,
        utc_offset_minutes: int | None = None,
        time_zone: str | None = None,
        notes: str | None = None,
    ) -> "WeeklySchedule":
        """A schedule of ``sessions`` with its ranges precomputed."""
        kept = tuple(sorted(sessions, key=lambda s: (s.weekday, s.opens_minute)))
        ranges = _merge(r for s in kept for r in s.week_ranges())
        return cls(kept, ranges, utc_offset_minutes, time_zone, notes)

    def merged_with(self, other: "WeeklySchedule") -> "WeeklySchedule":
        """One schedule holding the sessions of both (a service open at several sites)."""
        return WeeklySchedule.of(
            (*self.sessions, *other.sessions),
            utc_offset_minutes=self.utc_offset_minutes
            if self.utc_offset_minutes is not None
            else other.utc_offset_minutes,
            time_zone=self.time_zone or other.time_zone,
            notes=self.notes or other.notes,
        )

    def overlaps_minutes(self, start: int, end: int) -> bool:
        """True when any session overlaps the minute-of-week range ``[start, end)``."""
        for range_start, range_end in self.week_ranges:
            if range_start >= end:
                return False
            if range_end > start:
                return True
        return False

    def covers_minutes(self, start: int, end: int) -> bool:
        """True when one session spans the whole minute-of-week range ``[start, end)``."""
        return any(s <= start and end <= e for s, e in self.week_ranges)

    def open_during(self, day: Weekday, start: time, end: time | None = None) -> bool:
        """True when the service meets at some point between ``start`` and ``end`` on ``day``.

        ``end`` None (or midnight) means until the end of that day. A group from 18:00 to 19:30
        is open during Tuesday 17:00-22:00: the person can attend it.
        """
        first = day * MINUTES_PER_DAY + minute_of_day(start)
        last_minute = minute_of_day(end) if end is not None else 0
        last = day * MINUTES_PER_DAY + (last_minute or MINUTES_PER_DAY)
        return self.overlaps_minutes(first, last)

    def open_throughout(self, day: Weekday, start: time, end: time) -> bool:
        """True when the service is open for the whole of ``start``-``end`` on ``day``."""
        last = minute_of_day(end) or MINUTES_PER_DAY
        return self.covers_minutes(
            day * MINUTES_PER_DAY + minute_of_day(start), day * MINUTES_PER_DAY + last
        )

    def open_evenings(self, after: time = time(17, 0)) -> bool:
        """True when it meets after ``after`` (default 17:00) on at least one day."""
        return any(self.open_during(day, after) for day in Weekday)

    def open_weekends(self) -> bool:
        """True when it meets on Saturday or Sunday."""
        return self.overlaps_minutes(Weekday.SATURDAY * MINUTES_PER_DAY, MINUTES_PER_WEEK)

    @property
    def days_open(self) -> frozenset[Weekday]:
        """The weekdays with at least one session starting on them."""
        return frozenset(s.weekday for s in self.sessions)

    @property
    def every_week(self) -> bool:
        """True when every session is held weekly (no fortnightly or monthly meetings)."""
        return all(s.every_week for s in self.sessions)

    @property
    def always_open(self) -> bool:
        """True for a service open around the clock (a 24/7 line)."""
        return self.week_ranges == ((0, MINUTES_PER_WEEK),)
