"""Everything we write is validated against the implementation guides themselves: the vendored
packages' StructureDefinitions (Medplum's validator) and their required bindings (our checker).
The harness must be able to fail: a broken copy of a resource for each profile we claim is
caught, and so are claims the packages cannot check."""

import copy
from collections import defaultdict
from functools import cache
from typing import Any

import pytest

from tests.conformance.guide_documents import documents
from tests.support.bindings import Bindings
from tests.support.guides import (
    PACKAGES_DIR,
    R4_DEFINITIONS,
    Issue,
    problems,
    recorded_checksums,
    sha256,
    unpacked_packages,
    validate_documents,
)

pytestmark = pytest.mark.integration

Resource = dict[str, Any]


@cache
def _validated() -> tuple[tuple[Resource, list[Issue]], ...]:
    docs = documents()
    return tuple(zip(docs, validate_documents(docs), strict=True))


def _resources(document: Resource) -> list[Resource]:
    inner = [
        e["resource"] for e in document.get("entry", []) if document["resourceType"] == "Bundle"
    ]
    return [document, *inner]


def test_vendored_packages_are_the_recorded_bytes() -> None:
    recorded = recorded_checksums()
    on_disk = {p.name for p in PACKAGES_DIR.glob("*.tgz")}
    assert on_disk == set(recorded), "every vendored package, and only those, has a checksum"
    provenance = (PACKAGES_DIR / "PROVENANCE.md").read_text("utf-8")
    for name, digest in recorded.items():
        assert sha256(PACKAGES_DIR / name) == digest, f"{name} changed since it was vendored"
        assert name in provenance and digest in provenance, f"{name}: provenance not recorded"


def test_everything_we_write_meets_the_guides() -> None:
    found = [f"{i}" for _, issues in _validated() for i in problems(issues)]
    assert found == [], f"{len(found)} errors:\n" + "\n".join(sorted(set(found))[:40])


def test_every_claim_is_checked_against_a_definition() -> None:
    claims = 0
    for document, issues in _validated():
        checked: defaultdict[str, int] = defaultdict(int)
        for issue in issues:
            if issue.severity == "claim":
                checked[issue.profile] += 1
        for resource in _resources(document):
            for profile in resource.get("meta", {}).get("profile", []):
                claims += 1
                assert checked[profile] > 0, f"{resource['resourceType']}: {profile} not checked"
    assert claims > 1000


def test_must_support_elements_we_have_data_for_are_present() -> None:
    """Where the Bundle holds the QuestionnaireResponse, every Observation says it was derived
    from answers (US Core Screening Assessment ``Observation.derivedFrom``, must-support); a panel
    (no value, no data-absent reason) names its members (``Observation.hasMember``)."""
    checked = 0
    for document, _ in _validated():
        entries = [e["resource"] for e in document.get("entry", [])]
        if not any(r["resourceType"] == "QuestionnaireResponse" for r in entries):
            continue
        for observation in (r for r in entries if r["resourceType"] == "Observation"):
            checked += 1
            code = observation["code"].get("coding", [{}])[0].get("code")
            assert observation.get("derivedFrom"), f"Observation {code}: derivedFrom"
            valued = any(k.startswith("value") for k in observation)
            if not valued and "dataAbsentReason" not in observation:
                assert observation.get("hasMember"), f"panel {code}: hasMember"
    assert checked > 100


def _required_top_level(profile: Resource) -> list[str]:
    """Top-level element names a profile requires, those the base resource leaves optional
    first (so the error can only come from the profile)."""
    own: list[str] = []
    shared: list[str] = []
    for element in profile["snapshot"]["element"]:
        parts = element["id"].split(".")
        if len(parts) != 2 or ":" in element["id"] or element.get("min", 0) < 1:
            continue
        (own if element["base"]["min"] == 0 else shared).append(parts[1])
    return own + shared


#: Profiles that require no top-level element: what to remove to break one of their invariants.
_INVARIANT_BREAKS = {
    # US Core PractitionerRole pd-1: "SHALL have contact information or a reference to an Endpoint"
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-practitionerrole": "telecom+endpoint",
}


def _is(key: str, name: str) -> bool:
    stem = name.removesuffix("[x]")
    choice = name.endswith("[x]") and key.startswith(stem) and key[len(stem) :][:1].isupper()
    return key == name or choice


def _broken(resource: Resource, *names: str) -> Resource:
    """A copy of ``resource`` without the named elements (every type of a ``value[x]``)."""
    return {k: v for k, v in copy.deepcopy(resource).items() if not any(_is(k, n) for n in names)}


def test_a_broken_resource_is_caught_for_every_profile_we_claim() -> None:
    bindings = Bindings.load(unpacked_packages(), R4_DEFINITIONS)
    one_each: dict[str, Resource] = {}
    for document, _ in _validated():
        for resource in _resources(document):
            for claim in resource.get("meta", {}).get("profile", []):
                one_each.setdefault(claim, resource)
    broken, removed = [], []
    for claim, resource in sorted(one_each.items()):
        profile = bindings.profiles[claim.split("|")[0]]
        names = [n for n in _required_top_level(profile) if _broken(resource, n) != resource]
        name = names[0] if names else _INVARIANT_BREAKS[claim.split("|")[0]]
        broken.append(_broken(resource, *name.split("+")))
        removed.append((claim, name))
    for (claim, name), issues in zip(removed, validate_documents(broken), strict=True):
        url = claim.split("|")[0]
        caught = [i for i in problems(issues) if i.profile in (url, claim)]
        assert caught, f"{claim}: removing required {name} went unnoticed"
    assert len(removed) >= 20


def test_claims_the_packages_cannot_check_fail() -> None:
    patient = {"resourceType": "Patient", "gender": "unknown"}
    us_core = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient"
    claims = [
        "https://example.org/StructureDefinition/nowhere|1.0.0",
        us_core,
        f"{us_core}|6.1.0",
    ]
    documents_ = [{**patient, "meta": {"profile": [claim]}} for claim in claims]
    for claim, issues in zip(claims, validate_documents(documents_), strict=True):
        assert [i for i in problems(issues) if i.profile == claim], claim


def test_the_binding_checker_catches_a_code_outside_a_required_value_set() -> None:
    """SDOHCC binds ``Task.status`` (required) to a subset of R4's: ``ready`` is not in it."""
    bindings = Bindings.load(unpacked_packages(), R4_DEFINITIONS)
    url = "http://hl7.org/fhir/us/sdoh-clinicalcare/StructureDefinition/SDOHCC-TaskForReferralManagement"
    task = {
        "resourceType": "Task",
        "status": "ready",
        "intent": "order",
        "meta": {"profile": [url]},
    }
    found = [i for i in bindings.check(task) if i.severity == "error"]
    assert [(i.profile, i.path) for i in found] == [(url, "Task.status")]
    task["status"] = "requested"
    assert not [i for i in bindings.check(task) if i.severity == "error"]
