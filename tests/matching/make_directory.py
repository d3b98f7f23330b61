"""Write tests/matching/directory.json: a small HSDS 3.0 directory for the scenario tests.

    .venv/bin/python -m tests.matching.make_directory

Every service is fictional and written to sit on one side of one constraint for one of the
scenario people: the rural San Luis Valley (Center, Alamosa, Monte Vista, Colorado) and the
Twin Cities (Minneapolis, Saint Paul). ``test_scenarios`` checks the file equals this output.
"""

import json
from pathlib import Path
from typing import Any

from commcare_ext.directory import DIRECTORY_TAXONOMY

HERE = Path(__file__).resolve().parent
FILE = HERE / "directory.json"
OPEN_ELIGIBILITY = "Open Eligibility"

SITES = {
    "center": ("Center Community House", 37.7530, -106.1086, "Center", "CO", "81125"),
    "alamosa": ("Alamosa Valley Commons", 37.4695, -105.8700, "Alamosa", "CO", "81101"),
    "montevista": ("Monte Vista Parish Hall", 37.5792, -106.1481, "Monte Vista", "CO", "81144"),
    "cedar": ("Cedar-Riverside Room", 44.9686, -93.2493, "Minneapolis", "MN", "55454"),
    "north": ("Northside Hall", 44.9998, -93.2990, "Minneapolis", "MN", "55411"),
    "frogtown": ("Frogtown Family House", 44.9601, -93.1290, "Saint Paul", "MN", "55104"),
}

# id -> name, kinds (Open Eligibility names or our codes), site, hours (days, opens, closes),
# staff languages, fee, our taxonomy's codes and valued terms, ages, date last verified.
SERVICES: dict[str, dict[str, Any]] = {
    # --- San Luis Valley: the Spanish speaker without a car -------------------------------
    "grupo-center": {
        "name": "Grupo de Apoyo del Valle",
        "kinds": ["Support Groups"],
        "site": "center",
        "hours": [("TU,TH", "19:30", "21:00")],
        "languages": ["es"],
        "codes": ["free", "peer-led", "mode-in-person", "outreach-phone-call"],
        "verified": "2026-10-01",
    },
    "linea-pares": {
        "name": "Línea de Apoyo Entre Pares",
        "kinds": ["Peer Support"],
        "hours": [("MO,TU,WE,TH,FR", "18:00", "22:00")],
        "languages": ["es", "en"],
        "codes": ["free", "peer-led", "mode-phone", "neutral-caller-name", "outreach-none"],
        "verified": "2026-09-15",
    },
    "alamosa-noon": {
        "name": "Alamosa Lunchtime Support Group",
        "kinds": ["Support Groups"],
        "site": "alamosa",
        "hours": [("MO,WE,FR", "12:00", "13:00")],
        "languages": ["en"],
        "codes": ["free", "mode-in-person"],
        "verified": "2026-06-01",
    },
    "center-daytime": {
        "name": "Center Community House Drop-In",
        "kinds": ["Community Support Services"],
        "site": "center",
        "hours": [("MO,TU,WE,TH,FR", "09:00", "17:00")],
        "languages": ["es", "en"],
        "codes": ["free", "mode-in-person"],
        "verified": "2026-08-01",
    },
    "montevista-evening": {
        "name": "Monte Vista Evening Circle",
        "kinds": ["Support Groups"],
        "site": "montevista",
        "hours": [("WE", "19:30", "21:00")],
        "languages": ["es"],
        "codes": ["free", "mode-in-person"],
        "verified": "2026-07-01",
    },
    "video-valle": {
        "name": "Valle Video Peer Group",
        "kinds": ["Virtual Support", "Peer Support"],
        "hours": [("MO", "20:00", "21:30")],
        "languages": ["es"],
        "codes": ["free", "peer-led", "mode-video"],
        "verified": "2026-09-01",
    },
    "center-paid": {
        "name": "Center Evening Wellness Group",
        "kinds": ["Support Groups"],
        "site": "center",
        "hours": [("WE", "19:30", "21:00")],
        "languages": ["es", "en"],
        "fee": 40,
        "codes": ["mode-in-person"],
        "verified": "2026-09-01",
    },
    # --- Twin Cities: faith, discretion, family, youth ------------------------------------
    "quiet-room": {
        "name": "The Quiet Room",
        "kinds": ["Spiritual Support"],
        "site": "cedar",
        "hours": [("TH", "18:30", "20:30"), ("SU", "14:00", "16:00")],
        "languages": ["so", "ar", "en"],
        "codes": [
            "free",
            "no-mail",
            "neutral-caller-name",
            "outreach-phone-call",
            "unmarked-site",
            "mode-in-person",
            "mode-phone",
        ],
        "valued": [("faith-tradition", "islam"), ("cultural-focus", "somali")],
        "verified": "2026-10-20",
    },
    "parish-calls": {
        "name": "Parish Care Calls",
        "kinds": ["Spiritual Support"],
        "site": "north",
        "hours": [("SU", "10:00", "12:00")],
        "languages": ["en"],
        "codes": ["free", "outreach-voicemail", "outreach-mail", "mode-in-person", "mode-phone"],
        "valued": [("faith-tradition", "catholic")],
        "verified": "2026-05-01",
    },
    "grace-grief": {
        "name": "Grace Grief Group",
        "kinds": ["Spiritual Support", "Support Groups"],
        "site": "north",
        "hours": [("TH", "19:00", "20:30")],
        "languages": ["en"],
        "codes": ["free", "mode-in-person"],
        "valued": [("faith-tradition", "lutheran")],
        "verified": "2025-06-05",
    },
    "viet-family": {
        "name": "Vietnamese Family Evenings",
        "kinds": ["support-family", "Community Support Services"],
        "site": "frogtown",
        "hours": [("FR", "18:00", "21:00"), ("SA", "10:00", "13:00")],
        "languages": ["vi", "en"],
        "codes": ["free", "mode-in-person"],
        "valued": [("cultural-focus", "vietnamese")],
        "verified": "2026-09-20",
    },
    "family-resource": {
        "name": "Family Resource Centre",
        "kinds": ["Community Support Services", "support-family"],
        "site": "frogtown",
        "hours": [("MO,TU,WE,TH,FR", "09:00", "18:00")],
        "languages": ["en"],
        "codes": ["free", "mode-in-person", "interpretation-phone"],
        "verified": "2026-03-01",
    },
    "family-circle": {
        "name": "Family Circle",
        "kinds": ["support-family"],
        "site": "frogtown",
        "hours": [("TU", "18:00", "20:00")],
        "languages": ["en"],
        "codes": ["free", "mode-in-person"],
        "verified": "2026-08-01",
    },
    "youth-dropin": {
        "name": "Youth and Family Drop-In",
        "kinds": ["Community Support Services"],
        "site": "frogtown",
        "hours": [("FR", "16:00", "19:00")],
        "languages": ["vi", "en"],
        "codes": ["free", "mode-in-person"],
        "ages": (14, 24),
        "verified": "2026-08-01",
    },
    "rainbow-online": {
        "name": "Rainbow Youth Online",
        "kinds": ["Virtual Support", "Peer Support"],
        "hours": [("MO,TU,WE,TH,FR,SA,SU", "15:00", "22:00")],
        "languages": ["en", "es"],
        "codes": [
            "free",
            "peer-led",
            "mode-text",
            "mode-video",
            "no-mail",
            "client-initiates-contact",
            "neutral-caller-name",
            "outreach-none",
            "population-lgbtq",
        ],
        "ages": (13, 24),
        "verified": "2026-11-10",
    },
    "family-peer": {
        "name": "Family Peer Programme",
        "kinds": ["Peer Support", "support-family"],
        "hours": [("WE", "18:00", "19:30")],
        "languages": ["en"],
        "codes": ["free", "peer-led", "mode-video", "outreach-mail", "outreach-phone-call"],
        "verified": "2026-09-01",
    },
    "teen-group": {
        "name": "Northside Teen Group",
        "kinds": ["Support Groups"],
        "site": "north",
        "hours": [("TU", "16:00", "18:00")],
        "languages": ["en"],
        "codes": ["free", "peer-led", "mode-in-person"],
        "ages": (13, 19),
        "verified": "2026-10-01",
    },
    "adults-online": {
        "name": "Adults Online Peer Forum",
        "kinds": ["Virtual Support"],
        "languages": ["en"],
        "codes": ["free", "peer-led", "mode-text", "outreach-none"],
        "ages": (25, None),
        "verified": "2026-10-01",
    },
    "healer-intro": {
        "name": "Traditional Healer Introductions",
        "kinds": ["support-traditional-healer"],
        "site": "frogtown",
        "hours": [("SA", "09:00", "15:00")],
        "languages": ["hmn"],
        "fee": 20,
        "codes": ["mode-in-person", "client-initiates-contact"],
        "valued": [("cultural-focus", "hmong")],
        "verified": "2026-06-30",
    },
}


def _term(code: str, taxonomy: str) -> dict[str, Any]:
    own = taxonomy == DIRECTORY_TAXONOMY
    return {
        "id": f"term-{code.lower().replace(' ', '-')}",
        "code": code if own else None,
        "name": code.replace("-", " ") if own else code,
        "taxonomy": taxonomy,
    }


def _attribute(owner: str, index: int, code: str, value: str | None = None) -> dict[str, Any]:
    own = code.islower() and " " not in code
    attribute = {
        "id": f"{owner}-attribute-{index}",
        "link_id": owner,
        "link_type": "eligibility" if code.startswith("gender-") else "service",
        "link_entity": "service",
        "taxonomy_term": _term(code, DIRECTORY_TAXONOMY if own else OPEN_ELIGIBILITY),
    }
    if value is not None:
        attribute["value"] = value
    return attribute


def _location(key: str) -> dict[str, Any]:
    name, latitude, longitude, city, state, postal = SITES[key]
    return {
        "id": f"location-{key}",
        "location_type": "physical",
        "name": name,
        "latitude": latitude,
        "longitude": longitude,
        "addresses": [
            {
                "id": f"address-{key}",
                "address_1": "1 Main St",
                "city": city,
                "state_province": state,
                "postal_code": postal,
                "country": "US",
                "address_type": "physical",
            }
        ],
    }


def service(key: str, spec: dict[str, Any]) -> dict[str, Any]:
    """One service in the nested shape of the HSDS 3.0 ``service`` schema."""
    terms = [*spec["kinds"], *spec.get("codes", [])]
    attributes = [_attribute(key, i, code) for i, code in enumerate(terms)]
    attributes += [
        _attribute(key, len(terms) + i, code, value)
        for i, (code, value) in enumerate(spec.get("valued", []))
    ]
    raw: dict[str, Any] = {
        "id": key,
        "name": spec["name"],
        "status": "active",
        "assured_date": spec["verified"],
        "organization": {"id": f"org-{key}", "name": f"{spec['name']} (organisation)"},
        "languages": [
            {"id": f"{key}-language-{tag}", "code": tag} for tag in spec.get("languages", [])
        ],
        "schedules": [
            {
                "id": f"{key}-schedule-{i}",
                "freq": "WEEKLY",
                "byday": days,
                "opens_at": opens,
                "closes_at": closes,
            }
            for i, (days, opens, closes) in enumerate(spec.get("hours", []))
        ],
        "cost_options": [{"id": f"{key}-cost", "currency": "USD", "amount": spec.get("fee", 0)}],
        "attributes": attributes,
    }
    if "site" in spec:
        raw["service_at_locations"] = [
            {"id": f"{key}-at-{spec['site']}", "location": _location(spec["site"])}
        ]
    low, high = spec.get("ages", (None, None))
    if low is not None:
        raw["minimum_age"] = low
    if high is not None:
        raw["maximum_age"] = high
    return raw


def document() -> list[dict[str, Any]]:
    """The whole directory, as the JSON file holds it."""
    return [service(key, spec) for key, spec in SERVICES.items()]


def text() -> str:
    """The file's exact text."""
    return json.dumps(document(), indent=1, ensure_ascii=False) + "\n"


if __name__ == "__main__":
    FILE.write_text(text(), encoding="utf-8")
