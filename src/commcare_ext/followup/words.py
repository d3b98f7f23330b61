"""The follow-up report's own words, in English; other languages come from the catalogues.

Each text has a key; its catalogue context is ``followup:<key>``. Placeholders such as
``{days}`` are filled after translation, so a translator may move them but must keep them.
A report entry keeps the key and values of its reason, so the clinician summary shows it in
the summary's language while the command line and JSON keep the English.
"""

from collections.abc import Iterator, Mapping
from typing import Final

from commcare_ext.terminology.catalogue import translate

WORDS: Final[dict[str, str]] = {
    "no-progress": "no progress for {days} days in {status} (limit {limit} days)",
    "rejected": "rejected: {reason}",
    "failed": "failed: {reason}",
    "no-reason": "no reason given",
    "not-reviewed-one": "completed; outcome not reviewed (1 output)",
    "not-reviewed": "completed; outcome not reviewed ({count} outputs)",
    "added-one": "completed; 1 output added since the last review",
    "added": "completed; {count} outputs added since the last review",
    "unreadable": "unreadable Task: {paths}",
    "section-title": "Referrals: where they stand",
    "column-referral": "Referral",
    "column-status": "Status",
    "column-last-change": "Last change",
    "column-attention": "Needs attention",
    "unknown": "unknown",
    "no": "no",
    "alert": "{count} referral(s) need attention",
}


def followup_word(language: str, key: str, /, **values: str) -> str:
    """The follow-up text ``key`` in ``language``, with ``values`` filled in."""
    text = translate(language, WORDS[key], f"followup:{key}")
    return text.format(**values) if values else text


def reason_text(language: str, key: str, values: Mapping[str, str]) -> str:
    """A report reason in ``language``; a ``reason`` value that is itself a key is translated."""
    filled = dict(values)
    if filled.get("reason") == "no-reason":
        filled["reason"] = followup_word(language, "no-reason")
    return followup_word(language, key, **filled)


def followup_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every follow-up report text, for the catalogues."""
    for key, english in WORDS.items():
        yield f"followup:{key}", english, "Referral follow-up report (clinician summary)"
