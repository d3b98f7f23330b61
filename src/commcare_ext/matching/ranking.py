"""Ranking among services that meet every hard constraint: whole points, ties by service id.

A service's score depends only on that service and the person, never on the other services,
so adding a service to the directory never reorders the rest. Points (see docs/matching.md):

==============================================  ==========================================
staff speak the preferred language              +30 (another of the person's languages +20)
interpreter in person or by video / phone only  +10 / +5 (when staff do not speak it)
faith-based, when faith support was asked for   +10; same tradition +15; other tradition -10
cultural focus on the person's community        +20 if "important", +10 if "preferred"
restricted to a group the person belongs to     +10 (a focus on them)
welcomes a group the person belongs to          +5
kind of help unknown to every taxonomy mapping  -15 (shown for a person to judge)
peer-led, when peer support was asked for       +15
distance to the nearest site                    up to +15, falling to 0 at the travel limit
hours: each weekday with a fitting stretch      +3 (at most +15)
unmarked site / neutral caller name             +5 each, when the person has stigma worries
not accepting new clients                       -20
waitlist                                        -5, and -1 per week of wait (at most -10)
verified within 6 months / >12 months / never   +5 / -5 / -10
==============================================  ==========================================
"""

from typing import Final

from commcare_ext.directory import InterpretationMode, Service, ServiceMode
from commcare_ext.intake import DiscreetContact
from commcare_ext.matching.constraints import Notes
from commcare_ext.matching.findings import CautionCode, ReasonCode, caution, reason
from commcare_ext.matching.person import MINUTES_PER_DAY, USUAL_LIMIT_KM, Person
from commcare_ext.matching.reach import fitting_stretch, nearest_km

RECENT_MONTHS: Final = 6
STALE_MONTHS: Final = 12
_DISTANCE_POINTS: Final = 15
_HOURS_POINTS_PER_DAY: Final = 3
_HOURS_POINTS_MAX: Final = 15
_FOCUS_POINTS: Final = 10
_UNKNOWN_KIND: Final = 15


def _sorted(values: frozenset[str]) -> tuple[str, ...]:
    return tuple(sorted(values))


class Ranker:
    """Scores services for one person and adds the ranking's reasons and cautions."""

    def __init__(self, person: Person) -> None:
        self.person = person
        self.free_by_day: dict[int, tuple[tuple[int, int], ...]] = {}
        for start, end in person.availability:
            day = start // MINUTES_PER_DAY
            self.free_by_day[day] = (*self.free_by_day.get(day, ()), (start, end))

    def score(self, service: Service, found: Notes | None = None) -> int:
        """The service's points; with ``found``, the reasons and cautions for them too."""
        return (
            self._language(service)
            + self._faith(service, found)
            + self._culture(service, found)
            + self._peer(service, found)
            + self._distance(service)
            + self._hours(service)
            + self._discretion(service, found)
            + self._capacity(service, found)
            + self._verification(service, found)
            + self._focus(service)
            - (_UNKNOWN_KIND if not service.support_types else 0)
        )

    def _language(self, service: Service) -> int:
        access, person = service.languages, self.person
        preferred = person.languages[0].split("-", 1)[0]
        if preferred in access.staff_primary_languages:
            return 30
        if not person.language_primaries.isdisjoint(access.staff_primary_languages):
            return 20
        if not access.interprets(person.language_primaries):
            return 0
        if access.interpretation & {InterpretationMode.IN_PERSON, InterpretationMode.VIDEO}:
            return 10
        return 5

    def _faith(self, service: Service, found: Notes | None) -> int:
        traditions = service.cultural_fit.faith_traditions
        if not self.person.wants_faith or not traditions:
            return 0
        shared = traditions & self.person.faith_traditions
        if shared:
            if found is not None:
                found.reasons.append(reason(ReasonCode.FAITH_TRADITION, traditions=_sorted(shared)))
            return 25
        if found is not None:
            if self.person.faith_traditions:  # another tradition: never a reason
                found.cautions.append(
                    caution(CautionCode.OTHER_FAITH_TRADITION, traditions=_sorted(traditions))
                )
            else:
                found.reasons.append(reason(ReasonCode.FAITH_BASED, traditions=_sorted(traditions)))
        return 0 if self.person.faith_traditions else 10

    def _focus(self, service: Service) -> int:
        """A service restricted to the person's group is shaped for them: above open ones.

        Its reason is the eligibility constraint's ("for ..."); no points without a match.
        """
        rule, person = service.eligibility, self.person
        mine = not rule.populations.isdisjoint(person.populations) or not rule.genders.isdisjoint(
            person.genders
        )
        return _FOCUS_POINTS if mine else 0

    def _culture(self, service: Service, found: Notes | None) -> int:
        points = 0
        fit = service.cultural_fit
        shared = fit.cultural_focus & self.person.communities
        if self.person.culture_weight and shared:
            if found is not None:
                found.reasons.append(reason(ReasonCode.CULTURAL_FOCUS, communities=_sorted(shared)))
            points += self.person.culture_weight
        welcomed = fit.populations_welcomed & self.person.populations
        if welcomed:
            groups = tuple(sorted(p.value for p in welcomed))
            if found is not None:
                found.reasons.append(reason(ReasonCode.WELCOMES_GROUP, groups=groups))
            points += 5
        return points

    def _peer(self, service: Service, found: Notes | None) -> int:
        if self.person.wants_peer and service.peer_led is True:
            if found is not None:
                found.reasons.append(reason(ReasonCode.PEER_LED))
            return 15
        return 0

    def _distance(self, service: Service) -> int:
        if not self.person.in_person_ok or ServiceMode.IN_PERSON not in service.modes:
            return 0
        km = nearest_km(service, self.person.location)
        scale = self.person.travel_limit_km or USUAL_LIMIT_KM
        if km is None or km > scale:
            return 0
        return round(_DISTANCE_POINTS * (1 - km / scale))

    def _hours(self, service: Service) -> int:
        if service.schedule is None or not self.free_by_day:
            return 0
        ranges = service.schedule.week_ranges
        days = sum(1 for free in self.free_by_day.values() if fitting_stretch(ranges, free))
        return min(_HOURS_POINTS_MAX, _HOURS_POINTS_PER_DAY * days)

    def _discretion(self, service: Service, found: Notes | None) -> int:
        if not self.person.stigma_concerns:
            return 0
        points = 0
        if service.discretion.unmarked_site is True:
            if found is not None:
                found.reasons.append(reason(ReasonCode.UNMARKED_SITE))
            points += 5
        if service.discretion.neutral_caller_name is True:
            rules = self.person.discreet_rules
            if found is not None and DiscreetContact.NEUTRAL_CLINIC_NAME not in rules:
                found.reasons.append(reason(ReasonCode.NEUTRAL_CALLER_NAME))
            points += 5
        return points

    def _capacity(self, service: Service, found: Notes | None) -> int:
        capacity, points = service.capacity, 0
        if capacity.accepting_new_clients is False:
            if found is not None:
                found.cautions.append(caution(CautionCode.NOT_ACCEPTING))
            points -= 20
        if capacity.waitlist is True:
            if found is not None:
                found.cautions.append(caution(CautionCode.WAITLIST, weeks=capacity.wait_weeks))
            points -= 5 + min(capacity.wait_weeks or 0, 10)
        shared_phone = self.person.phone_shared and ServiceMode.PHONE in service.modes
        if found is not None and shared_phone:
            found.cautions.append(caution(CautionCode.PHONE_MAY_NOT_BE_PRIVATE))
        return points

    def _verification(self, service: Service, found: Notes | None) -> int:
        months = service.months_since_verified(self.person.today)
        if months is None:
            if found is not None:
                found.cautions.append(caution(CautionCode.NEVER_VERIFIED))
            return -10
        if months <= RECENT_MONTHS:
            if found is not None:
                found.reasons.append(reason(ReasonCode.RECENTLY_VERIFIED, months=months))
            return 5
        if months > STALE_MONTHS:
            if found is not None:
                found.cautions.append(caution(CautionCode.NOT_VERIFIED_RECENTLY, months=months))
            return -5
        return 0
