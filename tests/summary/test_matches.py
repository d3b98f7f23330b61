"""The summary's "Community services" section: proposals, the chosen ones, overrides."""

import pytest

from commcare_ext.directory import read_hsds
from commcare_ext.matching import MatchingError, MatchResult, match, render
from commcare_ext.summary import matches_section
from tests.matching import people
from tests.matching.make_directory import FILE


@pytest.fixture(scope="module")
def result() -> MatchResult:
    directory, _ = read_hsds(FILE, today=people.TODAY)
    found = match(people.spanish_speaker_rural_no_car(), directory, today=people.TODAY)
    assert found.proposals, "the scenario must propose something to summarise"
    assert found.excluded, "and exclude something to override"
    return found


def test_every_proposal_is_listed_with_its_reasons_and_the_choice_marked(
    result: MatchResult,
) -> None:
    best = result.proposals[0]
    section = matches_section(result, [best.service.id])
    assert len(section.table) == len(result.proposals)
    name, organisation, status, why, check = section.table[0]
    assert (name, organisation) == (best.service.name, best.service.organization.name)
    assert status == "chosen (proposal 1)"
    assert why == "; ".join(render(r) for r in best.reasons)
    assert check == "; ".join(render(c) for c in best.cautions)
    assert all(row[2].startswith("proposal ") for row in section.table[1:])
    assert section.alert is None


def test_reasons_read_in_spanish(result: MatchResult) -> None:
    best = result.proposals[0]
    section = matches_section(result, language="es")
    assert section.table[0][3] == "; ".join(render(r, "es") for r in best.reasons)


def test_a_chosen_exclusion_is_shown_with_every_failed_constraint(result: MatchResult) -> None:
    excluded = result.excluded[0]
    section = matches_section(result, [excluded.service.id])
    row = section.table[-1]
    assert row[2] == "chosen although excluded"
    assert row[4] == "; ".join(render(u) for u in excluded.because)
    assert section.alert is not None


def test_an_unknown_id_is_refused_without_echoing_it(result: MatchResult) -> None:
    with pytest.raises(MatchingError) as raised:
        matches_section(result, ["no-such-service-id"])
    assert raised.value.field == "chosen"
    assert "no-such-service-id" not in str(raised.value)
