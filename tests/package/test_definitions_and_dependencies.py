"""Our FHIR package defines every extension we use and depends on every package whose
profiles or extensions it uses, at the version we meet; every claim is versioned."""

import copy
import json
import re

import pytest

from commcare_ext.questionnaire import build_questionnaire, published_resources
from commcare_ext.questionnaire.package import DEPENDENCIES, fhir_package
from commcare_ext.terminology import followup, systems
from commcare_ext.terminology.systems import CANONICAL_BASE, SDC_VERSION
from tests.conformance.guide_documents import documents
from tests.support.guides import problems, validate_documents
from tests.support.own_extensions import OwnExtensions

_OURS = f"{CANONICAL_BASE}/StructureDefinition/"
#: Where each guide's canonical urls live, and the package that publishes them.
_PACKAGES = {
    "http://hl7.org/fhir/StructureDefinition/": "hl7.fhir.r4.core",
    "http://hl7.org/fhir/uv/sdc/StructureDefinition/": "hl7.fhir.uv.sdc",
    "http://terminology.hl7.org/CodeSystem/": "hl7.terminology.r4",
}
#: R5 elements carried in R4: validators derive these from R5, no package declares them.
_CROSS_VERSION = "http://hl7.org/fhir/5.0/StructureDefinition/"


def _defined() -> set[str]:
    return {r["url"] for r in published_resources() if r["resourceType"] == "StructureDefinition"}


def _canonicals(text: str) -> set[str]:
    return set(re.findall(r'"(https?://[^"|]+/(?:StructureDefinition|CodeSystem)/[^"|]+)', text))


def test_every_extension_we_name_has_a_published_definition() -> None:
    named = {
        value
        for module in (systems, followup)
        for name, value in vars(module).items()
        if name.endswith("_EXTENSION") and isinstance(value, str) and value.startswith(_OURS)
    }
    assert len(named) >= 5
    assert named <= _defined()


@pytest.mark.integration
def test_every_extension_we_write_has_a_published_definition() -> None:
    written = {u for u in _canonicals(json.dumps(documents())) if u.startswith(_OURS)}
    assert written, "nothing we write uses our extensions: the check would check nothing"
    assert written <= _defined()


def test_the_package_depends_on_every_package_it_uses() -> None:
    package = fhir_package()
    manifest = package["package/package.json"]
    text = json.dumps([v for k, v in package.items() if k != "package/package.json"])
    used = set()
    for url in _canonicals(text) - {u for u in _canonicals(text) if u.startswith(CANONICAL_BASE)}:
        if url.startswith(_CROSS_VERSION):
            continue
        base = next((b for b in _PACKAGES if url.startswith(b)), None)
        assert base is not None, f"{url}: which package publishes it?"
        used.add(_PACKAGES[base])
    assert used <= set(manifest["dependencies"])
    assert manifest["dependencies"] == DEPENDENCIES
    assert manifest["dependencies"]["hl7.fhir.uv.sdc"] == SDC_VERSION


def test_every_claim_in_the_package_is_versioned() -> None:
    for resource in published_resources():
        for claim in resource.get("meta", {}).get("profile", []):
            assert "|" in claim, f"{resource['resourceType']}/{resource['id']}: {claim}"


def test_the_extension_checker_catches_misuse() -> None:
    """Shown failing: a missing required part, an undeclared part, a value on a complex
    extension, a wrong context and an extension we never defined."""
    checker = OwnExtensions()
    questionnaire = build_questionnaire("en")
    assert checker.check(questionnaire) == []
    review = next(e for e in questionnaire["extension"] if "translation-review" in e["url"])
    broken = copy.deepcopy(questionnaire)
    bad = next(e for e in broken["extension"] if e["url"] == review["url"])
    bad["extension"] = [p for p in bad["extension"] if p["url"] != "lang"]
    bad["extension"].append({"url": "bogus", "valueString": "x"})
    bad["valueString"] = "x"
    broken["extension"].append({"url": f"{_OURS}never-defined", "valueString": "x"})
    messages = " / ".join(i.message for i in checker.check(broken))
    assert "part lang: 0 found, 1..1 allowed" in messages
    assert "undeclared part 'bogus'" in messages
    assert "a complex extension holds no value[x]" in messages
    assert "our extension has no published StructureDefinition" in messages
    task = {"resourceType": "Task", "extension": [copy.deepcopy(review)]}
    assert "used on Task" in " ".join(i.message for i in checker.check(task))


@pytest.mark.integration
def test_the_extension_definitions_are_valid_r4() -> None:
    definitions = [r for r in published_resources() if r["resourceType"] == "StructureDefinition"]
    for issues in validate_documents(definitions):
        assert problems(issues) == []
