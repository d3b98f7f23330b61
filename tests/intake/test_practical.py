from datetime import UTC, time
from typing import Any

import pytest
from pydantic import ValidationError

from commcare_ext.intake import (
    AvailabilityWindow,
    DayOfWeek,
    DistanceUnit,
    Intake,
    PracticalAccess,
    TravelMode,
)
from tests.fixtures import load_example


def _window(**changes: Any) -> dict[str, Any]:
    return {"days": [DayOfWeek.MONDAY], "start": time(19), "end": time(22), **changes}


def test_an_intake_without_the_section_is_unchanged() -> None:
    maria = load_example("maria-garcia")
    assert maria.practical is None
    assert "practical" not in maria.model_dump(exclude_none=True)


def test_an_empty_section_is_the_same_as_no_section() -> None:
    data = load_example("maria-garcia").model_dump()
    data["practical"] = {}
    assert Intake.model_validate(data).practical is None
    data["practical"] = {"availability": [], "groups": []}
    assert Intake.model_validate(data).practical is None


def test_distance_reads_in_the_unit_given_and_converts_to_km() -> None:
    miles = PracticalAccess(max_travel_distance=10, distance_unit=DistanceUnit.MILE)
    assert miles.max_travel_km == pytest.approx(16.09344)
    km = PracticalAccess(max_travel_distance=5, distance_unit=DistanceUnit.KILOMETRE)
    assert km.max_travel_km == 5


@pytest.mark.parametrize(
    ("data", "field"),
    [
        ({"max_travel_distance": 5}, "distance_unit"),
        ({"distance_unit": DistanceUnit.MILE}, "distance_unit"),
        ({"latitude": 37.4}, "longitude"),
        ({"travel_modes": [TravelMode.NONE, TravelMode.CAR]}, "travel_modes"),
        ({"travel_modes": [TravelMode.CAR, TravelMode.CAR]}, "travel_modes"),
        ({"postal_code": "<script>"}, "postal_code"),
        ({"latitude": 91, "longitude": 0}, "latitude"),
        ({"max_travel_minutes": 0}, "max_travel_minutes"),
    ],
)
def test_inconsistent_answers_are_refused_naming_the_field(
    data: dict[str, Any], field: str
) -> None:
    with pytest.raises(ValidationError) as raised:
        PracticalAccess.model_validate(data)
    assert field in str(raised.value)


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"end": time(18)}, "end"),
        ({"end": time(19)}, "end"),
        ({"days": []}, "days"),
        ({"days": [DayOfWeek.MONDAY, DayOfWeek.MONDAY]}, "days"),
        ({"start": time(19, tzinfo=UTC)}, "start"),
    ],
)
def test_a_window_must_be_a_real_stretch_of_local_time(changes: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as raised:
        AvailabilityWindow.model_validate(_window(**changes))
    assert field in str(raised.value)


def test_midnight_end_means_until_the_end_of_the_day() -> None:
    window = AvailabilityWindow.model_validate(_window(end=time(0, 0)))
    assert window.end == time(0, 0)


def test_errors_and_repr_reveal_no_answers() -> None:
    section = PracticalAccess(postal_code="81101", latitude=37.47, longitude=-105.87)
    assert "81101" not in repr(section)
    assert "37.47" not in str(section)
    with pytest.raises(ValidationError) as raised:
        PracticalAccess(postal_code="81101", latitude=37.47)
    assert "81101" not in str(raised.value)
    assert "37.47" not in str(raised.value)
