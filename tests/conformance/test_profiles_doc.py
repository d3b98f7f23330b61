"""docs/profiles.md says exactly what the code claims: its "Every claim, exactly" table lists
each combination of ``meta.profile`` per resource type that the examples write, no more and no
fewer, and every claim's canonical url has one of the bases the page names."""

import re
from pathlib import Path

from tests.conformance.emitted import bundles
from tests.conformance.guide_documents import (
    Resource,
    forms,
    generated_bundles,
    safety_documents,
    summaries,
)

DOC = Path(__file__).resolve().parents[2] / "docs" / "profiles.md"
Row = tuple[str, frozenset[str]]


def _section() -> str:
    text = DOC.read_text("utf-8")
    start = text.index("## Every claim, exactly")
    return text[start : text.index("\n## ", start + 1)]


def documented() -> set[Row]:
    """(resource type, claims as ``segment|version``) of each row of the table."""
    rows = set()
    for line in _section().splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split(" | ")]
        if len(cells) != 2 or not line.startswith("| ") or cells[0] in ("Resource", "---"):
            continue
        claims = re.findall(r"`([^`]+)`", cells[1].replace("\\|", "|"))
        rows.add((cells[0], frozenset(claims)))
    return rows


def claimed(documents: list[Resource]) -> set[Row]:
    """The same rows, from the resources themselves (and the Bundles' entries)."""
    rows = set()
    for document in documents:
        for resource in [document, *(e["resource"] for e in document.get("entry", []))]:
            profiles = resource.get("meta", {}).get("profile", [])
            rows.add((resource["resourceType"], frozenset(p.rsplit("/", 1)[1] for p in profiles)))
    return rows


def _examples() -> list[Resource]:
    # The demo's positive-screen Bundle (examples/demo_safety.py) is one the examples write.
    return [*bundles(), *forms(), *summaries(), *safety_documents()]


def test_the_table_lists_exactly_what_the_code_claims() -> None:
    """Against the examples and a fixed, derandomised sample of generated intakes (the same
    20 under every test profile: some of them screen positive, so a Flag appears)."""
    in_doc = documented()
    in_code = claimed(_examples()) | claimed(generated_bundles(20))
    assert len(in_doc) > 20, "the table was not found or not parsed"
    assert sorted(in_code - in_doc) == [], "claimed but not documented"
    assert sorted(in_doc - in_code) == [], "documented but not claimed"


def test_every_claim_is_under_a_base_the_page_names() -> None:
    bases = re.findall(r"`(http://hl7\.org/fhir/[^`]+/StructureDefinition/)`", _section())
    assert len(bases) == 5
    for document in _examples():
        for resource in [document, *(e["resource"] for e in document.get("entry", []))]:
            for profile in resource.get("meta", {}).get("profile", []):
                assert any(profile.startswith(base) for base in bases), profile
