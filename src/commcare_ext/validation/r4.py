"""Where R4B, which fhir.resources validates, differs from the R4 we promise.

R4B added Extension ``valueCodeableReference`` and ``valueRatioRange`` (not R4) and dropped
``valueMeta`` (R4 has it); R4B widened ``Observation.subject`` (R4: Patient, Group, Device,
Location). The table of widened targets was found by comparing the R4 StructureDefinitions
Medplum ships with fhir.resources' R4B reference metadata for every resource type we emit.
"""

from collections.abc import Iterator, Mapping
from typing import Any, Final

import orjson

#: Extension value types that exist in R4B only: an R4 receiver rejects them.
R4B_ONLY_EXTENSION_VALUES: Final = frozenset({"valueCodeableReference", "valueRatioRange"})
#: Extension value types R4 has and R4B lacks: R4-valid, so validated apart from the model.
R4_ONLY_EXTENSION_VALUES: Final = frozenset({"valueMeta"})
#: (resource type, element) -> the reference targets R4 allows where R4B allows more.
R4_REFERENCE_TARGETS: Final[dict[tuple[str, str], frozenset[str]]] = {
    ("Observation", "subject"): frozenset({"Patient", "Group", "Device", "Location"}),
}
_EXTENSION_KEYS: Final = ("extension", "modifierExtension")


def r4_issues(bundle: Mapping[str, Any]) -> list[tuple[str, str]]:
    """(path, problem) for every place ``bundle`` is valid R4B but not valid R4."""
    scan_extensions = _mentions(bundle, R4B_ONLY_EXTENSION_VALUES)
    kinds = {
        entry.get("fullUrl"): entry.get("resource", {}).get("resourceType")
        for entry in bundle.get("entry", [])
    }
    issues = []
    for index, entry in enumerate(bundle.get("entry", [])):
        resource = entry.get("resource", {})
        path = f"entry[{index}].resource"
        for where, key in _extension_values(resource, path) if scan_extensions else ():
            issues.append((where, f"Extension.{key} exists only in R4B, not in R4"))
        kind = resource.get("resourceType")
        for (target_kind, element), allowed in R4_REFERENCE_TARGETS.items():
            reference = resource.get(element, {}).get("reference") if kind == target_kind else None
            if reference is None:
                continue
            pointed = kinds.get(reference) or reference.split("/", 1)[0]
            if pointed not in allowed:
                issues.append((f"{path}.{element}", f"R4 allows {', '.join(sorted(allowed))}"))
    return issues


def strip_r4_only(bundle: Mapping[str, Any]) -> tuple[Mapping[str, Any], list[dict[str, Any]]]:
    """``bundle`` without R4-only extension values (for the R4B model), and those values."""
    found: list[dict[str, Any]] = []

    def strip(node: Any) -> Any:
        if isinstance(node, list):
            return [strip(item) for item in node]
        if isinstance(node, dict):
            out = {}
            for key, value in node.items():
                if key in R4_ONLY_EXTENSION_VALUES:
                    found.append(value)
                    continue
                out[key] = strip(value)
            return out
        return node

    if not _mentions(bundle, R4_ONLY_EXTENSION_VALUES):
        return bundle, found
    return strip(bundle), found


def _mentions(bundle: Mapping[str, Any], keys: frozenset[str]) -> bool:
    """Whether any of ``keys`` is used as a JSON key anywhere in ``bundle``: a quick filter.

    Almost no Bundle has the keys the guard looks for, so the walks that name paths run only
    when the serialised Bundle mentions one (orjson takes a fraction of a millisecond where a
    Python walk takes one or two). A Bundle orjson cannot serialise is walked.
    """
    try:
        raw = orjson.dumps(bundle)
    except TypeError:
        return True
    return any(b'"' + key.encode() + b'":' in raw for key in keys)


def _extension_values(
    node: Any, path: str, keys: frozenset[str] = R4B_ONLY_EXTENSION_VALUES
) -> Iterator[tuple[str, str]]:
    """(path, key) of every Extension value key in ``keys`` anywhere under ``node``."""
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _extension_values(item, f"{path}[{index}]", keys)
    elif isinstance(node, dict):
        for key, value in node.items():
            if key in _EXTENSION_KEYS and isinstance(value, list):
                for index, extension in enumerate(value):
                    where = f"{path}.{key}[{index}]"
                    if isinstance(extension, dict):
                        yield from ((where, k) for k in extension if k in keys)
                    yield from _extension_values(extension, where, keys)
            elif isinstance(value, dict | list):
                yield from _extension_values(value, f"{path}.{key}", keys)
