"""An independent, naive reading of every hard constraint, for the property tests.

Written from docs/matching.md, not from the matcher: it reads the intake and the service
directly each time, builds hours minute by minute, and computes distances with its own
haversine. It shares no code with ``commcare_ext.matching`` beyond the enums both compare,
the words that recognise a faith in the person's text (``culture.faith_traditions``: which
words name a tradition is not a rule under test) and a service area's own ``covers``.
"""

import functools
import math
from dataclasses import dataclass
from datetime import date

from commcare_ext.directory import (
    AccessibilityFeature,
    Gender,
    InterpretationMode,
    OutreachMethod,
    Population,
    Service,
    ServiceMode,
    ServiceStatus,
    is_sign_language,
)
from commcare_ext.intake import (
    AccessBarrier,
    CommunicationNeed,
    DiscreetContact,
    Intake,
    InternetAccess,
    PhoneAccess,
    TakingPart,
)
from commcare_ext.intake.vocabulary import SupportType
from commcare_ext.matching import Constraint
from commcare_ext.matching.culture import faith_traditions

WEEK = 7 * 24 * 60
DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
GENDER_OF = {
    "group-woman": Gender.WOMEN,
    "group-man": Gender.MEN,
    "group-non-binary": Gender.NON_BINARY,
}
POPULATIONS_OF = {
    "group-refugee": {Population.REFUGEES, Population.IMMIGRANTS},
    "group-immigrant": {Population.IMMIGRANTS},
    "group-lgbtq": {Population.LGBTQ},
    "group-tribal-member": {Population.TRIBAL_MEMBERS},
    "group-veteran": {Population.VETERANS},
    "group-caregiver": {Population.PARENTS_AND_CAREGIVERS},
    "group-survivor": {Population.SURVIVORS_OF_VIOLENCE},
    "group-disability": {Population.PEOPLE_WITH_DISABILITIES},
    "group-farmworker": {Population.FARMWORKERS},
}
IDENTITY_OF = {
    "gender-woman": Gender.WOMEN,
    "gender-man": Gender.MEN,
    "gender-non-binary": Gender.NON_BINARY,
}
SPEED = {
    "travel-car": 0.5,
    "travel-rides": 0.5,
    "travel-transit": 0.25,
    "travel-walking": 0.075,
    "travel-none": 0.075,
}


@dataclass(frozen=True)
class Verdict:
    """The constraints a service fails, and those too close to call (a distance at the limit)."""

    failed: frozenset[Constraint]
    borderline: frozenset[Constraint]


def haversine(a: tuple[float, float], b: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*a, *b))
    h = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 2 * 6371.0088 * math.asin(min(1.0, math.sqrt(h)))


def age_on(born: date | None, today: date) -> int | None:
    if born is None:
        return None
    age = today.year - born.year
    if (today.month, today.day) < (born.month, born.day):
        age -= 1
    return age


def verdict(
    intake: Intake,
    service: Service,
    *,
    near: tuple[float, float] | None,
    travel_limit: float | None,
    today: date,
) -> Verdict:
    """Which hard constraints ``service`` fails for the person of ``intake``."""
    barriers = set(intake.barriers.barriers)
    remote_ways, digital_barrier = _remote_ways(intake)
    declined = intake.care.community_referral_declined is True
    if service.crisis:  # crisis help: only running, whom it admits and where it serves count
        crisis_rules = {
            Constraint.ACTIVE: service.status != ServiceStatus.ACTIVE,
            Constraint.ELIGIBILITY: _ineligible(intake, service, today),
            Constraint.SERVICE_AREA: _outside_area(intake, service, near),
        }
        return Verdict(frozenset(c for c, fails in crisis_rules.items() if fails), frozenset())
    rules = {
        Constraint.REFERRAL: declined,
        Constraint.ACTIVE: service.status != ServiceStatus.ACTIVE,
        Constraint.SUPPORT_TYPE: _wrong_kind(intake, service),
        Constraint.LANGUAGE: _no_language(intake, service) or _cannot_sign(intake, service),
        Constraint.FAITH: _other_tradition(intake, service),
        Constraint.COST: bool(barriers & {AccessBarrier.COST, AccessBarrier.INSURANCE})
        and not (service.cost.free is True or service.cost.sliding_scale),
        Constraint.ELIGIBILITY: _ineligible(intake, service, today),
        Constraint.SERVICE_AREA: _outside_area(intake, service, near),
        Constraint.DISCREET_CONTACT: _breaks_discretion(
            set(intake.privacy.discreet_contact), service
        ),
        Constraint.DIGITAL_ACCESS: digital_barrier
        and bool(service.modes)
        and ServiceMode.IN_PERSON not in service.modes,
        Constraint.HOURS: bool(intake.practical and intake.practical.availability)
        and not _hours_fit(intake, service),
    }
    failed = {constraint for constraint, fails in rules.items() if fails}
    reach = _reach(intake, service, remote_ways, near, travel_limit)
    if reach == "fail":
        failed.add(Constraint.REACHABLE)
    borderline = {Constraint.REACHABLE} if reach == "borderline" else set()
    return Verdict(frozenset(failed), frozenset(borderline))


def _wrong_kind(intake: Intake, service: Service) -> bool:
    """A known kind that is not wanted; an unknown kind is shown with a caution."""
    wanted = set(intake.care.preferred_supports)
    kinds = set(service.support_types)
    return bool(wanted) and bool(kinds) and not wanted & kinds


def _no_language(intake: Intake, service: Service) -> bool:
    mine = [intake.language.preferred_language, *intake.language.other_languages]
    mine_primary = {tag.lower().split("-")[0] for tag in mine}
    access = service.languages
    staff_primary = {tag.lower().split("-")[0] for tag in access.staff_languages}
    barrier = intake.language.interpreter_needed or (
        AccessBarrier.LANGUAGE in intake.barriers.barriers
    )
    offered = bool(access.interpretation) or access.interpretation_way_unstated
    covered = access.interpreted_languages
    interpreted = offered and (covered is None or bool(mine_primary & set(covered)))
    return (
        not interpreted
        and not mine_primary & staff_primary
        and (bool(access.staff_languages) or barrier)
    )


def _cannot_sign(intake: Intake, service: Service) -> bool:
    mine = [intake.language.preferred_language, *intake.language.other_languages]
    signs = CommunicationNeed.SIGN_LANGUAGE_INTERPRETER in intake.identity.communication_needs
    if not (signs or any(is_sign_language(t) for t in mine)):
        return False
    access = service.languages
    if any(is_sign_language(t) for t in access.staff_languages):
        return False
    face = access.interpretation_way_unstated or bool(
        set(access.interpretation) & {InterpretationMode.IN_PERSON, InterpretationMode.VIDEO}
    )
    covered = access.interpreted_languages
    if face and covered is not None and any(is_sign_language(t) for t in covered):
        return False
    return not any(AccessibilityFeature.SIGN_LANGUAGE in s.accessibility for s in service.locations)


def _other_tradition(intake: Intake, service: Service) -> bool:
    mine = faith_traditions(intake.language.religion_or_spirituality)
    asked = SupportType.FAITH_COMMUNITY in intake.care.preferred_supports
    theirs = set(service.cultural_fit.faith_traditions)
    return asked and bool(mine) and bool(theirs) and not theirs & mine


def _postal(intake: Intake) -> str | None:
    practical = intake.practical
    if practical is None or practical.postal_code is None:
        return None
    return "".join(practical.postal_code.split()).upper()


def _outside_area(intake: Intake, service: Service, near: tuple[float, float] | None) -> bool:
    postal, area = _postal(intake), service.service_area
    where = near or (intake.practical.coordinates if intake.practical else None)
    said: list[bool] = []
    if postal is not None and area.postal_codes:
        said.append(
            postal not in area.postal_codes and postal.split("-")[0] not in area.postal_codes
        )
    if where is not None and area.extents:
        said.append(not any(e.covers(*where) for e in area.extents))
    return bool(said) and all(said)


def _ineligible(intake: Intake, service: Service, today: date) -> bool:
    rule = service.eligibility
    age = age_on(intake.patient.birth_date, today)
    if rule.minimum_age is not None or rule.maximum_age is not None:
        if age is None:
            return True
        if rule.minimum_age is not None and age < rule.minimum_age:
            return True
        if rule.maximum_age is not None and age > rule.maximum_age:
            return True
    groups = [g.value for g in intake.practical.groups] if intake.practical else []
    genders = {GENDER_OF[g] for g in groups if g in GENDER_OF}
    identity = IDENTITY_OF.get(str(intake.identity.gender_identity))
    if identity is not None:
        genders.add(identity)
    mine = faith_traditions(intake.language.religion_or_spirituality)
    only = set(rule.faith_traditions)
    if only and not only & mine:
        return True
    if rule.genders and not set(rule.genders) & genders:
        return True
    populations = set().union(*(POPULATIONS_OF.get(g, set()) for g in groups))
    if age is not None and age <= 24:
        populations.add(Population.YOUTH)
    if age is not None and age >= 60:
        populations.add(Population.OLDER_ADULTS)
    return bool(rule.populations) and not set(rule.populations) & populations


def _breaks_discretion(rules: set[DiscreetContact], service: Service) -> bool:
    d = service.discretion
    said = d.outreach if d.outreach is not None else set()
    if DiscreetContact.NO_VOICEMAIL in rules and OutreachMethod.VOICEMAIL in said:
        return True
    if DiscreetContact.NO_TEXT_MESSAGES in rules and OutreachMethod.TEXT_MESSAGE in said:
        return True
    mail_sent = d.no_mail is False or (d.no_mail is None and OutreachMethod.MAIL in said)
    if DiscreetContact.NO_MAIL_HOME in rules and mail_sent:
        return True
    if DiscreetContact.NEUTRAL_CLINIC_NAME in rules and d.neutral_caller_name is False:
        return True
    return DiscreetContact.PATIENT_INITIATES in rules and d.client_initiates_contact is False


def _remote_ways(intake: Intake) -> tuple[set[ServiceMode], bool]:
    practical = intake.practical
    willing = (
        set(practical.ways_to_take_part)
        if practical and practical.ways_to_take_part
        else set(TakingPart)
    )
    phone = practical.phone_access if practical else None
    internet = practical.internet_access if practical else None
    named = AccessBarrier.DIGITAL_ACCESS in intake.barriers.barriers
    if named:
        can = {
            ServiceMode.PHONE: phone is not None and phone != PhoneAccess.NONE,
            ServiceMode.VIDEO: internet == InternetAccess.VIDEO,
            ServiceMode.TEXT: (phone is not None and phone != PhoneAccess.NONE)
            or internet in (InternetAccess.VIDEO, InternetAccess.BASIC),
        }
    else:
        can = {
            ServiceMode.PHONE: phone != PhoneAccess.NONE,
            ServiceMode.VIDEO: internet not in (InternetAccess.BASIC, InternetAccess.NONE),
            ServiceMode.TEXT: not (phone == PhoneAccess.NONE and internet == InternetAccess.NONE),
        }
    ways = {
        "take-part-phone": ServiceMode.PHONE,
        "take-part-video": ServiceMode.VIDEO,
        "take-part-text": ServiceMode.TEXT,
    }
    usable = {mode for way, mode in ways.items() if TakingPart(way) in willing and can[mode]}
    nothing = phone == PhoneAccess.NONE and internet == InternetAccess.NONE
    return usable, nothing or (named and not any(can.values()))


def _limit(
    intake: Intake, travel_limit: float | None, here: tuple[float, float] | None
) -> float | None:
    if travel_limit is not None:
        return travel_limit
    practical = intake.practical
    travel = {m.value for m in practical.travel_modes} if practical else set()
    options = []
    if practical and practical.max_travel_distance is not None:
        per_unit = 1.609344 if practical.distance_unit == "[mi_i]" else 1.0
        options.append(practical.max_travel_distance * per_unit)
    if practical and practical.max_travel_minutes is not None:
        speed = max((SPEED[m] for m in travel), default=0.25)
        options.append(practical.max_travel_minutes * speed)
    if options:
        return min(options)
    barriers = set(intake.barriers.barriers)
    if barriers & {AccessBarrier.TRANSPORT, AccessBarrier.DISTANCE} or "travel-none" in travel:
        return 5.0
    return 80.0 if here is not None else None


def _reach(
    intake: Intake,
    service: Service,
    remote_ways: set[ServiceMode],
    near: tuple[float, float] | None,
    travel_limit: float | None,
) -> str:
    if remote_ways & set(service.modes):
        return "pass"
    practical = intake.practical
    willing = [w.value for w in practical.ways_to_take_part] if practical else []
    if ServiceMode.IN_PERSON not in service.modes or (
        willing and "take-part-in-person" not in willing
    ):
        return "fail"
    here = near
    if here is None and practical and practical.latitude is not None:
        here = (practical.latitude, practical.longitude or 0.0)
    limit = _limit(intake, travel_limit, here)
    if limit is None:
        return "pass"
    postal = _postal(intake)
    outcomes = []
    for site in service.locations:
        if here is None or site.latitude is None or site.longitude is None:
            outcomes.append("pass" if postal and site.postal_code == postal else "fail")
            continue
        km = haversine(here, (site.latitude, site.longitude))
        outcomes.append(
            "borderline" if abs(km - limit) < 1e-6 else "pass" if km <= limit else "fail"
        )
    if "pass" in outcomes:
        return "pass"
    return "borderline" if "borderline" in outcomes else "fail"


def _hours_fit(intake: Intake, service: Service) -> bool:
    assert intake.practical is not None
    schedule = service.schedule
    if schedule is None:
        return bool(service.modes) and set(service.modes) <= {ServiceMode.TEXT}
    windows = tuple(
        (tuple(day.value for day in w.days), w.start.hour * 60 + w.start.minute,
         w.end.hour * 60 + w.end.minute)
        for w in intake.practical.availability
    )  # fmt: skip
    open_ = [False] * WEEK
    for session in schedule.sessions:
        start = session.weekday * 24 * 60 + session.opens_minute
        length = (session.closes_minute - session.opens_minute) % (24 * 60) or 24 * 60
        for minute in range(start, start + length):
            open_[minute % WEEK] = True
    for open_run in _runs(tuple(open_)):
        for free_run in _free_runs(windows):
            overlap = min(open_run.stop, free_run.stop) - max(open_run.start, free_run.start)
            if overlap > 0 and overlap >= min(60, len(open_run), len(free_run)):
                return True
    return False


@functools.cache
def _free_runs(windows: tuple[tuple[tuple[str, ...], int, int], ...]) -> list[range]:
    """The person's free minutes of the week, marked one by one, as runs."""
    free = [False] * WEEK
    for days, start, end in windows:
        for day in days:
            base = DAYS.index(day) * 24 * 60
            for minute in range(base + start, base + (end or 24 * 60)):
                free[minute] = True
    return _runs(tuple(free))


def _runs(minutes: tuple[bool, ...]) -> list[range]:
    runs, start = [], None
    for index, flag in enumerate([*minutes, False]):
        if flag and start is None:
            start = index
        elif not flag and start is not None:
            runs.append(range(start, index))
            start = None
    return runs
