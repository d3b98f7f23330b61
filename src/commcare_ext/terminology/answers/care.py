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
    ("Preferred community supports", "Apoyos comunitarios preferidos"),
    "Community supports the patient would like involved in their care.",
    {
        SupportType.PEER_SUPPORT_GROUP: (
            "Peer support group",
            "Grupo de apoyo entre pares",
            "A group of people with similar experiences.",
        ),
        SupportType.FAITH_COMMUNITY: (
            "Faith community",
            "Comunidad de fe",
            "A church, mosque, temple, synagogue or other faith community.",
        ),
        SupportType.COMMUNITY_CENTRE: (
            "Community or cultural centre",
            "Centro comunitario o cultural",
            "A community, cultural or neighbourhood centre.",
        ),
        SupportType.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "Healing within the patient's cultural tradition.",
        ),
        SupportType.ONLINE_COMMUNITY: (
            "Online community",
            "Comunidad en línea",
            "A moderated online group or forum.",
        ),
        SupportType.FAMILY: (
            "My family",
            "Mi familia",
            "Family involvement as a support in itself.",
        ),
    },
)


REFERRAL_SHARE = answer_set(
    ReferralShare,
    "referral-share",
    ("Information a referral may carry", "Información que puede llevar una derivación"),
    "What the patient allows community organisations they are referred to to receive.",
    {
        ReferralShare.CONTACT_DETAILS: (
            "My name and how to contact me",
            "Mi nombre y cómo contactarme",
            "Name, phone, e-mail and the private contact preferences needed to reach the patient.",
        ),
        ReferralShare.LANGUAGE_NEEDS: (
            "My language and interpreter needs",
            "Mi idioma y si necesito intérprete",
            "Preferred language and interpreter need.",
        ),
        ReferralShare.CARE_PREFERENCES: (
            "The kind of support I prefer",
            "El tipo de apoyo que prefiero",
            "Preferred supports and care preferences.",
        ),
        ReferralShare.ACCESS_BARRIERS: (
            "What makes it hard for me to get care",
            "Lo que me dificulta recibir atención",
            "Access barriers such as cost, transport or childcare.",
        ),
        ReferralShare.SUPPORT_NETWORK: (
            "The people who support me",
            "Las personas que me apoyan",
            "Support persons the patient allows to be involved, and their involvement.",
        ),
        ReferralShare.STIGMA_CONCERNS: (
            "My worries about privacy and stigma",
            "Mis preocupaciones sobre privacidad y estigma",
            "Stigma concerns, shared so the organisation can protect the patient's privacy.",
        ),
        ReferralShare.SOCIAL_SUPPORT_SCORES: (
            "My social-support survey results",
            "Los resultados de mi encuesta de apoyo social",
            "MOS Social Support Survey answers and scores.",
        ),
        ReferralShare.PROBLEM_SUMMARY: (
            "What I am going through, in my words",
            "Lo que estoy viviendo, en mis palabras",
            "The patient's own description of the problem and what help they want.",
        ),
    },
)


PREFERENCE_STRENGTH = answer_set(
    PreferenceStrength,
    "preference-strength",
    ("How much it matters", "Cuánto le importa"),
    "How much a care preference matters to the patient.",
    {
        PreferenceStrength.IMPORTANT: ("Very important to me", "Muy importante", "Essential."),
        PreferenceStrength.PREFERRED: (
            "I would prefer it",
            "Lo preferiría",
            "Preferred, not essential.",
        ),
        PreferenceStrength.NO_PREFERENCE: (
            "It does not matter",
            "No me importa",
            "No preference.",
        ),
    },
)


CLINICIAN_GENDER = answer_set(
    ClinicianGender,
    "clinician-gender",
    ("Preferred clinician gender", "Género preferido del profesional"),
    "The clinician gender the patient is most comfortable with.",
    {
        ClinicianGender.WOMAN: ("A woman", "Una mujer", "Prefers a woman clinician."),
        ClinicianGender.MAN: ("A man", "Un hombre", "Prefers a man clinician."),
        ClinicianGender.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)


VISIT_MODE = answer_set(
    VisitMode,
    "visit-mode",
    ("Preferred way to meet", "Forma preferida de reunirse"),
    "How the patient prefers to meet their clinician.",
    {
        VisitMode.IN_PERSON: ("In person", "En persona", "Face-to-face visits."),
        VisitMode.VIDEO: ("Video call", "Videollamada", "Video visits."),
        VisitMode.PHONE: ("Phone call", "Llamada telefónica", "Telephone visits."),
        VisitMode.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)


THERAPY_FORMAT = answer_set(
    TherapyFormat,
    "therapy-format",
    ("Preferred session format", "Tipo de sesión preferido"),
    "Individual, group or family sessions.",
    {
        TherapyFormat.INDIVIDUAL: ("Just me", "Solo yo", "Individual sessions."),
        TherapyFormat.GROUP: ("In a group", "En grupo", "Group sessions."),
        TherapyFormat.FAMILY: ("With my family", "Con mi familia", "Family sessions."),
        TherapyFormat.NO_PREFERENCE: ("No preference", "Me da igual", "No preference."),
    },
)
