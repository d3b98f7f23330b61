"""A community directory written the standard HSDS 3.0 way, as an independent publisher would.

No attribute of our own taxonomy: kinds of help and eligibility are Open Eligibility terms
with ``link_type`` (eligibility or not), crisis help is coded with 211/AIRS codes,
interpretation is ``interpretation_services`` text, service areas are GeoJSON ``extent``s,
languages are ISO 639-3 codes (``ase`` for American Sign Language), ways of attending are
``schedules[].attending_type`` text, and notices are ``alert``, ``eligibility_description``,
``required_documents`` and ``cost_options``. Fictional services in Minneapolis.
"""

import json
from typing import Any

OE = "Open Eligibility"
AIRS = "211 LA County AIRS Taxonomy"
#: Where the people of the scenarios live (Phillips, Minneapolis) and a place outside the hub.
HOME = (44.9530, -93.2620)
ELSEWHERE = (45.0600, -93.3300)
#: A neighbourhood hub's drawn area: a box around Phillips ([longitude, latitude] pairs).
PHILLIPS = {
    "type": "Polygon",
    "coordinates": [
        [[-93.28, 44.94], [-93.245, 44.94], [-93.245, 44.965], [-93.28, 44.965], [-93.28, 44.94]]
    ],
}


def term(
    name: str, *, eligibility: bool = False, code: str | None = None, taxonomy: str = OE
) -> dict[str, Any]:
    """One attribute linking a taxonomy term (``link_type`` says what it describes)."""
    return {
        "id": f"attr-{name.lower().replace(' ', '-')}",
        "link_type": "eligibility" if eligibility else "service_type",
        "link_entity": "service",
        "taxonomy_term": {
            "id": f"term-{name.lower().replace(' ', '-')}",
            "code": code,
            "name": name,
            "taxonomy": taxonomy,
        },
    }


def service(
    service_id: str,
    *terms: dict[str, Any],
    languages: tuple[str, ...] = ("eng",),
    site: tuple[float, float] | None = HOME,
    **fields: Any,
) -> dict[str, Any]:
    """A service record with an organisation, a site (unless ``site`` is None), and ``fields``."""
    record: dict[str, Any] = {
        "id": service_id,
        "name": service_id.replace("-", " ").title(),
        "status": "active",
        "organization": {"id": f"org-{service_id}", "name": f"Org {service_id}"},
        "attributes": list(terms),
        "languages": [{"id": f"{service_id}-l{i}", "code": c} for i, c in enumerate(languages)],
        "assured_date": "2026-10-01",
        **fields,
    }
    if site is not None:
        record["service_at_locations"] = [
            {
                "id": f"sal-{service_id}",
                "location": {
                    "id": f"loc-{service_id}",
                    "location_type": "physical",
                    "latitude": site[0],
                    "longitude": site[1],
                },
            }
        ]
    return record


def directory() -> list[dict[str, Any]]:
    """Every service of the scenarios."""
    support = term("Support Groups")
    return [
        service("veterans-circle", support, term("Veterans", eligibility=True)),
        service("open-circle", support),
        service("women-circle", support, eligibility_description="Women only, 18 and over"),
        service(
            "phone-interpreted-group",
            support,
            interpretation_services="Spanish and Somali interpreters by phone",
        ),
        service(
            "phillips-hub",
            term("Community Support Services"),
            service_areas=[
                {
                    "id": "area-phillips",
                    "name": "Phillips neighbourhood",
                    "extent": json.dumps(PHILLIPS),
                    "extent_type": "geojson",
                }
            ],
        ),
        service(
            "radius-hub",
            term("Community Support Services"),
            service_areas=[
                {
                    "id": "area-radius",
                    "name": "Within 3 km of the hub",
                    "extent": json.dumps(
                        {
                            "type": "Feature",
                            "geometry": {"type": "Point", "coordinates": [HOME[1], HOME[0]]},
                            "properties": {"radius": 3000},
                        }
                    ),
                    "extent_type": "geojson",
                }
            ],
        ),
        service("deaf-peer-group", support, languages=("ase", "eng")),
        service(
            "video-group",
            term("Virtual Support"),
            site=None,
            schedules=[{"id": "sch-video", "attending_type": "Online, by video call"}],
        ),
        service(
            "chua-phat-group", term("Spiritual Support"), term("Buddhists"), languages=("vie",)
        ),
        service("masjid-circle", term("Spiritual Support"), term("Muslims")),
        service("parish-group", term("Spiritual Support"), term("Catholics")),
        service("lgbtq-only-group", support, term("LGBTQ", eligibility=True)),
        service(
            "noticed-group",
            support,
            alert="Closed 24-31 December; meets again in January",
            required_documents=[{"id": "doc-1", "document": "Proof of address"}],
            cost_options=[
                {"id": "cost-1", "option": "Everyone", "amount": 0, "amount_description": "free"},
                {
                    "id": "cost-old",
                    "option": "Old fee",
                    "amount": 40,
                    "amount_description": "per session",
                    "valid_to": "2020-12-31",
                },
            ],
        ),
        service("legal-clinic", term("Legal Aid Society Clinic", taxonomy="Local taxonomy")),
        service(
            "crisis-line",
            term("Suicide Prevention Hotlines", code="RP-1500.1400-800", taxonomy=AIRS),
            site=None,
            schedules=[{"id": "sch-crisis", "attending_type": "Phone, text and chat, 24/7"}],
        ),
        service(
            "warmline",
            term("Peer Support"),
            site=None,
            schedules=[{"id": "sch-warm", "attending_type": "By phone"}],
        ),
    ]
