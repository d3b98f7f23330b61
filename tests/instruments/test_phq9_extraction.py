"""A PHQ-9 answered on the form becomes a total Observation and a panel of item Observations.

The path an integrator takes: QuestionnaireResponse -> ``response_to_intake`` -> ``extract``.
The sum is computed by hand here; codes are the LOINC codes the plug-in cites.
"""

from typing import Any

from commcare_ext.extract import DisclosureCategory, extract
from commcare_ext.instruments import InstrumentAnswers
from commcare_ext.questionnaire import build_questionnaire, intake_to_response, response_to_intake
from tests.fixtures import context_for, load_example

# item 1..9 -> 0..3; hand-computed sum: 1+2+0+3+1+1+0+2+1 = 11 (moderate, 10-14)
PHQ9_ANSWERS = {1: 1, 2: 2, 3: 0, 4: 3, 5: 1, 6: 1, 7: 0, 8: 2, 9: 1}
HAND_SUM = 11
LA = {0: "LA6568-5", 1: "LA6569-3", 2: "LA6570-1", 3: "LA6571-9"}
ITEM_CODES: tuple[str, ...] = ("44250-9", "44255-8", "44259-0", "44254-1", "44251-7")
ITEM_CODES += ("44258-2", "44252-5", "44253-3", "44260-8")
US_CORE_SCREENING = (
    "http://hl7.org/fhir/us/core/StructureDefinition/us-core-observation-screening-assessment|7.0.0"
)


def _phq9_response() -> dict[str, Any]:
    """The example intake's response with a PHQ-9 section answered (answers as LOINC codes)."""
    response = intake_to_response(load_example("jordan-lee"))
    response["item"].append(
        {
            "linkId": "phq-9",
            "item": [
                {
                    "linkId": f"phq-9.phq-9-{number:02d}",
                    "answer": [{"valueCoding": {"system": "http://loinc.org", "code": LA[value]}}],
                }
                for number, value in PHQ9_ANSWERS.items()
            ],
        }
    )
    return response


def _code(resource: dict[str, Any]) -> str:
    return str(resource["code"]["coding"][0]["code"])


def test_a_phq9_response_extracts_to_its_total_and_a_panel_of_items() -> None:
    response = _phq9_response()
    intake = response_to_intake(response)
    assert intake.measures["phq-9"] == InstrumentAnswers(answers=PHQ9_ANSWERS)
    extracted = extract(intake, context=context_for(intake), response=response)
    observations = {r.reference: r for r in extracted.observations}
    by_code = {_code(r.resource): r for r in extracted.observations}
    total = by_code["44261-6"].resource
    assert total["valueQuantity"]["value"] == HAND_SUM
    assert total["valueQuantity"]["code"] == "{score}"
    assert total["interpretation"] == [{"text": "Moderate"}]
    panel = by_code["44249-1"].resource
    members = [m["reference"] for m in panel["hasMember"]]
    assert [_code(observations[m].resource) for m in members] == [*ITEM_CODES, "44261-6"]
    item_9 = by_code["44260-8"].resource
    assert item_9["valueCodeableConcept"]["coding"][0]["code"] == "LA6569-3"
    response_ref = extracted.questionnaire_response.reference
    phq9 = [by_code[c] for c in (*ITEM_CODES, "44261-6", "44249-1")]
    for observation in phq9:
        derived = [d["reference"] for d in observation.resource["derivedFrom"]]
        assert derived[0] == response_ref
        # a symptom measure is screening, not social risk: US Core only, never shared
        assert observation.resource["meta"]["profile"] == [US_CORE_SCREENING]
        assert observation.category is DisclosureCategory.EHR_ONLY
        assert observation.resource["category"][0]["coding"][0]["code"] == "survey"
    # the total is derived from the nine item Observations it sums
    assert [d["reference"] for d in total["derivedFrom"]][1:] == members[:9]


def test_a_clinic_chooses_which_instruments_the_intake_form_includes() -> None:
    default = [i["linkId"] for i in build_questionnaire()["item"]]
    chosen = [
        i["linkId"] for i in build_questionnaire(instruments=["mos-sss", "phq-9", "gad-7"])["item"]
    ]
    assert "phq-9" not in default
    assert "social-support" in default
    assert chosen[-3:] == ["social-support", "phq-9", "gad-7"]
    phq9 = next(
        i for i in build_questionnaire(instruments=["phq-9"])["item"] if i["linkId"] == "phq-9"
    )
    assert phq9["code"][0]["code"] == "44249-1"
    codes = [child["code"][0]["code"] for child in phq9["item"] if "code" in child]
    assert codes == list(ITEM_CODES)
