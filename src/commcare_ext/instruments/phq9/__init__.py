"""PHQ-9, the Patient Health Questionnaire depression module, as a plug-in.

Structure, codes and scoring come from the instrument's publications and LOINC; the item
wording here is **our paraphrase** of each item's domain, not the PHQ-9's text (which is
valid only in its exact wording: load it with ``load_wording`` from a clinic-supplied
Questionnaire).

Codes (LOINC, confirmed on loinc.org and in US Core 7.0.0's PHQ-9 example Questionnaire
and Observations): panel 44249-1; items 44250-9, 44255-8, 44259-0, 44254-1, 44251-7,
44258-2, 44252-5, 44253-3, 44260-8; total 44261-6; answers LA6568-5 (not at all),
LA6569-3 (several days), LA6570-1 (more than half the days), LA6571-9 (nearly every day),
scored 0-3.

Bands (Kroenke, Spitzer & Williams 2001, J Gen Intern Med 16:606; the LOINC 44261-6 term
description): 0-4 none-minimal, 5-9 mild, 10-14 moderate, 15-19 moderately severe, 20-27
severe. Item 9 (thoughts of death or self-harm) answered above "not at all" is critical:
it raises a safety prompt whatever the total.

Change (measurement-based care): a minimal clinically important difference of 5 points
(Löwe et al. 2004, Med Care 42:1194); response is a reduction of at least 50 % from
baseline and remission a total below 5 (Kroenke et al. 2001; the definitions used in
measurement-based care).
"""

from commcare_ext.instruments.codes import loinc
from commcare_ext.instruments.protocol import (
    Band,
    ChangeRule,
    InstrumentDomain,
    InstrumentItem,
    SafetyLevel,
    ScalePoint,
)
from commcare_ext.instruments.summed import SummedInstrument

#: The four frequency answers shared by PHQ-9 and GAD-7 items (LOINC answer codes, 0-3).
FREQUENCY_SCALE = (
    ScalePoint(0, loinc("LA6568-5", "Not at all"), "Not at all"),
    ScalePoint(1, loinc("LA6569-3", "Several days"), "Several days"),
    ScalePoint(2, loinc("LA6570-1", "More than half the days"), "More than half the days"),
    ScalePoint(3, loinc("LA6571-9", "Nearly every day"), "Nearly every day"),
)

_ITEMS = (
    (
        "44250-9",
        "Little interest or pleasure in doing things",
        "Having little interest in, or enjoyment of, the things you usually do",
    ),
    (
        "44255-8",
        "Feeling down, depressed, or hopeless",
        "Feeling low or sad, or that things will not get better",
    ),
    (
        "44259-0",
        "Trouble falling or staying asleep, or sleeping too much",
        "Problems with sleep: hard to get to sleep or stay asleep, or sleeping far more than usual",
    ),
    ("44254-1", "Feeling tired or having little energy", "Feeling worn out or short of energy"),
    (
        "44251-7",
        "Poor appetite or overeating",
        "Eating much less, or much more, than is usual for you",
    ),
    (
        "44258-2",
        "Feeling bad about yourself-or that you are a failure or have let yourself or your "
        "family down",
        "Thinking badly of yourself, or that you have failed yourself or the people close to you",
    ),
    (
        "44252-5",
        "Trouble concentrating on things, such as reading the newspaper or watching television",
        "Finding it hard to keep your mind on things, like reading or a TV programme",
    ),
    (
        "44253-3",
        "Moving or speaking so slowly that other people could have noticed. Or the "
        "opposite-being so fidgety or restless that you have been moving around a lot more "
        "than usual",
        "Moving or talking slowly enough for others to notice, or the opposite: so restless that "
        "you moved about much more than usual",
    ),
    (
        "44260-8",
        "Thoughts that you would be better off dead, or of hurting yourself in some way",
        "Thoughts that it would be better if you were not alive, or of harming yourself",
    ),
)


class Phq9(SummedInstrument):
    """The PHQ-9 (Kroenke, Spitzer & Williams 2001; Pfizer, free to use without permission)."""

    id = "phq-9"
    link_id = "phq-9"
    role = "phq-9"
    name_en = "PHQ-9"
    title_en = "How your mood has been (PHQ-9, our paraphrase)"
    instructions_en = (
        "Over the past two weeks, how often has each of these troubled you? These questions "
        "are our own paraphrase of a depression questionnaire."
    )
    panel = loinc("44249-1", "PHQ-9 quick depression assessment panel [Reported.PHQ]")
    total = loinc("44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]")
    scale = FREQUENCY_SCALE
    items = tuple(
        InstrumentItem(
            number,
            loinc(code, display),
            text,
            critical_above=0 if number == 9 else None,
            critical_level=SafetyLevel.REVIEW if number == 9 else None,
        )
        for number, (code, display, text) in enumerate(_ITEMS, start=1)
    )
    domain = InstrumentDomain.DEPRESSION
    bands = (
        Band("none-minimal", "None-minimal", 0, 4),
        Band("mild", "Mild", 5, 9),
        Band("moderate", "Moderate", 10, 14),
        Band("moderately-severe", "Moderately severe", 15, 19),
        Band("severe", "Severe", 20, 27),
    )
    change = ChangeRule(
        lower_is_better=True,
        mcid=5,
        response_reduction=0.5,
        remission_below=5,
        source=(
            "PHQ-9 minimal clinically important difference 5 points (Löwe et al. 2004, Med Care "
            "42:1194); response: at least 50% reduction; remission: total below 5 "
            "(Kroenke et al. 2001, J Gen Intern Med 16:606)"
        ),
    )
    summary_title_en = "Depression symptoms (PHQ-9)"
    summary_note_en = (
        "Total 0 to 27, higher is worse; bands 0-4 none-minimal, 5-9 mild, 10-14 moderate, "
        "15-19 moderately severe, 20-27 severe (Kroenke 2001). A screening and monitoring "
        "measure, not a diagnosis. No total is given when any item is unanswered."
    )


PHQ_9 = Phq9()

__all__ = ["FREQUENCY_SCALE", "PHQ_9", "Phq9"]
