"""The docs site's shape: every page is in the navigation, every package has a reference page.

``mkdocs build --strict`` itself runs in ./scripts/test; these checks say what to add when a
page or a package is new (strict mode only reports a page left out of the nav as information).
"""

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DOCS = ROOT / "docs"
CONFIG = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
NAV = set(re.findall(r"^\s+- (?:[^:\n]+: )?(\S+\.md)\s*$", CONFIG, flags=re.MULTILINE))
PACKAGES = sorted(p.parent.name for p in (ROOT / "src" / "commcare_ext").glob("*/__init__.py"))


def test_the_nav_is_read() -> None:
    assert {"index.md", "cli.md", "reference/intake.md"} <= NAV


def test_every_page_is_in_the_nav() -> None:
    pages = {str(p.relative_to(DOCS)) for p in DOCS.rglob("*.md")}
    assert pages - NAV == set(), "add these pages to nav in mkdocs.yml"
    assert NAV - pages == set(), "nav names pages that do not exist"


def test_every_package_has_a_reference_page() -> None:
    assert "intake" in PACKAGES
    for package in PACKAGES:
        page = DOCS / "reference" / f"{package}.md"
        assert page.is_file(), f"add docs/reference/{package}.md and put it in the nav"
        assert f"::: commcare_ext.{package}\n" in page.read_text(encoding="utf-8")
