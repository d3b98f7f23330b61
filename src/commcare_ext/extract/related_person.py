"""RelatedPerson for every support person; phone and e-mail only for people we may contact.

The intake model decides who is contactable (not do-not-contact, and involved at all);
this module obeys it, so a "not involved" person's number never reaches the EHR Bundle nor,
through it, a community organisation.
"""

from typing import Any

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake, SupportPerson
from commcare_ext.terminology.answers import answer_set_for, coding_for
from commcare_ext.terminology.systems import US_CORE_RELATED_PERSON


def person_role(index: int) -> str:
    """The role string that seeds a support person's ids."""
    return f"related-person-{index + 1}"


def related_person(
    intake: Intake, index: int, person: SupportPerson, patient_ref: str
) -> ExtractedResource:
    """One RelatedPerson. Contact details only for people the clinic may contact."""
    relationship = answer_set_for(type(person.relationship)).answer(person.relationship)
    rows = [("Relationship", relationship.display_en)]
    if person.do_not_contact:
        rows.append(("Contact", "DO NOT CONTACT OR INFORM"))
    elif person.involvement is not None:
        involvement = answer_set_for(type(person.involvement)).answer(person.involvement)
        rows.append(("Involvement", involvement.display_en))
    role = person_role(index)
    resource: dict[str, Any] = {
        "resourceType": "RelatedPerson",
        "id": resource_id(intake, role),
        "meta": {"profile": [US_CORE_RELATED_PERSON]},
        "text": narrative(person.name, rows),
        "identifier": [business_identifier(intake, "RelatedPerson", role)],
        "active": True,
        "patient": ref(patient_ref),
        "relationship": [concept(coding_for(person.relationship), text=person.relationship_detail)],
        "name": [{"text": person.name}],
    }
    if person.contactable:
        telecom = []
        if person.phone:
            telecom.append({"system": "phone", "value": person.phone})
        if person.email:
            telecom.append({"system": "email", "value": person.email})
        if telecom:
            resource["telecom"] = telecom
    category = (
        DisclosureCategory.EHR_ONLY if person.do_not_contact else DisclosureCategory.SUPPORT_NETWORK
    )
    return ExtractedResource(resource, category)
