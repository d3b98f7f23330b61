"""Parts of the FHIR Human Services Directory reader: references, Locations, hours, languages.

Internal to :mod:`.fhir_reader` and :mod:`.fhir_service`; each function reads one element,
reports what it cannot use, and returns what it could read.
"""

import re
from collections.abc import Iterable, Mapping
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import BadValueError, number, text
from commcare_ext.directory.attributes import CodedFacts, normalise_postal_code
from commcare_ext.directory.languages import language_tag
from commcare_ext.directory.model import Address, Location
from commcare_ext.directory.schedule import MINUTES_PER_DAY, Session, WeeklySchedule
from commcare_ext.directory.vocabulary import DIRECTORY_TAXONOMY, AccessibilityFeature, Weekday
from commcare_ext.fhir import BCP47_SYSTEM
from commcare_ext.fhir.own_extensions import (
    DIRECTORY_ATTRIBUTE_EXTENSION,
    DIRECTORY_LAST_VERIFIED_EXTENSION,
)
from commcare_ext.primitives import ID

#: Our extensions (HealthcareService), published as
#: StructureDefinitions in our FHIR package.
LAST_VERIFIED_EXTENSION = DIRECTORY_LAST_VERIFIED_EXTENSION
ATTRIBUTE_EXTENSION = DIRECTORY_ATTRIBUTE_EXTENSION
#: FHIR extensions pack: the IANA time zone of a Location.
TIMEZONE_EXTENSION = "http://hl7.org/fhir/StructureDefinition/timezone"
#: Da Vinci Plan-Net accessibility extension on Location (used by the HSDS IG) and its codes.
PLAN_NET_ACCESSIBILITY = (
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/StructureDefinition/accessibility"
)
PLAN_NET_ACCESSIBILITY_CODES = (
    "http://hl7.org/fhir/us/davinci-pdex-plan-net/CodeSystem/AccessibilityCS"
)
#: HL7 terminology: service provision conditions (free, disc, cost).
SERVICE_PROVISION = "http://terminology.hl7.org/CodeSystem/service-provision-conditions"

_PLAN_NET_FEATURES = {
    "handiaccess": AccessibilityFeature.WHEELCHAIR,
    "adacomp": AccessibilityFeature.WHEELCHAIR,
    "pubtrans": AccessibilityFeature.PUBLIC_TRANSIT_NEARBY,
}
_DAYS = {"mon": 0, "tue": 1, "wed": 2, "thu": 3, "fri": 4, "sat": 5, "sun": 6}
_TIME = re.compile(r"^([01]\d|2[0-3]):([0-5]\d)(?::([0-5]\d)(?:\.\d+)?)?$")
_ABSOLUTE = re.compile(rf"^(?:https?://\S+/)?([A-Za-z]+)/({ID})(?:/_history/\S+)?$")


def codings(concept: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    """The Codings of a CodeableConcept (malformed entries left out)."""
    value = concept.get("coding")
    return [c for c in value if isinstance(c, Mapping)] if isinstance(value, list) else []


def extensions(resource: Mapping[str, Any], url: str) -> list[Mapping[str, Any]]:
    """The extensions of ``resource`` with ``url``."""
    value = resource.get("extension")
    if not isinstance(value, list):
        return []
    return [e for e in value if isinstance(e, Mapping) and e.get("url") == url]


class ResourceIndex:
    """Resources by ``Type/id`` and by Bundle ``fullUrl``, to resolve references."""

    def __init__(self) -> None:
        self._by_key: dict[str, Mapping[str, Any]] = {}
        self._by_url: dict[str, Mapping[str, Any]] = {}

    def add(self, resource: Mapping[str, Any], full_url: str | None = None) -> None:
        """Index one resource (the first of two with the same identity wins)."""
        kind, resource_id = text(resource, "resourceType"), text(resource, "id")
        if kind and resource_id:
            self._by_key.setdefault(f"{kind}/{resource_id}", resource)
        if full_url:
            self._by_url.setdefault(full_url, resource)

    @staticmethod
    def key(reference: Mapping[str, Any], expected: str) -> str | None:
        """``Type/id`` of a reference (relative, absolute or versioned), else its text."""
        value = text(reference, "reference")
        if value is None:
            return None
        match = _ABSOLUTE.match(value)
        if match and match[1] == expected:
            return f"{match[1]}/{match[2]}"
        return value

    def resolve(self, reference: Mapping[str, Any], expected: str) -> Mapping[str, Any] | None:
        """The resource a reference points at, when it was read and has the expected type."""
        value = text(reference, "reference")
        if value is None:
            return None
        found = self._by_url.get(value)
        if found is None and (key := self.key(reference, expected)) is not None:
            found = self._by_key.get(key)
        if found is not None and found.get("resourceType") != expected:
            return None
        return found


def read_fhir_location(resource: Mapping[str, Any], problems: Problems) -> Location | None:
    """A Location; None (reported) when it has no id or is not active."""
    location_id = text(resource, "id")
    if location_id is None:
        problems.skipped("Location", None, "id", "expected an id")
        return None
    if text(resource, "status") not in (None, "active"):
        problems.skipped("Location", location_id, "status", "the location is not active")
        return None
    latitude = longitude = None
    position = resource.get("position")
    if isinstance(position, Mapping):
        try:
            latitude, longitude = number(position, "latitude"), number(position, "longitude")
        except BadValueError as bad:
            problems.warning("Location", location_id, "position", bad.message)
        if (
            latitude is None
            or longitude is None
            or not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
        ):
            if latitude is not None or longitude is not None:
                problems.warning(
                    "Location", location_id, "position", "expected latitude and longitude"
                )
            latitude = longitude = None
    facts = CodedFacts()
    for extension in extensions(resource, PLAN_NET_ACCESSIBILITY):
        concept = extension.get("valueCodeableConcept")
        for coding in codings(concept) if isinstance(concept, Mapping) else []:
            system, code = text(coding, "system"), text(coding, "code") or ""
            if system == PLAN_NET_ACCESSIBILITY_CODES and code in _PLAN_NET_FEATURES:
                facts.accessibility.add(_PLAN_NET_FEATURES[code])
            elif system == DIRECTORY_TAXONOMY and facts.add(code, None) is None:
                continue
            else:
                message = f"code '{code}' is not one we read"
                problems.warning("Location", location_id, "extension(accessibility)", message)
    return Location(
        location_id,
        text(resource, "name"),
        latitude,
        longitude,
        _address(resource.get("address")),
        frozenset(facts.accessibility),
        tuple(d for d in (text(resource, "description"),) if d),
    )


def _address(address: Any) -> Address | None:
    if not isinstance(address, Mapping):
        return None
    lines = address.get("line")
    postal = text(address, "postalCode")
    return Address(
        tuple(str(line) for line in lines) if isinstance(lines, list) else (),
        text(address, "city"),
        text(address, "state"),
        normalise_postal_code(postal) if postal else None,
        text(address, "country"),
    )


def _minute(value: Any) -> int | None:
    if not isinstance(value, str) or not (match := _TIME.match(value)):
        return None
    minute = int(match[1]) * 60 + int(match[2])
    # FHIR time cannot say 24:00; 23:59(:59) closes at midnight.
    return MINUTES_PER_DAY if minute == MINUTES_PER_DAY - 1 else minute


def read_available_time(
    entries: Iterable[Mapping[str, Any]], problems: Problems, time_zone: str | None
) -> WeeklySchedule | None:
    """``availableTime`` entries as a weekly schedule; unreadable entries are reported."""
    sessions: list[Session] = []
    for index, entry in enumerate(entries):
        days = entry.get("daysOfWeek")
        record = f"availableTime[{index}]"
        if (
            not isinstance(days, list)
            or not days
            or not all(isinstance(d, str) and d in _DAYS for d in days)
        ):
            problems.skipped("availableTime", record, "daysOfWeek", "expected mon ... sun")
            continue
        opens: int | None = 0
        closes: int | None = MINUTES_PER_DAY
        if entry.get("allDay") is not True:
            opens = _minute(entry.get("availableStartTime"))
            closes = _minute(entry.get("availableEndTime"))
        if opens is None or closes is None or opens == closes:
            message = "expected two different times as HH:MM:SS"
            problems.skipped("availableTime", record, "availableStartTime", message)
            continue
        sessions.extend(Session(Weekday(_DAYS[d]), opens, closes) for d in days)
    return WeeklySchedule.of(sessions, time_zone=time_zone) if sessions else None


def read_communication(
    concepts: Iterable[Mapping[str, Any]], into: set[str], problems: Problems
) -> None:
    """``communication`` (BCP-47 codings, else a language name as text) into tags."""
    for concept in concepts:
        tag = None
        for coding in codings(concept):
            system = text(coding, "system") or ""
            if system == BCP47_SYSTEM or "639" in system:
                tag = language_tag(text(coding, "code"))
                if tag:
                    break
        if tag is None:
            tag = language_tag(None, text(concept, "text"))
        if tag is None:
            label = text(concept, "text") or "(no text)"
            message = "expected a BCP-47 coding (urn:ietf:bcp:47) or a known name"
            problems.skipped("language", label, "communication", message)
            continue
        into.add(tag)
