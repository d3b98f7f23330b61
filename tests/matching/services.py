"""Hypothesis strategies for directory services, built as the model (no reader in between).

Values come from small pools placed around two towns, so that generated people and services
meet near every boundary: the travel limit, the postal code, an age bound, a shared language.
"""

import dataclasses
from datetime import date
from typing import Any

from hypothesis import strategies as st

from commcare_ext.directory import (
    Address,
    Capacity,
    Cost,
    CulturalFit,
    Discretion,
    Eligibility,
    Gender,
    InterpretationMode,
    LanguageAccess,
    Location,
    Organization,
    OutreachMethod,
    Population,
    Service,
    ServiceArea,
    ServiceMode,
    ServiceStatus,
    Session,
    Weekday,
    WeeklySchedule,
)
from commcare_ext.intake import Intake, SupportType

#: Two towns 30 km apart (Alamosa and Monte Vista, Colorado) and their postal codes.
TOWNS = ((37.4695, -105.8700), (37.5792, -106.1481))
POSTAL_CODES = ("81101", "81144", "55454", "K1A0B1")
LANGUAGE_TAGS = ("en", "es", "es-mx", "so", "vi", "zh-hant", "ar", "nv", "hmn")
TODAY = date(2026, 11, 24)


def _subset(values: Any) -> st.SearchStrategy[frozenset[Any]]:
    return st.frozensets(st.sampled_from(list(values)), max_size=3)


# Strategies are built once: building them inside a draw costs more than drawing.
_OPENS = st.sampled_from([0, 9 * 60, 17 * 60, 18 * 60 + 30, 19 * 60, 23 * 60])
_CLOSES = st.sampled_from([30, 10 * 60, 19 * 60, 20 * 60 + 30, 22 * 60, 1440])
_WEEKDAYS = st.sampled_from(list(Weekday))
_EVERY = st.sampled_from([1, 1, 2])
_OFFSET = st.floats(min_value=-0.3, max_value=0.3, allow_nan=False)
_POSTAL = st.none() | st.sampled_from(POSTAL_CODES)
_TOWN = st.sampled_from(TOWNS)
_MINIMUM_AGE = st.none() | st.sampled_from([13, 18, 25, 55, 60])
_MAXIMUM_AGE = st.none() | st.sampled_from([21, 24, 64])
_OUTREACH = st.none() | _subset(OutreachMethod)
_KINDS = _subset(SupportType)
_STATUS = st.sampled_from([ServiceStatus.ACTIVE] * 4 + list(ServiceStatus))
_AREA = _subset(POSTAL_CODES)
_TAGS = _subset(LANGUAGE_TAGS)
_INTERPRETATION = _subset(InterpretationMode)
_MAYBE = st.none() | st.booleans()
_FEE = st.none() | st.sampled_from([10.0, 40.0])
_GENDERS = st.frozensets(st.sampled_from(list(Gender)), max_size=1)
_POPULATIONS = st.frozensets(st.sampled_from(list(Population)), max_size=2)
_MODES = _subset(ServiceMode)
_FAITHS = _subset(["islam", "catholic", "buddhism"])
_CULTURES = _subset(["latino", "somali", "dine"])
_WELCOMED = _subset(Population)
_WEEKS = st.none() | st.integers(0, 20)
_VERIFIED = st.none() | st.dates(date(2023, 1, 1), TODAY)


@st.composite
def sessions(draw: st.DrawFn) -> Session:
    """A weekly session, sometimes past midnight, sometimes not every week."""
    return Session(draw(_WEEKDAYS), draw(_OPENS), draw(_CLOSES), every_n_weeks=draw(_EVERY))


@st.composite
def locations(draw: st.DrawFn) -> Location:
    """A site near one of the towns, with or without coordinates and postal code."""
    town = draw(_TOWN)
    dlat, dlon = draw(_OFFSET), draw(_OFFSET)
    coordinates = draw(st.booleans())
    postal = draw(_POSTAL)
    return Location(
        id=f"loc-{draw(st.integers(0, 10_000))}",
        latitude=town[0] + dlat if coordinates else None,
        longitude=town[1] + dlon if coordinates else None,
        address=Address(postal_code=postal) if postal else None,
    )


_LOCATIONS = st.lists(locations(), max_size=2, unique_by=lambda loc: loc.id)
_SCHEDULES = st.none() | st.lists(sessions(), min_size=1, max_size=3).map(WeeklySchedule.of)


@st.composite
def services(draw: st.DrawFn, service_id: str = "svc-extra") -> Service:
    """One service with any mix of facts, stated or not."""
    minimum, maximum = draw(_MINIMUM_AGE), draw(_MAXIMUM_AGE)
    outreach = draw(_OUTREACH)
    return Service(
        id=service_id,
        name=f"Service {service_id}",
        organization=Organization(f"org-{service_id}", f"Organisation {service_id}"),
        support_types=draw(_KINDS),
        status=draw(_STATUS),
        locations=tuple(draw(_LOCATIONS)),
        service_area=ServiceArea(postal_codes=draw(_AREA)),
        schedule=draw(_SCHEDULES),
        languages=LanguageAccess.of(set(draw(_TAGS)), draw(_INTERPRETATION)),
        cost=Cost(
            free=draw(_MAYBE),
            sliding_scale=draw(st.booleans()),
            fee_amount=draw(_FEE),
        ),
        eligibility=Eligibility(
            minimum_age=minimum,
            maximum_age=maximum
            if minimum is None or maximum is None or maximum >= minimum
            else None,
            genders=draw(_GENDERS),
            populations=draw(_POPULATIONS),
        ),
        modes=draw(_MODES),
        cultural_fit=CulturalFit(
            faith_traditions=draw(_FAITHS),
            cultural_focus=draw(_CULTURES),
            populations_welcomed=draw(_WELCOMED),
        ),
        peer_led=draw(_MAYBE),
        discretion=Discretion(
            outreach=outreach,
            unmarked_site=draw(_MAYBE),
            neutral_caller_name=draw(_MAYBE),
            client_initiates_contact=draw(_MAYBE),
            no_mail=draw(_MAYBE),
        ),
        capacity=Capacity(
            accepting_new_clients=draw(_MAYBE),
            waitlist=draw(_MAYBE),
            wait_weeks=draw(_WEEKS),
        ),
        last_verified=draw(_VERIFIED),
    )


_ANY_SERVICES = st.lists(services(), max_size=12)


@st.composite
def service_lists(draw: st.DrawFn) -> list[Service]:
    """Up to 12 services with unique ids."""
    found = draw(_ANY_SERVICES)
    return [dataclasses.replace(s, id=f"svc-{index:03d}") for index, s in enumerate(found)]


_OFTEN = st.integers(min_value=0, max_value=4).map(bool)  # True four times in five


@st.composite
def fitted_services(draw: st.DrawFn, intake: Intake) -> list[Service]:
    """Services nudged towards the person, so that most fail few constraints, or none.

    Drawn independently, nearly every service fails something and the properties would be
    checked on exclusions alone; each nudge makes one constraint likely to pass.
    """
    wanted = sorted(intake.care.preferred_supports)
    found = []
    for service in draw(service_lists()):
        changes: dict[str, Any] = {}
        if draw(_OFTEN) and wanted:
            changes["support_types"] = service.support_types | {draw(st.sampled_from(wanted))}
        if draw(_OFTEN):
            changes["status"] = ServiceStatus.ACTIVE
        if draw(_OFTEN):
            spoken = {intake.language.preferred_language, *draw(_TAGS)}
            changes["languages"] = LanguageAccess.of(spoken, service.languages.interpretation)
        if draw(_OFTEN):
            changes["cost"] = Cost(free=True)
        if draw(_OFTEN):
            changes["eligibility"] = Eligibility()
        if draw(_OFTEN):
            changes["service_area"] = ServiceArea()
        if draw(_OFTEN):
            changes["discretion"] = Discretion()
        if draw(_OFTEN):
            changes["modes"] = service.modes | draw(_MODES) | {ServiceMode.IN_PERSON}
        if draw(_OFTEN) and intake.practical and intake.practical.availability:
            changes["schedule"] = draw(_at_the_edge(intake))
        found.append(dataclasses.replace(service, **changes))
    return found


_EDGE = st.sampled_from([-90, -61, -60, -59, -45, -30, -15, 0, 15, 30, 59, 60])
_LENGTH = st.sampled_from([20, 30, 45, 60, 61, 120])


@st.composite
def _at_the_edge(draw: st.DrawFn, intake: Intake) -> WeeklySchedule:
    """A session that starts or ends near one edge of a time the person is free."""
    assert intake.practical is not None
    window = draw(st.sampled_from(intake.practical.availability))
    day = Weekday(list(type(window.days[0])).index(draw(st.sampled_from(window.days))))
    start = window.start.hour * 60 + window.start.minute
    end = (window.end.hour * 60 + window.end.minute) or 1440
    edge = draw(st.sampled_from([start, end]))
    opens = min(max(edge + draw(_EDGE), 0), 1439)
    closes = min(opens + draw(_LENGTH), 1440)
    return WeeklySchedule.of([Session(day, opens, closes)])
