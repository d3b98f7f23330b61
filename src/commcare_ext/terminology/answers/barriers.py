"""Answers of 'Getting to care': what keeps care out of reach."""

from commcare_ext.intake.vocabulary import AccessBarrier
from commcare_ext.terminology.answers.base import answer_set

ACCESS_BARRIER = answer_set(
    AccessBarrier,
    "access-barrier",
    "Barriers to care",
    "What keeps care out of reach.",
    {
        AccessBarrier.COST: ("Cost of care", "Cannot afford care."),
        AccessBarrier.INSURANCE: (
            "No insurance or insurance problems",
            "Uninsured, underinsured or coverage problems.",
        ),
        AccessBarrier.TRANSPORT: (
            "Getting there (transport)",
            "No reliable transport to appointments.",
        ),
        AccessBarrier.DISTANCE: (
            "Services are far away",
            "Distance or rural location.",
        ),
        AccessBarrier.CHILDCARE: (
            "Childcare",
            "No one to look after children during appointments.",
        ),
        AccessBarrier.CAREGIVING: (
            "Caring for another adult",
            "Caring duties for an ill, older or disabled adult.",
        ),
        AccessBarrier.WORK_HOURS: (
            "Work hours",
            "Cannot take time off work during opening hours.",
        ),
        AccessBarrier.DIGITAL_ACCESS: (
            "No reliable phone, internet or device",
            "Cannot rely on a phone, internet or a device for virtual care.",
        ),
        AccessBarrier.LANGUAGE: (
            "Language",
            "Services are not offered in the patient's language.",
        ),
        AccessBarrier.IMMIGRATION_CONCERNS: (
            "Worries about immigration status",
            "Fear that using services could affect immigration status.",
        ),
        AccessBarrier.DISABILITY: (
            "Disability or mobility",
            "A disability that makes attending difficult.",
        ),
    },
)
