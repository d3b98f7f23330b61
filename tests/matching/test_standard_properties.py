"""Properties of match() on directories written the standard HSDS 3.0 way (issue 19).

Services are generated as HSDS records an independent publisher would write (Open Eligibility
terms with ``link_type``, 211/AIRS crisis codes, terms of unknown taxonomies,
``interpretation_services`` text, GeoJSON extents, ISO 639-3 and sign languages, attending
types), read with ``read_hsds``, and matched. Every service lands in exactly one list, no
proposal breaks a hard constraint of the oracle, and crisis help comes first exactly when the
screen is positive (the caller's ``screen=``, else the intake's own ``safety_screen``).

Proven able to fail: with crisis services sent through the ordinary constraints (the
``if service.crisis`` branch of ``match`` removed), the first property finds a crisis line
excluded for a kind of help the person did not choose, which the oracle does not allow.
"""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.directory import read_hsds
from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import Intake
from commcare_ext.matching import match
from commcare_ext.matching.crisis import screen_result
from tests.budget import cases
from tests.matching.oracle import verdict
from tests.matching.services import TODAY, TOWNS
from tests.matching.standard_hsds import AIRS, OE, service, term
from tests.strategies import intakes, intakes_with_practical

SETTINGS = settings(
    max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)
KINDS = ["Support Groups", "Spiritual Support", "Community Support Services", "Virtual Support"]
CRISIS = [
    ("Suicide Prevention Hotlines", "RP-1500.1400-800"),
    ("Mental Health Hotlines", "RP-1500.1400-500"),
    ("Mobile Crisis Teams", None),
    ("Psychiatric Emergency Services", None),
]
SITUATIONS = ["Veterans", "LGBTQ", "Women", "Refugees", "Seniors", "Muslims", "Christians"]
LANGUAGES = ["eng", "spa", "vie", "som", "ase", "ara", "zho"]
INTERPRETATION = [
    "Spanish and Somali interpreters by phone",
    "Interpreters for any language, in person or by video",
    "American Sign Language interpreter on site",
    "Interpreters available",
    "None",
]
ATTENDING = ["In person", "Online, by video", "By phone", "Text or chat", "Home visits"]


@st.composite
def extents(draw: st.DrawFn) -> dict[str, Any]:
    """A GeoJSON box or circle around one of the towns the people live in."""
    lat, lon = draw(st.sampled_from(TOWNS))
    size = draw(st.floats(0.01, 0.5))
    if draw(st.booleans()):
        ring = [
            [lon - size, lat - size],
            [lon + size, lat - size],
            [lon + size, lat + size],
            [lon - size, lat + size],
            [lon - size, lat - size],
        ]
        shape: dict[str, Any] = {"type": "Polygon", "coordinates": [ring]}
    else:
        shape = {
            "type": "Feature",
            "geometry": {"type": "Point", "coordinates": [lon, lat]},
            "properties": {"radius": size * 100_000},
        }
    return {"id": "area", "extent": json.dumps(shape), "extent_type": "geojson"}


@st.composite
def standard_services(draw: st.DrawFn) -> list[dict[str, Any]]:
    """Between one and eight HSDS services coded the standard way."""
    found = []
    for index in range(draw(st.integers(1, 8))):
        attributes = [term(k) for k in draw(st.lists(st.sampled_from(KINDS), max_size=2))]
        if draw(st.integers(0, 4)) == 0:
            name, code = draw(st.sampled_from(CRISIS))
            attributes.append(term(name, code=code, taxonomy=AIRS if code else OE))
        if draw(st.integers(0, 5)) == 0:
            attributes.append(term("Benefits Navigation", taxonomy="Local taxonomy"))
        for name in draw(st.lists(st.sampled_from(SITUATIONS), max_size=2, unique=True)):
            attributes.append(term(name, eligibility=draw(st.booleans())))
        fields: dict[str, Any] = {}
        if draw(st.booleans()):
            fields["interpretation_services"] = draw(st.sampled_from(INTERPRETATION))
        if draw(st.booleans()):
            fields["service_areas"] = [draw(extents())]
        if draw(st.booleans()):
            fields["schedules"] = [{"id": "s", "attending_type": draw(st.sampled_from(ATTENDING))}]
        if draw(st.booleans()):
            fields["minimum_age"] = draw(st.integers(0, 30))
        if draw(st.integers(0, 5)) == 0:
            fields["status"] = "inactive"
        fields["eligibility_description"] = draw(st.none() | st.just("Residents only"))
        site = draw(st.none() | st.sampled_from(TOWNS))
        languages = tuple(draw(st.lists(st.sampled_from(LANGUAGES), max_size=3, unique=True)))
        found.append(service(f"svc-{index}", *attributes, languages=languages, site=site, **fields))
    return found


people = st.one_of(intakes(), intakes_with_practical())
screens = st.none() | st.sampled_from(list(ScreenResult))


@SETTINGS
@given(intake=people, records=standard_services(), screen=screens)
def test_on_standard_directories_every_service_is_in_exactly_one_list(
    intake: Intake, records: list[dict[str, Any]], screen: ScreenResult | None
) -> None:
    directory, _ = read_hsds(records, today=TODAY)
    result = match(intake, directory, today=TODAY, screen=screen)
    proposed = [p.service_id for p in result.proposals]
    worse = [p.service_id for p in result.if_things_get_worse]
    excluded = [e.service_id for e in result.excluded]
    ids = [s.id for s in directory.services]
    assert sorted(proposed + worse + excluded) == sorted(ids)
    for proposal in (*result.proposals, *result.if_things_get_worse):
        judged = verdict(intake, proposal.service, near=None, travel_limit=None, today=TODAY)
        assert not judged.failed, (proposal.service_id, sorted(judged.failed))
    for exclusion in result.excluded:
        assert exclusion.because, exclusion.service_id
        judged = verdict(intake, exclusion.service, near=None, travel_limit=None, today=TODAY)
        assert set(exclusion.constraints) - judged.borderline == judged.failed - judged.borderline
    crisis = [p for p in result.proposals if p.crisis]
    effective = screen_result(intake, screen)  # the caller's, else the intake's own screen
    if effective is not None and effective.positive:
        assert not worse
        assert result.proposals[: len(crisis)] == tuple(crisis)  # pinned first
    else:
        assert not crisis
        assert all(p.crisis for p in result.if_things_get_worse)
