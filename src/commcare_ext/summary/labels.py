"""Clinician-facing labels: the form asks in the patient's first person, the summary does not.

Answers a patient reads as "I decide for myself" or "Bringing shame on my family" are shown to
the clinician as "Decides alone" and "Shame on the family". Only answers written in the first
person have an entry here; every other answer is shown with its form display. English lives
here; other languages in the catalogues (context ``summary-label:<code>``).
"""

from collections.abc import Iterator
from enum import StrEnum
from typing import Final

from commcare_ext.intake import IdiomOfDistress
from commcare_ext.terminology.answers import IDIOM_OF_DISTRESS, answer_set_for
from commcare_ext.terminology.catalogue import code_context, code_display, translate

#: Answer code -> what the clinician reads.
CLINICIAN_LABELS: Final[dict[str, str]] = {
    "decision-individual": "Decides alone",
    "decision-shared": "Decides together with people close to them",
    "decision-family-centred": "The family decides together",
    "cause-life-stress": "Stress in their life",
    "cause-family-conflict": "Family problems",
    "cause-discrimination": "Unfair treatment because of who they are",
    "cause-personal-weakness": "Their own character",
    "cause-unknown": "Does not know",
    "help-none": "No one yet",
    "support-family": "Their family",
    "pref-important": "Very important",
    "pref-preferred": "Preferred",
    "pref-none": "Does not matter",
    "format-individual": "Individual sessions",
    "format-family": "With their family",
    "stigma-family-shame": "Shame on the family",
    "stigma-gossip": "Community finding out",
    "stigma-seen-as-weak": "Being seen as weak",
    "stigma-faith-disapproval": "Disapproval from faith community",
    "stigma-records-seen": "Others seeing health records",
    "contact-no-mail-home": "No mail to the home",
    "contact-no-work-calls": "No calls at work",
    "contact-neutral-name": "Use a neutral name",
    "contact-patient-initiates": "Patient starts contact",
    "share-wellbeing": "How the patient is doing in general",
    "share-diagnosis": "Problem or diagnosis",
    "share-treatment-plan": "Treatment plan",
    "share-medications": "Medications",
    "referral-share-contact": "Name and contact details",
    "referral-share-language": "Language and interpreter needs",
    "referral-share-preferences": "Kind of support preferred",
    "referral-share-barriers": "Barriers to care",
    "referral-share-network": "Support network",
    "referral-share-stigma": "Privacy and stigma concerns",
    "referral-share-social-support": "Social-support scores",
    "referral-share-problem": "The problem, in the patient's words",
    "gender-declined": "Declined to say",
    "pronouns-declined": "Declined to say",
    "migration-declined": "Declined to say",
    "migration-refugee": "Came as a refugee",
    "migration-asylum-seeker": "Seeking asylum",
    "need-sign-language-interpreter": "Sign language interpreter",
    "need-hearing-loss": "Hearing loss",
    "need-relay-tty": "Relay service or TTY for calls",
    "need-read-aloud": "Read forms and letters with them",
}


def label_context(code: str) -> str:
    """The catalogue context of a clinician label."""
    return f"summary-label:{code}"


def clinician_label(member: StrEnum, language: str) -> str:
    """How the summary names an intake answer for a clinician, in ``language``."""
    english = CLINICIAN_LABELS.get(member.value)
    if english is not None:
        return translate(language, english, label_context(member.value))
    return code_display(answer_set_for(type(member)).answer(member).code, language)


def idiom_meaning(idiom: IdiomOfDistress, language: str) -> str:
    """Our plain-language description of a cultural concept of distress, in ``language``."""
    answer = IDIOM_OF_DISTRESS.answer(idiom)
    return translate(language, answer.definition or "", f"meaning:{code_context(answer.code)}")


def label_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every clinician label, for the catalogues."""
    for code, english in CLINICIAN_LABELS.items():
        yield label_context(code), english, "Clinician-facing name of an answer (summary)"
    for answer in IDIOM_OF_DISTRESS.answers.values():
        yield (
            f"meaning:{code_context(answer.code)}",
            answer.definition or "",
            "What a cultural concept of distress means (clinician summary)",
        )
