"""The outcomes report in a real browser: no serious or critical axe-core violation, Arabic RTL.

The page is opened from a file (it must need no network), in every language.
"""

from pathlib import Path

import pytest
from playwright.sync_api import Browser

from commcare_ext.outcomes import PlantedEffects, report_html
from commcare_ext.terminology import text_direction
from tests.browser.a11y import axe_violations, serious
from tests.outcomes.conftest import report_of

pytestmark = pytest.mark.browser

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")


@pytest.fixture(scope="module")
def report() -> dict[str, object]:
    return report_of(400, 4, PlantedEffects.issue_example())


@pytest.mark.parametrize("lang", LANGUAGES)
def test_the_report_has_no_serious_or_critical_violations(
    browser: Browser, report: dict[str, object], lang: str, tmp_path: Path
) -> None:
    page_file = tmp_path / f"report-{lang}.html"
    page_file.write_text(report_html(report, language=lang), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, offline=True)
    page = context.new_page()
    page.goto(page_file.as_uri())
    assert page.evaluate("document.documentElement.lang") == lang
    assert page.evaluate("document.documentElement.dir") == text_direction(lang)
    assert page.locator("figure svg").count() == 3
    page.screenshot(path=str(tmp_path / f"report-{lang}.png"), full_page=True)
    assert serious(axe_violations(page)) == []
    context.close()


_TEXT_EDGES = """
() => {
  const heading = document.querySelector('h1');
  const range = document.createRange();
  range.selectNodeContents(heading);
  const text = range.getBoundingClientRect();
  const column = heading.getBoundingClientRect();
  return {left: text.left - column.left, right: column.right - text.right};
}
"""


@pytest.mark.parametrize(("lang", "flush"), [("ar", "right"), ("en", "left")])
def test_text_sits_on_the_side_it_is_read_from(
    browser: Browser, report: dict[str, object], tmp_path: Path, lang: str, flush: str
) -> None:
    page_file = tmp_path / f"report-{lang}.html"
    page_file.write_text(report_html(report, language=lang), encoding="utf-8")
    context = browser.new_context(viewport={"width": 1280, "height": 1000}, offline=True)
    page = context.new_page()
    page.goto(page_file.as_uri())
    edges = page.evaluate(_TEXT_EDGES)
    other = "left" if flush == "right" else "right"
    # The title is shorter than the column: it starts at the edge it is read from.
    assert edges[flush] < 2, edges
    assert edges[other] > 50, edges
    context.close()
