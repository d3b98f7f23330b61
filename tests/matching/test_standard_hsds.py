"""Issue 19 and issue 18 (5, 6): a directory coded the standard HSDS 3.0 way, matched right.

Each case the issue found wrong with an independently written directory is now right, with
its reason or cause (tests/matching/standard_hsds.py holds the directory).
"""

from typing import Any

import pytest

from commcare_ext.directory import Directory, read_hsds
from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import Intake
from commcare_ext.matching import (
    CautionCode,
    MatchingError,
    MatchResult,
    ReasonCode,
    UnmetCode,
    match,
    override,
    referral_target,
    render,
)
from tests.matching.people import TODAY, _intake
from tests.matching.standard_hsds import ELSEWHERE, HOME, directory


@pytest.fixture(scope="module")
def standard() -> Directory:
    found, report = read_hsds(directory(), today=TODAY)
    assert len(found.services) == len(directory())
    assert not report.skipped
    return found


def _person(
    supports: list[str],
    *,
    speaks: str = "en",
    where: tuple[float, float] | None = HOME,
    **more: Any,
) -> Intake:
    place = {"latitude": where[0], "longitude": where[1]} if where else {}
    sections: dict[str, Any] = {
        "language": {
            "preferred_language": speaks,
            "interpreter_needed": speaks != "en",
            **more.pop("language", {}),
        },
        "care": {"preferred_supports": supports, **more.pop("care", {})},
        "practical": {**place, **more.pop("practical", {})},
    }
    return _intake("standard", "1980-06-01", **sections, **more)


def _proposed(result: MatchResult) -> list[str]:
    return [p.service_id for p in result.proposals]


def _because(result: MatchResult, service_id: str) -> list[UnmetCode]:
    exclusion = result.exclusion(service_id)
    assert exclusion is not None, service_id
    return [u.code for u in exclusion.because]


def _reasons(result: MatchResult, service_id: str) -> set[ReasonCode]:
    proposal = result.proposal(service_id)
    assert proposal is not None, service_id
    return {r.code for r in proposal.reasons}


def _cautions(result: MatchResult, service_id: str) -> set[CautionCode]:
    proposal = result.proposal(service_id)
    assert proposal is not None, service_id
    return {c.code for c in proposal.cautions}


PEER = ["support-peer-group"]


def test_open_eligibility_veterans_term_linked_as_eligibility_restricts(
    standard: Directory,
) -> None:
    civilian = match(_person(PEER), standard, today=TODAY)
    assert _because(civilian, "veterans-circle") == [UnmetCode.POPULATION_NOT_ELIGIBLE]
    veteran = match(_person(PEER, practical={"groups": ["group-veteran"]}), standard, today=TODAY)
    assert ReasonCode.ELIGIBLE_GROUP in _reasons(veteran, "veterans-circle")
    # Restricted to their group: a focus on them, above groups open to everyone.
    ranks = {p.service_id: p.rank for p in veteran.proposals}
    assert ranks["veterans-circle"] < ranks["open-circle"]


def test_eligibility_description_is_shown_as_a_caution(standard: Directory) -> None:
    result = match(_person(PEER), standard, today=TODAY)
    assert CautionCode.ELIGIBILITY_DESCRIBED in _cautions(result, "women-circle")
    proposal = result.proposal("women-circle")
    assert proposal is not None
    words = [render(c) for c in proposal.cautions]
    assert "who may use it, in the directory's words: “Women only, 18 and over”" in words


def test_interpretation_services_text_covers_the_languages_it_names(standard: Directory) -> None:
    spanish = match(_person(PEER, speaks="es"), standard, today=TODAY)
    assert ReasonCode.INTERPRETATION in _reasons(spanish, "phone-interpreted-group")
    assert CautionCode.INTERPRETER_REMOTE_ONLY in _cautions(spanish, "phone-interpreted-group")
    # Only Spanish and Somali are named: a Vietnamese speaker who needs an interpreter is not
    # served there, and the exclusion says why.
    vietnamese = match(_person(PEER, speaks="vi"), standard, today=TODAY)
    assert _because(vietnamese, "phone-interpreted-group") == [UnmetCode.LANGUAGE_NOT_SPOKEN]


@pytest.mark.parametrize("hub", ["phillips-hub", "radius-hub"])
def test_service_area_extents_polygon_and_radius(standard: Directory, hub: str) -> None:
    centre = ["support-community-centre"]
    inside = match(_person(centre), standard, today=TODAY)
    assert ReasonCode.SERVES_AREA in _reasons(inside, hub)
    outside = match(_person(centre, where=ELSEWHERE), standard, today=TODAY)
    assert UnmetCode.OUTSIDE_EXTENT in _because(outside, hub)
    # Without coordinates, the clinic's postal-code centroid places the person.
    by_postal = _person(centre, where=None, practical={"postal_code": "55411"})
    placed = match(by_postal, standard, today=TODAY, postal_centroids={"55411": ELSEWHERE})
    assert UnmetCode.OUTSIDE_EXTENT in _because(placed, hub)
    unplaced = match(by_postal, standard, today=TODAY)
    assert CautionCode.EXTENT_UNCHECKED in _cautions(unplaced, hub)


def test_a_deaf_person_who_signs_is_not_sent_to_spoken_groups(standard: Directory) -> None:
    deaf = _person(
        PEER,
        language={"other_languages": ["ase"]},
        identity={"communication_needs": ["need-sign-language-interpreter"]},
    )
    result = match(deaf, standard, today=TODAY)
    assert _proposed(result)[:1] == ["deaf-peer-group"]
    assert ReasonCode.SIGN_LANGUAGE in _reasons(result, "deaf-peer-group")
    for spoken in ("open-circle", "phone-interpreted-group", "women-circle"):
        assert UnmetCode.NO_SIGN_LANGUAGE in _because(result, spoken)


def test_attending_type_online_is_a_way_to_take_part(standard: Directory) -> None:
    online = _person(
        ["support-online-community"],
        practical={"ways_to_take_part": ["take-part-video"], "internet_access": "internet-video"},
    )
    result = match(online, standard, today=TODAY)
    assert "video-group" in _proposed(result)
    assert ReasonCode.REMOTE_WAYS in _reasons(result, "video-group")


def test_a_faith_named_in_vietnamese_is_recognised(standard: Directory) -> None:
    buddhist = _person(
        ["support-faith-community"],
        language={
            "preferred_language": "vi",
            "religion_or_spirituality": "Phật giáo",
            "spirituality_importance": "spiritual-very",
        },
    )
    result = match(buddhist, standard, today=TODAY)
    assert _proposed(result)[0] == "chua-phat-group"
    assert ReasonCode.FAITH_TRADITION in _reasons(result, "chua-phat-group")


def test_another_tradition_is_excluded_when_she_asked_for_her_own(standard: Directory) -> None:
    catholic = _person(
        ["support-faith-community"],
        language={
            "religion_or_spirituality": "Católica",
            "spirituality_importance": "spiritual-very",
        },
    )
    result = match(catholic, standard, today=TODAY)
    assert _proposed(result)[0] == "parish-group"
    assert _because(result, "masjid-circle") == [UnmetCode.OTHER_TRADITION]
    # Without asking for a faith community, another tradition is a caution, never a reason.
    open_to_all = _person(
        [],
        language={
            "religion_or_spirituality": "Católica",
            "spirituality_importance": "spiritual-very",
        },
    )
    seen = match(open_to_all, standard, today=TODAY)
    assert CautionCode.OTHER_FAITH_TRADITION in _cautions(seen, "masjid-circle")
    assert not {ReasonCode.FAITH_BASED, ReasonCode.FAITH_TRADITION} & _reasons(
        seen, "masjid-circle"
    )


def test_a_group_restricted_to_him_ranks_above_open_groups(standard: Directory) -> None:
    trans_man = _person(
        PEER,
        identity={"gender_identity": "gender-man"},
        practical={"groups": ["group-lgbtq", "group-man"]},
    )
    result = match(trans_man, standard, today=TODAY)
    ranks = {p.service_id: p.rank for p in result.proposals}
    assert ranks["lgbtq-only-group"] < ranks["open-circle"]
    assert ReasonCode.ELIGIBLE_GROUP in _reasons(result, "lgbtq-only-group")


def test_counsellor_gender_preference_is_a_caution(standard: Directory) -> None:
    result = match(
        _person(PEER, care={"clinician_gender": "clinician-woman"}), standard, today=TODAY
    )
    assert CautionCode.CLINICIAN_GENDER_NOT_STATED in _cautions(result, "open-circle")


def test_alert_documents_and_current_cost_options_are_shown(standard: Directory) -> None:
    result = match(_person(PEER), standard, today=TODAY)
    proposal = result.proposal("noticed-group")
    assert proposal is not None
    words = {c.code: render(c) for c in proposal.cautions}
    assert words[CautionCode.ALERT] == (
        "directory notice: “Closed 24-31 December; meets again in January”"
    )
    assert words[CautionCode.REQUIRED_DOCUMENTS] == "documents to bring: Proof of address"
    assert words[CautionCode.COST_OPTIONS] == "costs, in the directory's words: Everyone: 0 free"
    assert "Old fee" not in words[CautionCode.COST_OPTIONS]  # expired 2020


def test_a_service_of_an_unknown_taxonomy_is_shown_to_judge(standard: Directory) -> None:
    result = match(_person(PEER), standard, today=TODAY)
    assert CautionCode.KIND_UNKNOWN in _cautions(result, "legal-clinic")
    ranks = {p.service_id: p.rank for p in result.proposals}
    assert ranks["legal-clinic"] > ranks["open-circle"]


def test_positive_screen_puts_the_crisis_line_first_with_why(standard: Directory) -> None:
    result = match(_person(PEER), standard, today=TODAY, screen=ScreenResult.ACUTE_POSITIVE)
    first = result.proposals[0]
    assert first.service_id == "crisis-line"
    assert first.crisis
    assert {ReasonCode.CRISIS_HELP, ReasonCode.CRISIS_FIRST} <= {r.code for r in first.reasons}
    assert "warmline" in _proposed(result)[1:]
    assert not result.if_things_get_worse


@pytest.mark.parametrize("screen", [ScreenResult.NEGATIVE, None])
def test_otherwise_the_crisis_line_is_for_if_things_get_worse(
    standard: Directory, screen: ScreenResult | None
) -> None:
    result = match(_person(PEER), standard, today=TODAY, screen=screen)
    assert "crisis-line" not in _proposed(result)
    assert [p.service_id for p in result.if_things_get_worse] == ["crisis-line"]
    assert ReasonCode.IF_THINGS_GET_WORSE in _reasons(result, "crisis-line")
    assert "warmline" in _proposed(result)


def test_a_person_who_declines_referral_gets_no_proposals(standard: Directory) -> None:
    declined = _person([], care={"community_referral_declined": True})
    result = match(declined, standard, today=TODAY)
    assert result.proposals == ()
    assert [p.service_id for p in result.if_things_get_worse] == ["crisis-line"]
    assert _because(result, "warmline") == [UnmetCode.REFERRAL_DECLINED]
    pinned = match(declined, standard, today=TODAY, screen=ScreenResult.NON_ACUTE_POSITIVE)
    assert _proposed(pinned) == ["crisis-line"]  # crisis help is never held back


@pytest.mark.parametrize("language", ["en", "es", "vi", "zh-Hans", "ar"])
def test_every_message_of_the_standard_directory_renders_in_each_language(
    standard: Directory, language: str
) -> None:
    result = match(_person(PEER), standard, today=TODAY, screen=ScreenResult.ACUTE_POSITIVE)
    for proposal in result.proposals:
        for reason in proposal.reasons:
            assert "{" not in render(reason, language)
        for caution in proposal.cautions:
            assert "{" not in render(caution, language)
    for exclusion in result.excluded:
        for unmet in exclusion.because:
            assert render(unmet, language)


DIRECTORY_ORGS = "https://directory.example.org/org"
DIRECTORY_SERVICES = "https://directory.example.org/service"


def test_a_chosen_proposal_becomes_a_referral_target(standard: Directory) -> None:
    person = _person(PEER, speaks="es")
    result = match(person, standard, today=TODAY)
    chosen = result.proposal("phone-interpreted-group")
    assert chosen is not None
    target = referral_target(
        chosen,
        person,
        organization_system=DIRECTORY_ORGS,
        service_system=DIRECTORY_SERVICES,
        language="es",
    )
    assert target.kind.value == "support-peer-group"
    assert target.organization is not None
    assert target.organization.identifier_value == "org-phone-interpreted-group"
    assert target.service is not None
    assert target.service.identifier_value == "phone-interpreted-group"
    assert "ofrece intérprete de español (por teléfono)" in target.service.reasons
    # A clinician's override becomes a target too, carrying no reasons of its own.
    forced = override(result, "veterans-circle", by="Practitioner/1", why="knows the group")
    overridden = referral_target(
        forced, person, organization_system=DIRECTORY_ORGS, service_system=DIRECTORY_SERVICES
    )
    assert overridden.service is not None
    assert overridden.service.reasons == ()


def test_no_referral_target_for_crisis_help_or_a_declined_referral(standard: Directory) -> None:
    person = _person(PEER)
    result = match(person, standard, today=TODAY)
    crisis = result.proposal("crisis-line")
    assert crisis is not None
    with pytest.raises(MatchingError) as refused:
        referral_target(
            crisis, person, organization_system=DIRECTORY_ORGS, service_system=DIRECTORY_SERVICES
        )
    assert refused.value.field == "chosen"
    declined = _person([], care={"community_referral_declined": True})
    warm = result.proposal("warmline")
    assert warm is not None
    with pytest.raises(MatchingError) as declined_error:
        referral_target(
            warm, declined, organization_system=DIRECTORY_ORGS, service_system=DIRECTORY_SERVICES
        )
    assert declined_error.value.field == "intake.care.community_referral_declined"


def test_the_intakes_own_positive_screen_puts_crisis_help_first(standard: Directory) -> None:
    screened = _person(
        PEER,
        safety_screen={
            "screen": "asq",
            "answers": {"1": True, "2": False, "3": False, "4": False, "5": False},
        },
    )
    result = match(screened, standard, today=TODAY)
    assert result.proposals[0].service_id == "crisis-line"
    assert ReasonCode.CRISIS_FIRST in _reasons(result, "crisis-line")
    # The caller's screen wins over the intake's (e.g. a later, negative re-screen).
    later = match(screened, standard, today=TODAY, screen=ScreenResult.NEGATIVE)
    assert [p.service_id for p in later.if_things_get_worse] == ["crisis-line"]
