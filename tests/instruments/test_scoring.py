"""MOS-SSS scoring against hand-computed answers, the half-scale rule and bad input."""

import pytest
from hypothesis import given
from hypothesis import strategies as st
from pydantic import ValidationError

from commcare_ext.instruments import (
    MOS_SSS_ITEMS,
    MOS_SSS_SUBSCALE_ITEMS,
    MosScores,
    MosSocialSupport,
    MosSubscale,
    ScaleScore,
    ScoreStatus,
    score_mos_sss,
    to_0_100,
)

ALL_ITEMS = [item.number for item in MOS_SSS_ITEMS]
E = MosSubscale.EMOTIONAL_INFORMATIONAL
T = MosSubscale.TANGIBLE
A = MosSubscale.AFFECTIONATE
P = MosSubscale.POSITIVE_SOCIAL_INTERACTION


def score(answers: dict[int, int]) -> MosScores:
    return score_mos_sss(MosSocialSupport(answers=answers))


def every_score(scores: MosScores) -> list[ScaleScore]:
    return [*scores.subscales.values(), scores.overall]


def test_all_ones_score_zero() -> None:
    # every mean is 1; 100 * (1 - 1) / 4 = 0
    scores = score(dict.fromkeys(ALL_ITEMS, 1))
    for scale in every_score(scores):
        assert scale.mean == 1.0
        assert scale.score_0_100 == 0.0
        assert scale.status is ScoreStatus.COMPLETE
        assert scale.reason is None


def test_all_fives_score_hundred() -> None:
    # every mean is 5; 100 * (5 - 1) / 4 = 100
    scores = score(dict.fromkeys(ALL_ITEMS, 5))
    for scale in every_score(scores):
        assert scale.mean == 5.0
        assert scale.score_0_100 == 100.0


def test_all_threes_score_fifty() -> None:
    # mean 3; 100 * (3 - 1) / 4 = 50
    scores = score(dict.fromkeys(ALL_ITEMS, 3))
    assert all(scale.score_0_100 == 50.0 for scale in every_score(scores))


# A realistic pattern: practical help and affection are there, talk and company less so.
MIXED = {
    1: 4, 2: 3, 3: 2, 4: 5, 5: 5, 6: 3, 7: 2, 8: 3, 9: 4, 10: 2,
    11: 4, 12: 3, 13: 3, 14: 5, 15: 2, 16: 3, 17: 3, 18: 4, 19: 5,
}  # fmt: skip


def test_mixed_pattern_matches_hand_computed_scores() -> None:
    scores = score(MIXED)
    sub = scores.subscales
    # Emotional/informational, items 2,3,7,8,12,15,16,18: 3+2+2+3+3+2+3+4 = 22
    #   mean 22/8 = 2.75; 0-100: 100 * (2.75 - 1) / 4 = 175/4 = 43.75
    assert sub[E].items_used == (2, 3, 7, 8, 12, 15, 16, 18)
    assert sub[E].mean == pytest.approx(2.75)
    assert sub[E].score_0_100 == pytest.approx(43.75)
    # Tangible, items 1,4,11,14: 4+5+4+5 = 18; mean 4.5; 100 * 3.5 / 4 = 87.5
    assert sub[T].mean == pytest.approx(4.5)
    assert sub[T].score_0_100 == pytest.approx(87.5)
    # Affectionate, items 5,9,19: 5+4+5 = 14; mean 14/3 = 4.6667; 100 * (11/3) / 4 = 275/3
    assert sub[A].mean == pytest.approx(14 / 3)
    assert sub[A].score_0_100 == pytest.approx(91.666667)
    # Positive social interaction, items 6,10,17: 3+2+3 = 8; mean 8/3; 100 * (5/3) / 4 = 125/3
    assert sub[P].mean == pytest.approx(8 / 3)
    assert sub[P].score_0_100 == pytest.approx(41.666667)
    # Overall: all 19 items, 22 + 18 + 14 + 8 + 3 (additional item 13) = 65
    #   mean 65/19 = 3.421053; 100 * (46/19) / 4 = 4600/76 = 60.526316
    assert scores.overall.items_used == tuple(range(1, 20))
    assert scores.overall.mean == pytest.approx(65 / 19)
    assert scores.overall.score_0_100 == pytest.approx(60.526316)
    # ... which is NOT the mean of the four subscale means ((2.75+4.5+14/3+8/3)/4 = 3.6458).
    subscale_means = [s.mean for s in sub.values() if s.mean is not None]
    assert scores.overall.mean != pytest.approx(sum(subscale_means) / 4)
    assert all(s.status is ScoreStatus.COMPLETE for s in every_score(scores))


def test_the_additional_item_moves_only_the_overall_index() -> None:
    low, high = dict(MIXED), dict(MIXED)
    low[13], high[13] = 1, 5
    before, after = score(low), score(high)
    assert before.subscales == after.subscales
    # overall sum rises by 4: (65 - 3 + 1) = 63 -> 67; 100 * (67/19 - 1) / 4 - ... = 400/76
    assert after.overall.score_0_100 is not None
    assert before.overall.score_0_100 is not None
    assert after.overall.score_0_100 - before.overall.score_0_100 == pytest.approx(400 / 76)


def test_half_scale_rule_scores_a_scale_from_half_its_items() -> None:
    # Emotional/informational: 4 of 8 answered (2,3,7,8 = 5+4+3+2 = 14): mean 3.5 -> 62.5
    # Tangible: 2 of 4 answered (1,4 = 2+2): mean 2 -> 25
    # Affectionate: 2 of 3 (5,9 = 5+3): mean 4 -> 75
    # Positive interaction: 1 of 3 (6): below half, not scored
    # Overall: 9 of 19 answered: below the 10 needed, not scored
    answers = {2: 5, 3: 4, 7: 3, 8: 2, 1: 2, 4: 2, 5: 5, 9: 3, 6: 4}
    scores = score(answers)
    sub = scores.subscales
    assert sub[E].score_0_100 == pytest.approx(62.5)
    assert sub[E].status is ScoreStatus.PARTIAL
    assert sub[E].items_used == (2, 3, 7, 8)
    assert sub[E].items_missing == (12, 15, 16, 18)
    assert sub[E].reason == "partial: 4 of 8 items answered"
    assert sub[T].score_0_100 == pytest.approx(25.0)
    assert sub[A].score_0_100 == pytest.approx(75.0)
    assert sub[A].status is ScoreStatus.PARTIAL
    assert sub[P].mean is None
    assert sub[P].score_0_100 is None
    assert sub[P].status is ScoreStatus.NOT_SCORED
    assert sub[P].reason == "incomplete: 1 of 3 items answered, at least 2 needed"
    assert scores.overall.status is ScoreStatus.NOT_SCORED
    assert scores.overall.items_answered == 9
    assert scores.overall.reason == "incomplete: 9 of 19 items answered, at least 10 needed"


def test_half_scale_rule_just_below_half_is_not_scored() -> None:
    # Emotional/informational with 3 of 8 answered: below half.
    scores = score({2: 5, 3: 5, 7: 5})
    assert scores.subscales[E].status is ScoreStatus.NOT_SCORED
    # Tangible with 1 of 4 answered: below half.
    assert score({1: 4}).subscales[T].score_0_100 is None


def test_overall_index_with_one_item_skipped_uses_the_other_eighteen() -> None:
    answers = dict(MIXED)
    del answers[19]
    scores = score(answers)
    # 65 - 5 = 60 over 18 items: mean 10/3; 100 * (7/3) / 4 = 175/3 = 58.333333
    assert scores.overall.items_missing == (19,)
    assert scores.overall.score_0_100 == pytest.approx(58.333333)
    assert scores.overall.status is ScoreStatus.PARTIAL


def test_display_rows_round_to_one_decimal_and_say_why_a_score_is_missing() -> None:
    rows = dict(score(MIXED).as_display_rows())
    assert rows["Affection"] == "91.7"
    assert rows["Overall support index"] == "60.5"
    partial = dict(score({5: 5, 9: 3, 6: 4}).as_display_rows())
    assert partial["Affection"] == "75.0 (2 of 3 answered)"
    assert partial["Positive social interaction"] == "not scored (1 of 3 answered)"
    assert partial["Overall support index"] == "not scored (3 of 19 answered)"


def test_transform_maps_the_answer_range_onto_zero_to_hundred() -> None:
    assert [to_0_100(v) for v in (1, 2, 3, 4, 5)] == [0.0, 25.0, 50.0, 75.0, 100.0]


def test_answers_from_json_object_keys_are_item_numbers() -> None:
    survey = MosSocialSupport.model_validate_json('{"answers": {"19": 2, "1": 4}}')
    assert survey.answers == {1: 4, 19: 2}
    assert list(survey.answers) == [1, 19]
    assert MosSocialSupport.model_validate_json(survey.model_dump_json()) == survey


@pytest.mark.parametrize(
    ("answers", "message"),
    [
        ({20: 3}, "unknown item 20: MOS-SSS items are numbered 1-19"),
        ({0: 3}, "unknown item 0: MOS-SSS items are numbered 1-19"),
        ({"twenty": 3}, "unknown item: MOS-SSS items are numbered 1-19"),
        ({True: 3}, "unknown item: MOS-SSS items are numbered 1-19"),
        ({3: 6}, "item 3: expected 1 (none of the time) to 5 (all of the time)"),
        ({3: 0}, "item 3: expected 1 (none of the time) to 5 (all of the time)"),
        ({4: "3"}, "item 4: expected a whole number"),
        ({4: 3.0}, "item 4: expected a whole number"),
        ({4: True}, "item 4: expected a whole number"),
        ({"2": 3, 2: 4}, "item 2: answered twice"),
    ],
)
def test_invalid_answers_are_refused_naming_the_item(
    answers: dict[object, object], message: str
) -> None:
    with pytest.raises(ValidationError) as caught:
        MosSocialSupport(answers=answers)
    assert message in str(caught.value)


def test_every_problem_is_reported_at_once() -> None:
    with pytest.raises(ValidationError) as caught:
        MosSocialSupport(answers={20: 3, 3: 6, 5: 2})
    text = str(caught.value)
    assert "unknown item 20" in text
    assert "item 3: expected 1" in text
    assert "item 5" not in text


def test_empty_or_misshapen_surveys_are_refused() -> None:
    with pytest.raises(ValidationError):
        MosSocialSupport(answers={})
    with pytest.raises(ValidationError):
        MosSocialSupport(answers=[3, 4])
    with pytest.raises(ValidationError):
        MosSocialSupport.model_validate({"answers": {1: 3}, "notes": "x"})


def test_errors_and_reprs_do_not_reveal_answers() -> None:
    with pytest.raises(ValidationError) as caught:
        MosSocialSupport(answers={3: 987654})
    assert "987654" not in str(caught.value)
    survey = MosSocialSupport(answers={3: 4})
    with pytest.raises(TypeError) as refused:
        survey.answers = {3: 5}  # type: ignore[misc]
    assert "{3: 5}" not in str(refused.value)
    scores = score(MIXED)
    assert "60.5" not in repr(scores)
    assert "3.42" not in repr(scores)


@given(st.dictionaries(st.sampled_from(ALL_ITEMS), st.integers(1, 5), min_size=1))
def test_scores_stay_within_range(answers: dict[int, int]) -> None:
    for scale in every_score(score(answers)):
        if scale.score_0_100 is None:
            assert scale.mean is None
            assert scale.status is ScoreStatus.NOT_SCORED
        else:
            assert scale.mean is not None
            assert 1.0 <= scale.mean <= 5.0
            assert 0.0 <= scale.score_0_100 <= 100.0
            assert scale.score_0_100 == pytest.approx(100 * (scale.mean - 1) / 4)


@given(
    st.dictionaries(st.sampled_from(ALL_ITEMS), st.integers(1, 4), min_size=1),
    st.data(),
)
def test_raising_one_answer_never_lowers_a_score(
    answers: dict[int, int], data: st.DataObject
) -> None:
    item = data.draw(st.sampled_from(sorted(answers)))
    raised = {**answers, item: answers[item] + 1}
    before, after = score(answers), score(raised)
    for old, new in zip(every_score(before), every_score(after), strict=True):
        assert old.status is new.status  # the same items are answered
        if old.score_0_100 is not None and new.score_0_100 is not None:
            if item in new.items_used:
                assert new.score_0_100 > old.score_0_100
            else:
                assert new.score_0_100 == old.score_0_100


def test_subscale_table_drives_scoring() -> None:
    # Each subscale reacts to exactly its own items.
    for subscale, numbers in MOS_SSS_SUBSCALE_ITEMS.items():
        for number in ALL_ITEMS:
            base = dict.fromkeys(ALL_ITEMS, 3)
            base[number] = 5
            changed = score(base).subscales[subscale].score_0_100 != 50.0
            assert changed is (number in numbers), (subscale, number)
