"""Generate many HSDS 3.0 services for benchmarks, from the example directory's 64 as templates.

Each generated service is a copy of an example service (so every shape the reader handles
appears: nested organisation, sites, schedules, languages, attributes, areas) with its own
ids, its sites moved to one of several US towns, and its verification date spread over two
years. Deterministic for a seed.
"""

import copy
import json
import random
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
TEMPLATES = ROOT / "examples" / "directory" / "hsds" / "services.json"

#: Towns the sites are spread over (latitude, longitude, a postal code there).
TOWNS = (
    (44.97, -93.26, "55404"), (34.05, -118.25, "90012"), (37.47, -105.87, "81101"),
    (35.68, -109.05, "86515"), (29.42, -98.49, "78205"), (41.88, -87.63, "60601"),
    (47.61, -122.33, "98101"), (39.74, -104.99, "80202"), (33.45, -112.07, "85004"),
    (40.71, -74.01, "10007"), (25.76, -80.19, "33130"), (42.36, -71.06, "02108"),
    (36.17, -115.14, "89101"), (32.72, -117.16, "92101"), (45.52, -122.68, "97204"),
    (35.08, -106.65, "87102"), (38.58, -121.49, "95814"), (30.27, -97.74, "78701"),
)  # fmt: skip


def templates() -> list[dict[str, Any]]:
    """The example directory's services."""
    loaded: list[dict[str, Any]] = json.loads(TEMPLATES.read_text(encoding="utf-8"))
    return loaded


def generate(count: int, *, seed: int = 11, start: int = 0) -> list[dict[str, Any]]:
    """``count`` HSDS service objects, numbered from ``start`` (ids stay unique across calls)."""
    rng = random.Random(seed)
    base = templates()
    today = date(2026, 11, 24)
    services = []
    for number in range(start, start + count):
        service = copy.deepcopy(base[number % len(base)])
        suffix = f"-{number}"
        service["id"] += suffix
        service["name"] = f"{service['name']} #{number}"
        service["assured_date"] = (today - timedelta(days=rng.randrange(0, 730))).isoformat()
        organization = service["organization"]
        organization["id"] += f"-{number // 5}"
        lat, lon, postal = rng.choice(TOWNS)
        for at in service.get("service_at_locations", []):
            location = at["location"]
            location["id"] += suffix
            if "latitude" in location:
                location["latitude"] = round(lat + rng.uniform(-0.4, 0.4), 5)
                location["longitude"] = round(lon + rng.uniform(-0.4, 0.4), 5)
            for address in location.get("addresses", []):
                address["postal_code"] = postal
        services.append(service)
    return services
