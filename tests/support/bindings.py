"""Required-binding checks against the vendored guides: what Medplum cannot evaluate offline.

For base R4 and each claimed profile, every element (outside slices) bound *required* to a
ValueSet that the packages or the R4 definitions let us enumerate must hold a code of it; a
slice told apart only by ValueSet membership (``$this`` discriminator, a binding, no pattern)
must be filled at least ``min`` times. ValueSets defined by filters over external code systems
(LOINC classes, SNOMED CT hierarchies) cannot be enumerated without a terminology server and are
not checked here (Medplum still checks everything else).
"""

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

Resource = dict[str, Any]
Code = tuple[str | None, str]

_R4_TERMINOLOGY = ("valuesets.json", "v3-codesystems.json", "v2-tables.json")


@dataclass(frozen=True)
class Issue:
    """One finding: ``severity`` is error, warning, claim (a profile that was checked) or
    offline (a constraint that needs a terminology server or reference resolution)."""

    ref: str
    profile: str
    path: str
    severity: str
    message: str

    def __str__(self) -> str:
        return f"{self.ref} {self.profile} {self.path}: {self.severity}: {self.message}"


def _children(node: object, name: str) -> list[Any]:
    """The values of one element name under ``node`` (``value[x]`` matches ``valueCoding``...)."""
    if not isinstance(node, dict):
        return []
    if name.endswith("[x]"):
        stem = name[:-3]
        found = [v for k, v in node.items() if k.startswith(stem) and k[len(stem) :][:1].isupper()]
    else:
        found = [node[name]] if name in node else []
    return [x for v in found for x in (v if isinstance(v, list) else [v])]


def _walk(resource: Resource, path: list[str]) -> list[Any]:
    nodes: list[Any] = [resource]
    for name in path:
        nodes = [child for node in nodes for child in _children(node, name)]
    return nodes


def _codes_of(value: object) -> list[Code] | None:
    """The (system, code) pairs a value carries, or None for a value with no code to check."""
    if isinstance(value, str):
        return [(None, value)]
    if isinstance(value, dict) and isinstance(value.get("coding"), list):
        return [(c.get("system"), c.get("code", "")) for c in value["coding"]] or None
    if isinstance(value, dict) and "code" in value:
        return [(value.get("system"), value["code"])]
    return None


def _member(codes: list[Code], allowed: frozenset[Code]) -> bool:
    plain = {code for _, code in allowed}
    return any(
        (code in plain) if system is None else ((system, code) in allowed) for system, code in codes
    )


@dataclass
class Bindings:
    """StructureDefinitions, ValueSets and CodeSystems of the packages plus base R4."""

    profiles: dict[str, Resource]
    base: dict[str, Resource]
    value_sets: dict[str, Resource]
    code_systems: dict[str, Resource]
    _expanded: dict[str, frozenset[Code] | None] = field(default_factory=dict)

    @classmethod
    def load(cls, packages: Iterable[Path], r4: Path) -> "Bindings":
        found = cls({}, {}, {}, {})
        for package in packages:
            for path in sorted((package / "package").glob("*.json")):
                kind = path.name.split("-", 1)[0]
                if kind in ("StructureDefinition", "ValueSet", "CodeSystem"):
                    found._add(json.loads(path.read_bytes()))
        for name in _R4_TERMINOLOGY:
            for entry in json.loads((r4 / name).read_bytes())["entry"]:
                found._add(entry["resource"])
        for entry in json.loads((r4 / "profiles-resources.json").read_bytes())["entry"]:
            sd = entry["resource"]
            if sd.get("kind") == "resource" and sd.get("derivation") == "specialization":
                found.base[sd["type"]] = sd
        return found

    def _add(self, resource: Resource) -> None:
        url = resource.get("url")
        kind = resource.get("resourceType")
        if not isinstance(url, str):
            return
        if kind == "StructureDefinition" and resource.get("snapshot"):
            self.profiles.setdefault(url, resource)
        elif kind == "ValueSet":
            self.value_sets.setdefault(url, resource)
        elif kind == "CodeSystem":
            self.code_systems.setdefault(url, resource)

    def expand(self, url: str) -> frozenset[Code] | None:
        """Every (system, code) of a ValueSet, or None when it cannot be enumerated offline."""
        url = url.split("|", maxsplit=1)[0]
        if url not in self._expanded:
            self._expanded[url] = None  # a ValueSet that includes itself cannot be enumerated
            self._expanded[url] = self._compose(self.value_sets.get(url))
        return self._expanded[url]

    def _compose(self, value_set: Resource | None) -> frozenset[Code] | None:
        if value_set is None or "compose" not in value_set:
            return None
        codes: set[Code] = set()
        for include in value_set["compose"].get("include", []):
            part = self._part(include)
            if part is None:
                return None
            codes |= part
        for exclude in value_set["compose"].get("exclude", []):
            part = self._part(exclude)
            if part is None:
                return None
            codes -= part
        return frozenset(codes)

    def _part(self, include: Resource) -> frozenset[Code] | None:
        if include.get("filter"):
            return None
        got: frozenset[Code] | None = None
        system = include.get("system")
        if system and include.get("concept"):
            got = frozenset((system, c["code"]) for c in include["concept"])
        elif system:
            got = self._whole_system(system)
            if got is None:
                return None
        for url in include.get("valueSet", []):
            nested = self.expand(url)
            if nested is None:
                return None
            got = nested if got is None else got & nested
        return got

    def _whole_system(self, url: str) -> frozenset[Code] | None:
        system = self.code_systems.get(url)
        if system is None or system.get("content", "complete") != "complete":
            return None

        def codes(concepts: list[Resource]) -> Iterator[str]:
            for concept in concepts:
                yield concept["code"]
                yield from codes(concept.get("concept", []))

        return frozenset((url, code) for code in codes(system.get("concept", [])))

    def check(self, document: Resource) -> list[Issue]:
        """Binding issues of a document and, for a Bundle, of each entry."""
        entries = [e for e in document.get("entry", []) if isinstance(e.get("resource"), dict)]
        out = self._check(document, _ref(document, None))
        for entry in entries if document.get("resourceType") == "Bundle" else []:
            out += self._check(entry["resource"], _ref(entry["resource"], entry.get("fullUrl")))
        return out

    def _check(self, resource: Resource, ref: str) -> list[Issue]:
        targets = [("R4", self.base.get(resource.get("resourceType", "")))]
        for claim in resource.get("meta", {}).get("profile", []):
            targets.append((claim.split("|")[0], self.profiles.get(claim.split("|")[0])))
        out: list[Issue] = []
        for profile, definition in targets:
            if definition is None or definition.get("type") != resource.get("resourceType"):
                continue  # the Medplum half reports a claim with no definition
            elements = {e["id"]: e for e in definition["snapshot"]["element"]}
            for element in elements.values():
                out += self._element(resource, ref, profile, element, elements)
        return out

    def _element(
        self,
        resource: Resource,
        ref: str,
        profile: str,
        element: Resource,
        elements: dict[str, Resource],
    ) -> list[Issue]:
        eid: str = element["id"]
        binding = element.get("binding") or {}
        url = binding.get("valueSet")
        if not url:
            return []
        if ":" in eid:
            return self._membership_slice(resource, ref, profile, element, elements)
        if binding.get("strength") != "required" or "." not in eid:
            return []
        allowed = self.expand(url)
        values = _walk(resource, eid.split(".")[1:])
        if allowed is None or not values:
            return []
        out = []
        for value in values:
            codes = _codes_of(value)
            if codes is not None and not _member(codes, allowed):
                shown = ", ".join(f"{s}|{c}" if s else c for s, c in codes)
                message = f"{shown} is not in the required ValueSet {url}"
                out.append(Issue(ref, profile, eid, "error", message))
        return out

    def _membership_slice(
        self,
        resource: Resource,
        ref: str,
        profile: str,
        element: Resource,
        elements: dict[str, Resource],
    ) -> list[Issue]:
        """A top-level slice told apart by ValueSet membership only: count its members."""
        eid: str = element["id"]
        name = element.get("sliceName")
        if not name or eid.count(":") != 1 or not eid.endswith(f":{name}") or not element["min"]:
            return []
        base = elements.get(eid.removesuffix(f":{name}"), {})
        discriminators = (base.get("slicing") or {}).get("discriminator", [])
        if not discriminators or any(d.get("path") != "$this" for d in discriminators):
            return []
        if any(k.startswith(("pattern", "fixed")) for k in element):
            return []
        url = element["binding"]["valueSet"]
        allowed = self.expand(url)
        if allowed is None:
            return []
        path = base["id"].split(".")[1:]
        out = []
        for parent in _walk(resource, path[:-1]):
            found = sum(
                1
                for value in _children(parent, path[-1])
                if (codes := _codes_of(value)) and _member(codes, allowed)
            )
            if found < element["min"]:
                message = f"slice {name} needs {element['min']} value(s) from {url}; found {found}"
                out.append(Issue(ref, profile, eid, "error", message))
        return out


def _ref(resource: Resource, full_url: str | None) -> str:
    return f"{resource.get('resourceType')}/{resource.get('id') or full_url or '-'}"
