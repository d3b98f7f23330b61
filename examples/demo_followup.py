"""The demo's follow-up: the same measures again, compared with intake (measurement-based care).

Six weeks after intake the patient answers the follow-up form with the instruments her
intake measured (PHQ-9, GAD-7, MOS-SSS). Each is compared with its baseline under its own
change rule, and the clinician summary gains a progress section per measure: latest score,
band, change, and a small trend chart.
"""

import json
from datetime import timedelta
from pathlib import Path
from typing import Any

from commcare_ext.followup import (
    baseline_from_intake,
    build_follow_up_questionnaire,
    compare_measures,
    follow_up_url,
    read_follow_up,
)
from commcare_ext.instruments import instrument
from commcare_ext.intake import Intake
from commcare_ext.summary import Measurement, progress_sections, summary_html

#: What the demo patient answers six weeks on (item number -> scale value).
FOLLOW_UP_ANSWERS: dict[str, dict[int, int]] = {
    "phq-9": {1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 0, 7: 1, 8: 0, 9: 0},  # 5: mild
    "gad-7": {1: 1, 2: 1, 3: 1, 4: 1, 5: 0, 6: 1, 7: 0},  # 5: mild
    "mos-sss": dict.fromkeys(range(1, 20), 3),  # "some of the time" throughout
}
WEEKS_LATER = 6


def follow_up_response(intake: Intake) -> dict[str, Any]:
    """The completed follow-up QuestionnaireResponse (the measures the intake had)."""
    groups = []
    for instrument_id in intake.measures:
        measured = instrument(instrument_id)
        answers = FOLLOW_UP_ANSWERS[instrument_id]
        items = []
        for item in measured.items:
            point = next(p for p in measured.scale_of(item) if p.value == answers[item.number])
            items.append(
                {
                    "linkId": f"{measured.link_id}.{measured.item_key(item)}",
                    "answer": [{"valueCoding": point.code.as_coding()}],
                }
            )
        groups.append({"linkId": measured.link_id, "item": items})
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": follow_up_url("en"),
        "status": "completed",
        "subject": {"reference": "Patient/demo"},
        "authored": (intake.authored + timedelta(weeks=WEEKS_LATER)).isoformat(),
        "item": groups,
    }


def step_follow_up(out: Path, intake: Intake, language: str) -> list[str]:
    """Print the follow-up's comparisons; write its form, response and summary. Lines shown."""
    print(f"\n8. Follow-up {WEEKS_LATER} weeks later: the same measures again")
    if not intake.measures:
        print("   The intake measured nothing to follow up.")
        return []
    questionnaire = build_follow_up_questionnaire(instruments=list(intake.measures))
    out.mkdir(parents=True, exist_ok=True)
    form = out / "Questionnaire-referral-follow-up.json"
    form.write_text(json.dumps(questionnaire, indent=2, ensure_ascii=False) + "\n", "utf-8")
    response = follow_up_response(intake)
    answered = out / "QuestionnaireResponse-follow-up.json"
    answered.write_text(json.dumps(response, indent=2, ensure_ascii=False) + "\n", "utf-8")
    print(f"   Follow-up form -> {form}; the patient's answers -> {answered}")
    answers = read_follow_up(response)
    baseline = baseline_from_intake(intake)
    shown: list[str] = []
    if baseline is not None:
        for comparison in compare_measures(baseline, answers.measures):
            shown += comparison.statements()[:1]
    for line in shown:
        print(f"   {line}")
    measurements = [Measurement(intake.authored.date(), k, v) for k, v in intake.measures.items()]
    measurements += [
        Measurement(answers.authored.date(), k, v) for k, v in answers.measures.items()
    ]
    page = out / "summary-follow-up.html"
    sections = progress_sections(measurements, language)
    page.write_text(summary_html(intake, language=language, extra_sections=sections), "utf-8")
    print(f"   Summary with progress and trend charts ({language}) -> {page}")
    return shown
