"""Walk, rewrite and check the references inside FHIR JSON."""

from collections.abc import Callable
from typing import Any, TypeVar, cast

from commcare_ext.errors import CommcareError


class DanglingReferenceError(CommcareError, ValueError):
    """A Bundle refers to something it does not contain; ``references`` lists each one."""

    def __init__(self, references: list[str]) -> None:
        self.references = tuple(references)
        super().__init__(f"{len(references)} dangling reference(s): {', '.join(references)}")


JsonT = TypeVar("JsonT")


def rewrite_references(node: JsonT, rewrite: Callable[[str], str | None]) -> JsonT:
    """Copy ``node``, passing every ``reference`` through ``rewrite``.

    ``rewrite`` returns the new reference, or None to drop the Reference: a dropped entry
    disappears from its list, and a dropped single Reference removes its element. The copy
    has the type of ``node``: a resource stays a resource.
    """
    return cast(JsonT, _rewrite(node, rewrite))


_SCALARS = (str, bool, int, float, type(None))


def _rewrite(node: Any, rewrite: Callable[[str], str | None]) -> Any:
    # Hot path (every Bundle walks every node): scalars, the bulk of FHIR JSON, are returned
    # without a call; exact type checks come before the slower isinstance.
    kind = type(node)
    if kind is dict or (kind is not list and isinstance(node, dict)):
        copied: dict[str, Any] = {}
        for key, value in node.items():
            if type(value) in _SCALARS:
                copied[key] = rewrite(value) if key == "reference" and type(value) is str else value
            elif key == "reference" and isinstance(value, str):
                copied[key] = rewrite(value)
            elif _is_reference(value) and rewrite(value["reference"]) is None:
                continue
            else:
                rewritten = _rewrite(value, rewrite)
                if not rewritten and value and type(rewritten) in (list, dict):
                    continue  # every reference in it was dropped: FHIR forbids empty arrays
                copied[key] = rewritten
        return copied
    if kind is list or isinstance(node, list):
        out = []
        for item in node:
            if type(item) in _SCALARS:
                out.append(item)
            elif _is_reference(item) and rewrite(item["reference"]) is None:
                continue
            else:
                out.append(_rewrite(item, rewrite))
        return out
    return node


def references_in(node: Any) -> list[str]:
    """Every ``reference`` string inside ``node``."""
    found: list[str] = []
    if isinstance(node, list):
        for item in node:
            found.extend(references_in(item))
    elif isinstance(node, dict):
        for key, value in node.items():
            if key == "reference" and isinstance(value, str):
                found.append(value)
            else:
                found.extend(references_in(value))
    return found


def check_references(bundle: dict[str, Any], *, allow: frozenset[str] = frozenset()) -> None:
    """Raise DanglingReferenceError unless every reference resolves inside ``bundle``.

    ``allow`` names references that deliberately point outside (an existing Patient).
    """
    full_urls = {entry.get("fullUrl") for entry in bundle.get("entry", [])}
    dangling = sorted(
        {
            reference
            for entry in bundle.get("entry", [])
            for reference in references_in(entry.get("resource", {}))
            if reference not in full_urls and reference not in allow
        }
    )
    if dangling:
        raise DanglingReferenceError(dangling)


def _is_reference(value: Any) -> bool:
    return isinstance(value, dict) and isinstance(value.get("reference"), str) and len(value) <= 2
