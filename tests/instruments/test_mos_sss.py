"""The instrument's definition: items, subscales, codes and wording."""

import re

import pytest

from commcare_ext.instruments import (
    MOS_SSS_ANSWERS,
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_INSTRUCTIONS_ES,
    MOS_SSS_ITEMS,
    MOS_SSS_OVERALL_INDEX,
    MOS_SSS_PANEL,
    MOS_SSS_SCORE_CODES,
    MOS_SSS_SUBSCALE_ITEMS,
    MOS_SSS_SUBSCALE_NAMES,
    MosSubscale,
)
from commcare_ext.terminology.code import Code
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
        *(item.code for item in MOS_SSS_ITEMS),
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


def test_there_are_nineteen_items_in_form_order_with_stable_keys() -> None:
    assert [item.number for item in MOS_SSS_ITEMS] == list(range(1, 20))
    assert [item.key for item in MOS_SSS_ITEMS] == [f"mos-sss-{n:02d}" for n in range(1, 20)]


def test_subscale_membership_matches_rand() -> None:
    # RAND's grouping, renumbered 1-19 (RAND's form numbers these 2-20).
    assert MOS_SSS_SUBSCALE_ITEMS == {
        MosSubscale.EMOTIONAL_INFORMATIONAL: (2, 3, 7, 8, 12, 15, 16, 18),
        MosSubscale.TANGIBLE: (1, 4, 11, 14),
        MosSubscale.AFFECTIONATE: (5, 9, 19),
        MosSubscale.POSITIVE_SOCIAL_INTERACTION: (6, 10, 17),
    }
    sizes = [len(numbers) for numbers in MOS_SSS_SUBSCALE_ITEMS.values()]
    assert sizes == [8, 4, 3, 3]
    # 18 items in subscales plus the one additional item make the overall index's 19.
    additional = [item.number for item in MOS_SSS_ITEMS if item.subscale is None]
    assert additional == [13]
    assert sum(sizes) + len(additional) == len(MOS_SSS_ITEMS) == 19


def test_every_item_agrees_with_the_subscale_table() -> None:
    for subscale, numbers in MOS_SSS_SUBSCALE_ITEMS.items():
        for number in numbers:
            assert MOS_SSS_ITEMS[number - 1].subscale is subscale


def test_confirmed_loinc_codes_are_exactly_those_found_on_loinc_org() -> None:
    confirmed = {item.number: item.code.code for item in MOS_SSS_ITEMS if item.loinc_confirmed}
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
    for item in MOS_SSS_ITEMS:
        if item.loinc_confirmed:
            assert item.loinc == item.code
        else:
            assert item.loinc is None
            assert item.code.system == COMMCARE_CODESYSTEM
            assert item.code.code == f"mos-sss-item-{item.number:02d}"


def test_answer_scale_is_one_to_five_with_loinc_answer_codes() -> None:
    assert [a.value for a in MOS_SSS_ANSWERS] == [1, 2, 3, 4, 5]
    assert [(a.code.code, a.display_en) for a in MOS_SSS_ANSWERS] == [
        ("LA6297-1", "None of the time"),
        ("LA14732-4", "A little of the time"),
        ("LA14733-2", "Some of the time"),
        ("LA14734-0", "Most of the time"),
        ("LA6154-4", "All of the time"),
    ]
    for answer in MOS_SSS_ANSWERS:
        assert answer.code.system == LOINC
        assert LOINC_ANSWER.match(answer.code.code)
        assert answer.display_es.strip()
    assert len({a.display_es for a in MOS_SSS_ANSWERS}) == 5


def test_every_item_has_our_wording_in_english_and_spanish() -> None:
    for item in MOS_SSS_ITEMS:
        assert item.text_en.strip(), item.number
        assert item.text_es.strip(), item.number
        assert item.text_en != item.text_es
        assert item.text_es.startswith("Alguien"), item.number
        # our paraphrase, not the LOINC/RAND item text
        assert item.text_en.lower() != item.code.display.lower(), item.number
    assert len({item.text_en for item in MOS_SSS_ITEMS}) == 19
    assert len({item.text_es for item in MOS_SSS_ITEMS}) == 19
    assert MOS_SSS_INSTRUCTIONS_EN.strip()
    assert MOS_SSS_INSTRUCTIONS_ES.strip()
    for name_en, name_es in MOS_SSS_SUBSCALE_NAMES.values():
        assert name_en.strip()
        assert name_es.strip()
