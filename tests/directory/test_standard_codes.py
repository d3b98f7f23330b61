"""The FHIR Human Services Directory reader reads the same facts as the HSDS reader (issue 19).

Eligibility codes of any system (``HealthcareService.eligibility.code``), crisis codes in
``type``, the "Interpret" characteristic's text, sign languages in ``communication`` and a
coverage area's boundary (the core ``location-boundary-geojson`` extension).
"""

import base64
import json
from datetime import date
from typing import Any

from commcare_ext.directory import CrisisKind, Population, read_fhir_resources

TODAY = date(2026, 11, 24)
OE = "https://openeligibility.org"
BOX = {
    "type": "Polygon",
    "coordinates": [[[-93.3, 44.9], [-93.2, 44.9], [-93.2, 45.0], [-93.3, 45.0], [-93.3, 44.9]]],
}


def _resources() -> list[dict[str, Any]]:
    boundary = base64.b64encode(json.dumps(BOX).encode()).decode()
    return [
        {"resourceType": "Organization", "id": "org", "name": "Veterans Center"},
        {
            "resourceType": "Location",
            "id": "area",
            "name": "Central Minneapolis",
            "extension": [
                {
                    "url": "http://hl7.org/fhir/StructureDefinition/location-boundary-geojson",
                    "valueAttachment": {"contentType": "application/geo+json", "data": boundary},
                }
            ],
        },
        {
            "resourceType": "HealthcareService",
            "id": "vets",
            "active": True,
            "name": "Veterans Peer Circle",
            "providedBy": {"reference": "Organization/org"},
            "type": [
                {"coding": [{"system": OE, "code": "support-groups", "display": "Support Groups"}]}
            ],
            "eligibility": [
                {
                    "code": {"coding": [{"system": OE, "code": "veterans", "display": "Veterans"}]},
                    "comment": "Proof of service asked at the first visit",
                }
            ],
            "communication": [{"coding": [{"system": "urn:ietf:bcp:47", "code": "ase"}]}],
            "characteristic": [
                {
                    "coding": [
                        {
                            "system": "http://hl7.org/fhir/us/hsds/CodeSystem/HumanServiceCharacteristicCS",
                            "code": "Interpret",
                        }
                    ],
                    "text": "Spanish interpreters by phone",
                }
            ],
            "coverageArea": [{"reference": "Location/area"}],
        },
        {
            "resourceType": "HealthcareService",
            "id": "line",
            "active": True,
            "name": "Crisis Line",
            "providedBy": {"reference": "Organization/org"},
            "type": [
                {
                    "coding": [
                        {
                            "system": "https://211taxonomy.org",
                            "code": "RP-1500.1400-800",
                            "display": "Suicide Prevention Hotlines",
                        }
                    ]
                }
            ],
        },
    ]


def test_fhir_directory_reads_eligibility_interpretation_area_and_crisis() -> None:
    directory, report = read_fhir_resources(_resources(), today=TODAY)
    vets, line = directory.get("vets"), directory.get("line")
    assert vets is not None
    assert line is not None
    assert vets.eligibility.populations == {Population.VETERANS}
    assert vets.eligibility.note == "Proof of service asked at the first visit"
    assert vets.languages.staff_languages == {"ase"}
    assert vets.languages.interpreted_languages == frozenset({"es"})
    assert vets.service_area.covers(44.95, -93.25) is True
    assert vets.service_area.covers(45.10, -93.25) is False
    assert line.crisis == {CrisisKind.CRISIS_LINE}
    assert not line.support_types
    assert not [p for p in report.problems if p.record_id == "line"]
