"""One FHIR HealthcareService (Human Services Directory IG) -> :class:`Service`.

A HealthcareService needs an ``id``, a ``name``, ``active`` and a ``providedBy`` that names
its Organization (the resource itself, or at least a reference with a display name);
otherwise it is skipped and reported. Its Locations are looked up among the resources read
with it (a search with ``_include=HealthcareService:location`` brings them along); a location
reference that finds nothing is reported. Which element we read, and which we skip, is listed
in docs/directory.md.
"""

import base64
import binascii
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from commcare_ext.directory._problems import Problems, SkipRecord
from commcare_ext.directory._values import BadValueError, Canon, instant, text
from commcare_ext.directory.attributes import CodedFacts, normalise_postal_code
from commcare_ext.directory.fhir_parts import (
    ATTRIBUTE_EXTENSION,
    LAST_VERIFIED_EXTENSION,
    SERVICE_PROVISION,
    TIMEZONE_EXTENSION,
    ResourceIndex,
    codings,
    extensions,
    read_available_time,
    read_communication,
    read_fhir_location,
)
from commcare_ext.directory.geometry import Extent, ExtentError, read_geojson
from commcare_ext.directory.hsds_access import language_access
from commcare_ext.directory.model import (
    Contact,
    Cost,
    Eligibility,
    Location,
    Organization,
    Service,
    ServiceArea,
)
from commcare_ext.directory.taxonomy import TaxonomyMapping, TaxonomyTerm, normalise_term
from commcare_ext.directory.vocabulary import (
    DIRECTORY_TAXONOMY,
    Flag,
    ServiceMode,
    ServiceStatus,
)

#: FHIR core extension on Location: its boundary as GeoJSON (an Attachment).
BOUNDARY_GEOJSON_EXTENSION = "http://hl7.org/fhir/StructureDefinition/location-boundary-geojson"
_INTERPRETATION_CHARACTERISTIC = (
    "http://hl7.org/fhir/us/hsds/CodeSystem/HumanServiceCharacteristicCS",
    "Interpret",
)


class FhirServiceReader:
    """Reads the HealthcareServices of one load against the resources read with them."""

    def __init__(
        self, index: ResourceIndex, mapping: TaxonomyMapping, problems: Problems, today: date
    ) -> None:
        self.index = index
        self.mapping = mapping
        self.problems = problems
        self.today = today
        self._organizations: dict[str, Organization] = {}
        self._locations: dict[str, Location | None] = {}
        self.canon = Canon()

    def read(self, resource: Mapping[str, Any]) -> Service | None:
        """The service, or None after reporting why it was skipped."""
        service_id = text(resource, "id")
        self.problems.service_id = service_id
        try:
            return self._service(resource, service_id)
        except SkipRecord as skip:
            self.problems.skipped(
                "HealthcareService", service_id, skip.field, skip.message, skip.terms
            )
            return None

    def _service(self, resource: Mapping[str, Any], service_id: str | None) -> Service:
        if service_id is None:
            raise SkipRecord("id", "expected an id")
        name = text(resource, "name")
        if name is None:
            raise SkipRecord("name", "expected the service's name")
        active = resource.get("active")
        if not isinstance(active, bool):
            raise SkipRecord("active", "expected true or false")
        organization = self._organization(resource.get("providedBy"))
        facts, terms = CodedFacts(), list[TaxonomyTerm]()
        for element in ("category", "type", "specialty"):
            for concept in _concepts(resource, element):
                self._concept(concept, facts, terms, element, eligibility=False)
        for concept in _concepts(resource, "characteristic"):
            self._characteristic(concept, facts)
        for entry in _objects(resource, "eligibility"):
            if isinstance(entry.get("code"), Mapping):
                self._concept(entry["code"], facts, terms, "eligibility.code", eligibility=True)
        self._attribute_extensions(resource, facts)
        languages: set[str] = set()
        read_communication(_concepts(resource, "communication"), languages, self.problems)
        locations = self._locations_of(resource, facts)
        support_types, unmapped = facts.kinds_of_help(self.mapping, terms)
        if not support_types and not facts.crisis:
            self.problems.warning(
                "HealthcareService",
                service_id,
                "category/type",
                "no coding maps to a kind of help the intake knows; add a mapping",
                tuple(str(t) for t in unmapped),
            )
        schedule = read_available_time(
            _objects(resource, "availableTime"), self.problems, facts.time_zone
        )
        modes = frozenset(facts.modes)
        if not modes and locations:
            modes = frozenset({ServiceMode.IN_PERSON})
        comments = [c for c in (text(resource, "comment"), text(resource, "extraDetails")) if c]
        canon = self.canon
        return Service(
            id=service_id,
            name=name,
            organization=organization,
            support_types=canon(support_types),
            crisis=canon(frozenset(facts.crisis)),
            description="\n".join(comments) or None,
            status=ServiceStatus.ACTIVE if active else ServiceStatus.INACTIVE,
            taxonomy_terms=canon(tuple(terms)),
            unmapped_terms=canon(unmapped),
            locations=locations,
            service_area=canon(self._area(resource, facts)),
            schedule=canon(schedule),
            languages=canon(
                language_access(
                    languages,
                    frozenset(facts.interpretation),
                    self._interpretation_note(resource),
                )
            ),
            cost=canon(self._cost(resource, facts)),
            eligibility=canon(self._eligibility(resource, facts)),
            modes=canon(modes),
            cultural_fit=canon(facts.cultural_fit()),
            peer_led=facts.flag(Flag.PEER_LED),
            discretion=canon(facts.discretion()),
            capacity=canon(facts.capacity(None)),
            contact=self._contact(resource, facts),
            last_verified=self._verified(resource, service_id),
            last_updated=self._last_updated(resource, "HealthcareService", service_id),
        )

    def _eligibility(self, resource: Mapping[str, Any], facts: CodedFacts) -> Eligibility:
        comments = [c for e in _objects(resource, "eligibility") if (c := text(e, "comment"))]
        return Eligibility(
            facts.minimum_age,
            facts.maximum_age,
            frozenset(facts.genders),
            frozenset(facts.populations_required),
            "\n".join(comments) or None,
            tuple(dict.fromkeys(facts.unread_eligibility)),
            frozenset(facts.faiths_required),
        )

    def _organization(self, reference: Any) -> Organization:
        if not isinstance(reference, Mapping):
            raise SkipRecord("providedBy", "expected a reference to the Organization")
        found = self.index.resolve(reference, "Organization")
        key = self.index.key(reference, "Organization")
        if key is None and found is None:
            raise SkipRecord("providedBy", "expected a reference to an Organization")
        org_id = (text(found, "id") if found else None) or (key or "").split("/")[-1]
        if org_id in self._organizations:
            return self._organizations[org_id]
        if found is None:
            display = text(reference, "display")
            if display is None:
                raise SkipRecord("providedBy", "the Organization is not among the resources read")
            organization = Organization(org_id, display)
        else:
            name = text(found, "name")
            if name is None:
                raise SkipRecord("providedBy", "the Organization has no name")
            telecom = _telecom(found)
            organization = Organization(
                org_id,
                name,
                _description(found),
                telecom.get("url"),
                telecom.get("email"),
                telecom.get("phone"),
                self._last_updated(found, "Organization", org_id),
            )
        self._organizations[org_id] = organization
        return organization

    def _concept(
        self,
        concept: Mapping[str, Any],
        facts: CodedFacts,
        terms: list[TaxonomyTerm],
        element: str,
        *,
        eligibility: bool,
    ) -> None:
        label = text(concept, "text")
        found = codings(concept)
        link = "eligibility" if eligibility else None
        if not found and label is not None:
            terms.append(TaxonomyTerm(label, link_type=link))
        for coding in found:
            system, code = text(coding, "system"), text(coding, "code")
            if system == DIRECTORY_TAXONOMY and code is not None:
                if (why := facts.add(code, None, eligibility=eligibility)) is not None:
                    self.problems.skipped("coding", code, f"{element}.{why[0]}", why[1])
                continue
            name = text(coding, "display") or label or code
            if name is not None:
                terms.append(TaxonomyTerm(name, code, system, link))

    def _characteristic(self, concept: Mapping[str, Any], facts: CodedFacts) -> None:
        for coding in codings(concept):
            system, code = text(coding, "system"), text(coding, "code")
            why = facts.add(code, None) if system == DIRECTORY_TAXONOMY and code else None
            if why is not None:
                self.problems.skipped("coding", code, f"characteristic.{why[0]}", why[1])

    def _attribute_extensions(self, resource: Mapping[str, Any], facts: CodedFacts) -> None:
        for extension in extensions(resource, ATTRIBUTE_EXTENSION):
            parts = {text(e, "url"): e for e in _objects(extension, "extension")}
            code = text(parts.get("code", {}), "valueCode")
            value = text(parts.get("value", {}), "valueString")
            if code is None:
                self.problems.skipped("extension", None, "directory-attribute.code", "missing")
            elif (why := facts.add(code, value)) is not None:
                self.problems.skipped("extension", code, f"directory-attribute.{why[0]}", why[1])

    def _locations_of(self, resource: Mapping[str, Any], facts: CodedFacts) -> tuple[Location, ...]:
        found: dict[str, Location] = {}
        for reference in _objects(resource, "location"):
            key = self.index.key(reference, "Location")
            target = self.index.resolve(reference, "Location")
            if target is None:
                message = "not among the resources read (_include=HealthcareService:location)"
                self.problems.skipped("Location", key, "HealthcareService.location", message)
                continue
            location_id = text(target, "id") or key or ""
            if location_id not in self._locations:
                self._locations[location_id] = read_fhir_location(target, self.problems)
            location = self._locations[location_id]
            if location is not None:
                found[location.id] = location
            zone = next(
                (text(e, "valueCode") for e in extensions(target, TIMEZONE_EXTENSION)), None
            )
            facts.time_zone = facts.time_zone or zone
        return tuple(found.values())

    def _area(self, resource: Mapping[str, Any], facts: CodedFacts) -> ServiceArea:
        postal = set(facts.postal_codes)
        regions: set[str] = set()
        descriptions: list[str] = []
        extents: list[Extent] = []
        unread = 0
        for reference in _objects(resource, "coverageArea"):
            target = self.index.resolve(reference, "Location")
            display = text(reference, "display")
            if target is not None:
                address = target.get("address")
                if isinstance(address, Mapping) and (code := text(address, "postalCode")):
                    postal.add(normalise_postal_code(code))
                display = display or text(target, "name")
                for boundary in extensions(target, BOUNDARY_GEOJSON_EXTENSION):
                    try:
                        extents.extend(read_geojson(_attachment_text(boundary)))
                    except ExtentError as bad:
                        unread += 1
                        self.problems.warning(
                            "Location", text(target, "id"), "location-boundary-geojson", str(bad)
                        )
            if display is not None:
                regions.add(normalise_term(display))
                descriptions.append(display)
        return ServiceArea(
            frozenset(postal), frozenset(regions), tuple(descriptions), tuple(extents), unread
        )

    def _cost(self, resource: Mapping[str, Any], facts: CodedFacts) -> Cost:
        provision = {
            text(c, "code")
            for concept in _concepts(resource, "serviceProvisionCode")
            for c in codings(concept)
            if text(c, "system") == SERVICE_PROVISION
        }
        free = facts.flag(Flag.FREE)
        if free is None and provision & {"free", "cost"}:
            free = "free" in provision
        sliding = bool(facts.flag(Flag.SLIDING_SCALE)) or "disc" in provision
        return Cost(free, sliding, frozenset(facts.insurance))

    def _interpretation_note(self, resource: Mapping[str, Any]) -> str | None:
        notes = []
        for concept in _concepts(resource, "characteristic"):
            pairs = {(text(c, "system"), text(c, "code")) for c in codings(concept)}
            if _INTERPRETATION_CHARACTERISTIC in pairs:
                notes.append(text(concept, "text") or "Interpretation Services")
            elif not codings(concept) and (label := text(concept, "text")):
                notes.append(label)
        return "\n".join(notes) or None

    def _contact(self, resource: Mapping[str, Any], facts: CodedFacts) -> Contact:
        telecom = _telecom(resource)
        endpoint = facts.referral_endpoint
        for reference in _objects(resource, "endpoint"):
            target = self.index.resolve(reference, "Endpoint")
            if endpoint is None and target is not None:
                endpoint = text(target, "address")
        return Contact(
            telecom.get("phone"),
            telecom.get("email"),
            telecom.get("url"),
            endpoint,
            facts.flag(Flag.SELF_REFERRAL),
        )

    def _last_updated(
        self, resource: Mapping[str, Any], resource_type: str, resource_id: str
    ) -> datetime | None:
        """``meta.lastUpdated``, the directory server's own timestamp; a bad one is reported."""
        meta = resource.get("meta")
        if not isinstance(meta, Mapping):
            return None
        try:
            return instant(meta, "lastUpdated")
        except BadValueError as bad:
            self.problems.warning(resource_type, resource_id, "meta.lastUpdated", bad.message)
            return None

    def _verified(self, resource: Mapping[str, Any], service_id: str) -> date | None:
        for extension in extensions(resource, LAST_VERIFIED_EXTENSION):
            value = text(extension, "valueDate") or text(extension, "valueDateTime")
            try:
                return date.fromisoformat((value or "")[:10])
            except ValueError:
                self.problems.warning(
                    "HealthcareService", service_id, "extension(last-verified)", "expected a date"
                )
        return None


def _attachment_text(extension: Mapping[str, Any]) -> str:
    """The GeoJSON of a location-boundary-geojson extension (base64 ``valueAttachment.data``)."""
    attachment = extension.get("valueAttachment")
    data = attachment.get("data") if isinstance(attachment, Mapping) else None
    if not isinstance(data, str):
        msg = "expected valueAttachment.data (base64 GeoJSON)"
        raise ExtentError(msg)
    try:
        return base64.b64decode(data, validate=True).decode("utf-8")
    except (binascii.Error, UnicodeDecodeError):
        msg = "expected base64 UTF-8 GeoJSON in valueAttachment.data"
        raise ExtentError(msg) from None


def _objects(resource: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = resource.get(key)
    return [v for v in value if isinstance(v, Mapping)] if isinstance(value, list) else []


def _concepts(resource: Mapping[str, Any], key: str) -> list[Mapping[str, Any]]:
    value = resource.get(key)
    if isinstance(value, Mapping):
        return [value]
    return _objects(resource, key)


def _telecom(resource: Mapping[str, Any]) -> dict[str, str]:
    found: dict[str, str] = {}
    for point in _objects(resource, "telecom"):
        system, value = text(point, "system"), text(point, "value")
        if system and value:
            found.setdefault(system, value)
    return found


def _description(organization: Mapping[str, Any]) -> str | None:
    for extension in _objects(organization, "extension"):
        if str(extension.get("url", "")).endswith("/org-description"):
            return text(extension, "valueString")
    return None
