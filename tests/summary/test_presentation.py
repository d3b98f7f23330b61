"""How the summary reads: lists in each language's punctuation, no heading repeated as a table
caption, and one row per wish about the clinician (not "key: value" text)."""

import re
from datetime import UTC, datetime

from commcare_ext.followup import referral_report, summary_section
from commcare_ext.summary import clinician_label, summary_html
from tests.fixtures import load_example


def test_lists_use_each_languages_separator() -> None:
    intake = load_example("amina-hassan")
    supports = intake.care.preferred_supports
    assert len(supports) >= 2
    for lang, separator in (("ar", "، "), ("zh-Hans", "、"), ("es", ", "), ("en", ", ")):
        html = summary_html(intake, language=lang)
        listed = separator.join(clinician_label(s, lang) for s in supports)
        assert listed in html, lang
    assert ", ".join(clinician_label(s, "ar") for s in supports) not in summary_html(
        intake, language="ar"
    )


def test_a_table_is_named_by_its_heading_not_a_repeated_caption() -> None:
    intake = load_example("maria-garcia")
    section = summary_section(referral_report([], now=_now()))
    html = summary_html(intake, extra_sections=[section])
    assert "<caption>" not in html
    for table in re.finditer(r'<table aria-labelledby="([^"]+)">', html):
        assert f'<h2 id="{table[1]}">' in html
    assert html.count("Referrals: where they stand") == 1


def test_each_clinician_preference_is_a_row_of_its_own() -> None:
    intake = load_example("raymond-begay")
    html = summary_html(intake)
    care = intake.care
    for value in (care.clinician_gender, care.visit_mode, care.therapy_format):
        assert value is not None
        assert f"<dd>{clinician_label(value, 'en')}</dd>" in html
    assert "Clinician preferences: gender</dt>" in html
    assert not re.search(r"<dd>[^<]*language: [^<]*, [^<]*gender: ", html)


def _now() -> datetime:
    return datetime(2026, 11, 20, tzinfo=UTC)
