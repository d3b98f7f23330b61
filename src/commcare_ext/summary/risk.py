"""The risk banner that opens the clinician summary: screen result, acuity, when, the answers.

It comes before anything else on the page, whatever the result: a positive screen tells the
clinician what to do now; a negative one says the screen was done; a missing one says it
still has to be (The Joint Commission NPSG 15.01.01 asks for every behavioural-health patient).
"""

from commcare_ext.instruments import SafetyLevel, ScreenResult, instrument
from commcare_ext.intake import Intake
from commcare_ext.questionnaire.form.safety import screen_link_id
from commcare_ext.summary.parts import Row, Section
from commcare_ext.summary.words import word
from commcare_ext.terminology.catalogue import code_display, translate
from commcare_ext.terminology.safety import SCREEN_RESULT_CODES

#: What the clinician does now, by result (summary word keys).
_ACTION = {
    ScreenResult.ACUTE_POSITIVE: "risk-action-acute",
    ScreenResult.NON_ACUTE_POSITIVE: "risk-action-non-acute",
    ScreenResult.NEGATIVE: "risk-action-negative",
}


def measure_prompts(intake: Intake, lang: str) -> list[str]:
    """What other measures' critical items ask of the clinician, whatever their totals.

    PHQ-9 item 9 above "not at all" asks for the same full safety assessment as a positive
    screen, so it is said here, at the top, too.
    """
    found = []
    for instrument_id, given in intake.measures.items():
        measured = instrument(instrument_id)
        prompt = measured.score(given.answers, given.wording).safety_prompt
        if prompt is not None:
            key = "safety-urgent" if prompt.level is SafetyLevel.URGENT else "safety-review"
            items = ", ".join(str(n) for n in prompt.items)
            found.append(word(lang, key, instrument=measured.name_en, items=items))
    return found


def risk_banner(intake: Intake, lang: str) -> Section:
    """The banner for ``intake`` in ``lang``: always present, alert when anything signals risk."""
    screen = intake.safety_screen
    outcome = screen.outcome if screen is not None else None
    prompts = measure_prompts(intake, lang)
    if screen is None or outcome is None:
        alert = " ".join([*prompts, word(lang, "risk-not-screened")])
        return Section(word(lang, "risk"), alert=alert)
    instrument = screen.instrument
    acuity = {
        ScreenResult.ACUTE_POSITIVE: word(lang, "risk-acute"),
        ScreenResult.NON_ACUTE_POSITIVE: word(lang, "risk-non-acute"),
        ScreenResult.NEGATIVE: "",
    }[outcome.result]
    rows = [
        Row(word(lang, "risk-result"), code_display(SCREEN_RESULT_CODES[outcome.result], lang)),
        Row(word(lang, "risk-acuity"), acuity),
        Row(word(lang, "risk-when"), intake.authored.isoformat(timespec="minutes")),
        Row(word(lang, "risk-screen"), instrument.name),
    ]
    for item in instrument.asked(screen.answers):
        link_id = screen_link_id(instrument, item)
        answer = screen.answers.get(item.number)
        shown = (
            word(lang, "not-answered") if answer is None else word(lang, "yes" if answer else "no")
        )
        rows.append(Row(f"{item.number}. {translate(lang, item.text_en, link_id)}", shown))
    action = word(lang, _ACTION[outcome.result])
    alerts = [action] if outcome.positive else []
    return Section(
        word(lang, "risk"),
        rows,
        alert=" ".join([*alerts, *prompts]) or None,
        notes=() if outcome.positive else (action,),
    )
