"""'Reaching supports': when, how and from where the patient can take part in community care.

Matching a person to a community service needs facts the rest of the intake does not hold:
the hours they are free, how they travel and how far, where they live, whether a phone or
video call can work for them, and which groups they belong to when a service is only for a
group. The whole section is optional: an intake without it is read, written and extracted
exactly as before, and matching then checks only what the intake does say.
"""

import re
from datetime import time
from typing import Annotated, Final, Self

from pydantic import AfterValidator, Field, model_validator

from commcare_ext.intake.base import IntakeSection
from commcare_ext.intake.vocabulary import (
    DayOfWeek,
    DistanceUnit,
    EligibilityGroup,
    InternetAccess,
    PhoneAccess,
    TakingPart,
    TravelMode,
)

#: Kilometres in one unit the patient may give a distance in.
KILOMETRES_PER_UNIT: Final = {DistanceUnit.KILOMETRE: 1.0, DistanceUnit.MILE: 1.609344}

_POSTAL_CODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 \-]{1,9}$")


def _postal_code(value: str) -> str:
    if not _POSTAL_CODE.match(value):
        msg = "expected a postal code of 2-10 letters, digits, spaces or '-'"
        raise ValueError(msg)
    return value


def _local_time(value: time) -> time:
    if value.tzinfo is not None:
        msg = "expected a local time of day without a time zone"
        raise ValueError(msg)
    return value


#: A postal or ZIP code as the patient writes it (matching compares it without spaces).
PostalCode = Annotated[str, AfterValidator(_postal_code)]
LocalTime = Annotated[time, AfterValidator(_local_time)]
Latitude = Annotated[float, Field(ge=-90, le=90, allow_inf_nan=False)]
Longitude = Annotated[float, Field(ge=-180, le=180, allow_inf_nan=False)]


def _unique(values: list[object], field: str) -> None:
    if len(set(values)) != len(values):
        msg = f"{field}: each choice may appear only once"
        raise ValueError(msg)


class AvailabilityWindow(IntakeSection):
    """Days and a time of day when the patient can take part, e.g. weekdays 19:00-22:00.

    ``end`` 00:00 means until midnight; otherwise it must be after ``start``.
    """

    days: list[DayOfWeek] = Field(min_length=1)
    start: LocalTime
    end: LocalTime

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(list(self.days), "days")
        if self.end != time(0, 0) and self.end <= self.start:
            msg = "end: must be after start (00:00 means until midnight)"
            raise ValueError(msg)
        return self


class PracticalAccess(IntakeSection):
    """When, how and from where the patient can take part in a community support.

    Every answer is optional; a list left empty means "not said", never "none". A distance
    comes with the unit the patient used, so it reads back exactly as given.
    """

    availability: list[AvailabilityWindow] = Field(default_factory=list, max_length=14)
    ways_to_take_part: list[TakingPart] = Field(default_factory=list)
    travel_modes: list[TravelMode] = Field(default_factory=list)
    max_travel_minutes: Annotated[int, Field(ge=1, le=600)] | None = None
    max_travel_distance: Annotated[float, Field(gt=0, le=2000, allow_inf_nan=False)] | None = None
    distance_unit: DistanceUnit | None = None
    postal_code: PostalCode | None = None
    latitude: Latitude | None = None
    longitude: Longitude | None = None
    phone_access: PhoneAccess | None = None
    internet_access: InternetAccess | None = None
    groups: list[EligibilityGroup] = Field(default_factory=list)

    @model_validator(mode="after")
    def _consistent(self) -> Self:
        _unique(list(self.ways_to_take_part), "ways_to_take_part")
        _unique(list(self.travel_modes), "travel_modes")
        _unique(list(self.groups), "groups")
        if TravelMode.NONE in self.travel_modes and len(self.travel_modes) > 1:
            msg = f"travel_modes: '{TravelMode.NONE}' cannot be combined with other choices"
            raise ValueError(msg)
        if (self.max_travel_distance is None) != (self.distance_unit is None):
            msg = "distance_unit: give it exactly when max_travel_distance is given"
            raise ValueError(msg)
        if (self.latitude is None) != (self.longitude is None):
            msg = "longitude: give latitude and longitude together"
            raise ValueError(msg)
        return self

    @property
    def max_travel_km(self) -> float | None:
        """The distance limit in kilometres, whatever unit the patient used."""
        if self.max_travel_distance is None or self.distance_unit is None:
            return None
        return self.max_travel_distance * KILOMETRES_PER_UNIT[self.distance_unit]

    @property
    def coordinates(self) -> tuple[float, float] | None:
        """Latitude and longitude, when both were given."""
        if self.latitude is None or self.longitude is None:
            return None
        return (self.latitude, self.longitude)

    @property
    def is_empty(self) -> bool:
        """True when nothing at all was answered (the section is then left out)."""
        return not any(getattr(self, name) not in (None, []) for name in type(self).model_fields)
