"""Findings in words (English and Spanish), override records, and errors that name the field."""

from datetime import UTC, datetime
from typing import Any

import pytest

from commcare_ext.directory import Directory, read_hsds
from commcare_ext.errors import CommcareError
from commcare_ext.matching import (
    MESSAGE_LANGUAGES,
    Caution,
    CautionCode,
    Constraint,
    MatchingError,
    Reason,
    ReasonCode,
    Unmet,
    UnmetCode,
    as_data,
    match,
    message_language,
    needs_review,
    override,
    render,
)
from commcare_ext.matching.catalogue import CAUTIONS, REASONS, UNMET
from commcare_ext.matching.findings import Finding, caution, reason, unmet
from tests.matching import people
from tests.matching.make_directory import FILE

#: Parameters every placeholder of the catalogue can be filled from.
SAMPLE: dict[str, Any] = {
    "status": "temporarily closed",
    "wanted": ("support-peer-group", "support-faith-community"),
    "offered": ("support-community-centre",),
    "kinds": ("support-peer-group", "crisis-line"),
    "needs": ("es-mx", "en"),
    "staff": ("so", "ar"),
    "language": "vi",
    "preferred": "ti",
    "amount": 40.0,
    "currency": "USD",
    "minimum": 18,
    "maximum": 24,
    "genders": ("gender-women",),
    "populations": ("population-refugees",),
    "groups": ("population-lgbtq",),
    "groups_recorded": False,
    "postal_codes": ("81101", "81125"),
    "rules": ("contact-no-voicemail", "contact-no-mail-home"),
    "modes": ("mode-phone", "mode-video"),
    "usable": ("mode-in-person",),
    "nearest_km": 19.6,
    "limit_km": 10.0,
    "km": 2.5,
    "day": 1,
    "start": "19:30",
    "end": "21:00",
    "traditions": ("islam",),
    "way": "interpreter",
    "terms": ("Open Eligibility: Legal Aid",),
    "text": "Women only",
    "areas": ("Westside",),
    "documents": ("Photo ID",),
    "options": ("Under 18s free",),
    "preference": "clinician-woman",
    "communities": ("somali",),
    "months": 14,
    "weeks": 6,
}


@pytest.fixture(scope="module")
def directory() -> Directory:
    return read_hsds(FILE, today=people.TODAY)[0]


def test_every_code_has_words_in_every_form_language() -> None:
    assert set(UNMET) == set(UnmetCode)
    assert set(REASONS) == set(ReasonCode)
    assert set(CAUTIONS) == set(CautionCode)
    for code in (*UnmetCode, *ReasonCode, *CautionCode):
        finding = (
            unmet(code, **SAMPLE)
            if isinstance(code, UnmetCode)
            else reason(code, **SAMPLE)
            if isinstance(code, ReasonCode)
            else caution(code, **SAMPLE)
        )
        texts = [render(finding, language) for language in MESSAGE_LANGUAGES]
        assert all(texts)
        assert len(set(texts)) == len(texts), code  # no language falls back to another's


@pytest.mark.parametrize("language", MESSAGE_LANGUAGES)
def test_every_finding_renders_with_every_placeholder_filled(language: str) -> None:
    findings: list[Finding] = [
        *(unmet(code, **SAMPLE) for code in UnmetCode),
        *(reason(code, **SAMPLE) for code in ReasonCode),
        *(caution(code, **SAMPLE) for code in CautionCode),
    ]
    for finding in findings:
        words = render(finding, language)
        assert words
        assert "{" not in words
        assert "None" not in words


def test_codes_become_words_in_each_language() -> None:
    fee = unmet(UnmetCode.CHARGES_FEE, amount=40.0, currency="USD")
    assert render(fee) == "charges a fee (40 USD) and has no sliding scale, while cost is a barrier"
    assert render(fee, "es") == (
        "cobra una tarifa (40 USD) y no tiene escala móvil, y el costo es un obstáculo"
    )
    ages = unmet(UnmetCode.AGE_NOT_RECORDED, minimum=18)
    assert render(ages) == "only for ages 18 and over; the intake has no birth date to check"
    stale = caution(CautionCode.NOT_VERIFIED_RECENTLY, months=14)
    assert render(stale) == "record not verified in 14 months"
    assert render(stale, "es") == "registro sin verificar desde hace 14 meses"
    fresh = reason(ReasonCode.RECENTLY_VERIFIED, months=0)
    assert render(fresh) == "directory record checked this month"
    speaks = reason(ReasonCode.STAFF_SPEAK, language="zh-hant")
    assert render(speaks) == "staff speak Chinese"
    assert render(speaks, "es") == "el personal habla chino"
    assert render(reason(ReasonCode.FREE), "vi") == "miễn phí"
    assert render(reason(ReasonCode.FREE), "zh-Hans") == "免费"
    crisis = reason(ReasonCode.CRISIS_HELP, kinds=("crisis-line",))
    assert render(crisis, "ar") == "مساعدة في الأزمات: خط أزمات"


def test_a_language_outside_the_catalogue_is_refused_not_defaulted() -> None:
    with pytest.raises(MatchingError) as raised:
        render(reason(ReasonCode.FREE), "fr")
    assert raised.value.field == "language"
    assert isinstance(raised.value, CommcareError)


def test_the_patient_language_picks_the_catalogue() -> None:
    assert message_language("es-MX") == "es"
    assert message_language("en-US") == "en"
    assert message_language("so") is None
    assert message_language("zh-CN") == "zh-Hans"
    assert message_language("vi") == "vi"
    assert needs_review("es")
    assert needs_review("ar")
    assert not needs_review("en")


def test_findings_are_data_first_and_reveal_no_parameters_in_repr() -> None:
    finding = unmet(UnmetCode.LANGUAGE_NOT_SPOKEN, needs=("ti",), staff=("en",))
    assert finding.constraint is Constraint.LANGUAGE
    assert as_data(finding) == {
        "code": "language.not-spoken",
        "params": {"needs": ["ti"], "staff": ["en"]},
    }
    assert "ti" not in repr(finding).replace("not-spoken", "")
    assert repr(finding) == "Unmet(language.not-spoken)"
    assert isinstance(finding, Unmet)
    assert not isinstance(finding, (Reason, Caution))


def test_every_unmet_code_belongs_to_a_constraint() -> None:
    assert {code.constraint for code in UnmetCode} == set(Constraint)


def test_an_override_records_who_why_and_every_constraint_set_aside(
    directory: Directory,
) -> None:
    result = match(people.nothing_fits(), directory, today=people.TODAY)
    when = datetime(2026, 11, 24, 15, 0, tzinfo=UTC)
    record = override(
        result,
        "healer-intro",
        by="Practitioner/dr-okafor",
        why="Her brother will drive her and interpret; the healer waives fees for elders.",
        at=when,
    )
    assert record.service_id == "healer-intro"
    assert record.constraints == (Constraint.LANGUAGE, Constraint.COST, Constraint.REACHABLE)
    assert record.by == "Practitioner/dr-okafor"
    assert record.at == when
    shown = repr(record)
    assert "okafor" not in shown
    assert "brother" not in shown


@pytest.mark.parametrize(
    ("service_id", "by", "why", "at", "field"),
    [
        ("no-such-service", "dr", "because", None, "service_id"),
        ("healer-intro", " ", "because", None, "by"),
        ("healer-intro", "dr", "", None, "why"),
        ("healer-intro", "dr", "because", datetime(2026, 11, 24, 15, 0), "at"),
    ],
)
def test_an_override_without_what_it_needs_is_refused(
    *,
    directory: Directory,
    service_id: str,
    by: str,
    why: str,
    at: datetime | None,
    field: str,
) -> None:
    result = match(people.nothing_fits(), directory, today=people.TODAY)
    with pytest.raises(MatchingError) as raised:
        override(result, service_id, by=by, why=why, at=at)
    assert raised.value.field == field


def test_a_proposed_service_needs_no_override(directory: Directory) -> None:
    result = match(people.young_person_online_no_family(), directory, today=people.TODAY)
    with pytest.raises(MatchingError, match="proposed already"):
        override(result, "rainbow-online", by="dr", why="x")


@pytest.mark.parametrize(
    ("options", "field"),
    [
        ({"near": (91.0, 0.0)}, "near"),
        ({"near": (float("nan"), 0.0)}, "near"),
        ({"travel_limit": 0}, "travel_limit"),
        ({"travel_limit": -5.0}, "travel_limit"),
    ],
)
def test_bad_options_are_our_typed_error(
    directory: Directory, options: dict[str, Any], field: str
) -> None:
    with pytest.raises(MatchingError) as raised:
        match(people.nothing_fits(), directory, today=people.TODAY, **options)
    assert raised.value.field == field
    assert "91" not in str(raised.value)


def test_results_show_no_patient_data_in_reprs(directory: Directory) -> None:
    result = match(people.stigma_faith_discreet(), directory, today=people.TODAY)
    assert repr(result) == "MatchResult(<1 proposed, 0 if things get worse, 18 excluded>)"
    assert repr(result.proposals[0]) == "Proposal('quiet-room', rank=1, score=85)"
    assert repr(result.excluded[0]) == f"Exclusion({result.excluded[0].service_id!r})"
