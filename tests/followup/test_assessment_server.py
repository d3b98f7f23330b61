"""The follow-up assessment against the real loopback server: pre-fill, baseline, Observations."""

from datetime import UTC, datetime

import pytest

from commcare_ext.followup import compare_support
from commcare_ext.followup.answers import read_follow_up
from commcare_ext.followup.assessment import find_baseline, follow_up_context
from commcare_ext.followup.form import build_follow_up_questionnaire, prefill_follow_up
from commcare_ext.followup.record import follow_up_transaction
from commcare_ext.followup.transport import create
from commcare_ext.instruments import MosSocialSupport, score_mos_sss
from commcare_ext.instruments.mos_sss.items import MOS_SSS_SUBSCALE_ITEMS, MosSubscale
from commcare_ext.terminology.followup import NO, NO_CALL_BACK, YES
from tests.fixtures import load_example
from tests.followup.helpers import answered, coding
from tests.followup.server import clinic_client, post_referrals

pytestmark = pytest.mark.integration

LATER = datetime(2026, 12, 14, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize("language", ["en", "es"])
def test_the_server_accepts_the_questionnaire(server_url: str, language: str) -> None:
    questionnaire = build_follow_up_questionnaire(language)  # type: ignore[arg-type]
    created = create(clinic_client(server_url), questionnaire)  # validated against base R4
    assert created["url"] == questionnaire["url"]


def test_a_follow_up_from_pre_fill_to_observations_linked_to_the_baseline(server_url: str) -> None:
    posted = post_referrals(server_url)
    clinic = clinic_client(server_url)

    context = follow_up_context(clinic, posted.patient)
    assert [name for _, name in context] == ["Faith community", "Peer support group"]
    baseline = find_baseline(clinic, posted.patient, before=LATER)
    assert baseline is not None
    intake = load_example("maria-garcia")
    assert intake.social_support is not None
    assert baseline.measures["mos-sss"].answers == intake.social_support.answers
    emotional_baseline = baseline.references["http://loinc.org|91647-8"]
    assert clinic.read("Observation", emotional_baseline.split("/")[1])["valueQuantity"]

    prefilled = prefill_follow_up(context, patient=posted.patient, authored=LATER)
    response = answered(
        prefilled,
        [
            {
                "follow-up.referral.reached": coding(NO),
                "follow-up.referral.obstacles": coding(NO_CALL_BACK),
            },
            {"follow-up.referral.reached": coding(YES)},
        ],
        dict.fromkeys(range(1, 20), 4),
    )
    answers = read_follow_up(response)
    assert "mos-sss" in answers.measures
    comparison = compare_support(
        score_mos_sss(MosSocialSupport(answers=baseline.measures["mos-sss"].answers)),
        score_mos_sss(MosSocialSupport(answers=answers.measures["mos-sss"].answers)),
    )
    assert comparison.changes[0].statement.startswith(
        "Emotional and informational support: 34.4 at intake, 75.0 at follow-up"
    )

    bundle = follow_up_transaction(
        answers,
        response,
        follow_up_id="int-2026-0412.fu-1",
        patient=posted.patient,
        baseline=baseline,
    )
    result = clinic.submit(bundle)
    assert clinic.submit(bundle).references == result.references, "posting twice is harmless"
    score_urn = next(
        e["fullUrl"]
        for e in bundle["entry"][1:]  # after the QuestionnaireResponse
        if e["resource"]["identifier"][0]["value"].endswith("mos-score-emotional-informational")
    )
    stored = clinic.read("Observation", result.references[score_urn].split("/")[1])
    response_ref = next(
        v for v in result.references.values() if v.startswith("QuestionnaireResponse/")
    )
    # The follow-up score comes from this response and from the item answers it used (posted
    # in this Bundle, as at intake), and is compared with the baseline score.
    derived = [d["reference"] for d in stored["derivedFrom"]]
    assert derived[0] == response_ref
    assert derived[-1] == emotional_baseline
    items_used = derived[1:-1]
    assert len(items_used) == len(MOS_SSS_SUBSCALE_ITEMS[MosSubscale.EMOTIONAL_INFORMATIONAL])
    assert set(items_used) <= set(result.references.values())
    assert stored["valueQuantity"]["value"] == 4.0
