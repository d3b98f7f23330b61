"""The hard constraints about reaching a service: devices, travel, and hours.

Distances are great-circle kilometres (haversine) from the person to the nearest site with
coordinates; hours are minute-of-week ranges in the service's local time, compared with the
person's free hours as if both were in the same time zone (a clinic matches locally).
"""

from typing import Final

from commcare_ext.directory import Service, ServiceMode, distance_km
from commcare_ext.matching.constraints import Check, Notes
from commcare_ext.matching.findings import (
    CautionCode,
    Constraint,
    ReasonCode,
    Unmet,
    UnmetCode,
    caution,
    reason,
    unmet,
)
from commcare_ext.matching.person import MINUTES_PER_DAY, Person

#: A service fits the person's hours when it is open, without a break, for this many minutes
#: of a time they are free (or for the whole opening, or the whole free time, if shorter).
MIN_OVERLAP_MINUTES: Final = 60
_ASYNCHRONOUS = frozenset({ServiceMode.TEXT})


def _modes(modes: frozenset[ServiceMode]) -> tuple[str, ...]:
    return tuple(sorted(m.value for m in modes))


#: Kilometres per degree of latitude: a site farther north or south than the limit allows
#: is out of reach without computing the great-circle distance.
_KM_PER_DEGREE_LATITUDE: Final = 111.19


def _within(
    service: Service, location: tuple[float, float] | None, postal: str | None, limit: float
) -> bool:
    """True when a site is within ``limit`` km (or, uncomputable, in the person's postal code)."""
    for site in service.locations:
        site_lat, site_lon = site.latitude, site.longitude
        if location is None or site_lat is None or site_lon is None:
            if postal is not None and site.postal_code == postal:
                return True
            continue
        if abs(site_lat - location[0]) * _KM_PER_DEGREE_LATITUDE > limit:
            continue
        if distance_km(location[0], location[1], site_lat, site_lon) <= limit:
            return True
    return False


def _postal_only(
    service: Service, location: tuple[float, float] | None, postal: str | None
) -> bool:
    """True when a site without a computable distance is in the person's postal code."""
    return postal is not None and any(
        site.postal_code == postal
        and (location is None or site.latitude is None or site.longitude is None)
        for site in service.locations
    )


def nearest_km(service: Service, location: tuple[float, float] | None) -> float | None:
    """Kilometres from ``location`` to the service's nearest site with coordinates."""
    if location is None:
        return None
    lat, lon = location
    best: float | None = None
    for site in service.locations:
        if site.latitude is not None and site.longitude is not None:
            km = distance_km(lat, lon, site.latitude, site.longitude)
            if best is None or km < best:
                best = km
    return best


class DigitalAccessCheck(Check):
    """When digital access is a barrier, the service is not remote-only."""

    constraint = Constraint.DIGITAL_ACCESS

    def __init__(self, person: Person) -> None:
        self.binding = person.digital_barrier
        in_person = ServiceMode.IN_PERSON

        def fails(service: Service) -> bool:
            modes = service.modes
            return bool(modes) and in_person not in modes

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The only ways it offers."""
        return unmet(UnmetCode.REMOTE_ONLY, modes=_modes(service.modes))


class ReachableCheck(Check):
    """The person can take part: a remote way that works for them, or a site within reach.

    A remote way counts when the service offers it, the person is willing to use it and
    nothing they said rules it out (no phone, no video-capable internet). In person counts
    when the person is willing and, if a travel limit applies, a site is within it; where no
    distance can be computed (coordinates missing on either side) a site in the person's own
    postal code counts. (The directory readers take a service that has sites but states no
    way of taking part to meet in person.)
    """

    constraint = Constraint.REACHABLE

    def __init__(self, person: Person) -> None:
        self.remote = remote = person.remote_modes
        self.in_person_ok = in_person_ok = person.in_person_ok
        self.limit = limit = person.travel_limit_km
        self.location = location = person.location
        self.postal = postal = person.postal_code
        in_person = ServiceMode.IN_PERSON

        def fails(service: Service) -> bool:
            modes = service.modes
            if not remote.isdisjoint(modes):
                return False
            if in_person not in modes or not in_person_ok:
                return True
            return limit is not None and not _within(service, location, postal, limit)

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The ways offered and usable, or the distance and the limit."""
        modes = service.modes
        if ServiceMode.IN_PERSON not in modes or not self.in_person_ok:
            usable = self.remote | ({ServiceMode.IN_PERSON} if self.in_person_ok else frozenset())
            return unmet(UnmetCode.NO_USABLE_MODE, offered=_modes(modes), usable=_modes(usable))
        limit = round(self.limit or 0.0, 1)
        km = nearest_km(service, self.location)
        if km is not None:
            return unmet(UnmetCode.TOO_FAR, nearest_km=round(km, 1), limit_km=limit)
        return unmet(UnmetCode.DISTANCE_UNKNOWN, limit_km=limit)

    def notes(self, service: Service, found: Notes) -> None:
        """Names the ways the person can take part, and the distance."""
        remote = self.remote & service.modes
        if remote:
            found.reasons.append(reason(ReasonCode.REMOTE_WAYS, modes=_modes(remote)))
        if ServiceMode.IN_PERSON not in service.modes or not self.in_person_ok:
            return
        km = nearest_km(service, self.location)
        if km is not None and (self.limit is None or km <= self.limit):
            found.reasons.append(reason(ReasonCode.NEARBY, km=round(km, 1)))
        elif _postal_only(service, self.location, self.postal):
            found.reasons.append(reason(ReasonCode.SAME_POSTAL_CODE))
            found.cautions.append(caution(CautionCode.DISTANCE_BY_POSTAL_CODE))
        elif not remote and self.location is None:
            found.cautions.append(caution(CautionCode.DISTANCE_UNCHECKED))


def fitting_stretch(
    open_ranges: tuple[tuple[int, int], ...], free: tuple[tuple[int, int], ...]
) -> tuple[int, int] | None:
    """The first stretch (minute-of-week range) when the service is open and the person free.

    It must last :data:`MIN_OVERLAP_MINUTES`, or the whole opening or free time if shorter.
    Both inputs are sorted and non-overlapping.
    """
    for start, end in open_ranges:
        for free_start, free_end in free:
            if free_start >= end:
                break
            overlap = min(end, free_end) - max(start, free_start)
            if overlap > 0 and overlap >= min(
                MIN_OVERLAP_MINUTES, end - start, free_end - free_start
            ):
                return (max(start, free_start), min(end, free_end))
    return None


def _clock(minute_of_week: int) -> tuple[int, str]:
    day, minute = divmod(minute_of_week, MINUTES_PER_DAY)
    if minute == 0 and day > 0:
        return day - 1, "24:00"
    return day, f"{minute // 60:02d}:{minute % 60:02d}"


class HoursCheck(Check):
    """When the person said when they are free, the service is open at one of those times.

    A service that lists no hours fails, unless it is text-only (chat or forums are there
    whenever the person is); when the person gave no times the constraint does not bind.
    """

    constraint = Constraint.HOURS

    def __init__(self, person: Person) -> None:
        self.free = free = person.availability
        self.binding = bool(free)
        self.work_hours_barrier = person.work_hours_barrier

        def fails(service: Service) -> bool:
            schedule = service.schedule
            if schedule is None:
                return not (service.modes and service.modes <= _ASYNCHRONOUS)
            return fitting_stretch(schedule.week_ranges, free) is None

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """That no hours are listed, or that none fit."""
        if service.schedule is None:
            return unmet(UnmetCode.HOURS_NOT_STATED)
        return unmet(UnmetCode.HOURS_DO_NOT_FIT)

    def notes(self, service: Service, found: Notes) -> None:
        """Names a time that fits; cautions about hours not listed or not weekly."""
        schedule = service.schedule
        if schedule is None:
            found.cautions.append(caution(CautionCode.HOURS_NOT_LISTED))
            return
        if not schedule.every_week:
            found.cautions.append(caution(CautionCode.NOT_EVERY_WEEK))
        if not self.free:
            if self.work_hours_barrier:
                found.cautions.append(caution(CautionCode.HOURS_NOT_COMPARED))
            return
        stretch = fitting_stretch(schedule.week_ranges, self.free)
        if stretch is not None:
            day, opens = _clock(stretch[0])
            _, closes = _clock(stretch[1])
            found.reasons.append(reason(ReasonCode.FITS_HOURS, day=day, start=opens, end=closes))
