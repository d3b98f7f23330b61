"""The Patient (US Core 7.0.0): demographics, preferred language (BCP-47), interpreter need.

US Core 7.0.0 is the version SDOH Clinical Care 2.3 builds on. There ``gender`` is 1..1 and
the intake does not ask it, so it is ``unknown`` (administrative-gender allows exactly that);
a patient who gives no name gets a name carrying data-absent-reason ``unknown`` (us-core-6).
The interpreter-needed extension is US Core's (defined in 8.0.0, open slicing in 7.0.0) with
``valueCoding`` from its required yes/no/unknown binding: SNOMED CT yes or no.
"""

from typing import Any

from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.identity import identity_extensions
from commcare_ext.extract.ids import resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.language import language_concept
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake
from commcare_ext.terminology.standard import SNOMED_NO, SNOMED_YES
from commcare_ext.terminology.systems import (
    DATA_ABSENT_REASON,
    PATIENT_RELIGION,
    US_CORE_INTERPRETER_NEEDED,
    US_CORE_PATIENT,
)


def absent_name(reason: str) -> dict[str, Any]:
    """A HumanName whose family name says why it is empty (``unknown``; ``masked``: recipients).

    The data-absent-reason sits on ``name.family``, not on the name: US Core 7.0.0's us-core-6
    (on each ``Patient.name``) and BSeR Patient's, inherited from US Core 5.0.1 (on
    ``Patient``: ``name.family`` or ``name.given`` xor a data-absent-reason on the Patient),
    both hold only then.
    """
    return {"_family": {"extension": [{"url": DATA_ABSENT_REASON, "valueCode": reason}]}}


def patient(intake: Intake) -> ExtractedResource:
    """A new Patient carrying the intake's business identifier (conditional create matches it)."""
    who = intake.patient
    language = intake.language
    communication: list[dict[str, Any]] = [
        {
            "language": language_concept(language.preferred_language),
            "preferred": True,
        }
    ]
    communication += [{"language": language_concept(tag)} for tag in language.other_languages]
    extensions: list[dict[str, Any]] = [
        {
            "url": US_CORE_INTERPRETER_NEEDED,
            "valueCoding": (SNOMED_YES if language.interpreter_needed else SNOMED_NO).as_coding(),
        }
    ]
    if language.religion_or_spirituality:
        extensions.append(
            {
                "url": PATIENT_RELIGION,
                "valueCodeableConcept": {"text": language.religion_or_spirituality},
            }
        )
    extensions += identity_extensions(intake)
    name = " ".join(p for p in (who.given_name, who.family_name) if p)
    resource: dict[str, Any] = {
        "resourceType": "Patient",
        "id": resource_id(intake, "patient"),
        "meta": {"profile": [US_CORE_PATIENT]},
        "text": narrative(
            name or "Patient",
            [
                ("Preferred language", language.preferred_language),
                ("Interpreter needed", "yes" if language.interpreter_needed else "no"),
            ],
        ),
        "extension": extensions,
        "identifier": [{"system": who.identifier_system, "value": who.identifier_value}],
        "active": True,
        "name": [absent_name("unknown")],
        "gender": "unknown",
        "communication": communication,
    }
    if who.given_name or who.family_name:
        entry: dict[str, Any] = {"use": "usual", "text": name}
        if who.family_name:
            entry["family"] = who.family_name
        if who.given_name:
            entry["given"] = [who.given_name]
        resource["name"] = [entry]
    if who.birth_date:
        resource["birthDate"] = who.birth_date.isoformat()
    return ExtractedResource(resource, DisclosureCategory.CORE)
