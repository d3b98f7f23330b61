"""The statistics behind the measures: intervals for shares, gaps and adjusted differences.

Small and standard on purpose, so a reviewer can check each formula:

- a share: Wilson score interval (Wilson 1927), good at small counts and near 0 or 1;
- a gap between two shares: Newcombe's hybrid score interval (Newcombe 1998, method 10);
- a ratio of two shares: the log (Katz) interval;
- an adjusted difference: ordinary least squares (ANCOVA: follow-up change on the group and
  the baseline score), its classical standard error and a Student t interval.

The t quantile comes from the regularised incomplete beta function (continued fraction, as in
Numerical Recipes §6.4), so nothing beyond numpy is needed.
"""

import math
from dataclasses import dataclass
from functools import cache
from statistics import NormalDist
from typing import Final

import numpy as np

Z95: Final = NormalDist().inv_cdf(0.975)


@dataclass(frozen=True, slots=True)
class Estimate:
    """A figure with its 95 % interval."""

    value: float
    low: float
    high: float


def wilson(successes: int, total: int) -> Estimate:
    """A share with its Wilson score interval."""
    if total <= 0:
        msg = "a share needs at least one person"
        raise ValueError(msg)
    p = successes / total
    denominator = 1 + Z95**2 / total
    centre = (p + Z95**2 / (2 * total)) / denominator
    half = Z95 * math.sqrt(p * (1 - p) / total + Z95**2 / (4 * total**2)) / denominator
    return Estimate(p, max(0.0, centre - half), min(1.0, centre + half))


def share_gap(k1: int, n1: int, k2: int, n2: int) -> Estimate:
    """Share 1 minus share 2, with Newcombe's hybrid score interval."""
    one, two = wilson(k1, n1), wilson(k2, n2)
    difference = one.value - two.value
    low = difference - math.sqrt((one.value - one.low) ** 2 + (two.high - two.value) ** 2)
    high = difference + math.sqrt((one.high - one.value) ** 2 + (two.value - two.low) ** 2)
    return Estimate(difference, low, high)


def share_ratio(k1: int, n1: int, k2: int, n2: int) -> Estimate | None:
    """Share 1 over share 2 with the log interval; None when either share is 0."""
    if k1 == 0 or k2 == 0:
        return None
    ratio = (k1 / n1) / (k2 / n2)
    spread = Z95 * math.sqrt(1 / k1 - 1 / n1 + 1 / k2 - 1 / n2)
    return Estimate(ratio, ratio * math.exp(-spread), ratio * math.exp(spread))


def _betacf(a: float, b: float, x: float) -> float:
    tiny = 1e-300
    qab, qap, qam = a + b, a + 1, a - 1
    c, d = 1.0, 1 - qab * x / qap
    d = 1 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        aa = m * (b - m) * x / ((qam + m2) * (a + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        h *= d * c
        aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2))
        d = 1 + aa * d
        d = 1 / (d if abs(d) > tiny else tiny)
        c = 1 + aa / c if abs(1 + aa / c) > tiny else tiny
        step = d * c
        h *= step
        if abs(step - 1) < 1e-14:
            break
    return h


def _incomplete_beta(a: float, b: float, x: float) -> float:
    if x <= 0:
        return 0.0
    if x >= 1:
        return 1.0
    front = math.exp(
        math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b) + a * math.log(x) + b * math.log1p(-x)
    )
    if x < (a + 1) / (a + b + 2):
        return front * _betacf(a, b, x) / a
    return 1 - front * _betacf(b, a, 1 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Student's t distribution function."""
    tail = 0.5 * _incomplete_beta(df / 2, 0.5, df / (df + t * t))
    return 1 - tail if t > 0 else tail


@cache
def t_quantile(probability: float, df: float) -> float:
    """The ``probability`` quantile of Student's t with ``df`` degrees of freedom (bisection)."""
    low, high = -1e3, 1e3
    for _ in range(64):  # 2000 / 2**64: far below a float's precision at these values
        middle = (low + high) / 2
        if t_cdf(middle, df) < probability:
            low = middle
        else:
            high = middle
    return (low + high) / 2


@dataclass(frozen=True, slots=True)
class Adjusted:
    """The group coefficient of an ANCOVA: the adjusted difference, its interval, the sizes."""

    difference: Estimate
    standard_error: float
    people: int


def ancova(change: list[float], group: list[int], baseline: list[float]) -> Adjusted | None:
    """Change = a + b*group + c*baseline by least squares; ``b`` with its 95 % t interval.

    None when the model cannot be fitted (fewer than 4 people, or no one in a group).
    """
    n = len(change)
    if n < 4 or len(set(group)) < 2:
        return None
    design = np.column_stack([np.ones(n), np.asarray(group, float), np.asarray(baseline, float)])
    y = np.asarray(change, float)
    coefficients, _, rank, _ = np.linalg.lstsq(design, y, rcond=None)
    if rank < 3:
        return None
    residuals = y - design @ coefficients
    df = n - 3
    variance = float(residuals @ residuals) / df
    covariance = variance * np.linalg.inv(design.T @ design)
    se = math.sqrt(float(covariance[1, 1]))
    b = float(coefficients[1])
    spread = t_quantile(0.975, df) * se
    return Adjusted(Estimate(b, b - spread, b + spread), se, n)


def difference_of(one: Adjusted, two: Adjusted) -> Estimate:
    """Gap between two independent adjusted differences (normal interval)."""
    gap = one.difference.value - two.difference.value
    spread = Z95 * math.sqrt(one.standard_error**2 + two.standard_error**2)
    return Estimate(gap, gap - spread, gap + spread)
