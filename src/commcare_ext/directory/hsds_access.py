"""HSDS 3.0 fields about access: interpretation, attending, areas, costs, documents.

These fields are text in the standard (``interpretation_services``, ``attending_type``,
``service_area.extent``, ``cost_option.option``): we read from them only what their words or
format state plainly — the languages an interpretation offer names (by the language table of
:mod:`.languages`), "any language" only when it says so, the ways of attending named by their
usual words, GeoJSON shapes — and keep every text for a person to read. Internal to the reader.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from typing import Any

from commcare_ext.directory._problems import Problems
from commcare_ext.directory._values import BadValueError, iso_date, text
from commcare_ext.directory.geometry import Extent, ExtentError, read_geojson
from commcare_ext.directory.languages import languages_named
from commcare_ext.directory.model import LanguageAccess
from commcare_ext.directory.vocabulary import AccessibilityFeature, InterpretationMode, ServiceMode

_ANY = re.compile(r"\b(any|all|every)\s+(other\s+)?languages?\b|\bmost languages\b")
_NONE = re.compile(r"^\s*(no|none|not available|n/?a)\s*\.?\s*$")
_INTERPRETER_WAYS = (
    (re.compile(r"\b(tele)?phone\b|\bover the phone\b|\bline\b"), InterpretationMode.PHONE),
    (re.compile(r"\bvideo\b|\bvri\b"), InterpretationMode.VIDEO),
    (
        re.compile(r"\bin[- ]person\b|\bon[- ]?site\b|\bface[- ]to[- ]face\b"),
        InterpretationMode.IN_PERSON,
    ),
)
_ATTENDING_WAYS = (
    (
        re.compile(r"\bin[- ]person\b|\bvenue\b|\bface[- ]to[- ]face\b|\bon[- ]?site\b"),
        ServiceMode.IN_PERSON,
    ),
    (re.compile(r"\b(tele)?phone\b"), ServiceMode.PHONE),
    (re.compile(r"\bvideo\b|\bonline\b|\bvirtual(ly)?\b|\bremote(ly)?\b"), ServiceMode.VIDEO),
    (re.compile(r"\b(text|sms|chat)\b"), ServiceMode.TEXT),
)


_ACCESS_WORDS = (
    (re.compile(r"\bwheel ?chair|\bstep[- ]free\b|\bramps?\b|\belevator\b|\blift\b"),
     AccessibilityFeature.WHEELCHAIR),
    (re.compile(r"\bhearing loop|\binduction loop|\bt[- ]?coil\b|\bassistive listening"),
     AccessibilityFeature.HEARING_LOOP),
    (re.compile(r"\bsign language\b|\basl\b|\bbsl\b"), AccessibilityFeature.SIGN_LANGUAGE),
    (re.compile(r"\blarge print\b|\bbraille\b"), AccessibilityFeature.LARGE_PRINT_OR_BRAILLE),
    (re.compile(r"\baccessible (rest ?room|toilet|bathroom)"),
     AccessibilityFeature.ACCESSIBLE_RESTROOM),
)  # fmt: skip


def accessibility_features(notes: Sequence[str]) -> frozenset[AccessibilityFeature]:
    """Features HSDS ``accessibility.description``/``details`` name in their usual words."""
    return _features(" ".join(notes).lower()) if notes else frozenset()


@lru_cache(maxsize=4096)
def _features(lowered: str) -> frozenset[AccessibilityFeature]:
    """The features named in ``lowered``; sites repeat the same words, so this is cached."""
    return frozenset(feature for pattern, feature in _ACCESS_WORDS if pattern.search(lowered))


@dataclass(frozen=True, slots=True)
class Interpretation:
    """What ``interpretation_services`` offers: ways, languages (None: any), way unstated."""

    modes: frozenset[InterpretationMode]
    languages: frozenset[str] | None
    way_unstated: bool


@lru_cache(maxsize=4096)
def read_interpretation(note: str | None) -> Interpretation | None:
    """The offer in an ``interpretation_services`` text; None when there is none."""
    if note is None or _NONE.match(note.lower()):
        return None
    lowered = note.lower()
    modes = frozenset(mode for pattern, mode in _INTERPRETER_WAYS if pattern.search(lowered))
    named = languages_named(note)
    languages = None if _ANY.search(lowered) else named
    return Interpretation(modes, languages, not modes)


def language_access(
    languages: set[str], coded: frozenset[InterpretationMode], note: str | None
) -> LanguageAccess:
    """Staff languages and interpretation, from coded terms and an interpretation text.

    The text's languages win when it names any ("any" when it says so); a text naming none
    leaves our coded terms' "any language", and alone covers no language in particular.
    """
    offer = read_interpretation(note)
    interpretation = coded | (offer.modes if offer else frozenset())
    interpreted: frozenset[str] | None = None
    if offer is not None and (offer.languages is None or offer.languages):
        interpreted = offer.languages
    elif offer is not None and not coded:
        interpreted = frozenset()
    unstated = offer is not None and offer.way_unstated and not coded
    return LanguageAccess.of(languages, interpretation, note, interpreted, unstated)


def attending_modes(
    schedules: Sequence[Mapping[str, Any]], problems: Problems, service_id: str
) -> frozenset[ServiceMode]:
    """The ways of attending that ``schedules[].attending_type`` names (reports the rest)."""
    found: set[ServiceMode] = set()
    for schedule in schedules:
        words = text(schedule, "attending_type")
        if words is None:
            continue
        named = {mode for pattern, mode in _ATTENDING_WAYS if pattern.search(words.lower())}
        if not named:
            problems.warning(
                "schedule",
                text(schedule, "id") or service_id,
                "attending_type",
                "expected in person, phone, video/online or text/chat",
            )
        found |= named
    return frozenset(found)


def read_extents(
    areas: Sequence[Mapping[str, Any]], problems: Problems
) -> tuple[tuple[Extent, ...], int]:
    """The shapes of ``service_areas[].extent``, and how many extents could not be tested."""
    extents: list[Extent] = []
    unread = 0
    for area in areas:
        extent = text(area, "extent")
        if extent is None:
            continue
        kind = (text(area, "extent_type") or "").lower()
        if kind != "geojson":
            unread += 1
            problems.warning(
                "service_area",
                text(area, "id"),
                "extent_type",
                "only GeoJSON extents are tested against where the person is; kept as text",
            )
            continue
        try:
            extents.extend(read_geojson(extent))
        except ExtentError as bad:
            unread += 1
            problems.warning("service_area", text(area, "id"), "extent", str(bad))
    return tuple(extents), unread


def cost_options(
    options: Sequence[Mapping[str, Any]], problems: Problems, today: date
) -> tuple[tuple[Mapping[str, Any], ...], tuple[str, ...]]:
    """The cost options valid today, and their words (option, amount description) to read."""
    current: list[Mapping[str, Any]] = []
    words: list[str] = []
    for option in options:
        try:
            start, end = iso_date(option, "valid_from"), iso_date(option, "valid_to")
        except BadValueError as bad:
            problems.warning("cost_option", text(option, "id"), "valid_from/valid_to", bad.message)
            start = end = None
        if (start is not None and start > today) or (end is not None and end < today):
            continue
        current.append(option)
        if said := _cost_words(option):
            words.append(said)
    described = any(text(option, "amount_description") for option in current)
    if len(current) < 2 and not described:  # one bare price: Cost already says it
        words = []
    return tuple(current), tuple(dict.fromkeys(words))


def _cost_words(option: Mapping[str, Any]) -> str | None:
    """Words like "Under 18s: 0 GBP per session": condition, amount and description.

    None when the option says no more than a bare condition or amount (nothing to read).
    """
    amount = option.get("amount")
    price = None
    if isinstance(amount, (int, float)) and not isinstance(amount, bool):
        price = f"{amount:g} {(text(option, 'currency') or '').upper()}".strip()
    described = text(option, "amount_description")
    detail = " ".join(w for w in (price, described) if w)
    condition = text(option, "option")
    if not detail or (condition is None and described is None):
        return None
    return f"{condition}: {detail}" if condition else detail


def required_documents(records: Sequence[Mapping[str, Any]]) -> tuple[str, ...]:
    """What to bring, as ``required_documents[].document`` words it."""
    return tuple(dict.fromkeys(d for r in records if (d := text(r, "document"))))
