import base64
from html.parser import HTMLParser

from fhir.resources.R4B.documentreference import DocumentReference

from commcare_ext.instruments import score_mos_sss
from commcare_ext.intake import Intake
from commcare_ext.summary import (
    answer_label,
    summary_document_reference,
    summary_html,
    summary_text,
)
from tests.fixtures import load_example


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[str] = []
        self.external: list[str] = []
        self.ids: set[str] = set()
        self.labelled_by: list[str] = []
        self.header_cells_without_scope = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(str(found["id"]))
        if found.get("aria-labelledby"):
            self.labelled_by.append(str(found["aria-labelledby"]))
        if tag == "th" and "scope" not in found:
            self.header_cells_without_scope += 1
        for name, value in attrs:
            if name in ("src", "href") and value and value.startswith(("http", "//")):
                self.external.append(value)


def test_summary_is_accessible_and_self_contained(example_intake: Intake) -> None:
    html = summary_html(example_intake)
    parser = _Tags()
    parser.feed(html)
    assert html.startswith('<!DOCTYPE html><html lang="en">')
    assert parser.tags.count("h1") == 1
    assert "h2" in parser.tags
    assert "title" in parser.tags
    assert parser.external == []
    assert "<script" not in html
    assert parser.labelled_by, "sections name their headings"
    assert set(parser.labelled_by) <= parser.ids
    assert parser.header_cells_without_scope == 0


def test_summary_shows_who_must_not_be_contacted_prominently() -> None:
    html = summary_html(load_example("amina-hassan"))
    assert 'role="alert">Do not contact or inform: Abdirahman Farah</p>' in html
    text = summary_text(load_example("amina-hassan"))
    assert "!! Do not contact or inform: Abdirahman Farah" in text
    for heading in (
        "Support network",
        "Stigma and privacy",
        "Barriers to care",
        "Suggested referrals",
    ):
        assert heading in text


def test_language_is_named_for_people() -> None:
    assert "Language: Somali (so), interpreter needed" in summary_text(load_example("amina-hassan"))
    assert "Language: Spanish (es-MX), interpreter needed" in summary_text(
        load_example("maria-garcia")
    )


def test_social_support_scores_are_shown() -> None:
    intake = load_example("maria-garcia")
    assert intake.social_support is not None
    text = summary_text(intake)
    rows = score_mos_sss(intake.social_support).as_display_rows()
    assert len(rows) == 5
    for name, score in rows:
        assert f"{name} | {score}" in text
    assert "Overall support index | 42.1" in text


def test_hostile_patient_text_is_escaped() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["formulation"]["problem_in_own_words"] = '<script>alert("x")</script> & more'
    data["support_persons"][2]["name"] = "<img src=x onerror=alert(1)>"
    html = summary_html(Intake.model_validate(data))
    assert "<script>" not in html
    assert "<img" not in html
    assert "&lt;script&gt;" in html
    assert "&amp; more" in html


def test_document_reference_carries_the_summary() -> None:
    intake = load_example("tran-van-minh")
    document = summary_document_reference(intake, "Patient/123")
    DocumentReference.model_validate(document)
    assert document["type"]["coding"][0] == {
        "system": "http://loinc.org",
        "code": "96142-5",
        "display": "Mental health Evaluation note",
    }
    html = base64.b64decode(document["content"][0]["attachment"]["data"]).decode("utf-8")
    assert html == summary_html(intake)
    assert document == summary_document_reference(intake, "Patient/123")


def test_answer_label_is_what_the_form_shows() -> None:
    intake = load_example("amina-hassan")
    assert answer_label(intake.respondent) == "The patient, with an interpreter"
    assert answer_label(intake.support_persons[0].relationship) == "cousin"
