"""Properties of match(), checked against the naive oracle in tests/matching/oracle.py.

Proven able to fail: with LanguageCheck left out of ``checks_for``, the first property finds a
proposal whose staff speak none of the person's languages and the second an exclusion that
does not name the language it fails.
"""

from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.directory import Directory, Service
from commcare_ext.intake import Intake
from commcare_ext.matching import MatchResult, match
from tests.budget import cases
from tests.matching.oracle import verdict
from tests.matching.services import TODAY, TOWNS, fitted_services, services
from tests.strategies import intakes, intakes_with_practical

SETTINGS = settings(
    max_examples=cases(250), deadline=None, suppress_health_check=[HealthCheck.too_slow]
)

people = st.one_of(intakes(), intakes_with_practical())
places = (
    st.none()
    | st.sampled_from(TOWNS)
    | st.tuples(st.floats(37.3, 37.7, allow_nan=False), st.floats(-106.3, -105.6, allow_nan=False))
)
limits = st.none() | st.sampled_from([2.0, 10.0, 30.0, 100.0])


def _run(intake: Intake, found: list[Service], near: Any, limit: Any) -> MatchResult:
    return match(intake, Directory(found), near=near, travel_limit=limit, today=TODAY)


@SETTINGS
@given(intake=people, data=st.data(), near=places, limit=limits)
def test_no_proposal_breaks_a_hard_constraint(
    intake: Intake, data: st.DataObject, near: Any, limit: Any
) -> None:
    found = data.draw(fitted_services(intake))
    result = _run(intake, found, near, limit)
    for proposal in result.proposals:
        judged = verdict(intake, proposal.service, near=near, travel_limit=limit, today=TODAY)
        assert not judged.failed, (proposal.service_id, sorted(judged.failed))


@SETTINGS
@given(intake=people, data=st.data(), near=places, limit=limits)
def test_every_exclusion_names_every_constraint_it_fails(
    intake: Intake, data: st.DataObject, near: Any, limit: Any
) -> None:
    found = data.draw(fitted_services(intake))
    result = _run(intake, found, near, limit)
    for exclusion in result.excluded:
        judged = verdict(intake, exclusion.service, near=near, travel_limit=limit, today=TODAY)
        named = set(exclusion.constraints)
        assert named, exclusion.service_id
        assert named - judged.borderline == judged.failed - judged.borderline, (
            exclusion.service_id,
            sorted(named),
            sorted(judged.failed),
        )


@SETTINGS
@given(intake=people, data=st.data(), near=places, limit=limits)
def test_every_service_is_in_exactly_one_list(
    intake: Intake, data: st.DataObject, near: Any, limit: Any
) -> None:
    found = data.draw(fitted_services(intake))
    result = _run(intake, found, near, limit)
    proposed = [p.service_id for p in result.proposals]
    worse = [p.service_id for p in result.if_things_get_worse]
    excluded = [e.service_id for e in result.excluded]
    assert len(proposed) + len(worse) + len(excluded) == len(found)
    assert set(proposed) | set(worse) | set(excluded) == {s.id for s in found}


@SETTINGS
@given(intake=people, data=st.data(), near=places, limit=limits)
def test_same_inputs_same_order_best_first_ties_by_id(
    intake: Intake, data: st.DataObject, near: Any, limit: Any
) -> None:
    found = data.draw(fitted_services(intake))
    first = _run(intake, found, near, limit)
    again = _run(intake, list(found), near, limit)
    assert [(p.service_id, p.score) for p in first.proposals] == [
        (p.service_id, p.score) for p in again.proposals
    ]
    keys = [(-p.score, p.service_id) for p in first.proposals]
    assert keys == sorted(keys)
    assert [p.rank for p in first.proposals] == list(range(1, len(keys) + 1))


@SETTINGS
@given(
    intake=people,
    data=st.data(),
    extra=services("svc-extra"),
    position=st.integers(min_value=0),
    near=places,
    limit=limits,
)
def test_adding_an_unrelated_service_never_reorders_the_others(
    *, intake: Intake, data: st.DataObject, extra: Service, position: int, near: Any, limit: Any
) -> None:
    found = data.draw(fitted_services(intake))
    before = _run(intake, found, near, limit)
    at = position % (len(found) + 1)
    after = _run(intake, [*found[:at], extra, *found[at:]], near, limit)
    kept = [(p.service_id, p.score) for p in after.proposals if p.service_id != "svc-extra"]
    assert kept == [(p.service_id, p.score) for p in before.proposals]
    assert {e.service_id for e in after.excluded} - {"svc-extra"} == {
        e.service_id for e in before.excluded
    }
