"""Exact wording from a clinic-supplied Questionnaire: checked item by item, or refused.

The "exact wording" Questionnaire here is built from the instrument's codes with
placeholder texts (no instrument text is copied): the check is about structure and codes.
"""

import copy
from typing import Any

import pytest

from commcare_ext.extract import extract
from commcare_ext.instruments import (
    PHQ_9,
    InstrumentAnswers,
    WordingMismatchError,
    WordingSource,
    load_wording,
)
from commcare_ext.questionnaire import (
    apply_wording,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from commcare_ext.summary import summary_text
from commcare_ext.terminology.systems import INSTRUMENT_WORDING_EXTENSION
from tests.fixtures import context_for, load_example

URL = "https://clinic.example.org/Questionnaire/phq-9-exact"


def exact_form() -> dict[str, Any]:
    """A Questionnaire coded like PHQ-9, its texts placeholders, plus an item it adds."""
    items: list[dict[str, Any]] = [
        {
            "linkId": f"q{item.number}",
            "code": [item.code.as_coding()],
            "text": f"[exact text of {item.code.code}]",
            "type": "choice",
            "answerOption": [
                {
                    "valueCoding": {
                        "system": point.code.system,
                        "code": point.code.code,
                        "display": f"[exact answer {point.code.code}]",
                    }
                }
                for point in PHQ_9.scale
            ],
        }
        for item in PHQ_9.items
    ]
    items.append({"linkId": "total", "type": "decimal", "text": "[total]"})
    items.append({"linkId": "extra", "type": "choice", "text": "[another question]"})
    return {
        "resourceType": "Questionnaire",
        "url": URL,
        "version": "2024",
        "language": "en",
        "title": "[exact title]",
        "status": "active",
        "item": [
            {"linkId": "phq", "type": "group", "code": [PHQ_9.panel.as_coding()], "item": items}
        ],
    }


def test_a_matching_questionnaire_gives_the_exact_wording() -> None:
    wording = load_wording("phq-9", exact_form())
    assert wording.source == f"{URL}|2024"
    assert wording.item_texts[9] == "[exact text of 44260-8]"
    assert wording.answer_texts[("http://loinc.org", "LA6571-9")] == "[exact answer LA6571-9]"
    assert wording.ignored == ("Questionnaire.item[0].item[10]",)
    assert wording.wording.kind is WordingSource.EXACT


@pytest.mark.parametrize(
    ("damage", "where", "what"),
    [
        (lambda q: q["item"][0]["item"].pop(3), "Questionnaire.item", "expected 9 items"),
        (
            lambda q: q["item"][0]["item"][2]["answerOption"].pop(),
            "Questionnaire.item[0].item[2].answerOption",
            "expected the answers LA6568-5, LA6569-3, LA6570-1, LA6571-9 in that order",
        ),
        (
            lambda q: q["item"][0]["item"].insert(0, q["item"][0]["item"].pop(1)),
            "Questionnaire.item[0].item[0].code",
            "expected PHQ-9 item 1 (44250-9) here, found item 2",
        ),
        (
            lambda q: q["item"][0]["item"][4].pop("text"),
            "Questionnaire.item[0].item[4].text",
            "expected the item's exact text",
        ),
        (lambda q: q.pop("url"), "Questionnaire.url", "expected the canonical URL"),
    ],
)
def test_a_mismatched_questionnaire_is_refused_with_the_problem_located(
    damage: Any, where: str, what: str
) -> None:
    form = exact_form()
    damage(form)
    with pytest.raises(WordingMismatchError) as refused:
        load_wording(PHQ_9, form)
    assert any(p.path == where and what in p.message for p in refused.value.problems), (
        refused.value.problems
    )


def test_the_gad7_form_is_not_the_phq9s_wording() -> None:
    form = exact_form()
    with pytest.raises(WordingMismatchError, match="expected 7 items coded as GAD-7"):
        load_wording("gad-7", form)


def test_form_response_observations_and_summary_say_which_wording_was_used() -> None:
    wording = load_wording("phq-9", exact_form())
    form = apply_wording(build_questionnaire(instruments=["phq-9"]), wording)
    group = next(i for i in form["item"] if i["linkId"] == "phq-9")
    assert group["extension"] == [
        {"url": INSTRUMENT_WORDING_EXTENSION, "valueCanonical": f"{URL}|2024"}
    ]
    assert group["item"][8]["text"] == "[exact text of 44260-8]"
    assert "_text" not in group["item"][8]
    assert all("paraphrase" not in i["text"] for i in group["item"])
    answers = {1: 1, 2: 2, 3: 0, 4: 3, 5: 1, 6: 1, 7: 0, 8: 2, 9: 0}
    base = load_example("jordan-lee")
    for exact in (True, False):
        given = InstrumentAnswers(
            answers=answers,
            wording_kind=WordingSource.EXACT if exact else WordingSource.PARAPHRASE,
            wording_source=wording.source if exact else None,
        )
        intake = base.model_copy(update={"measures": {**base.measures, "phq-9": given}})
        response = intake_to_response(intake)
        read = response_to_intake(response)
        assert read.measures["phq-9"].wording == given.wording
        extracted = extract(read, context=context_for(read), response=response)
        total = next(
            r.resource
            for r in extracted.observations
            if r.resource["code"]["coding"][0]["code"] == "44261-6"
        )
        said = total["note"][1]["text"]
        summary = summary_text(read)
        if exact:
            assert said == f"Wording: exact wording ({URL}|2024)"
            assert f"the instrument's exact wording ({URL}|2024)" in summary
        else:
            assert said.startswith("Wording: paraphrased wording")
            assert "our paraphrase, not the validated wording" in summary


def test_the_check_reads_nothing_but_the_questionnaire_it_is_given() -> None:
    form = exact_form()
    before = copy.deepcopy(form)
    load_wording("phq-9", form)
    assert form == before
