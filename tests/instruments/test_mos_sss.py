import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from commcare_ext.instruments import (
    MOS_SSS_ANSWERS,
    MOS_SSS_ITEMS,
    MosSocialSupport,
    MosSubscale,
    score_mos_sss,
)
from commcare_ext.terminology.systems import LOINC
from tests.fixtures import load_example

ALL_ITEMS = [item.number for item in MOS_SSS_ITEMS]


def loinc_check_digit_ok(code: str) -> bool:
    """LOINC's mod-10 check digit (Luhn over the body), which catches typos."""
    body, _, check = code.partition("-")
    digits = [int(d) for d in body]
    total = 0
    for index, digit in enumerate(reversed(digits)):
        doubled = digit * 2 if index % 2 == 0 else digit
        total += doubled // 10 + doubled % 10
    return (10 - total % 10) % 10 == int(check)


def test_structure_matches_the_instrument() -> None:
    assert len(MOS_SSS_ITEMS) == 19
    assert [item.number for item in MOS_SSS_ITEMS] == list(range(1, 20))
    sizes = {s: sum(1 for i in MOS_SSS_ITEMS if i.subscale is s) for s in MosSubscale}
    assert sizes == {
        MosSubscale.EMOTIONAL_INFORMATIONAL: 8,
        MosSubscale.TANGIBLE: 4,
        MosSubscale.AFFECTIONATE: 3,
        MosSubscale.POSITIVE_SOCIAL_INTERACTION: 3,
    }
    assert sum(1 for i in MOS_SSS_ITEMS if i.subscale is None) == 1
    assert [a.value for a in MOS_SSS_ANSWERS] == [1, 2, 3, 4, 5]


def test_codes_are_unique_and_loinc_check_digits_valid() -> None:
    codes = [item.code for item in MOS_SSS_ITEMS] + [a.code for a in MOS_SSS_ANSWERS]
    assert len({(c.system, c.code) for c in codes}) == len(codes)
    for code in codes:
        if code.system == LOINC and not code.code.startswith("LA"):
            assert loinc_check_digit_ok(code.code), code.code
    assert loinc_check_digit_ok("91642-9")
    assert loinc_check_digit_ok("91663-5")
    assert not loinc_check_digit_ok("91663-4")


def test_every_item_has_wording_in_both_languages() -> None:
    for item in MOS_SSS_ITEMS:
        assert item.text_en.strip()
        assert item.text_es.strip()
        assert item.text_en != item.text_es


def test_all_ones_score_zero_and_all_fives_score_hundred() -> None:
    low = score_mos_sss(MosSocialSupport(answers=dict.fromkeys(ALL_ITEMS, 1)))
    high = score_mos_sss(MosSocialSupport(answers=dict.fromkeys(ALL_ITEMS, 5)))
    for scores, expected in ((low, 0.0), (high, 100.0)):
        assert scores.overall.score_0_100 == expected
        assert all(s.score_0_100 == expected for s in scores.subscales.values())


def test_realistic_pattern_matches_hand_computed_scores() -> None:
    scores = score_mos_sss(load_example("maria-garcia").social_support)  # type: ignore[arg-type]
    sub = scores.subscales
    # Emotional/informational: items 2,3,7,8,12,15,16,18 = 2+3+2+3+2+3+2+2 = 19; 19/8 = 2.375;
    # 100 * (2.375 - 1) / 4 = 34.375
    assert sub[MosSubscale.EMOTIONAL_INFORMATIONAL].mean == pytest.approx(2.375)
    assert sub[MosSubscale.EMOTIONAL_INFORMATIONAL].score_0_100 == pytest.approx(34.375)
    # Tangible: items 1,4,11,14 = 3+2+2+4 = 11; 11/4 = 2.75; 100 * 1.75 / 4 = 43.75
    assert sub[MosSubscale.TANGIBLE].score_0_100 == pytest.approx(43.75)
    # Affectionate: items 5,9,19 = 2+4+3 = 9; 9/3 = 3; 100 * 2 / 4 = 50
    assert sub[MosSubscale.AFFECTIONATE].score_0_100 == pytest.approx(50.0)
    # Positive social interaction: items 6,10,17 = 3+3+3 = 9; 3; 50
    assert sub[MosSubscale.POSITIVE_SOCIAL_INTERACTION].score_0_100 == pytest.approx(50.0)
    # Overall: all 19 items sum to 51; 51/19 = 2.6842...; 100 * 1.6842... / 4 = 42.1053
    assert scores.overall.mean == pytest.approx(51 / 19)
    assert scores.overall.score_0_100 == pytest.approx(42.10526, abs=1e-4)
    assert scores.overall.complete


def test_half_scale_rule_for_missing_items() -> None:
    # Affectionate has 3 items: 2 answered -> scored from those two; 1 answered -> not scored.
    two = score_mos_sss(MosSocialSupport(answers={5: 5, 9: 3}))
    assert two.subscales[MosSubscale.AFFECTIONATE].score_0_100 == pytest.approx(75.0)
    assert not two.subscales[MosSubscale.AFFECTIONATE].complete
    one = score_mos_sss(MosSocialSupport(answers={5: 5}))
    assert one.subscales[MosSubscale.AFFECTIONATE].score_0_100 is None
    assert one.overall.score_0_100 is None
    assert one.overall.items_answered == 1
    assert "not scored (1 of 19 answered)" in dict(one.as_display_rows())["Overall support index"]


def test_jordan_without_item_19_still_scores_overall() -> None:
    scores = score_mos_sss(load_example("jordan-lee").social_support)  # type: ignore[arg-type]
    assert scores.overall.items_answered == 18
    assert scores.overall.score_0_100 is not None


@pytest.mark.parametrize("answers", [{20: 3}, {0: 3}, {3: 6}, {3: 0}, {}])
def test_invalid_answers_are_refused(answers: dict[int, int]) -> None:
    with pytest.raises(ValidationError):
        MosSocialSupport(answers=answers)


@given(
    st.dictionaries(st.sampled_from(ALL_ITEMS), st.integers(1, 5), min_size=1),
    st.sampled_from(ALL_ITEMS),
)
def test_scores_stay_in_range_and_rise_with_any_answer(answers: dict[int, int], item: int) -> None:
    before = score_mos_sss(MosSocialSupport(answers=answers))
    raised = dict(answers)
    raised[item] = min(5, raised.get(item, 4) + 1)
    after = score_mos_sss(MosSocialSupport(answers=raised))
    for score in (*before.subscales.values(), before.overall):
        assert score.score_0_100 is None or 0.0 <= score.score_0_100 <= 100.0
    if item in answers and before.overall.score_0_100 is not None:
        assert after.overall.score_0_100 is not None
        assert after.overall.score_0_100 >= before.overall.score_0_100
