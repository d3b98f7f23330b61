"""Provenance (US Core): which resources came from this intake, when, from whom, sent by whom.

The patient is the author (on behalf of the clinic, as US Core's agent.onBehalfOf allows) and
the clinic is the transmitter: the entity that provided this copy to the EHR.
"""

from commcare_ext.extract._common import concept, ref
from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.ids import resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake
from commcare_ext.terminology.answers import answer_set_for
from commcare_ext.terminology.standard import AUTHOR, TRANSMITTER
from commcare_ext.terminology.systems import US_CORE_PROVENANCE


def provenance(
    intake: Intake, targets: list[str], patient_ref: str, clinic_ref: str, response_ref: str
) -> ExtractedResource:
    """Provenance for every extracted resource, with the response as its source."""
    respondent = answer_set_for(type(intake.respondent)).answer(intake.respondent).display_en
    resource = {
        "resourceType": "Provenance",
        "id": resource_id(intake, "provenance"),
        "meta": {"profile": [US_CORE_PROVENANCE]},
        "text": narrative(
            "Extracted from the culturally informed intake",
            [("Answered by", respondent), ("Resources", str(len(targets)))],
        ),
        "target": [ref(t) for t in targets],
        "recorded": intake.authored.isoformat(),
        "agent": [
            {"type": concept(AUTHOR), "who": ref(patient_ref), "onBehalfOf": ref(clinic_ref)},
            {"type": concept(TRANSMITTER), "who": ref(clinic_ref)},
        ],
        "entity": [{"role": "source", "what": ref(response_ref)}],
    }
    return ExtractedResource(resource, DisclosureCategory.EHR_ONLY)
