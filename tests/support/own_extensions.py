"""Check each use of one of our extensions against the StructureDefinition we publish for it.

Medplum checks an extension only where a profile slices it, so our own extensions are checked
here, from the published definitions themselves (``questionnaire.extensions``): the resource
type is a declared context, a simple extension holds one value of a declared type, and a
complex one holds only declared parts, each within its cardinality and of its type.
"""

from typing import Any

from commcare_ext.questionnaire.extensions import extension_definitions
from commcare_ext.terminology.systems import CANONICAL_BASE
from tests.support.bindings import Issue

Resource = dict[str, Any]
_OURS = f"{CANONICAL_BASE}/StructureDefinition/"


def _value_types(extension: Resource) -> list[str]:
    return [k.removeprefix("value") for k in extension if k.startswith("value")]


def _type_name(code: str) -> str:
    return code[0].upper() + code[1:]


class OwnExtensions:
    """The published definitions, by url."""

    def __init__(self) -> None:
        self.definitions = {sd["url"]: sd for sd in extension_definitions()}

    def check(self, document: Resource) -> list[Issue]:
        """Issues of every use of our extensions in a document (and a Bundle's entries)."""
        resources = [document]
        if document.get("resourceType") == "Bundle":
            resources += [e["resource"] for e in document.get("entry", []) if "resource" in e]
        out: list[Issue] = []
        for resource in resources:
            ref = f"{resource.get('resourceType')}/{resource.get('id', '-')}"
            for path, extension in _extensions(resource, resource["resourceType"]):
                out += self._one(ref, resource["resourceType"], path, extension)
        return out

    def _one(self, ref: str, kind: str, path: str, extension: Resource) -> list[Issue]:
        url = extension.get("url", "")
        if not url.startswith(_OURS):
            return []
        definition = self.definitions.get(url)

        def issue(message: str) -> Issue:
            return Issue(ref, url, path, "error", message)

        if definition is None:
            return [issue("our extension has no published StructureDefinition")]
        out = []
        contexts = {c["expression"] for c in definition["context"]}
        if kind not in contexts:
            out.append(issue(f"used on {kind}; its contexts are {sorted(contexts)}"))
        elements = {e["id"]: e for e in definition["snapshot"]["element"]}
        value = elements["Extension.value[x]"]
        allowed = {_type_name(t["code"]) for t in value["type"]}
        types = _value_types(extension)
        if value["max"] == "0" and types:
            out.append(issue("a complex extension holds no value[x]"))
        if value["min"] == 1 and (len(types) != 1 or types[0] not in allowed):
            out.append(issue(f"needs one value of {sorted(allowed)}, has {types}"))
        parts = {e["sliceName"]: e for e in elements.values() if e.get("sliceName")}
        for name in {p.get("url") for p in extension.get("extension", [])} - set(parts):
            out.append(issue(f"undeclared part {name!r}"))
        for name, part in parts.items():
            found = [p for p in extension.get("extension", []) if p.get("url") == name]
            if len(found) < part["min"] or (part["max"] != "*" and len(found) > int(part["max"])):
                allowed_count = f"{part['min']}..{part['max']}"
                out.append(issue(f"part {name}: {len(found)} found, {allowed_count} allowed"))
            part_types = {_type_name(t["code"]) for t in elements[f"{part['id']}.value[x]"]["type"]}
            for item in found:
                if _value_types(item) not in ([t] for t in part_types):
                    out.append(issue(f"part {name}: value of {sorted(part_types)} expected"))
        return out


def _extensions(node: object, path: str) -> list[tuple[str, Resource]]:
    """(path, extension) for every extension in ``node``, however deep."""
    found: list[tuple[str, Resource]] = []
    if isinstance(node, dict):
        for key, value in node.items():
            if key in ("extension", "modifierExtension") and isinstance(value, list):
                found += [(f"{path}.{key}", e) for e in value if isinstance(e, dict)]
            found += _extensions(value, f"{path}.{key}")
    elif isinstance(node, list):
        for item in node:
            found += _extensions(item, path)
    return found
