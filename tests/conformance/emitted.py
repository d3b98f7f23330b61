"""Every resource the examples emit, found by the profile it claims: what the conformance
modules check. Each example intake is extracted with every proposed concern confirmed (so
Conditions appear), then put in the transaction Bundle and every referral message."""

from functools import cache
from typing import Any

from commcare_ext.extract import extract, proposed_concerns
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from tests.fixtures import CLINIC, DIRECTORY, EXAMPLE_NAMES, context_for, load_example

Resource = dict[str, Any]


@cache
def bundles() -> tuple[Resource, ...]:
    """The transaction Bundle and every referral message of every example intake."""
    out: list[Resource] = []
    for name in EXAMPLE_NAMES:
        intake = load_example(name)
        context = context_for(intake)
        ids = frozenset(c.id for c in proposed_concerns(extract(intake, context=context)))
        context = context.model_copy(update={"confirmed_concerns": ids})
        extracted = extract(intake, context=context)
        out.append(transaction_bundle(extracted))
        out += [
            referral_message_bundle(extracted, DIRECTORY[t.kind], clinic=CLINIC)
            for t in context.referrals
        ]
    return tuple(out)


def resources() -> list[Resource]:
    """Every resource in every Bundle (messages hold the reduced, consent-filtered ones)."""
    return [entry["resource"] for bundle in bundles() for entry in bundle["entry"]]


def claiming(profile: str) -> list[Resource]:
    """The emitted resources whose ``meta.profile`` claims ``profile``; never empty."""
    found = [r for r in resources() if profile in r.get("meta", {}).get("profile", [])]
    assert found, f"no emitted resource claims {profile}: the checks would check nothing"
    return found


def ids(resource: Resource) -> str:
    """A test id: type and the first characters of the id (or the fullUrl-less position)."""
    return f"{resource['resourceType']}-{str(resource.get('id', ''))[:8]}"


def codings(concept: Resource | None) -> set[tuple[str, str]]:
    """(system, code) of every coding in a CodeableConcept."""
    return {(c.get("system", ""), c.get("code", "")) for c in (concept or {}).get("coding", [])}


def categories(resource: Resource) -> set[tuple[str, str]]:
    """(system, code) of every coding of every category."""
    return {pair for category in resource.get("category", []) for pair in codings(category)}


def target_kind(bundle_entries: dict[str, Resource], reference: str) -> str:
    """The resource type a reference points at, inside a Bundle or as ``Type/id``."""
    if reference in bundle_entries:
        return str(bundle_entries[reference]["resourceType"])
    return reference.split("/", 1)[0]


def entries_by_url() -> dict[str, Resource]:
    """fullUrl -> resource over every Bundle (urn:uuid fullUrls are unique per resource)."""
    return {e["fullUrl"]: e["resource"] for b in bundles() for e in b["entry"]}
