"""Fixtures: a fresh loopback FHIR server (Medplum's router) per test."""

from collections.abc import Iterator

import pytest

from tests.support.fhir_server import fhir_server


@pytest.fixture
def server_url() -> Iterator[str]:
    """A fresh, empty server: what a test finds there, it put there."""
    with fhir_server() as url:
        yield url
