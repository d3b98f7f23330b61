"""Answers of the cultural formulation: perceived causes and past help (CFI domains 2, 3)."""

from commcare_ext.intake.vocabulary import HelpSource, PerceivedCause
from commcare_ext.terminology.answers.base import answer_set

PERCEIVED_CAUSE = answer_set(
    PerceivedCause,
    "perceived-cause",
    "What the patient believes causes the problem",
    "The patient's explanatory model of their distress (CFI cause domain).",
    {
        PerceivedCause.LIFE_STRESS: ("Stress in my life", "Life stress."),
        PerceivedCause.FAMILY_CONFLICT: (
            "Problems in my family",
            "Conflict or strain within the family.",
        ),
        PerceivedCause.LOSS_OR_GRIEF: (
            "Loss or grief",
            "Death of someone close or another loss.",
        ),
        PerceivedCause.TRAUMA_OR_VIOLENCE: (
            "Something frightening or violent that happened",
            "Trauma or violence experienced or witnessed.",
        ),
        PerceivedCause.MIGRATION: (
            "Moving to a new country or place",
            "Migration, displacement or separation from home.",
        ),
        PerceivedCause.DISCRIMINATION: (
            "Being treated unfairly because of who I am",
            "Discrimination or racism.",
        ),
        PerceivedCause.WORK_OR_MONEY: (
            "Work or money problems",
            "Employment or financial strain.",
        ),
        PerceivedCause.PHYSICAL_ILLNESS: (
            "A physical illness",
            "A bodily illness or its treatment.",
        ),
        PerceivedCause.SPIRITUAL: (
            "Spiritual or religious reasons",
            "A spiritual, religious or supernatural cause.",
        ),
        PerceivedCause.PERSONAL_WEAKNESS: (
            "Something about my character",
            "The patient sees it as a personal failing or weakness.",
        ),
        PerceivedCause.SUBSTANCE_USE: (
            "Alcohol or drug use",
            "Use of alcohol or other substances.",
        ),
        PerceivedCause.UNKNOWN: ("I don't know", "The patient does not know."),
    },
)


HELP_SOURCE = answer_set(
    HelpSource,
    "help-source",
    "Where help was sought before",
    "Sources of help the patient has already tried (CFI help-seeking domain).",
    {
        HelpSource.FAMILY: ("Family", "Family members."),
        HelpSource.FRIENDS: ("Friends", "Friends."),
        HelpSource.FAITH_LEADER: (
            "Faith leader or religious community",
            "Clergy or a religious community.",
        ),
        HelpSource.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "A traditional or cultural healer.",
        ),
        HelpSource.PRIMARY_CARE: (
            "Family doctor or clinic",
            "Primary care.",
        ),
        HelpSource.MENTAL_HEALTH_PROFESSIONAL: (
            "Counsellor, therapist or psychiatrist",
            "A mental-health professional.",
        ),
        HelpSource.EMERGENCY_SERVICES: (
            "Emergency room or crisis line",
            "Emergency or crisis services.",
        ),
        HelpSource.COMMUNITY_ORGANISATION: (
            "Community organisation",
            "A community centre or non-profit organisation.",
        ),
        HelpSource.ONLINE: ("Online or apps", "Online resources."),
        HelpSource.NONE: ("No one yet", "The patient has not sought help."),
    },
)
