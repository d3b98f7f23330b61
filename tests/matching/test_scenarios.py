"""Five people against a small HSDS directory (tests/matching/directory.json): who is proposed,
in which order, why, and what excludes the rest."""

from pathlib import Path

import pytest

from commcare_ext.directory import Directory, read_hsds
from commcare_ext.matching import (
    CautionCode,
    Constraint,
    MatchResult,
    Proposal,
    ReasonCode,
    UnmetCode,
    match,
    render,
)
from tests.matching import people
from tests.matching.make_directory import FILE, text

HERE = Path(__file__).resolve().parent


@pytest.fixture(scope="module")
def directory() -> Directory:
    found, report = read_hsds(FILE, today=people.TODAY)
    assert report.ok, [str(p) for p in report.problems]
    return found


def _ids(result: MatchResult) -> list[str]:
    return [p.service_id for p in result.proposals]


def _reasons(proposal: Proposal | None) -> set[ReasonCode]:
    assert proposal is not None
    return {r.code for r in proposal.reasons}


def _cautions(proposal: Proposal | None) -> set[CautionCode]:
    assert proposal is not None
    return {c.code for c in proposal.cautions}


def _because(result: MatchResult, service_id: str) -> list[UnmetCode]:
    exclusion = result.exclusion(service_id)
    assert exclusion is not None, service_id
    return [u.code for u in exclusion.because]


def test_the_directory_file_is_what_its_builder_writes() -> None:
    assert FILE.read_text(encoding="utf-8") == text()


def test_spanish_speaker_without_a_car_in_a_rural_area_who_works_until_7pm(
    directory: Directory,
) -> None:
    result = match(people.spanish_speaker_rural_no_car(), directory, today=people.TODAY)
    # The evening group in town ranks above the phone line: it is peer-led, free, in Spanish,
    # and 0 km away; the phone line is the remote way in.
    assert _ids(result) == ["grupo-center", "linea-pares"]
    group = result.proposal("grupo-center")
    assert {
        ReasonCode.OFFERS_SUPPORT,
        ReasonCode.STAFF_SPEAK,
        ReasonCode.FREE,
        ReasonCode.NEARBY,
        ReasonCode.FITS_HOURS,
        ReasonCode.PEER_LED,
    } <= _reasons(group)
    assert group is not None
    hours = next(r for r in group.reasons if r.code is ReasonCode.FITS_HOURS)
    assert render(hours) == "open Tuesday 19:30-21:00, when the person can take part"
    assert render(hours, "es") == (
        "abierto el martes de 19:30 a 21:00, cuando la persona puede participar"
    )
    speaks = next(r for r in group.reasons if r.code is ReasonCode.STAFF_SPEAK)
    assert render(speaks, "es") == "el personal habla español"
    line = result.proposal("linea-pares")
    assert ReasonCode.REMOTE_WAYS in _reasons(line)
    # Each exclusion names what a clinician would have to override, and only that.
    assert _because(result, "center-daytime") == [UnmetCode.HOURS_DO_NOT_FIT]
    assert _because(result, "montevista-evening") == [UnmetCode.TOO_FAR]
    assert _because(result, "video-valle") == [UnmetCode.NO_USABLE_MODE]
    assert _because(result, "center-paid") == [UnmetCode.CHARGES_FEE]
    assert _because(result, "alamosa-noon") == [
        UnmetCode.LANGUAGE_NOT_SPOKEN,
        UnmetCode.TOO_FAR,
        UnmetCode.HOURS_DO_NOT_FIT,
    ]
    far = result.exclusion("montevista-evening")
    assert far is not None
    assert far.because[0].param("limit_km") == 10.0  # 20 minutes of rides at 30 km/h
    assert render(far.because[0]) == "nearest site 19.6 km away, beyond the person's 10 km"


def test_strong_stigma_concerns_faith_based_support_and_discreet_contact(
    directory: Directory,
) -> None:
    result = match(people.stigma_faith_discreet(), directory, today=people.TODAY)
    assert _ids(result) == ["quiet-room"]
    quiet = result.proposal("quiet-room")
    assert {
        ReasonCode.FAITH_TRADITION,
        ReasonCode.KEEPS_DISCREET_RULES,
        ReasonCode.UNMARKED_SITE,
    } <= _reasons(quiet)
    assert quiet is not None
    kept = next(r for r in quiet.reasons if r.code is ReasonCode.KEEPS_DISCREET_RULES)
    assert kept.param("rules") == (
        "contact-neutral-name",
        "contact-no-mail-home",
        "contact-no-voicemail",
    )
    assert not quiet.cautions
    # She asked for a faith community and named her own tradition: a church group is out,
    # with that cause (issue 19), not proposed with "faith-based" as a reason.
    assert _because(result, "grace-grief") == [UnmetCode.OTHER_TRADITION]
    grace = result.exclusion("grace-grief")
    assert grace is not None
    assert grace.because[0].param("traditions") == ("lutheran",)
    # The parish that leaves voicemail and mails home is out, for that reason and its tradition.
    assert _because(result, "parish-calls") == [
        UnmetCode.BREAKS_DISCREET_RULE,
        UnmetCode.OTHER_TRADITION,
    ]
    parish = result.exclusion("parish-calls")
    assert parish is not None
    assert parish.because[0].param("rules") == ("contact-no-mail-home", "contact-no-voicemail")


def test_family_centred_elder_who_needs_an_interpreter(directory: Directory) -> None:
    result = match(people.family_centred_elder(), directory, today=people.TODAY)
    # Staff who speak Vietnamese rank above an interpreter by phone.
    assert _ids(result) == ["viet-family", "family-resource"]
    assert {ReasonCode.STAFF_SPEAK, ReasonCode.CULTURAL_FOCUS} <= _reasons(
        result.proposal("viet-family")
    )
    resource = result.proposal("family-resource")
    assert ReasonCode.INTERPRETATION in _reasons(resource)
    assert resource is not None
    (phone_only,) = [c for c in resource.cautions if c.code is CautionCode.INTERPRETER_REMOTE_ONLY]
    assert render(phone_only) == "interpreter by phone only"
    assert render(phone_only, "es") == "intérprete solo por teléfono"
    assert _because(result, "family-circle") == [UnmetCode.LANGUAGE_NOT_SPOKEN]
    assert _because(result, "youth-dropin") == [UnmetCode.AGE_OUTSIDE_RANGE]


def test_young_person_who_wants_no_family_involvement_and_online_peers(
    directory: Directory,
) -> None:
    result = match(people.young_person_online_no_family(), directory, today=people.TODAY)
    assert _ids(result) == ["rainbow-online"]
    online = result.proposal("rainbow-online")
    assert {
        ReasonCode.REMOTE_WAYS,
        ReasonCode.PEER_LED,
        ReasonCode.KEEPS_DISCREET_RULES,
        ReasonCode.WELCOMES_GROUP,
    } <= _reasons(online)
    # A family programme that mails home is out for exactly that.
    assert _because(result, "family-peer") == [UnmetCode.BREAKS_DISCREET_RULE]
    assert _because(result, "teen-group") == [UnmetCode.NO_USABLE_MODE]
    assert _because(result, "adults-online") == [UnmetCode.AGE_OUTSIDE_RANGE]


def test_nothing_fits_and_the_answer_says_why_per_constraint(directory: Directory) -> None:
    result = match(people.nothing_fits(), directory, today=people.TODAY)
    assert result.proposals == ()
    assert len(result.excluded) == len(directory)
    healer = result.exclusion("healer-intro")
    assert healer is not None
    assert healer.constraints == (Constraint.LANGUAGE, Constraint.COST, Constraint.REACHABLE)
    online = result.exclusion("rainbow-online")
    assert online is not None
    assert set(online.constraints) == {
        Constraint.SUPPORT_TYPE,
        Constraint.LANGUAGE,
        Constraint.ELIGIBILITY,
        Constraint.DIGITAL_ACCESS,
        Constraint.REACHABLE,
    }
    for exclusion in result.excluded:
        assert exclusion.because
        for unmet in exclusion.because:
            for language in ("en", "es"):
                words = render(unmet, language)
                assert words
                assert "{" not in words


def test_near_and_travel_limit_override_the_intake(directory: Directory) -> None:
    person = people.spanish_speaker_rural_no_car()
    wider = match(person, directory, travel_limit=25, today=people.TODAY)
    assert "montevista-evening" in _ids(wider)
    elsewhere = match(person, directory, near=people.MINNEAPOLIS, today=people.TODAY)
    assert _ids(elsewhere) == ["linea-pares"]
