"""PHQ-9 and GAD-7 scoring against an oracle written here from the published rules.

The oracle is independent of the plug-ins: it knows only the published facts (items scored
0-3; total = the sum of all items; PHQ-9 bands 0-4/5-9/10-14/15-19/20-27, Kroenke 2001;
GAD-7 bands 0-4/5-9/10-14/15-21, Spitzer 2006; our stated rule: no total with any item
missing; PHQ-9 item 9 above "not at all" is critical whatever the total).
"""

from hypothesis import given, settings
from hypothesis import strategies as st

from commcare_ext.instruments import (
    GAD_7,
    PHQ_9,
    Instrument,
    SafetyLevel,
    ScoreStatus,
)
from tests.budget import cases

PHQ9_BANDS: tuple[tuple[int, int, str], ...] = ((0, 4, "none-minimal"), (5, 9, "mild"))
PHQ9_BANDS += ((10, 14, "moderate"),)
PHQ9_BANDS += ((15, 19, "moderately-severe"), (20, 27, "severe"))
GAD7_BANDS = ((0, 4, "minimal"), (5, 9, "mild"), (10, 14, "moderate"), (15, 21, "severe"))


def oracle(
    answers: dict[int, int | None], item_count: int, bands: tuple[tuple[int, int, str], ...]
) -> tuple[int | None, str | None]:
    """(total, band key) by the published rules; ``None`` when any item is unanswered."""
    given_values = [answers.get(number) for number in range(1, item_count + 1)]
    if any(value is None for value in given_values):
        return None, None
    total = 0
    for value in given_values:
        assert value is not None
        total += value
    band = next(key for low, high, key in bands if low <= total <= high)
    return total, band


def responses(item_count: int) -> st.SearchStrategy[dict[int, int | None]]:
    """Any combination: mostly complete forms (every total), some with items unanswered."""
    numbers = range(1, item_count + 1)
    complete: st.SearchStrategy[dict[int, int | None]] = st.lists(
        st.integers(0, 3), min_size=item_count, max_size=item_count
    ).map(lambda values: dict(zip(numbers, values, strict=True)))
    gappy = st.fixed_dictionaries(dict.fromkeys(numbers, st.none() | st.integers(0, 3)))
    return st.sampled_from([True, True, True, False]).flatmap(
        lambda whole: complete if whole else gappy
    )


def _check(instrument: Instrument, answers: dict[int, int | None], bands) -> None:  # type: ignore[no-untyped-def]
    given_answers = {n: v for n, v in answers.items() if v is not None}
    expected_total, expected_band = oracle(answers, len(instrument.items), bands)
    total = instrument.score(given_answers).primary
    assert total.value == expected_total
    assert (total.band.key if total.band else None) == expected_band
    if expected_total is None:
        assert total.status is ScoreStatus.NOT_SCORED
        assert total.reason is not None
    else:
        assert total.status is ScoreStatus.COMPLETE
    assert total.items_used == tuple(sorted(given_answers))


@settings(max_examples=cases(1000), deadline=None)
@given(responses(9))
def test_phq9_total_band_and_critical_item_equal_the_published_rules(
    answers: dict[int, int | None],
) -> None:
    _check(PHQ_9, answers, PHQ9_BANDS)
    score = PHQ_9.score({n: v for n, v in answers.items() if v is not None})
    critical = answers[9] is not None and answers[9] > 0
    assert (score.safety_prompt is not None) == critical
    if critical:
        assert score.safety_prompt is not None
        assert score.safety_prompt.items == (9,)
        assert score.safety_prompt.level is SafetyLevel.REVIEW


@settings(max_examples=cases(1000), deadline=None)
@given(responses(7))
def test_gad7_total_and_band_equal_the_published_rules(answers: dict[int, int | None]) -> None:
    _check(GAD_7, answers, GAD7_BANDS)
    assert GAD_7.score({n: v for n, v in answers.items() if v is not None}).safety_prompt is None


def test_every_possible_total_gets_the_published_band() -> None:
    for instrument, bands in ((PHQ_9, PHQ9_BANDS), (GAD_7, GAD7_BANDS)):
        count = len(instrument.items)
        for total in range(instrument.max_total() + 1):
            # fill items with 3s, then the remainder: a form whose sum is exactly ``total``
            answers: dict[int, int | None] = {
                n: min(3, max(0, total - 3 * (n - 1))) for n in range(1, count + 1)
            }
            _check(instrument, answers, bands)


def test_hand_computed_phq9_examples() -> None:
    # 0+1+2+3+0+1+2+3+0 = 12 -> moderate (10-14); item 9 "not at all": no prompt
    score = PHQ_9.score(dict(enumerate((0, 1, 2, 3, 0, 1, 2, 3, 0), start=1)))
    assert score.primary.value == 12
    assert score.primary.band is not None
    assert score.primary.band.key == "moderate"
    assert score.safety_prompt is None
    # a total of 1 with item 9 "several days": minimal, and still the safety prompt
    low = PHQ_9.score({**dict.fromkeys(range(1, 9), 0), 9: 1})
    assert low.primary.value == 1
    assert low.safety_prompt is not None
    # item 9 answered, item 1 skipped: no total, and still the prompt
    partial = PHQ_9.score({**dict.fromkeys(range(2, 9), 0), 9: 2})
    assert partial.primary.value is None
    assert partial.safety_prompt is not None


def test_band_edges_are_the_published_cut_offs() -> None:
    for total, key in ((4, "none-minimal"), (5, "mild"), (9, "mild"), (10, "moderate")):
        assert PHQ_9.band_for(total) is not None
        assert PHQ_9.band_for(total).key == key  # type: ignore[union-attr]
    assert PHQ_9.band_for(19).key == "moderately-severe"  # type: ignore[union-attr]
    assert PHQ_9.band_for(20).key == "severe"  # type: ignore[union-attr]
    assert GAD_7.band_for(15).key == "severe"  # type: ignore[union-attr]
    assert GAD_7.band_for(14).key == "moderate"  # type: ignore[union-attr]
    assert PHQ_9.max_total() == 27
    assert GAD_7.max_total() == 21
