"""How many Hypothesis examples a property test runs, chosen by one profile for the whole suite.

Each property test states the number of cases it needs to be thorough (``cases(1000)``); the
profile named by ``COMMCARE_TEST_PROFILE`` scales that number: ``ci`` (the default, what
``./scripts/test`` and CI run) keeps it, ``dev`` runs a tenth (at least 10) for a fast loop
while working. No test overrides the profile: the scale is applied to every stated count.
"""

import os

from hypothesis import HealthCheck, settings

PROFILE_VARIABLE = "COMMCARE_TEST_PROFILE"
_SCALES = {"ci": 1.0, "dev": 0.1}
_MINIMUM_DEV_CASES = 10


def profile_name() -> str:
    """The active profile, refusing a name that is not one of ours (a typo must not go unseen)."""
    name = os.environ.get(PROFILE_VARIABLE, "ci")
    if name not in _SCALES:
        msg = f"{PROFILE_VARIABLE}={name!r}: expected one of {sorted(_SCALES)}"
        raise ValueError(msg)
    return name


def cases(thorough: int) -> int:
    """The number of examples to run for a test that needs ``thorough`` cases in CI."""
    scale = _SCALES[profile_name()]
    if scale == 1.0:
        return thorough
    return max(_MINIMUM_DEV_CASES, min(thorough, int(thorough * scale)))


_DEFAULT_CASES = 100  # Hypothesis's own default, for tests that state no count

for _name, _scale in _SCALES.items():
    settings.register_profile(
        _name,
        max_examples=max(_MINIMUM_DEV_CASES, int(_DEFAULT_CASES * _scale)),
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow],
    )
settings.load_profile(profile_name())
