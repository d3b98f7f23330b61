"""Counts the docs state (form languages, form sections) come from the code, not from memory.

The README and the docs said "two languages" and "nine sections" long after the form had five
and ten; this test reads every count of languages or sections in them and compares it with
the form itself, and the clinicians' table of sections with the form's sections.
"""

import re
from pathlib import Path

import pytest

from commcare_ext.questionnaire import build_questionnaire
from commcare_ext.terminology.languages import FormLanguage

ROOT = Path(__file__).resolve().parents[2]
PAGES = sorted([ROOT / "README.md", *ROOT.glob("docs/*.md"), *ROOT.glob("examples/*/README.md")])
NUMBERS = {
    word: n
    for n, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
        ]
    )
}
CLAIM = re.compile(
    r"\b(?P<count>\d+|" + "|".join(NUMBERS) + r")\s+(?:form\s+)?(?P<what>languages|sections)\b",
    re.IGNORECASE,
)
PROGRESS = re.compile(r"\b\d+ of (?P<total>\d+) sections\b")


def _counts() -> dict[str, int]:
    return {
        "languages": len(FormLanguage),
        "sections": len(build_questionnaire()["item"]),
    }


@pytest.mark.parametrize("page", PAGES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_stated_count_is_the_codes(page: Path) -> None:
    text = page.read_text(encoding="utf-8")
    counts = _counts()
    for claim in CLAIM.finditer(text):
        raw = claim["count"].lower()
        stated = int(raw) if raw.isdigit() else NUMBERS[raw]
        assert stated == counts[claim["what"].lower()], claim.group(0)
    for progress in PROGRESS.finditer(text):
        assert int(progress["total"]) == counts["sections"], progress.group(0)


def test_the_docs_state_both_counts_somewhere() -> None:
    text = "\n".join(page.read_text(encoding="utf-8") for page in PAGES)
    found = {match["what"].lower() for match in CLAIM.finditer(text)}
    assert found == {"languages", "sections"}


def test_the_clinicians_table_has_a_row_per_section() -> None:
    text = (ROOT / "docs" / "clinicians.md").read_text(encoding="utf-8")
    table = text.split("| Section | It asks | Why it matters |", 1)[1].split("\n\n", 1)[0]
    rows = [line for line in table.splitlines() if line.startswith("| ") and "---" not in line]
    titles = [item["text"] for item in build_questionnaire()["item"]]
    assert len(rows) == len(titles)
    for row, title in zip(rows, titles, strict=True):
        assert title.startswith(row.split("|")[1].strip()), (row, title)
