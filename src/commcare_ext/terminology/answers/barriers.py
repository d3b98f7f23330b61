"""Answers of 'Getting to care': what keeps care out of reach."""

from commcare_ext.intake.vocabulary import AccessBarrier
from commcare_ext.terminology.answers.base import answer_set

ACCESS_BARRIER = answer_set(
    AccessBarrier,
    "access-barrier",
    ("Barriers to care", "Obstáculos para recibir atención"),
    "What keeps care out of reach.",
    {
        AccessBarrier.COST: ("Cost of care", "El costo de la atención", "Cannot afford care."),
        AccessBarrier.INSURANCE: (
            "No insurance or insurance problems",
            "Falta de seguro o problemas con el seguro",
            "Uninsured, underinsured or coverage problems.",
        ),
        AccessBarrier.TRANSPORT: (
            "Getting there (transport)",
            "Transporte para llegar",
            "No reliable transport to appointments.",
        ),
        AccessBarrier.DISTANCE: (
            "Services are far away",
            "Los servicios quedan lejos",
            "Distance or rural location.",
        ),
        AccessBarrier.CHILDCARE: (
            "Childcare",
            "Cuidado de los hijos",
            "No one to look after children during appointments.",
        ),
        AccessBarrier.CAREGIVING: (
            "Caring for another adult",
            "Cuidar a otro adulto",
            "Caring duties for an ill, older or disabled adult.",
        ),
        AccessBarrier.WORK_HOURS: (
            "Work hours",
            "Horario de trabajo",
            "Cannot take time off work during opening hours.",
        ),
        AccessBarrier.DIGITAL_ACCESS: (
            "No reliable phone, internet or device",
            "Sin teléfono, internet o dispositivo confiable",
            "Cannot rely on a phone, internet or a device for virtual care.",
        ),
        AccessBarrier.LANGUAGE: (
            "Language",
            "El idioma",
            "Services are not offered in the patient's language.",
        ),
        AccessBarrier.IMMIGRATION_CONCERNS: (
            "Worries about immigration status",
            "Preocupación por la situación migratoria",
            "Fear that using services could affect immigration status.",
        ),
        AccessBarrier.DISABILITY: (
            "Disability or mobility",
            "Discapacidad o movilidad",
            "A disability that makes attending difficult.",
        ),
    },
)
