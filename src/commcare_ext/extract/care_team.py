"""The CareTeam (US Core): the patient and the people they want taking part in care.

The patient's role is SNOMED CT 116154003 (as in US Core's CareTeam example); a support
person's role is text only: no SNOMED CT concept says "takes part in decisions" or "attends
sessions" without claiming more (a caregiver, a legal guardian), and the binding is
extensible, which allows text when no code fits.
"""

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake, Involvement
from commcare_ext.terminology.standard import PATIENT_PERSON
from commcare_ext.terminology.systems import US_CORE_CARE_TEAM

_TAKES_PART = {
    Involvement.DECISIONS: "Takes part in care decisions",
    Involvement.ATTENDS: "Attends sessions",
}


def care_team(
    intake: Intake, patient_ref: str, person_refs: list[str], clinic_ref: str
) -> ExtractedResource | None:
    """A CareTeam when at least one support person takes part in decisions or sessions."""
    members = [
        (person, person_refs[index])
        for index, person in enumerate(intake.support_persons)
        if person.involvement in _TAKES_PART and not person.do_not_contact
    ]
    if not members:
        return None
    participants = [{"role": [concept(PATIENT_PERSON, text="Patient")], "member": ref(patient_ref)}]
    participants += [
        {"role": [{"text": _TAKES_PART[person.involvement]}], "member": ref(reference)}  # type: ignore[index]
        for person, reference in members
    ]
    resource = {
        "resourceType": "CareTeam",
        "id": resource_id(intake, "care-team"),
        "meta": {"profile": [US_CORE_CARE_TEAM]},
        "text": narrative(
            "Care team chosen by the patient",
            [(person.name, _TAKES_PART[person.involvement]) for person, _ in members],  # type: ignore[index]
        ),
        "identifier": [business_identifier(intake, "CareTeam", "care-team")],
        "status": "active",
        "name": "Family and community care team",
        "subject": ref(patient_ref),
        "participant": participants,
        "managingOrganization": [ref(clinic_ref)],
    }
    return ExtractedResource(resource, DisclosureCategory.SUPPORT_NETWORK)
