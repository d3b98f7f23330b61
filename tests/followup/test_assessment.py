"""The follow-up assessment: the form, pre-fill, typed reading, comparison, Observations."""

import copy
from datetime import UTC, datetime
from typing import Any

import pytest
from fhir.resources.R4B.bundle import Bundle
from fhir.resources.R4B.questionnaire import Questionnaire

from commcare_ext.extract import extract
from commcare_ext.followup import NO_THRESHOLD_NOTE, compare_support, parse_referral_task
from commcare_ext.followup.answers import read_follow_up
from commcare_ext.followup.errors import BaselineError, FollowUpResponseError
from commcare_ext.followup.form import (
    SPANISH_REVIEW_NOTE,
    FollowUpObstacle,
    Helpfulness,
    Reached,
    build_follow_up_questionnaire,
    prefill_follow_up,
    support_name,
)
from commcare_ext.followup.record import (
    Baseline,
    baseline_from_intake,
    baseline_from_observations,
    follow_up_transaction,
)
from commcare_ext.instruments import MosSocialSupport, score_mos_sss
from commcare_ext.intake import AccessBarrier
from commcare_ext.questionnaire import build_questionnaire
from commcare_ext.terminology.answers import coding_for
from commcare_ext.terminology.followup import LOCAL_CODES, NO, NO_CALL_BACK, VERY_HELPFUL, YES
from tests.fixtures import context_for, load_example
from tests.followup.helpers import answered, coding, extracted_task

AUTHORED = datetime(2026, 12, 14, 10, 30, tzinfo=UTC)
PATIENT = "Patient/pat-1"
#: Emotional 4s, tangible partly, affectionate as at intake, one positive item, item 13.
FOLLOW_UP_MOS = {**dict.fromkeys((2, 3, 7, 8, 12, 15, 16, 18), 4), 1: 3, 4: 3, 11: 2}
FOLLOW_UP_MOS |= {5: 2, 9: 4, 19: 3, 6: 3, 13: 3}


def _link_ids(items: list[dict[str, Any]]) -> list[str]:
    out = []
    for item in items:
        out.append(item["linkId"])
        out += _link_ids(item.get("item", []))
    return out


def _prefilled() -> dict[str, Any]:
    states = [parse_referral_task(extracted_task(index=i)) for i in (0, 1)]
    return prefill_follow_up(
        [(states[0], "Faith community"), (states[1], "Peer support group")],
        patient=PATIENT,
        authored=AUTHORED,
    )


def _response() -> dict[str, Any]:
    return answered(
        _prefilled(),
        [
            {
                "follow-up.referral.reached": coding(NO),
                "follow-up.referral.obstacles": coding(NO_CALL_BACK)
                + [{"valueCoding": {"system": c.system, "code": c.code}} for c in _transport()],
                "follow-up.referral.obstacles-detail": [
                    {"valueString": "Solo abren cuando trabajo"}
                ],
            },
            {
                "follow-up.referral.reached": coding(YES),
                "follow-up.referral.helpful": coding(VERY_HELPFUL),
            },
        ],
        FOLLOW_UP_MOS,
    )


def _transport() -> list[Any]:
    return [coding_for(AccessBarrier.TRANSPORT)]


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_questionnaire_is_valid_r4_and_reuses_the_intake_mos_link_ids(language: str) -> None:
    questionnaire = build_follow_up_questionnaire(language)  # type: ignore[arg-type]
    Questionnaire.model_validate(questionnaire)
    ids = _link_ids(questionnaire["item"])
    assert len(ids) == len(set(ids))
    intake_ids = _link_ids(build_questionnaire("en")["item"])
    mos = [i for i in ids if i.startswith("social-support.mos-sss-")]
    assert len(mos) == 19
    assert set(mos) <= set(intake_ids)
    for item in questionnaire["item"][0]["item"]:
        for condition in item.get("enableWhen", []):
            assert condition["question"] in ids
    assert questionnaire["purpose"] == SPANISH_REVIEW_NOTE
    assert questionnaire["language"] == language
    first = questionnaire["item"][0]["item"][2]
    assert (
        first["text"]
        == {
            "en": "Were you able to connect with this support?",
            "es": "¿Pudo ponerse en contacto con este apoyo?",
        }[language]
    )


def test_local_codes_are_listed_for_the_codesystem_once() -> None:
    assert len({c.code for c in LOCAL_CODES}) == len(LOCAL_CODES)
    assert {o.value for o in FollowUpObstacle} <= {c.code for c in LOCAL_CODES}


def test_prefill_names_the_referrals_and_leaves_the_patients_answers_to_them() -> None:
    prefilled = _prefilled()
    assert prefilled["status"] == "in-progress"
    assert prefilled["questionnaire"].startswith(build_follow_up_questionnaire()["url"] + "|")
    groups = prefilled["item"]
    assert [g["item"][1]["answer"][0]["valueString"] for g in groups] == [
        "Faith community",
        "Peer support group",
    ]
    assert all(len(g["item"]) == 2 for g in groups), "nothing but what the clinic knows"
    focus = extracted_task(index=0)["focus"]["reference"]
    assert groups[0]["item"][0]["answer"][0]["valueReference"]["reference"] == focus


def test_support_name_comes_from_the_service_request() -> None:
    assert support_name({"code": {"text": "Peer support group"}}) == "Peer support group"
    assert support_name({"code": {"coding": [{"display": "Referral to service"}]}}) == (
        "Referral to service"
    )
    assert support_name({}) == "Referral"


def test_a_filled_follow_up_reads_into_typed_answers() -> None:
    answers = read_follow_up(_response())
    assert answers.authored == AUTHORED
    assert answers.subject == PATIENT
    faith, peer = answers.referrals
    assert faith.reached is Reached.NO
    assert faith.obstacles == (FollowUpObstacle.NO_CALL_BACK, AccessBarrier.TRANSPORT)
    assert faith.obstacles_in_own_words == "Solo abren cuando trabajo"
    assert faith.support_name == "Faith community"
    assert peer.reached is Reached.YES
    assert peer.helpful is Helpfulness.VERY
    assert "mos-sss" in answers.measures
    assert answers.measures["mos-sss"].answers == dict(sorted(FOLLOW_UP_MOS.items()))
    assert "Solo abren" not in repr(answers)


def test_every_problem_in_a_follow_up_is_located_and_quotes_no_answer() -> None:
    response = _response()
    response["status"] = "in-progress"
    response["questionnaire"] = "https://elsewhere.example.org/Questionnaire/x"
    first, second = response["item"][0], response["item"][1]
    first["item"] = [i for i in first["item"] if i["linkId"] != "follow-up.referral.reached"]
    first["item"].append({"linkId": "follow-up.referral.mood", "answer": [{"valueString": "sad"}]})
    second["item"][2] = {"linkId": "follow-up.referral.reached", "answer": coding(NO)}
    mos = response["item"][2]["item"]
    mos[0]["answer"] = [{"valueCoding": {"system": "http://loinc.org", "code": "LA33-6"}}]
    response["item"].append({"linkId": "diary", "answer": [{"valueString": "secret"}]})
    with pytest.raises(FollowUpResponseError) as caught:
        read_follow_up(response)
    assert caught.value.paths() == [
        "QuestionnaireResponse.questionnaire",
        "QuestionnaireResponse.status",
        "follow-up.referral[0]/follow-up.referral.mood",
        "follow-up.referral[0]/follow-up.referral.reached",
        "follow-up.referral[1]/follow-up.referral.helpful",
        "social-support/social-support.mos-sss-01",
        "diary",
    ]
    message = str(caught.value)
    for secret in ("sad", "secret", "Solo abren"):
        assert secret not in message


def test_the_comparison_is_stated_plainly_per_subscale_without_a_threshold() -> None:
    intake = load_example("maria-garcia")
    baseline = baseline_from_intake(intake)
    assert baseline is not None
    follow_up = score_mos_sss(MosSocialSupport(answers=FOLLOW_UP_MOS))
    comparison = compare_support(
        score_mos_sss(MosSocialSupport(answers=baseline.measures["mos-sss"].answers)), follow_up
    )
    # hand-computed: intake emotional (2,3,2,3,2,3,2,2)/8 = 2.375 -> 34.375; follow-up 4 -> 75
    assert comparison.statements() == [
        "Emotional and informational support: 34.4 at intake, 75.0 at follow-up "
        "(40.6 points more support reported, on 0-100).",
        # tangible (3,2,2,4) = 2.75 -> 43.75; follow-up (3,3,2) = 2.667 -> 41.67, 3 of 4
        "Practical (tangible) support: 43.8 at intake, 41.7 at follow-up "
        "(2.1 points less support reported, on 0-100); some items unanswered at follow-up.",
        "Affection: 50.0 at intake, 50.0 at follow-up (no change).",
        "Positive social interaction: not compared (not scored at follow-up).",
        # all 19 at intake: 51/19 = 2.684 -> 42.11; follow-up 16 items: 55/16 -> 60.94
        "Overall support index: 42.1 at intake, 60.9 at follow-up "
        "(18.8 points more support reported, on 0-100); some items unanswered at follow-up.",
        NO_THRESHOLD_NOTE,
    ]
    for sentence in comparison.statements():
        for judgement in ("meaningful change", "improved", "worse", "significant"):
            assert judgement not in sentence
    overall = comparison.changes[-1]
    assert overall.change == pytest.approx(55 / 16 * 25 - 25 - (51 / 19 * 25 - 25))
    assert "60.9" not in repr(overall)


def test_follow_up_observations_link_to_the_baseline_and_keep_free_text_out() -> None:
    references = {
        "http://loinc.org|91647-8": "Observation/base-emotional",
        "http://loinc.org|91663-5": "Observation/base-overall",
        "http://loinc.org|91642-9": "Observation/base-panel",
    }
    baseline = Baseline(load_example("maria-garcia").measures, None, references)
    response = _response()
    bundle = follow_up_transaction(
        read_follow_up(response),
        response,
        follow_up_id="int-2026-0412.fu-1",
        patient=PATIENT,
        baseline=baseline,
    )
    Bundle.model_validate(bundle)
    resources = [e["resource"] for e in bundle["entry"]]
    assert resources[0]["resourceType"] == "QuestionnaireResponse"
    response_urn = bundle["entry"][0]["fullUrl"]
    observations = {r["identifier"][0]["value"].split(".", 2)[-1]: r for r in resources[1:]}
    assert all(
        e["request"]["method"] == "POST" and e["request"]["ifNoneExist"] for e in bundle["entry"]
    )
    urn_of = {
        e["resource"]["identifier"][0]["value"].split(".", 2)[-1]: e["fullUrl"]
        for e in bundle["entry"][1:]
    }
    emotional = observations["mos-score-emotional-informational"]
    # the response, the answered items the score used (as at intake), then the baseline score
    used = [
        urn_of[f"mos-item-{n:02d}"]
        for n in (2, 3, 7, 8, 12, 15, 16, 18)
        if f"mos-item-{n:02d}" in urn_of
    ]
    assert [d["reference"] for d in emotional["derivedFrom"]] == [
        response_urn,
        *used,
        "Observation/base-emotional",
    ]
    tangible = [d["reference"] for d in observations["mos-score-tangible"]["derivedFrom"]]
    assert "Observation/base-emotional" not in tangible
    assert not [r for r in tangible if r.startswith("Observation/")], (
        "no baseline reference known for tangible: nothing invented"
    )
    panel = observations["mos-panel"]
    assert panel["derivedFrom"][1] == {"reference": "Observation/base-panel"}
    urns = {e["fullUrl"] for e in bundle["entry"]}
    assert {m["reference"] for m in panel["hasMember"]} <= urns
    assert len(panel["hasMember"]) == 16 + 4  # items answered + scored scales
    reached = observations["referral-1-reached"]
    assert reached["focus"] == [{"reference": extracted_task(index=0)["focus"]["reference"]}]
    assert reached["valueCodeableConcept"]["coding"][0]["code"] == NO.code
    assert "referral-1-helpful" not in observations
    assert observations["referral-2-helpful"]["valueCodeableConcept"]["coding"][0]["code"] == (
        VERY_HELPFUL.code
    )
    assert "Solo abren" not in str(resources[1:])
    again = follow_up_transaction(
        read_follow_up(copy.deepcopy(response)),
        response,
        follow_up_id="int-2026-0412.fu-1",
        patient=PATIENT,
        baseline=baseline,
    )
    assert again == bundle


def test_the_baseline_reads_back_from_the_intakes_observations() -> None:
    intake = load_example("maria-garcia")
    resources = [r.resource for r in extract(intake, context=context_for(intake)).observations]
    panel = next(r for r in resources if r["code"]["coding"][0]["code"] == "91642-9")
    ids = {m["reference"].split("/")[1] for m in panel["hasMember"]}
    members = [r for r in resources if r["id"] in ids]
    baseline = baseline_from_observations(panel, members)
    assert intake.social_support is not None
    assert baseline.measures["mos-sss"].answers == intake.social_support.answers
    assert baseline.references["http://loinc.org|91647-8"].startswith("Observation/")
    assert baseline.effective == intake.authored
    broken = copy.deepcopy(members)
    broken[0]["valueCodeableConcept"]["coding"][0]["code"] = "LA33-6"
    with pytest.raises(BaselineError, match="expected a MOS Social Support Survey answer code"):
        baseline_from_observations(panel, broken)
