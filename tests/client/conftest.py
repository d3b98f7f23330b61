"""Fixtures: the real loopback FHIR server, with and without transaction support."""

from collections.abc import Iterator

import pytest

from tests.support.fhir_server import fhir_server


@pytest.fixture
def server_url() -> Iterator[str]:
    """A fresh server (empty repository) for each test: counts are exact."""
    with fhir_server() as url:
        yield url


@pytest.fixture
def batch_only_server_url() -> Iterator[str]:
    """A server that advertises and enforces no transaction support."""
    with fhir_server(transactions=False) as url:
        yield url
