"""A hostile server cannot exhaust the client: a gzip bomb and endless paging stop at the caps.

Real sockets, real ``requests``; the server is a loopback one that answers 1 MB of gzip
inflating to 1 GiB, or pages that always link to a new ``next`` page.
"""

import subprocess
import sys
from pathlib import Path

import pytest

from commcare_ext.client import (
    FhirClient,
    ResponseTooLarge,
    SearchLimitExceeded,
    ServerLimits,
)
from commcare_ext.errors import CommcareError
from tests.support.hostile_server import hostile_server

ROOT = Path(__file__).resolve().parents[2]
MAX_RSS_MB = 300


def test_a_gzip_bomb_is_a_typed_error_and_memory_stays_bounded() -> None:
    """In a fresh process (so the peak is this read's): < 300 MB resident at the worst."""
    with hostile_server() as url:
        probe = (
            "import sys\n"
            "from commcare_ext.client import FhirClient, ResponseTooLarge\n"
            f"client = FhirClient({url!r})\n"
            "try:\n"
            "    client.request('GET', 'bomb')\n"
            "except ResponseTooLarge as error:\n"
            "    print(type(error).__name__, error)\n"
            # VmHWM is this program's peak; ru_maxrss would also count the pytest process
            # it was forked from (Linux keeps the pre-exec high-water mark).
            "peak = next(l for l in open('/proc/self/status') if l.startswith('VmHWM:'))\n"
            "print(int(peak.split()[1]) // 1024)\n"
        )
        done = subprocess.run(
            [sys.executable, "-c", probe],
            capture_output=True,
            text=True,
            check=True,
            timeout=300,
            cwd=ROOT,
        )
    said, peak = done.stdout.strip().splitlines()
    assert said.startswith("ResponseTooLarge GET /bomb: answer larger than 67,108,864 bytes")
    assert int(peak) < MAX_RSS_MB, f"peak RSS {peak} MB"


def test_a_smaller_limit_stops_sooner_and_is_not_retried() -> None:
    with hostile_server() as url:
        client = FhirClient(url, limits=ServerLimits(max_response_bytes=1 << 20))
        with pytest.raises(ResponseTooLarge) as caught:
            client.request("GET", "bomb")
    assert caught.value.limit == 1 << 20
    assert isinstance(caught.value, CommcareError)


@pytest.mark.parametrize(("pages", "results"), [(5, 10_000), (1_000, 35)])
def test_endless_search_paging_stops_at_the_cap_with_a_typed_error(
    pages: int, results: int
) -> None:
    with hostile_server() as url:
        client = FhirClient(url, limits=ServerLimits(max_pages=pages, max_results=results))
        read: list[str] = []

        def read_all() -> None:
            read.extend(resource["id"] for resource in client.search("Task", {"status": "x"}))

        with pytest.raises(SearchLimitExceeded) as caught:
            read_all()
    error = caught.value
    if pages == 5:
        assert (error.pages, error.results, len(read)) == (5, 50, 50)
        assert "the cap is 5 pages" in str(error)
    else:
        assert (error.pages, error.results, len(read)) == (4, 40, 30)
        assert "the cap is 35 results" in str(error)


def test_endless_history_stops_at_the_cap() -> None:
    with hostile_server() as url:
        client = FhirClient(url, limits=ServerLimits(max_pages=3))
        with pytest.raises(SearchLimitExceeded, match="history Task: stopped after 3 pages"):
            client.history("Task", "t1")


def test_caps_must_be_positive() -> None:
    with pytest.raises(ValueError, match="max_pages"):
        ServerLimits(max_pages=0)
