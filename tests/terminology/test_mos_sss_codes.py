"""The MOS-SSS codes: LOINC where confirmed, our placeholders otherwise, never a guess."""

import re

import pytest

from commcare_ext.instruments import MOS_SSS_ITEMS, MOS_SSS_SCALE, MosSubscale
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.mos_sss import (
    MOS_SSS_ANSWERS,
    MOS_SSS_ITEM_CODES,
    MOS_SSS_OVERALL_INDEX,
    MOS_SSS_PANEL,
    MOS_SSS_SCORE_CODES,
    loinc_confirmed,
    mos_score_code,
)
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, LOINC

LOINC_TERM = re.compile(r"^[1-9]\d{0,6}-\d$")
LOINC_ANSWER = re.compile(r"^LA\d{1,6}-\d$")


def loinc_check_digit(body: str) -> int:
    """LOINC's mod-10 check digit of a term code's numeric part (a Luhn variant).

    From the right, every other digit starting with the rightmost is doubled; the digits
    of all the resulting numbers are summed; the check digit brings the sum to a multiple
    of 10.
    """
    total = 0
    for position, char in enumerate(reversed(body)):
        digit = int(char) * 2 if position % 2 == 0 else int(char)
        total += digit // 10 + digit % 10
    return (10 - total % 10) % 10


def loinc_term_is_valid(code: str) -> bool:
    if not LOINC_TERM.match(code):
        return False
    body, check = code.split("-")
    return loinc_check_digit(body) == int(check)


def all_term_codes() -> list[Code]:
    return [
        MOS_SSS_PANEL,
        MOS_SSS_OVERALL_INDEX,
        *MOS_SSS_ITEM_CODES.values(),
        *MOS_SSS_SCORE_CODES.values(),
    ]


@pytest.mark.parametrize(
    ("code", "valid"),
    [
        ("91642-9", True),  # the panel, as printed on loinc.org
        ("91663-5", True),
        ("44249-1", True),  # PHQ-9 panel, an unrelated known-good code
        ("91663-4", False),  # wrong check digit
        ("91653-3", False),  # 91635-3 with two digits transposed
        ("9163-53", False),  # hyphen in the wrong place
        ("LA6297-1", False),  # answer codes are not term codes
    ],
)
def test_check_digit_algorithm_catches_typos(code: str, valid: bool) -> None:
    assert loinc_term_is_valid(code) is valid


def test_every_item_has_exactly_one_code() -> None:
    assert sorted(MOS_SSS_ITEM_CODES) == [item.number for item in MOS_SSS_ITEMS]
    assert set(MOS_SSS_SCORE_CODES) == set(MosSubscale)
    assert mos_score_code(None) == MOS_SSS_OVERALL_INDEX
    for subscale in MosSubscale:
        assert mos_score_code(subscale) == MOS_SSS_SCORE_CODES[subscale]


def test_confirmed_loinc_codes_are_exactly_those_found_on_loinc_org() -> None:
    confirmed = {n: code.code for n, code in MOS_SSS_ITEM_CODES.items() if loinc_confirmed(code)}
    assert confirmed == {
        1: "91652-8",
        2: "91634-6",
        3: "91635-3",
        4: "91653-6",
        7: "91655-1",
        8: "91637-9",
        11: "91658-5",
        12: "91638-7",
        15: "91640-3",
        16: "91660-1",
        18: "91662-7",
    }
    assert MOS_SSS_PANEL.code == "91642-9"
    assert MOS_SSS_OVERALL_INDEX.code == "91663-5"
    assert MOS_SSS_SCORE_CODES[MosSubscale.EMOTIONAL_INFORMATIONAL].code == "91647-8"


def test_term_codes_are_unique_well_formed_and_check_digits_hold() -> None:
    codes = all_term_codes()
    assert len({(c.system, c.code) for c in codes}) == len(codes)
    for code in codes:
        assert code.system in {LOINC, COMMCARE_CODESYSTEM}, code
        assert code.display.strip(), code
        if code.system == LOINC:
            assert loinc_term_is_valid(code.code), code.code
        else:
            assert code.code.startswith("mos-sss-"), code.code


def test_unconfirmed_items_carry_only_our_own_codes() -> None:
    for number, code in MOS_SSS_ITEM_CODES.items():
        if not loinc_confirmed(code):
            assert code.system == COMMCARE_CODESYSTEM
            assert code.code == f"mos-sss-item-{number:02d}"


def test_answer_scale_is_one_to_five_with_loinc_answer_codes() -> None:
    assert list(MOS_SSS_ANSWERS) == [1, 2, 3, 4, 5]
    assert [(a.code.code, a.display_en) for a in MOS_SSS_ANSWERS.values()] == [
        ("LA6297-1", "None of the time"),
        ("LA14732-4", "A little of the time"),
        ("LA14733-2", "Some of the time"),
        ("LA14734-0", "Most of the time"),
        ("LA6154-4", "All of the time"),
    ]
    for value, answer in MOS_SSS_ANSWERS.items():
        assert answer.code.system == LOINC
        assert LOINC_ANSWER.match(answer.code.code)
        # the instrument's wording is LOINC's answer text (translations: the catalogues)
        assert answer.display_en == MOS_SSS_SCALE[value]


def test_our_item_wording_is_not_the_loinc_item_text() -> None:
    for item in MOS_SSS_ITEMS:
        assert item.text_en.lower() != MOS_SSS_ITEM_CODES[item.number].display.lower()
