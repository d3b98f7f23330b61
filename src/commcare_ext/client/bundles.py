"""Pure helpers over transaction Bundles: idempotence, dependency order, reference rewriting."""

from collections.abc import Mapping
from typing import Any

from commcare_ext.fhir.references import references_in, rewrite_references


def is_idempotent(bundle: Mapping[str, Any]) -> bool:
    """True when re-sending ``bundle`` cannot create anything twice.

    Every entry must be a conditional create (POST with ``ifNoneExist``), a PUT, or a read.
    """
    for entry in bundle.get("entry", []):
        request = entry.get("request", {})
        method = request.get("method")
        if method == "POST" and not request.get("ifNoneExist"):
            return False
        if method not in ("POST", "PUT", "GET", "HEAD"):
            return False
    return True


def dependency_order(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Entries ordered so nothing refers to an entry that comes later (stable otherwise)."""
    by_url = {entry.get("fullUrl"): entry for entry in entries}
    ordered: list[dict[str, Any]] = []
    placed: set[str | None] = set()
    visiting: set[str | None] = set()

    def place(entry: dict[str, Any]) -> None:
        url = entry.get("fullUrl")
        if url in placed:
            return
        if url in visiting:
            msg = f"circular references around {url}"
            raise ValueError(msg)
        visiting.add(url)
        for reference in references_in(entry.get("resource", {})):
            target = by_url.get(reference)
            if target is not None and target is not entry:
                place(target)
        visiting.discard(url)
        placed.add(url)
        ordered.append(entry)

    for entry in entries:
        place(entry)
    return ordered


def resolve(entry: dict[str, Any], resolved: Mapping[str, str]) -> dict[str, Any]:
    """``entry`` with every urn:uuid reference already created replaced by ``Type/id``."""
    return rewrite_references(entry, lambda reference: resolved.get(reference, reference))
