"""Every resource the examples emit, found by the profile it claims: what the conformance
modules check. Each example intake is extracted with every proposed concern confirmed (so
Conditions appear), then put in the transaction Bundle and every referral message; so is
``examples/match_supports.py``'s referral to a service chosen from the example directory
(HealthcareService and the directory's Organization)."""

from functools import cache
from typing import Any

from commcare_ext.directory import read_hsds
from commcare_ext.extract import ExtractionContext, extract, proposed_concerns
from commcare_ext.matching import match
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from examples import match_supports
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
    return (*out, *chosen_service_bundles())


def chosen_service_bundles() -> list[Resource]:
    """The two Bundles ``examples/match_supports.py`` writes, built the same way."""
    intake = match_supports.amina()
    hsds = match_supports.ROOT / "directory" / "hsds" / "services.json"
    directory, _ = read_hsds(hsds, today=match_supports.TODAY)
    result = match(intake, directory, today=match_supports.TODAY)
    target = match_supports.target_for(result.proposals[0], intake)
    assert target.organization is not None
    context = ExtractionContext(
        clinic=match_supports.CLINIC,
        referrals=(target,),
        referring_clinician=match_supports.CLINICIAN,
    )
    extracted = extract(intake, context=context)
    return [
        transaction_bundle(extracted),
        referral_message_bundle(extracted, target.organization, clinic=match_supports.CLINIC),
    ]


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
