"""A safety plan, written with the clinician from the person's own life and community.

Six parts, in the order a person uses them when things get hard (our own structure, drawing
on the evidence for brief safety-planning interventions; no published template's text):
the signs that a crisis is building, in the person's words; what they can do on their own;
people and places that help, drawn from their support network; professionals and services
(the clinic and its crisis lines are always added when the plan is built); and making their
surroundings safer.

People are named from ``Intake.support_persons`` only, and only those the clinic may
contact: :func:`check_people` refuses anyone marked do-not-contact, anyone not to be
involved, and any name the network does not hold, naming the entry, never the person.
"""

from typing import TYPE_CHECKING

from pydantic import ConfigDict, Field

from commcare_ext.errors import CommcareError
from commcare_ext.intake.base import IntakeSection, PatientText, PhoneNumber, ShortText

if TYPE_CHECKING:
    from commcare_ext.intake.model import Intake, SupportPerson


class SafetyPlanError(CommcareError, ValueError):
    """A safety plan names someone it may not (``field`` says which entry, never who)."""

    def __init__(self, field: str, expected: str) -> None:
        self.field = field
        super().__init__(f"{field}: {expected}")


class PlanService(IntakeSection):
    """A professional or service beyond the clinic and its crisis lines (e.g. from a directory)."""

    name: ShortText
    phone: PhoneNumber | None = None
    note: ShortText | None = None


class SafetyPlan(IntakeSection):
    """The person's safety plan: what the clinician and the person wrote together."""

    model_config = ConfigDict(frozen=True)

    warning_signs: list[PatientText] = Field(min_length=1, max_length=20)
    on_my_own: list[PatientText] = Field(default_factory=list, max_length=20)
    people_who_help: list[ShortText] = Field(default_factory=list, max_length=20)
    places_that_help: list[PatientText] = Field(default_factory=list, max_length=20)
    services: list[PlanService] = Field(default_factory=list, max_length=20)
    safer_surroundings: list[PatientText] = Field(default_factory=list, max_length=20)


def check_people(plan: SafetyPlan, intake: "Intake") -> list[tuple[int, "SupportPerson"]]:
    """The support persons the plan names, with their index in the network, in plan order.

    Raises:
        SafetyPlanError: an entry names nobody in the network, someone marked do-not-contact
            (whatever else shares the name), or someone not to be involved.

    """
    found = []
    for position, name in enumerate(plan.people_who_help):
        where = f"people_who_help[{position}]"
        matches = [(i, p) for i, p in enumerate(intake.support_persons) if p.name == name]
        if not matches:
            raise SafetyPlanError(where, "name a person from the intake's support network")
        if any(p.do_not_contact for _, p in matches):
            raise SafetyPlanError(where, "this person must not be contacted or informed")
        index, person = matches[0]
        if not person.contactable:
            raise SafetyPlanError(where, "this person is not to be involved in care")
        found.append((index, person))
    return found
