"""Parts of an HSDS 3.0 service: attributes, languages, locations (internal to the reader).

Each function reads one kind of nested record, reports the ones it cannot use (record type,
id and field) and returns what it could read.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import BadValueError, is_object, number, objects, text
from commcare_ext.directory.attributes import CodedFacts, normalise_postal_code
from commcare_ext.directory.hsds_access import accessibility_features
from commcare_ext.directory.languages import language_tag
from commcare_ext.directory.model import Address, Location
from commcare_ext.directory.taxonomy import TaxonomyTerm, normalise_taxonomy
from commcare_ext.directory.vocabulary import DIRECTORY_TAXONOMY

_OWN = normalise_taxonomy(DIRECTORY_TAXONOMY)


def record_id(raw: Mapping[str, Any]) -> str | None:
    """The record's ``id`` as text, or None."""
    return text(raw, "id")


#: The record type of the objects in each list field, for problems about one of them.
_ITEM_TYPE = {
    "attributes": "attribute", "languages": "language", "schedules": "schedule",
    "phones": "phone", "service_at_locations": "service_at_location",
    "service_areas": "service_area", "cost_options": "cost_option", "addresses": "address",
    "accessibility": "accessibility", "contacts": "contact",
}  # fmt: skip


def nested(
    raw: Mapping[str, Any], key: str, problems: Problems, record_type: str
) -> Sequence[Mapping[str, Any]]:
    """The objects of a list field of a ``record_type`` record.

    A field that is not a list is a warning on the record (kept without it); an entry that is
    not an object is a skipped record of the entry's own type.
    """
    try:
        items = objects(raw, key)
    except BadValueError as bad:
        problems.warning(record_type, record_id(raw), key, bad.message)
        return ()
    kept: list[Mapping[str, Any]] = []
    for index, item in enumerate(items):
        if is_object(item):
            kept.append(item)
        else:
            item_type = _ITEM_TYPE.get(key, key)
            problems.skipped(item_type, None, f"{record_type}.{key}[{index}]", "expected an object")
    return kept


def _taxonomy_names(term: Mapping[str, Any]) -> list[str]:
    names = [text(term, "taxonomy")]
    detail = term.get("taxonomy_detail")
    if is_object(detail):
        names += [text(detail, "uri"), text(detail, "name")]
    return [n for n in names if n]


def read_attributes(
    attributes: Sequence[Mapping[str, Any]],
    facts: CodedFacts,
    terms: list[TaxonomyTerm],
    problems: Problems,
) -> None:
    """Our taxonomy's terms into ``facts``; every other taxonomy's terms into ``terms``."""
    for attribute in attributes:
        attribute_id = record_id(attribute)
        term = attribute.get("taxonomy_term")
        if not is_object(term):
            problems.skipped("attribute", attribute_id, "taxonomy_term", "expected a term")
            continue
        names = _taxonomy_names(term)
        code, name = text(term, "code"), text(term, "name")
        if any(normalise_taxonomy(n) == _OWN for n in names):
            link_type = (text(attribute, "link_type") or "").lower()
            eligibility = link_type == "eligibility"
            why = facts.add(code or name or "", text(attribute, "value"), eligibility=eligibility)
            if why is not None:
                field, message = why
                problems.skipped("attribute", attribute_id, f"taxonomy_term.{field}", message)
            continue
        if name is None and code is None:
            problems.skipped("attribute", attribute_id, "taxonomy_term.name", "expected a name")
            continue
        link = (text(attribute, "link_type") or "").strip().lower() or None
        terms.append(TaxonomyTerm(name or code or "", code, names[0] if names else None, link))


def read_languages(
    records: Sequence[Mapping[str, Any]], into: set[str], problems: Problems
) -> None:
    """Language records (``code``, else ``name``) into BCP-47 tags."""
    for raw in records:
        tag = language_tag(text(raw, "code"), text(raw, "name"))
        if tag is None:
            field = "code" if text(raw, "code") else "name"
            problems.skipped(
                "language", record_id(raw), field, "expected an ISO 639 code (or a known name)"
            )
            continue
        into.add(tag)


def _address(records: Sequence[Mapping[str, Any]]) -> Address | None:
    if not records:
        return None
    chosen = next(
        (a for a in records if (text(a, "address_type") or "").lower() == "physical"), records[0]
    )
    lines = tuple(line for line in (text(chosen, "address_1"), text(chosen, "address_2")) if line)
    postal = text(chosen, "postal_code")
    return Address(
        lines,
        text(chosen, "city"),
        text(chosen, "state_province"),
        normalise_postal_code(postal) if postal else None,
        text(chosen, "country"),
    )


def _coordinates(raw: Mapping[str, Any], problems: Problems) -> tuple[float | None, float | None]:
    try:
        latitude, longitude = number(raw, "latitude"), number(raw, "longitude")
    except BadValueError as bad:
        problems.warning("location", record_id(raw), "latitude/longitude", bad.message)
        return None, None
    if (latitude is None) != (longitude is None):
        problems.warning("location", record_id(raw), "latitude/longitude", "expected both")
        return None, None
    if (
        latitude is not None
        and longitude is not None
        and not (-90 <= latitude <= 90 and -180 <= longitude <= 180)
    ):
        problems.warning(
            "location", record_id(raw), "latitude/longitude", "expected WGS84 degrees in range"
        )
        return None, None
    return latitude, longitude


def read_location(
    raw: Mapping[str, Any], facts: CodedFacts, languages: set[str], problems: Problems
) -> Location | None:
    """A physical location; None for a virtual or postal one (their facts still count)."""
    location_id = record_id(raw)
    if location_id is None:
        problems.skipped("location", None, "id", "expected an id")
        return None
    kind = (text(raw, "location_type") or "").lower()
    if kind not in ("physical", "virtual", "postal"):
        message = "expected physical, virtual or postal"
        problems.skipped("location", location_id, "location_type", message)
        return None
    read_languages(nested(raw, "languages", problems, "location"), languages, problems)
    site_facts = CodedFacts()
    terms: list[TaxonomyTerm] = []
    attributes = list(nested(raw, "attributes", problems, "location"))
    for access in nested(raw, "accessibility", problems, "location"):
        attributes.extend(nested(access, "attributes", problems, "accessibility"))
    read_attributes(attributes, site_facts, terms, problems)
    for term in terms:
        message = "only our directory taxonomy is read on a location"
        problems.skipped("attribute", location_id, "taxonomy_term", message, (str(term),))
    if kind != "physical":
        _fold(site_facts, facts)
        return None
    latitude, longitude = _coordinates(raw, problems)
    notes = tuple(
        note
        for access in nested(raw, "accessibility", problems, "location")
        for note in (text(access, "description"), text(access, "details"))
        if note
    )
    features = frozenset(site_facts.accessibility) | accessibility_features(notes)
    site_facts.accessibility.clear()
    _fold(site_facts, facts)
    return Location(
        location_id,
        text(raw, "name"),
        latitude,
        longitude,
        _address(nested(raw, "addresses", problems, "location")),
        features,
        notes,
        text(raw, "transportation"),
    )


def _fold(source: CodedFacts, into: CodedFacts) -> None:
    """Facts stated on a site that describe the service (modes, languages...) join it."""
    for name in CodedFacts.__slots__:
        value = getattr(source, name)
        if isinstance(value, (set, dict)):
            getattr(into, name).update(value)
        elif value is not None and getattr(into, name) is None:
            setattr(into, name, value)
