"""The report's own words, in English; other languages come from the catalogues.

Each text has a key; its catalogue context is ``outcomes:<key>``. Placeholders such as
``{share}`` are filled after translation, so a translator may move them but must keep them.
Readings are worded as associations: the data are observational, never a trial.
"""

from collections.abc import Iterator
from typing import Final

from commcare_ext.terminology.catalogue import translate

WORDS: Final[dict[str, str]] = {
    "title": "Does community support help here? Referral outcomes at this clinic",
    "as-of": "Data as of {date}",
    "since": "Referrals made since {date}",
    "all-time": "All referrals in the data",
    "counts": "{people} people, {referrals} referrals",
    "association": (
        "These figures describe what happened in the clinic's own records. They show "
        "associations, not causes: people whose referral was completed may differ in ways the "
        "records do not show."
    ),
    "suppression": (
        "To protect privacy, any figure resting on fewer than {min} people is not shown "
        "(marked \u201c{mark}\u201d)."
    ),
    "suppressed": "fewer than {min}",
    "closure-heading": "Did referrals close the loop?",
    "closure-reading": (
        "Of {n} referrals, {completed} were completed, {declined} were declined and {stuck} "
        "are stuck (no progress for longer than expected). Half of the organisations' first "
        "contacts came within {contact} days."
    ),
    "closure-best": "Referrals to \u201c{group}\u201d were completed most often: {share}.",
    "closure-chart": "Share of referrals completed, by kind of support, with 95% intervals",
    "change-heading": "Did scores improve more when the referral was completed?",
    "change-reading": (
        "{instrument}, {subgroup}: people whose referral was completed changed by {difference} "
        "points compared with people whose referral was not, taking their starting score into "
        "account (95% interval {low} to {high}; {n} people)."
    ),
    "change-reading-none": "{instrument}, {subgroup}: too few people to compare.",
    "change-chart": (
        "Difference in score change, completed minus not completed, adjusted for the "
        "starting score, with 95% intervals"
    ),
    "lower-better": (
        "For PHQ-9 and GAD-7 a negative difference means more improvement; for MOS-SSS a "
        "positive one does."
    ),
    "equity-heading": "Does the loop close equally for everyone?",
    "equity-reading": (
        "Compared with {reference}, referrals for {group} were completed {ratio} times as "
        "often (95% interval {low} to {high})."
    ),
    "equity-reading-none": "There are too few people in each group to compare.",
    "equity-chart": "Share of referrals completed, by preferred language, with 95% intervals",
    "culture-heading": "By culture group",
    "table-caption": "The figures behind the chart",
    "col-group": "Group",
    "col-referrals": "Referrals",
    "col-completed": "Completed",
    "col-declined": "Declined",
    "col-stuck": "Stuck",
    "col-contact": "Median days to first contact",
    "col-completion": "Median days to completion",
    "col-instrument": "Measure",
    "col-subgroup": "Kind of support",
    "col-people-completed": "People, completed",
    "col-people-not": "People, not completed",
    "col-change-completed": "Mean change, completed",
    "col-change-not": "Mean change, not completed",
    "col-difference": "Adjusted difference (95% interval)",
    "col-gap": "Gap in share completed (95% interval)",
    "col-ratio": "Ratio of shares completed (95% interval)",
    "col-gap-change": "Gap in adjusted difference (95% interval)",
    "by-support_type": "By kind of support",
    "by-organisation": "By organisation",
    "by-language": "By preferred language",
    "by-interpreter": "By interpreter need",
    "by-stigma": "By stigma concern",
    "all": "everyone",
    "yes": "yes",
    "no": "no",
    "unknown": "not recorded",
    "reference": "comparison group",
    "machine": "The same figures for machines are in the JSON file written with --json.",
}


def word(language: str, key: str, /, **values: str) -> str:
    """The text ``key`` in ``language``, placeholders filled."""
    text = translate(language, WORDS[key], f"outcomes:{key}")
    return text.format(**values) if values else text


def outcomes_strings() -> Iterator[tuple[str, str, str]]:
    """Every text, for the catalogues: (context, English, note for translators)."""
    for key, english in WORDS.items():
        yield f"outcomes:{key}", english, "Outcomes report for a clinic director"
