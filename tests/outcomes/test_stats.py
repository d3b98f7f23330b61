"""The statistics against values published in tables and computed by hand."""

import math
import random

import pytest

from commcare_ext.outcomes.stats import (
    ancova,
    share_gap,
    share_ratio,
    t_cdf,
    t_quantile,
    wilson,
)


@pytest.mark.parametrize(
    ("df", "expected"),
    [(1, 12.7062), (3, 3.1824), (10, 2.2281), (30, 2.0423), (120, 1.9799)],
)
def test_t_quantile_matches_the_printed_table(df: int, expected: float) -> None:
    assert t_quantile(0.975, df) == pytest.approx(expected, abs=1e-4)
    assert t_cdf(expected, df) == pytest.approx(0.975, abs=1e-5)


def test_wilson_matches_newcombe_1998_example() -> None:
    # Newcombe (1998), Stat Med 17:857, table I: 81/263 -> 0.2553 to 0.3662.
    estimate = wilson(81, 263)
    assert (round(estimate.low, 4), round(estimate.high, 4)) == (0.2553, 0.3662)


def test_share_gap_matches_newcombe_1998_example() -> None:
    # Newcombe (1998), Stat Med 17:873, table II example (a): 56/70 vs 48/80, method 10.
    gap = share_gap(56, 70, 48, 80)
    assert (round(gap.low, 4), round(gap.high, 4)) == (0.0524, 0.3339)


def test_share_ratio_is_the_katz_interval() -> None:
    ratio = share_ratio(30, 100, 60, 100)
    assert ratio is not None
    spread = 1.959964 * math.sqrt(1 / 30 - 1 / 100 + 1 / 60 - 1 / 100)
    assert ratio.value == pytest.approx(0.5)
    assert ratio.low == pytest.approx(0.5 * math.exp(-spread), rel=1e-5)
    assert share_ratio(0, 10, 5, 10) is None


def test_ancova_recovers_coefficients_of_exact_data() -> None:
    rng = random.Random(3)  # noqa: S311 - test data
    group = [rng.randint(0, 1) for _ in range(50)]
    baseline = [rng.uniform(5, 20) for _ in range(50)]
    change = [1.0 - 3.0 * g - 0.4 * b for g, b in zip(group, baseline, strict=True)]
    fitted = ancova(change, group, baseline)
    assert fitted is not None
    assert fitted.difference.value == pytest.approx(-3.0)
    assert fitted.difference.high - fitted.difference.low == pytest.approx(0, abs=1e-9)


def test_ancova_needs_both_groups() -> None:
    assert ancova([1.0, 2.0, 3.0, 4.0], [1, 1, 1, 1], [1.0, 2.0, 3.0, 4.0]) is None
