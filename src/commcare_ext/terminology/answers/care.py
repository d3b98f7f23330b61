"""Answers of 'Supports and care you would like', including what a referral may carry."""

from commcare_ext.intake.vocabulary import (
    ClinicianGender,
    PreferenceStrength,
    ReferralShare,
    SupportType,
    TherapyFormat,
    VisitMode,
)
from commcare_ext.terminology.answers.base import answer_set

SUPPORT_TYPE = answer_set(
    SupportType,
    "preferred-support",
    "Preferred community supports",
    "Community supports the patient would like involved in their care.",
    {
        SupportType.PEER_SUPPORT_GROUP: (
            "Peer support group",
            "A group of people with similar experiences.",
        ),
        SupportType.FAITH_COMMUNITY: (
            "Faith community",
            "A church, mosque, temple, synagogue or other faith community.",
        ),
        SupportType.COMMUNITY_CENTRE: (
            "Community or cultural centre",
            "A community, cultural or neighbourhood centre.",
        ),
        SupportType.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "Healing within the patient's cultural tradition.",
        ),
        SupportType.ONLINE_COMMUNITY: (
            "Online community",
            "A moderated online group or forum.",
        ),
        SupportType.FAMILY: (
            "My family",
            "Family involvement as a support in itself.",
        ),
    },
)


REFERRAL_SHARE = answer_set(
    ReferralShare,
    "referral-share",
    "Information a referral may carry",
    "What the patient allows community organisations they are referred to to receive.",
    {
        ReferralShare.CONTACT_DETAILS: (
            "My name and how to contact me",
            "Name, phone, e-mail and the private contact preferences needed to reach the patient.",
        ),
        ReferralShare.LANGUAGE_NEEDS: (
            "My language and interpreter needs",
            "Preferred language and interpreter need.",
        ),
        ReferralShare.CARE_PREFERENCES: (
            "The kind of support I prefer",
            "Preferred supports and care preferences.",
        ),
        ReferralShare.ACCESS_BARRIERS: (
            "What makes it hard for me to get care",
            "Access barriers such as cost, transport or childcare.",
        ),
        ReferralShare.SUPPORT_NETWORK: (
            "The people who support me",
            "Support persons the patient allows to be involved, and their involvement.",
        ),
        ReferralShare.STIGMA_CONCERNS: (
            "My worries about privacy and stigma",
            "Stigma concerns, shared so the organisation can protect the patient's privacy.",
        ),
        ReferralShare.SOCIAL_SUPPORT_SCORES: (
            "My social-support survey results",
            "MOS Social Support Survey answers and scores.",
        ),
        ReferralShare.PROBLEM_SUMMARY: (
            "What I am going through, in my words",
            "The patient's own description of the problem and what help they want.",
        ),
    },
)


PREFERENCE_STRENGTH = answer_set(
    PreferenceStrength,
    "preference-strength",
    "How much it matters",
    "How much a care preference matters to the patient.",
    {
        PreferenceStrength.IMPORTANT: ("Very important to me", "Essential."),
        PreferenceStrength.PREFERRED: (
            "I would prefer it",
            "Preferred, not essential.",
        ),
        PreferenceStrength.NO_PREFERENCE: (
            "It does not matter",
            "No preference.",
        ),
    },
)


CLINICIAN_GENDER = answer_set(
    ClinicianGender,
    "clinician-gender",
    "Preferred clinician gender",
    "The clinician gender the patient is most comfortable with.",
    {
        ClinicianGender.WOMAN: ("A woman", "Prefers a woman clinician."),
        ClinicianGender.MAN: ("A man", "Prefers a man clinician."),
        ClinicianGender.NO_PREFERENCE: ("No preference", "No preference."),
    },
)


VISIT_MODE = answer_set(
    VisitMode,
    "visit-mode",
    "Preferred way to meet",
    "How the patient prefers to meet their clinician.",
    {
        VisitMode.IN_PERSON: ("In person", "Face-to-face visits."),
        VisitMode.VIDEO: ("Video call", "Video visits."),
        VisitMode.PHONE: ("Phone call", "Telephone visits."),
        VisitMode.NO_PREFERENCE: ("No preference", "No preference."),
    },
)


THERAPY_FORMAT = answer_set(
    TherapyFormat,
    "therapy-format",
    "Preferred session format",
    "Individual, group or family sessions.",
    {
        TherapyFormat.INDIVIDUAL: ("Just me", "Individual sessions."),
        TherapyFormat.GROUP: ("In a group", "Group sessions."),
        TherapyFormat.FAMILY: ("With my family", "Family sessions."),
        TherapyFormat.NO_PREFERENCE: ("No preference", "No preference."),
    },
)
