"""What matching needs to know about the person, worked out once per match.

Every per-person value a constraint compares (languages as subtags, the travel limit in
kilometres, free hours as minute-of-week ranges, the ways of taking part that can work) is
derived here from the intake and the caller's options, so checking each of many thousands
of services is a few set and integer comparisons. The profile holds patient data: its repr
shows nothing.
"""

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Final

from commcare_ext.directory import (
    Gender,
    Population,
    ServiceMode,
    is_sign_language,
    normalise_language,
    primary_language,
)
from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import (
    AccessBarrier,
    ClinicianGender,
    CommunicationNeed,
    DayOfWeek,
    DiscreetContact,
    EligibilityGroup,
    GenderIdentity,
    Intake,
    InternetAccess,
    PhoneAccess,
    PreferenceStrength,
    SpiritualImportance,
    SupportType,
    TakingPart,
    TravelMode,
)
from commcare_ext.matching.crisis import screen_result
from commcare_ext.matching.culture import communities, faith_traditions
from commcare_ext.matching.errors import MatchingError

MINUTES_PER_DAY: Final = 24 * 60
#: Travel limit when transport is a barrier and the person gave none: about an hour on foot.
TRANSPORT_BARRIER_LIMIT_KM: Final = 5.0
#: Travel limit when the person's coordinates are known and nothing else limits travel.
USUAL_LIMIT_KM: Final = 80.0
#: Kilometres covered per minute of travel, door to door, by the fastest way the person has.
KM_PER_MINUTE: Final = {
    TravelMode.CAR: 0.5,
    TravelMode.RIDES_FROM_OTHERS: 0.5,
    TravelMode.PUBLIC_TRANSIT: 0.25,
    TravelMode.WALKING: 0.075,
    TravelMode.NONE: 0.075,
}
#: Speed assumed when the person gave minutes but not how they travel.
UNKNOWN_KM_PER_MINUTE: Final = 0.25
#: Age bands that make a person one of the YOUTH or OLDER_ADULTS populations.
YOUTH_MAX_AGE: Final = 24
OLDER_ADULT_MIN_AGE: Final = 60

_WEEKDAY = {day: index for index, day in enumerate(DayOfWeek)}
_GENDERS = {
    EligibilityGroup.WOMAN: Gender.WOMEN,
    EligibilityGroup.MAN: Gender.MEN,
    EligibilityGroup.NON_BINARY: Gender.NON_BINARY,
}
#: The person's own gender identity, where a gender-specific service would count them in.
_IDENTITIES = {
    GenderIdentity.WOMAN: Gender.WOMEN,
    GenderIdentity.MAN: Gender.MEN,
    GenderIdentity.NON_BINARY: Gender.NON_BINARY,
}
_POPULATIONS = {
    EligibilityGroup.REFUGEE: (Population.REFUGEES, Population.IMMIGRANTS),
    EligibilityGroup.IMMIGRANT: (Population.IMMIGRANTS,),
    EligibilityGroup.LGBTQ: (Population.LGBTQ,),
    EligibilityGroup.TRIBAL_MEMBER: (Population.TRIBAL_MEMBERS,),
    EligibilityGroup.VETERAN: (Population.VETERANS,),
    EligibilityGroup.CAREGIVER: (Population.PARENTS_AND_CAREGIVERS,),
    EligibilityGroup.SURVIVOR: (Population.SURVIVORS_OF_VIOLENCE,),
    EligibilityGroup.DISABILITY: (Population.PEOPLE_WITH_DISABILITIES,),
    EligibilityGroup.FARMWORKER: (Population.FARMWORKERS,),
}
_REMOTE = {
    TakingPart.PHONE: ServiceMode.PHONE,
    TakingPart.VIDEO: ServiceMode.VIDEO,
    TakingPart.TEXT: ServiceMode.TEXT,
}
#: Ranking points a cultural match earns, by how much the person said it matters.
_CULTURE_WEIGHT = {PreferenceStrength.IMPORTANT: 20, PreferenceStrength.PREFERRED: 10}
_PEER_SUPPORTS = frozenset({SupportType.PEER_SUPPORT_GROUP, SupportType.ONLINE_COMMUNITY})


@dataclass(frozen=True, slots=True, repr=False)
class Person:
    """The person's needs as matching compares them (derived, never shown)."""

    wanted: frozenset[SupportType]
    languages: tuple[str, ...]  # normalised tags, preferred first
    language_primaries: frozenset[str]
    language_barrier: bool
    cost_barrier: bool
    age: int | None
    genders: frozenset[Gender]
    populations: frozenset[Population]
    groups_recorded: bool
    postal_code: str | None
    location: tuple[float, float] | None
    travel_limit_km: float | None
    transport_barrier: bool
    in_person_ok: bool
    remote_modes: frozenset[ServiceMode]
    phone_shared: bool
    digital_barrier: bool
    availability: tuple[tuple[int, int], ...]  # merged minute-of-week ranges
    work_hours_barrier: bool
    discreet_rules: frozenset[DiscreetContact]
    stigma_concerns: bool
    wants_faith: bool
    faith_traditions: frozenset[str]
    culture_weight: int  # 0: not asked for; else the points a cultural match earns
    communities: frozenset[str]
    wants_peer: bool
    today: date
    wants_own_tradition: bool  # asked for a faith community and named their tradition
    needs_sign_language: bool
    hearing_loss: bool
    needs_relay: bool
    needs_large_print: bool
    clinician_gender: ClinicianGender | None  # a woman or a man; None: no preference
    declined_referral: bool
    screened_positive: bool

    def __repr__(self) -> str:
        return "Person(<hidden>)"


def normalise_postal_code(code: str) -> str:
    """A postal code as directories compare it: upper case, no spaces."""
    return "".join(code.split()).upper()


def person_for(
    intake: Intake,
    *,
    near: tuple[float, float] | None = None,
    travel_limit_km: float | None = None,
    today: date | None = None,
    screen: ScreenResult | None = None,
    postal_centroids: Mapping[str, tuple[float, float]] | None = None,
) -> Person:
    """Derive the profile; ``near`` and ``travel_limit_km`` override what the intake says.

    Without coordinates, ``postal_centroids`` (postal code -> latitude, longitude, data the
    clinic supplies) places the person at their postal code's centroid.
    """
    when = today or date.today()
    _check_options(near, travel_limit_km)
    barriers = set(intake.barriers.barriers)
    practical = intake.practical
    languages = (intake.language.preferred_language, *intake.language.other_languages)
    tags = tuple(normalise_language(t) for t in languages)
    age = _age(intake.patient.birth_date, when)
    groups = set(practical.groups) if practical else set()
    travel = set(practical.travel_modes) if practical else set()
    postal = practical.postal_code if practical else None
    location = near or (practical.coordinates if practical else None)
    if location is None and postal and postal_centroids:
        location = _centroid(postal_centroids, normalise_postal_code(postal))
    transport = bool(barriers & {AccessBarrier.TRANSPORT, AccessBarrier.DISTANCE}) or (
        TravelMode.NONE in travel
    )
    willing = (
        set(practical.ways_to_take_part)
        if practical and practical.ways_to_take_part
        else set(TakingPart)
    )
    phone = practical.phone_access if practical else None
    internet = practical.internet_access if practical else None
    remote, digital = _remote(willing, phone, internet, AccessBarrier.DIGITAL_ACCESS in barriers)
    importance = intake.language.spirituality_importance
    culture = intake.care.cultural_background_match
    needs = set(intake.identity.communication_needs)
    traditions = faith_traditions(intake.language.religion_or_spirituality)
    identity = _IDENTITIES.get(intake.identity.gender_identity)  # type: ignore[arg-type]
    genders = {_GENDERS[g] for g in groups if g in _GENDERS} | ({identity} if identity else set())
    preferred_gender = intake.care.clinician_gender
    return Person(
        wanted=frozenset(intake.care.preferred_supports),
        languages=tags,
        language_primaries=frozenset(primary_language(t) for t in tags),
        language_barrier=intake.language.interpreter_needed or AccessBarrier.LANGUAGE in barriers,
        cost_barrier=bool(barriers & {AccessBarrier.COST, AccessBarrier.INSURANCE}),
        age=age,
        genders=frozenset(genders),
        populations=_populations(groups, age),
        groups_recorded=bool(groups),
        postal_code=normalise_postal_code(postal) if postal else None,
        location=location,
        travel_limit_km=_travel_limit(intake, travel_limit_km, travel, transport, location),
        transport_barrier=transport,
        in_person_ok=TakingPart.IN_PERSON in willing,
        remote_modes=remote,
        phone_shared=phone is PhoneAccess.SHARED,
        digital_barrier=digital,
        availability=_availability(intake),
        work_hours_barrier=AccessBarrier.WORK_HOURS in barriers,
        discreet_rules=frozenset(intake.privacy.discreet_contact),
        stigma_concerns=intake.privacy.has_concerns is True,
        wants_faith=SupportType.FAITH_COMMUNITY in intake.care.preferred_supports
        or importance is SpiritualImportance.VERY_IMPORTANT,
        faith_traditions=traditions,
        culture_weight=_CULTURE_WEIGHT.get(culture, 0) if culture is not None else 0,
        communities=communities(intake.language.cultural_identity, tags),
        wants_peer=bool(_PEER_SUPPORTS & set(intake.care.preferred_supports)),
        today=when,
        wants_own_tradition=bool(traditions)
        and SupportType.FAITH_COMMUNITY in intake.care.preferred_supports,
        needs_sign_language=CommunicationNeed.SIGN_LANGUAGE_INTERPRETER in needs
        or any(is_sign_language(t) for t in tags),
        hearing_loss=CommunicationNeed.HEARING_LOSS in needs,
        needs_relay=CommunicationNeed.RELAY_OR_TTY in needs,
        needs_large_print=CommunicationNeed.LARGE_PRINT in needs,
        clinician_gender=None
        if preferred_gender in (None, ClinicianGender.NO_PREFERENCE)
        else preferred_gender,
        declined_referral=intake.care.community_referral_declined is True,
        screened_positive=_positive(screen_result(intake, screen)),
    )


def _positive(result: ScreenResult | None) -> bool:
    return result is not None and result.positive


def _centroid(
    centroids: Mapping[str, tuple[float, float]], postal: str
) -> tuple[float, float] | None:
    """The centroid of the person's postal code (ZIP+4 falls back to its five digits)."""
    found = centroids.get(postal) or centroids.get(postal.split("-", 1)[0])
    if found is None:
        return None
    lat, lon = found
    if not (-90 <= lat <= 90 and -180 <= lon <= 180):
        raise MatchingError("postal_centroids", "expected (latitude, longitude) in degrees")
    return float(lat), float(lon)


def _check_options(near: tuple[float, float] | None, limit: float | None) -> None:
    if near is not None:
        if len(near) != 2 or not all(isinstance(v, (int, float)) for v in near):
            raise MatchingError("near", "expected (latitude, longitude) in degrees")
        lat, lon = near
        if not (
            math.isfinite(lat) and math.isfinite(lon) and -90 <= lat <= 90 and -180 <= lon <= 180
        ):
            raise MatchingError("near", "expected latitude -90..90 and longitude -180..180")
    if limit is not None and not (
        isinstance(limit, (int, float)) and math.isfinite(limit) and limit > 0
    ):
        raise MatchingError("travel_limit", "expected a distance in kilometres greater than 0")


def _age(birth_date: date | None, today: date) -> int | None:
    if birth_date is None:
        return None
    return (
        today.year
        - birth_date.year
        - ((today.month, today.day) < (birth_date.month, birth_date.day))
    )


def _populations(groups: set[EligibilityGroup], age: int | None) -> frozenset[Population]:
    found = {p for g in groups for p in _POPULATIONS.get(g, ())}
    if age is not None and age <= YOUTH_MAX_AGE:
        found.add(Population.YOUTH)
    if age is not None and age >= OLDER_ADULT_MIN_AGE:
        found.add(Population.OLDER_ADULTS)
    return frozenset(found)


def _remote(
    willing: set[TakingPart],
    phone: PhoneAccess | None,
    internet: InternetAccess | None,
    digital_barrier_named: bool,
) -> tuple[frozenset[ServiceMode], bool]:
    """Remote ways that can work, and whether digital access is a barrier.

    With a digital-access barrier named, only what the person positively said they have
    counts; otherwise only an answer that rules a way out does (no phone, no video-capable
    internet). Digital access is a barrier when it is named and no remote way is left, or
    when the person has neither phone nor internet.
    """
    if digital_barrier_named:
        has_phone = phone in (PhoneAccess.OWN, PhoneAccess.SHARED, PhoneAccess.UNRELIABLE)
        has_video = internet is InternetAccess.VIDEO
        has_text = has_phone or internet in (InternetAccess.VIDEO, InternetAccess.BASIC)
    else:
        has_phone = phone is not PhoneAccess.NONE
        has_video = internet not in (InternetAccess.BASIC, InternetAccess.NONE)
        has_text = not (phone is PhoneAccess.NONE and internet is InternetAccess.NONE)
    capable = {
        ServiceMode.PHONE: has_phone,
        ServiceMode.VIDEO: has_video,
        ServiceMode.TEXT: has_text,
    }
    remote = frozenset(m for way, m in _REMOTE.items() if way in willing and capable[m])
    nothing = phone is PhoneAccess.NONE and internet is InternetAccess.NONE
    return remote, nothing or (digital_barrier_named and not any(capable.values()))


def _travel_limit(
    intake: Intake,
    explicit: float | None,
    travel: set[TravelMode],
    transport_barrier: bool,
    location: tuple[float, float] | None,
) -> float | None:
    if explicit is not None:
        return float(explicit)
    practical = intake.practical
    limits = []
    if practical is not None and practical.max_travel_km is not None:
        limits.append(practical.max_travel_km)
    if practical is not None and practical.max_travel_minutes is not None:
        speed = max((KM_PER_MINUTE[m] for m in travel), default=UNKNOWN_KM_PER_MINUTE)
        limits.append(practical.max_travel_minutes * speed)
    if limits:
        return min(limits)
    if transport_barrier:
        return TRANSPORT_BARRIER_LIMIT_KM
    return USUAL_LIMIT_KM if location is not None else None


def _availability(intake: Intake) -> tuple[tuple[int, int], ...]:
    practical = intake.practical
    if practical is None:
        return ()
    ranges = []
    for window in practical.availability:
        start = window.start.hour * 60 + window.start.minute
        end = (window.end.hour * 60 + window.end.minute) or MINUTES_PER_DAY
        for day in window.days:
            base = _WEEKDAY[day] * MINUTES_PER_DAY
            ranges.append((base + start, base + end))
    merged: list[tuple[int, int]] = []
    for start, end in sorted(ranges):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return tuple(merged)
