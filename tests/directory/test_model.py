from datetime import date, time

import pytest

from commcare_ext.directory import (
    Directory,
    Discretion,
    Eligibility,
    LanguageAccess,
    Location,
    Organization,
    OutreachMethod,
    Service,
    ServiceMode,
    Session,
    TaxonomyMapping,
    TaxonomyTerm,
    Weekday,
    WeeklySchedule,
)
from commcare_ext.intake.vocabulary import DiscreetContact, SupportType

ORG = Organization("org-1", "Valley Community Centre")


def _service(service_id: str = "svc-1", **kwargs: object) -> Service:
    return Service(service_id, "Evening peer group", ORG, frozenset(), **kwargs)  # type: ignore[arg-type]


def test_evening_session_is_open_during_an_evening_window_not_the_morning() -> None:
    schedule = WeeklySchedule.of([Session(Weekday.TUESDAY, 18 * 60, 19 * 60 + 30)])
    assert schedule.open_during(Weekday.TUESDAY, time(17), time(22))
    assert not schedule.open_during(Weekday.TUESDAY, time(8), time(12))
    assert not schedule.open_during(Weekday.WEDNESDAY, time(17), time(22))
    assert schedule.open_evenings()
    assert not schedule.open_weekends()
    assert schedule.open_throughout(Weekday.TUESDAY, time(18), time(19))
    assert not schedule.open_throughout(Weekday.TUESDAY, time(18), time(20))


def test_session_past_midnight_on_sunday_wraps_to_monday() -> None:
    schedule = WeeklySchedule.of([Session(Weekday.SUNDAY, 22 * 60, 2 * 60)])
    assert schedule.open_during(Weekday.SUNDAY, time(23))
    assert schedule.open_during(Weekday.MONDAY, time(1), time(3))
    assert not schedule.open_during(Weekday.MONDAY, time(3), time(4))
    assert schedule.open_weekends()


def test_round_the_clock_line_is_always_open() -> None:
    schedule = WeeklySchedule.of([Session(day, 0, 24 * 60) for day in Weekday])
    assert schedule.always_open
    assert schedule.week_ranges == ((0, 7 * 24 * 60),)


def test_adjacent_sessions_merge() -> None:
    schedule = WeeklySchedule.of(
        [Session(Weekday.MONDAY, 9 * 60, 12 * 60), Session(Weekday.MONDAY, 12 * 60, 17 * 60)]
    )
    assert schedule.week_ranges == ((9 * 60, 17 * 60),)
    assert schedule.open_throughout(Weekday.MONDAY, time(10), time(16))


def test_language_access_matches_regional_tags_by_primary_language() -> None:
    access = LanguageAccess.of({"es", "zh-Hant"})
    assert access.speaks("es-MX")
    assert access.speaks("ZH-hant")
    assert access.speaks("zh")
    assert not access.speaks("vi")


def test_discretion_distinguishes_broken_from_unknown() -> None:
    rules = frozenset({DiscreetContact.NO_VOICEMAIL, DiscreetContact.NEUTRAL_CLINIC_NAME})
    leaves_voicemail = Discretion(outreach=frozenset({OutreachMethod.VOICEMAIL}))
    assert leaves_voicemail.conflicts(rules) == {DiscreetContact.NO_VOICEMAIL}
    assert leaves_voicemail.unknown_for(rules) == {DiscreetContact.NEUTRAL_CLINIC_NAME}
    silent = Discretion(outreach=frozenset(), neutral_caller_name=True)
    assert not silent.conflicts(rules)
    assert not silent.unknown_for(rules)
    assert Discretion().unknown_for(rules) == rules


def test_eligibility_age_range_is_inclusive() -> None:
    teens = Eligibility(minimum_age=13, maximum_age=19)
    assert teens.admits_age(13)
    assert teens.admits_age(19)
    assert not teens.admits_age(20)
    assert Eligibility().admits_age(90)


def test_distance_and_modes() -> None:
    gallup = Location("loc-1", latitude=35.5281, longitude=-108.7426)
    service = _service(locations=(gallup,), modes=frozenset({ServiceMode.IN_PERSON}))
    # Gallup to Window Rock is about 40 km as the crow flies.
    km = service.nearest_km(35.6803, -109.0526)
    assert km is not None
    assert 30 < km < 40
    assert service.in_person
    assert not service.remote_only
    assert _service(modes=frozenset({ServiceMode.PHONE})).remote_only


def test_months_since_verified() -> None:
    service = _service(last_verified=date(2025, 1, 15))
    assert service.months_since_verified(date(2026, 3, 14)) == 13
    assert service.months_since_verified(date(2026, 3, 15)) == 14
    assert _service().months_since_verified(date(2026, 1, 1)) is None


def test_directory_reports_duplicate_ids_and_keeps_the_first() -> None:
    first, second = _service("a"), _service("a", description="other")
    directory, problems = Directory.of([first, second, _service("b")])
    assert [s.id for s in directory] == ["a", "b"]
    assert directory["a"] is first
    assert [(p.record_id, p.field) for p in problems] == [("a", "id")]
    with pytest.raises(ValueError, match="duplicate"):
        Directory([first, second])


def test_taxonomy_mapping_knows_open_eligibility_and_can_be_extended() -> None:
    mapping = TaxonomyMapping.open_eligibility()
    kinds, unmapped = mapping.classify(
        [
            TaxonomyTerm("Support Groups", taxonomy="Open Eligibility"),
            TaxonomyTerm("Spiritual Support"),
            TaxonomyTerm("Counseling", taxonomy="Open Eligibility"),
        ]
    )
    assert kinds == {SupportType.PEER_SUPPORT_GROUP, SupportType.FAITH_COMMUNITY}
    assert [t.name for t in unmapped] == ["Counseling"]
    licensed = TaxonomyTerm("Peer Counseling", code="PN-1234.5678", taxonomy="Example 211")
    assert mapping.support_types(licensed) is None
    extended = mapping.extend(
        "Example 211", {"PN-1234.5678": [SupportType.PEER_SUPPORT_GROUP]}, aliases=["ex211"]
    )
    assert extended.support_types(licensed) == frozenset({SupportType.PEER_SUPPORT_GROUP})
    by_alias = TaxonomyTerm("x", code="pn-1234.5678", taxonomy="EX211")
    assert extended.support_types(by_alias) == frozenset({SupportType.PEER_SUPPORT_GROUP})
    assert mapping.support_types(licensed) is None  # the original is unchanged
