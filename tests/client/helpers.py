"""Bundles to post and ways to count what landed on the real server."""

from collections import Counter
from typing import Any

import requests

from commcare_ext.extract import extract
from commcare_ext.referral import transaction_bundle
from tests.fixtures import context_for, load_example

#: Medplum runs conditional-create transactions with strict isolation, at most 8 entries.
MEDPLUM_MAX_TRANSACTION_ENTRIES = 8


def referral_transaction(name: str = "amina-hassan") -> dict[str, Any]:
    """The real transaction Bundle for one example intake."""
    intake = load_example(name)
    return transaction_bundle(extract(intake, context=context_for(intake)))


def expected_counts(*bundles: dict[str, Any]) -> Counter[str]:
    """How many resources of each type the Bundles should leave on the server.

    A conditional create matches on its business identifier, so one shared by several
    Bundles (the clinic, a partner organisation, the referring clinician) lands once; a PUT
    lands once per URL.
    """
    landed: set[tuple[str, str]] = set()
    counts: Counter[str] = Counter()
    for bundle in bundles:
        for entry in bundle["entry"]:
            kind = entry["resource"]["resourceType"]
            request = entry["request"]
            key = (kind, request.get("ifNoneExist") or request["url"])
            if key not in landed:
                landed.add(key)
                counts[kind] += 1
    return counts


def server_counts(base_url: str, types: set[str]) -> Counter[str]:
    """How many resources of each type the server holds (read straight from it)."""
    counts: Counter[str] = Counter()
    for kind in types:
        response = requests.get(f"{base_url}{kind}", params={"_count": "1000"}, timeout=30)
        response.raise_for_status()
        counts[kind] = len(response.json().get("entry", []))
    return counts
