"""Shared fixtures."""

import pytest

from commcare_ext.intake import Intake
from tests import budget  # noqa: F401  (loads the Hypothesis profile for the whole suite)
from tests.fixtures import EXAMPLE_NAMES, load_example


@pytest.fixture(params=EXAMPLE_NAMES)
def example_intake(request: pytest.FixtureRequest) -> Intake:
    """Each example intake in turn."""
    return load_example(str(request.param))
