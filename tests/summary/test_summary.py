import base64
from html import escape
from html.parser import HTMLParser

import pytest
from fhir.resources.R4B.documentreference import DocumentReference

from commcare_ext.instruments import score_mos_sss
from commcare_ext.intake import IdiomOfDistress, Intake
from commcare_ext.summary import (
    answer_label,
    summary_document_reference,
    summary_html,
    summary_text,
)
from commcare_ext.summary.labels import idiom_meaning as clinician_meaning
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
    assert html.startswith('<!DOCTYPE html><html lang="en" dir="ltr">')
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
        "Care preferences and referrals",
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
        assert f"{name} | {score.split(' ')[0]} | " in text
    assert "Overall support index | 42.1 | 19 of 19" in text
    assert "Score (0 to 100)" in text
    assert "A low score means the patient seldom has this kind of support" in text


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


def test_summary_names_the_patient_record_and_who_may_be_reached() -> None:
    intake = load_example("amina-hassan")
    text = summary_text(intake)
    assert f"Medical record number (MRN): {intake.patient.identifier_value}" in text
    assert intake.patient.birth_date is not None
    assert f"Date of birth: {intake.patient.birth_date.isoformat()}" in text
    for person in intake.support_persons:
        row = next(line for line in text.splitlines() if line.startswith(person.name + " | "))
        if person.do_not_contact:
            assert "| DO NOT CONTACT |" in row
            assert person.phone is None
        else:
            assert "| Yes" in row
            if person.phone:
                assert f"| {person.phone} |" in row
    assert any(p.phone for p in intake.support_persons), "the example checks no phone number"


def test_summary_says_it_is_a_supplement_not_an_assessment(example_intake: Intake) -> None:
    html = summary_html(example_intake)
    assert "cultural and social supplement to the clinical assessment, not a full assessment" in (
        html
    )


def test_summary_uses_clinician_labels_not_first_person_answers() -> None:
    intake = load_example("maria-garcia")
    text = summary_text(intake)
    for first_person in ("I decide", "my family", "My family", "Stress in my life", "to me"):
        assert first_person not in text, first_person


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans", "ar"])
def test_summary_in_another_language_marks_the_patient_words(
    example_intake: Intake, language: str
) -> None:
    html = summary_html(example_intake, language=language)
    direction = "rtl" if language == "ar" else "ltr"
    assert html.startswith(f'<!DOCTYPE html><html lang="{language}" dir="{direction}">')
    assert "Intake summary" not in html
    assert "Support network" not in html
    own = example_intake.formulation.problem_in_own_words
    patient_language = example_intake.language.preferred_language
    marked = (
        f'<span dir="auto">{escape(own)}</span>'
        if patient_language == language
        else f'<span dir="auto" lang="{patient_language}">{escape(own)}</span>'
    )
    assert marked in html


@pytest.mark.parametrize("language", ["en", "es", "vi", "zh-Hans", "ar"])
def test_a_coded_idiom_is_explained_below_the_patients_own_words(language: str) -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["formulation"]["own_name_for_trouble"] = "Son mis nervios, me dan ataques"
    data["formulation"]["idiom_of_distress"] = "idiom-ataque-de-nervios"
    intake = Intake.model_validate(data)
    html = summary_html(intake, language=language)
    words = html.index("Son mis nervios, me dan ataques")
    problem = html.index(escape(intake.formulation.problem_in_own_words))
    explained = html.index(clinician_meaning(IdiomOfDistress.ATAQUE_DE_NERVIOS, language))
    assert problem < words < explained  # the person's words first, the code's sentence after
    text = summary_text(intake, language=language)
    assert "Son mis nervios, me dan ataques" in text
    assert text.count("Son mis nervios, me dan ataques") == 1  # shown once, never replaced


def test_no_idiom_row_when_none_is_coded() -> None:
    coded = load_example("maria-garcia")
    intake = coded.model_copy(
        update={"formulation": coded.formulation.model_copy(update={"idiom_of_distress": None})}
    )
    assert "Cultural concept of distress" in summary_text(coded)
    assert "Cultural concept of distress" not in summary_text(intake)
