"""The Patient: demographics, preferred language (BCP-47), interpreter need, religion."""

from typing import Any

from commcare_ext.extract.disclosure import DisclosureCategory
from commcare_ext.extract.identity import identity_extensions
from commcare_ext.extract.ids import resource_id
from commcare_ext.extract.result import ExtractedResource
from commcare_ext.fhir.language import language_concept
from commcare_ext.fhir.narrative import narrative
from commcare_ext.intake import Intake
from commcare_ext.terminology.systems import PATIENT_RELIGION, US_CORE_INTERPRETER_NEEDED


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
        {"url": US_CORE_INTERPRETER_NEEDED, "valueBoolean": language.interpreter_needed}
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
