"""The summary's progress sections: latest score, band, change, and an inline-SVG trend."""

from datetime import date
from xml.etree import ElementTree

import pytest

from commcare_ext.instruments import InstrumentAnswers
from commcare_ext.summary import Measurement, progress_sections, summary_html, summary_text
from tests.fixtures import load_example

BASELINE = {1: 2, 2: 2, 3: 2, 4: 2, 5: 1, 6: 1, 7: 1, 8: 0, 9: 0}  # 11, moderate
LATER = {1: 1, 2: 0, 3: 1, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0}  # 4, none-minimal
RISK = {**LATER, 9: 1}  # 5, mild, item 9 above "not at all"


def _series(*answers: dict[int, int]) -> list[Measurement]:
    days = (date(2026, 11, 2), date(2026, 12, 14), date(2027, 1, 25))
    return [
        Measurement(day, "phq-9", InstrumentAnswers(answers=a))
        for day, a in zip(days, answers, strict=False)
    ]


def test_progress_shows_latest_band_change_and_what_the_change_rule_says() -> None:
    (section,) = progress_sections(_series(BASELINE, LATER))
    rows = {row.label: row.value for row in section.rows}
    assert rows["Latest (2026-12-14)"] == "4 — None-minimal"
    assert rows["Baseline (2026-11-02)"] == "11 — Moderate"
    change = rows["Change since baseline"]
    assert change.startswith("-7 points, better")
    assert "at least the minimal clinically important difference (5 points)" in change
    assert "response (at least 50% lower than baseline)" in change
    assert "remission (below 5)" in change
    assert section.alert is None
    assert section.chart is not None
    assert [v for _, v in section.chart.points] == [11, 4]


def test_a_critical_item_at_follow_up_raises_the_alert_whatever_the_total() -> None:
    (section,) = progress_sections(_series(BASELINE, LATER, RISK))
    assert section.alert is not None
    assert "item 9" in section.alert


@pytest.mark.parametrize("language", ["en", "es", "vi", "zh-Hans", "ar"])
def test_the_trend_chart_is_inline_svg_titled_in_the_pages_language(language: str) -> None:
    intake = load_example("maria-garcia")
    sections = progress_sections(_series(BASELINE, LATER), language)
    html = summary_html(intake, language=language, extra_sections=sections)
    start = html.index("<svg")
    svg = ElementTree.fromstring(html[start : html.index("</svg>", start) + 6])  # noqa: S314 - ours
    title = svg.find("{http://www.w3.org/2000/svg}title")
    assert title is not None
    assert title.text == sections[0].chart.title  # type: ignore[union-attr]
    assert svg.get("role") == "img"
    if language != "en":
        english = progress_sections(_series(BASELINE, LATER), "en")[0]
        assert title.text != english.chart.title  # type: ignore[union-attr]
    assert "2026-12-14" in summary_text(intake, language=language, extra_sections=sections)
