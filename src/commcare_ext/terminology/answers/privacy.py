"""Answers of 'Privacy and worries about care': stigma concerns and discreet contact."""

from commcare_ext.intake.vocabulary import DiscreetContact, StigmaConcern
from commcare_ext.terminology.answers.base import answer_set

STIGMA_CONCERN = answer_set(
    StigmaConcern,
    "stigma-concern",
    "Stigma concerns",
    "Fears of what seeking mental-health care could cost the patient socially.",
    {
        StigmaConcern.FAMILY_SHAME: (
            "Bringing shame on my family",
            "Fear that care would bring shame or dishonour on the family.",
        ),
        StigmaConcern.COMMUNITY_GOSSIP: (
            "People in my community finding out",
            "Fear of gossip or exposure in the community.",
        ),
        StigmaConcern.JOB_CONSEQUENCES: (
            "Problems at work or school",
            "Fear of losing a job, promotion or place in school.",
        ),
        StigmaConcern.SEEN_AS_WEAK: (
            "Being seen as weak",
            "Fear of being judged weak or unable to cope.",
        ),
        StigmaConcern.LABELLED_MENTALLY_ILL: (
            "Being labelled as mentally ill",
            "Fear of a psychiatric label.",
        ),
        StigmaConcern.FAITH_DISAPPROVAL: (
            "Disapproval from my faith community",
            "Fear that the faith community would disapprove.",
        ),
        StigmaConcern.CUSTODY_OR_LEGAL: (
            "Losing custody or legal trouble",
            "Fear of consequences for custody, immigration status or legal matters.",
        ),
        StigmaConcern.RECORDS_SEEN: (
            "Others seeing my health records",
            "Fear that records could be seen by family, employers or insurers.",
        ),
    },
)


DISCREET_CONTACT = answer_set(
    DiscreetContact,
    "discreet-contact",
    "Private contact preferences",
    "How the clinic must, or must not, contact the patient so that care stays private.",
    {
        DiscreetContact.NO_VOICEMAIL: (
            "Do not leave voicemail",
            "No voice messages.",
        ),
        DiscreetContact.NO_MAIL_HOME: (
            "Do not send mail to my home",
            "No letters to the home address.",
        ),
        DiscreetContact.NO_TEXT_MESSAGES: (
            "Do not send text messages",
            "No SMS.",
        ),
        DiscreetContact.NO_CALLS_AT_WORK: (
            "Do not call me at work",
            "No calls to a workplace number.",
        ),
        DiscreetContact.NEUTRAL_CLINIC_NAME: (
            "Use a neutral name when contacting me",
            "Do not name mental-health services in messages or caller ID.",
        ),
        DiscreetContact.PATIENT_INITIATES: (
            "Only I start contact",
            "The clinic waits for the patient to get in touch.",
        ),
    },
)
