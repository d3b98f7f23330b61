"""Answers of the cultural formulation: perceived causes and past help (CFI domains 2, 3)."""

from commcare_ext.intake.vocabulary import HelpSource, PerceivedCause
from commcare_ext.terminology.answers.base import answer_set

PERCEIVED_CAUSE = answer_set(
    PerceivedCause,
    "perceived-cause",
    ("What the patient believes causes the problem", "Lo que cree que causa el problema"),
    "The patient's explanatory model of their distress (CFI cause domain).",
    {
        PerceivedCause.LIFE_STRESS: ("Stress in my life", "Estrés en mi vida", "Life stress."),
        PerceivedCause.FAMILY_CONFLICT: (
            "Problems in my family",
            "Problemas en mi familia",
            "Conflict or strain within the family.",
        ),
        PerceivedCause.LOSS_OR_GRIEF: (
            "Loss or grief",
            "Una pérdida o un duelo",
            "Death of someone close or another loss.",
        ),
        PerceivedCause.TRAUMA_OR_VIOLENCE: (
            "Something frightening or violent that happened",
            "Algo violento o aterrador que viví",
            "Trauma or violence experienced or witnessed.",
        ),
        PerceivedCause.MIGRATION: (
            "Moving to a new country or place",
            "Haber emigrado o cambiado de lugar",
            "Migration, displacement or separation from home.",
        ),
        PerceivedCause.DISCRIMINATION: (
            "Being treated unfairly because of who I am",
            "Ser tratado injustamente por quién soy",
            "Discrimination or racism.",
        ),
        PerceivedCause.WORK_OR_MONEY: (
            "Work or money problems",
            "Problemas de trabajo o de dinero",
            "Employment or financial strain.",
        ),
        PerceivedCause.PHYSICAL_ILLNESS: (
            "A physical illness",
            "Una enfermedad física",
            "A bodily illness or its treatment.",
        ),
        PerceivedCause.SPIRITUAL: (
            "Spiritual or religious reasons",
            "Razones espirituales o religiosas",
            "A spiritual, religious or supernatural cause.",
        ),
        PerceivedCause.PERSONAL_WEAKNESS: (
            "Something about my character",
            "Algo de mi carácter",
            "The patient sees it as a personal failing or weakness.",
        ),
        PerceivedCause.SUBSTANCE_USE: (
            "Alcohol or drug use",
            "El consumo de alcohol o drogas",
            "Use of alcohol or other substances.",
        ),
        PerceivedCause.UNKNOWN: ("I don't know", "No lo sé", "The patient does not know."),
    },
)


HELP_SOURCE = answer_set(
    HelpSource,
    "help-source",
    ("Where help was sought before", "Dónde buscó ayuda antes"),
    "Sources of help the patient has already tried (CFI help-seeking domain).",
    {
        HelpSource.FAMILY: ("Family", "Familia", "Family members."),
        HelpSource.FRIENDS: ("Friends", "Amistades", "Friends."),
        HelpSource.FAITH_LEADER: (
            "Faith leader or religious community",
            "Líder o comunidad religiosa",
            "Clergy or a religious community.",
        ),
        HelpSource.TRADITIONAL_HEALER: (
            "Traditional or cultural healer",
            "Curandero o sanador tradicional",
            "A traditional or cultural healer.",
        ),
        HelpSource.PRIMARY_CARE: (
            "Family doctor or clinic",
            "Médico de cabecera o clínica",
            "Primary care.",
        ),
        HelpSource.MENTAL_HEALTH_PROFESSIONAL: (
            "Counsellor, therapist or psychiatrist",
            "Consejero, terapeuta o psiquiatra",
            "A mental-health professional.",
        ),
        HelpSource.EMERGENCY_SERVICES: (
            "Emergency room or crisis line",
            "Sala de emergencias o línea de crisis",
            "Emergency or crisis services.",
        ),
        HelpSource.COMMUNITY_ORGANISATION: (
            "Community organisation",
            "Organización comunitaria",
            "A community centre or non-profit organisation.",
        ),
        HelpSource.ONLINE: ("Online or apps", "Internet o aplicaciones", "Online resources."),
        HelpSource.NONE: ("No one yet", "Nadie todavía", "The patient has not sought help."),
    },
)
