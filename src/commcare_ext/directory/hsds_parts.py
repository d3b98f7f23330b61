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
    value = raw.get(key)
    if value is None:
        return ()
    if type(value) is list and all(type(item) is dict for item in value):
        return value  # the common case, without copying: readers call this a lot
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


#: What one attribute means, by the raw values that decide it (see :func:`read_attributes`).
_Meaning = tuple[str, object, object, object]
_MEANINGS: dict[tuple[Any, ...], _Meaning] = {}
_MAX_MEANINGS = 50_000


def _meaning(attribute: Mapping[str, Any], term: Mapping[str, Any]) -> _Meaning:
    """("own", code, value, eligibility) | ("term", TaxonomyTerm, None, None) | ("bad", ...)."""
    names = _taxonomy_names(term)
    code, name = text(term, "code"), text(term, "name")
    link = (text(attribute, "link_type") or "").lower() or None
    if any(normalise_taxonomy(n) == _OWN for n in names):
        return ("own", code or name or "", text(attribute, "value"), link == "eligibility")
    if name is None and code is None:
        return ("bad", "taxonomy_term.name", "expected a name", None)
    return (
        "term",
        TaxonomyTerm(name or code or "", code, names[0] if names else None, link),
        None,
        None,
    )


def _key(attribute: Mapping[str, Any], term: Mapping[str, Any]) -> tuple[Any, ...] | None:
    """The raw values an attribute's meaning depends on, when they can key a cache."""
    detail = term.get("taxonomy_detail")
    key = (
        term.get("taxonomy"),
        term.get("code"),
        term.get("name"),
        attribute.get("link_type"),
        attribute.get("value"),
        (detail.get("uri"), detail.get("name")) if type(detail) is dict else detail,
    )
    try:
        hash(key)
    except TypeError:  # a list or object where text belongs: read it the slow way
        return None
    return key


def read_attributes(
    attributes: Sequence[Mapping[str, Any]],
    facts: CodedFacts,
    terms: list[TaxonomyTerm],
    problems: Problems,
) -> None:
    """Our taxonomy's terms into ``facts``; every other taxonomy's terms into ``terms``.

    Directories repeat the same terms on thousands of services, so what an attribute means
    is worked out once per distinct set of raw values (problems are still reported for each
    attribute that has them).
    """
    for attribute in attributes:
        term = attribute.get("taxonomy_term")
        if not is_object(term):
            problems.skipped("attribute", record_id(attribute), "taxonomy_term", "expected a term")
            continue
        key = _key(attribute, term)
        meaning = _MEANINGS.get(key) if key is not None else None
        if meaning is None:
            meaning = _meaning(attribute, term)
            if key is not None and len(_MEANINGS) < _MAX_MEANINGS:
                _MEANINGS[key] = meaning
        kind, first, second, third = meaning
        if kind == "term":
            terms.append(first)  # type: ignore[arg-type]
        elif kind == "own":
            why = facts.add(first, second, eligibility=bool(third))  # type: ignore[arg-type]
            if why is not None:
                field, message = why
                problems.skipped(
                    "attribute", record_id(attribute), f"taxonomy_term.{field}", message
                )
        else:
            problems.skipped("attribute", record_id(attribute), first, second)  # type: ignore[arg-type]


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
