"""GAD-7, the generalized anxiety disorder scale, as a plug-in.

The item wording here is **our paraphrase** of each item's domain, not the GAD-7's text
(load the exact wording with ``load_wording`` from a clinic-supplied Questionnaire).

Codes (LOINC): panel 69737-5 (the LOINC-coded GAD-7 form, as published in HL7's PCO guide
as Questionnaire 69737-5); items 69725-0, 68509-9, 69733-4, 69734-2, 69735-9, 69689-8,
69736-7 and total 70274-6 (loinc.org, the PHQ-SADS panel 69729-2 that contains them);
answers are the PHQ frequency answers LA6568-5 ... LA6571-9, scored 0-3.

Bands (Spitzer, Kroenke, Williams & Löwe 2006, Arch Intern Med 166:1092): 0-4 minimal,
5-9 mild, 10-14 moderate, 15-21 severe. Change: a minimal clinically important difference
of 4 points (Toussaint et al. 2020, J Affect Disord 265:395); response a reduction of at
least 50 %; remission a total below 5 (below the mild band).
"""

from commcare_ext.instruments.codes import loinc
from commcare_ext.instruments.phq9 import FREQUENCY_SCALE
from commcare_ext.instruments.protocol import Band, ChangeRule, InstrumentDomain, InstrumentItem
from commcare_ext.instruments.summed import SummedInstrument

_ITEMS = (
    ("69725-0", "Feeling nervous, anxious or on edge", "Feeling tense, nervous or keyed up"),
    (
        "68509-9",
        "Over the past 2 weeks have you not been able to stop or control worrying",
        "Being unable to stop worrying or keep it in check",
    ),
    (
        "69733-4",
        "Worrying too much about different things",
        "Worrying a great deal about many different things",
    ),
    ("69734-2", "Trouble relaxing", "Finding it hard to unwind"),
    (
        "69735-9",
        "Being so restless that it is hard to sit still",
        "Feeling so restless that keeping still is hard",
    ),
    ("69689-8", "Becoming easily annoyed or irritable", "Getting cross or irritated quickly"),
    (
        "69736-7",
        "Feeling afraid as if something awful might happen",
        "Feeling scared that something terrible could happen",
    ),
)


class Gad7(SummedInstrument):
    """The GAD-7 (Spitzer et al. 2006; Pfizer, free to use without permission)."""

    id = "gad-7"
    link_id = "gad-7"
    role = "gad-7"
    name_en = "GAD-7"
    title_en = "Worry and nerves (GAD-7, our paraphrase)"
    instructions_en = (
        "Over the past two weeks, how often has each of these troubled you? These questions "
        "are our own paraphrase of an anxiety questionnaire."
    )
    panel = loinc("69737-5", "Generalized anxiety disorder 7 item (GAD-7)")
    total = loinc(
        "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"
    )
    scale = FREQUENCY_SCALE
    items = tuple(
        InstrumentItem(number, loinc(code, display), text)
        for number, (code, display, text) in enumerate(_ITEMS, start=1)
    )
    domain = InstrumentDomain.ANXIETY
    bands = (
        Band("minimal", "Minimal", 0, 4),
        Band("mild", "Mild", 5, 9),
        Band("moderate", "Moderate", 10, 14),
        Band("severe", "Severe", 15, 21),
    )
    change = ChangeRule(
        lower_is_better=True,
        mcid=4,
        response_reduction=0.5,
        remission_below=5,
        source=(
            "GAD-7 minimal clinically important difference 4 points (Toussaint et al. 2020, "
            "J Affect Disord 265:395); response: at least 50% reduction; remission: total below 5 "
            "(below the mild band of Spitzer et al. 2006)"
        ),
    )
    summary_title_en = "Anxiety symptoms (GAD-7)"
    summary_note_en = (
        "Total 0 to 21, higher is worse; bands 0-4 minimal, 5-9 mild, 10-14 moderate, 15-21 "
        "severe (Spitzer 2006). A screening and monitoring measure, not a diagnosis. No total "
        "is given when any item is unanswered."
    )


GAD_7 = Gad7()

__all__ = ["GAD_7", "Gad7"]
