"""The directory model: community services as plain, frozen, precomputed values (no FHIR).

A matcher filters many thousands of services per intake, so everything it compares is
normalised once, at load: language tags lower-cased (with their primary subtags), hours as
minute ranges (:mod:`.schedule`), coordinates as floats, coded facts as frozensets of enums.
``None`` always means "the directory does not say" — never "no" — so a matcher can tell an
unknown from a refusal and caution rather than exclude.
"""

import math
import sys
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime

from commcare_ext.directory.geometry import Extent
from commcare_ext.directory.schedule import WeeklySchedule
from commcare_ext.directory.taxonomy import TaxonomyTerm
from commcare_ext.directory.vocabulary import (
    AccessibilityFeature,
    CrisisKind,
    Gender,
    InsuranceKind,
    InterpretationMode,
    OutreachMethod,
    Population,
    ServiceMode,
    ServiceStatus,
)
from commcare_ext.intake.vocabulary import DiscreetContact, SupportType

EARTH_RADIUS_KM = 6371.0088


def normalise_language(tag: str) -> str:
    """A BCP-47 tag in the lower case we compare in (``zh-Hant`` -> ``zh-hant``)."""
    return sys.intern(tag.strip().replace("_", "-").lower())


def primary_language(tag: str) -> str:
    """The primary language subtag of a tag (``zh-hant`` -> ``zh``)."""
    return sys.intern(normalise_language(tag).split("-", 1)[0])


def distance_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    """Great-circle distance between two WGS84 points, in kilometres (haversine)."""
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * EARTH_RADIUS_KM * math.asin(min(1.0, math.sqrt(a)))


@dataclass(frozen=True, slots=True)
class Address:
    """A postal or street address; ``postal_code`` is upper-cased without spaces."""

    lines: tuple[str, ...] = ()
    city: str | None = None
    state: str | None = None
    postal_code: str | None = None
    country: str | None = None


@dataclass(frozen=True, slots=True)
class Organization:
    """Who runs a service."""

    id: str
    name: str
    description: str | None = field(default=None, repr=False)
    website: str | None = None
    email: str | None = None
    phone: str | None = None
    #: When the directory last changed this record (FHIR ``meta.lastUpdated``; HSDS: the latest
    #: ``metadata.last_action_date``); a referral's copy of the record carries it.
    last_updated: datetime | None = None


@dataclass(frozen=True, slots=True)
class Location:
    """A physical site where a service meets (virtual places are a mode, not a location)."""

    id: str
    name: str | None = None
    latitude: float | None = None
    longitude: float | None = None
    address: Address | None = None
    accessibility: frozenset[AccessibilityFeature] = frozenset()
    accessibility_notes: tuple[str, ...] = field(default=(), repr=False)
    transportation_notes: str | None = field(default=None, repr=False)

    @property
    def has_coordinates(self) -> bool:
        """True when the directory gave latitude and longitude."""
        return self.latitude is not None and self.longitude is not None

    @property
    def postal_code(self) -> str | None:
        """The site's postal code, when its address has one."""
        return self.address.postal_code if self.address else None

    def distance_km_to(self, latitude: float, longitude: float) -> float | None:
        """Kilometres from this site to a point; None without coordinates."""
        if self.latitude is None or self.longitude is None:
            return None
        return distance_km(self.latitude, self.longitude, latitude, longitude)


@dataclass(frozen=True, slots=True)
class ServiceArea:
    """Where people must live to use the service (empty sets: the directory names no area).

    ``postal_codes`` are normalised like :attr:`Address.postal_code`; ``regions`` holds
    lower-cased names (``"mckinley county, nm"``, ``"navajo nation"``, ``"us-nm"``).
    ``extents`` are the HSDS ``service_area.extent`` shapes (GeoJSON polygons, points with a
    radius); ``unread_extents`` counts extents given in a form we cannot test (TopoJSON, KML,
    text), so a matcher cautions instead of assuming either way.
    """

    postal_codes: frozenset[str] = frozenset()
    regions: frozenset[str] = frozenset()
    descriptions: tuple[str, ...] = field(default=(), repr=False)
    extents: tuple[Extent, ...] = field(default=(), repr=False)
    unread_extents: int = 0

    @property
    def stated(self) -> bool:
        """True when the directory restricts the service to an area it can compare."""
        return bool(self.postal_codes or self.regions or self.extents)

    def covers(self, latitude: float, longitude: float) -> bool | None:
        """Whether a point lies in one of the extents; None when there is no extent."""
        if not self.extents:
            return None
        return any(extent.covers(latitude, longitude) for extent in self.extents)


@dataclass(frozen=True, slots=True)
class LanguageAccess:
    """Languages the staff speak, and interpretation for the rest.

    ``staff_languages`` are normalised tags; ``staff_primary_languages`` their primary subtags,
    so ``speaks("es-MX")`` finds Spanish-speaking staff. Empty ``interpretation`` means none is
    offered *or* the directory does not say in a coded way: ``interpretation_note`` keeps the
    directory's words for a person to read.
    """

    staff_languages: frozenset[str] = frozenset()
    staff_primary_languages: frozenset[str] = frozenset()
    interpretation: frozenset[InterpretationMode] = frozenset()
    interpretation_note: str | None = field(default=None, repr=False)
    #: Primary subtags of the languages interpreters cover; None: any language (our coded
    #: interpretation terms, or HSDS ``interpretation_services`` saying "any"/"all").
    interpreted_languages: frozenset[str] | None = None
    #: True when ``interpretation_services`` offers interpreters without saying how (phone,
    #: video, in person): offered, but the way is for a person to ask.
    interpretation_way_unstated: bool = False

    @classmethod
    def of(
        cls,
        staff_languages: frozenset[str] | set[str] = frozenset(),
        interpretation: frozenset[InterpretationMode] = frozenset(),
        interpretation_note: str | None = None,
        interpreted_languages: frozenset[str] | None = None,
        interpretation_way_unstated: bool = False,
    ) -> "LanguageAccess":
        """Normalise the tags once."""
        tags = frozenset(normalise_language(t) for t in staff_languages)
        interpreted = (
            None
            if interpreted_languages is None
            else frozenset(primary_language(t) for t in interpreted_languages)
        )
        return cls(
            tags,
            frozenset(primary_language(t) for t in tags),
            interpretation,
            interpretation_note,
            interpreted,
            interpretation_way_unstated,
        )

    def interprets(self, primaries: frozenset[str]) -> bool:
        """True when an interpreter is offered for one of these primary subtags."""
        if not self.offers_interpretation:
            return False
        covered = self.interpreted_languages
        return covered is None or not covered.isdisjoint(primaries)

    def speaks(self, tag: str) -> bool:
        """True when staff speak ``tag`` or, for a regional tag, its primary language."""
        normal = normalise_language(tag)
        return normal in self.staff_languages or (
            normal.split("-", 1)[0] in self.staff_primary_languages
        )

    @property
    def offers_interpretation(self) -> bool:
        """True when an interpreter is offered (in a coded way, or a way not stated)."""
        return bool(self.interpretation) or self.interpretation_way_unstated


@dataclass(frozen=True, slots=True)
class Cost:
    """What using the service costs.

    ``free`` True: no charge; False: there is a charge; None: not stated. A service can be
    free for some (sliding scale down to zero) and paid for others.
    """

    free: bool | None = None
    sliding_scale: bool = False
    insurance_accepted: frozenset[InsuranceKind] = frozenset()
    fee_amount: float | None = None
    fee_currency: str | None = None
    fee_note: str | None = field(default=None, repr=False)
    #: HSDS ``cost_options`` as the directory words them (option, amount description) for a
    #: person to read; options outside their ``valid_from``/``valid_to`` dates are left out.
    options: tuple[str, ...] = field(default=(), repr=False)

    @property
    def accepts_insurance(self) -> bool:
        """True when at least one kind of coverage is accepted."""
        return bool(self.insurance_accepted)


@dataclass(frozen=True, slots=True)
class Eligibility:
    """Who may use the service: ages, genders and populations it is restricted to.

    Empty ``genders`` or ``populations`` mean no restriction of that kind. Ages are whole years,
    inclusive at both ends.
    """

    minimum_age: int | None = None
    maximum_age: int | None = None
    genders: frozenset[Gender] = frozenset()
    populations: frozenset[Population] = frozenset()
    note: str | None = field(default=None, repr=False)
    #: Eligibility terms (``link_type`` "eligibility") no mapping could read, as the directory
    #: named them: a person checks them (a caution), since a restriction may hide there.
    unread_terms: tuple[str, ...] = field(default=(), repr=False)
    #: Faith traditions the service is restricted to (an eligibility term naming one).
    faith_traditions: frozenset[str] = frozenset()

    def admits_age(self, age: int) -> bool:
        """True when ``age`` is within the age range (no stated range admits everyone)."""
        return (self.minimum_age is None or age >= self.minimum_age) and (
            self.maximum_age is None or age <= self.maximum_age
        )


@dataclass(frozen=True, slots=True)
class CulturalFit:
    """Whom a service is shaped for, beyond who may use it.

    ``faith_traditions`` and ``cultural_focus`` are lower-cased words from the directory
    taxonomy (``"islam"``, ``"catholic"``, ``"somali"``, ``"dine"``); ``populations_welcomed``
    are groups the service focuses on without restricting to them.
    """

    faith_traditions: frozenset[str] = frozenset()
    cultural_focus: frozenset[str] = frozenset()
    populations_welcomed: frozenset[Population] = frozenset()

    @property
    def faith_based(self) -> bool:
        """True when the service is rooted in at least one faith tradition."""
        return bool(self.faith_traditions)


#: Which outreach method each discreet-contact rule forbids.
_FORBIDDEN_OUTREACH: dict[DiscreetContact, OutreachMethod] = {
    DiscreetContact.NO_VOICEMAIL: OutreachMethod.VOICEMAIL,
    DiscreetContact.NO_MAIL_HOME: OutreachMethod.MAIL,
    DiscreetContact.NO_TEXT_MESSAGES: OutreachMethod.TEXT_MESSAGE,
}


@dataclass(frozen=True, slots=True)
class Discretion:
    """How discreet the service is, and how it contacts people.

    ``outreach`` None: the directory does not say how the service contacts clients; a set
    (possibly empty: it never reaches out) is a statement matching may rely on.
    """

    outreach: frozenset[OutreachMethod] | None = None
    unmarked_site: bool | None = None
    neutral_caller_name: bool | None = None
    client_initiates_contact: bool | None = None
    no_mail: bool | None = None

    def keeps(self, rule: DiscreetContact) -> bool | None:
        """Whether the service keeps one discreet-contact rule: True, False, or None (unknown).

        Only what the directory states counts; ``NO_CALLS_AT_WORK`` depends on the person's
        hours, not on the service, so it is always unknown here.
        """
        method = _FORBIDDEN_OUTREACH.get(rule)
        if rule is DiscreetContact.NO_MAIL_HOME and self.no_mail is not None:
            return self.no_mail
        if method is not None:
            return None if self.outreach is None else method not in self.outreach
        if rule is DiscreetContact.NEUTRAL_CLINIC_NAME:
            return self.neutral_caller_name
        if rule is DiscreetContact.PATIENT_INITIATES:
            return self.client_initiates_contact
        return None

    def conflicts(self, rules: Iterable[DiscreetContact]) -> frozenset[DiscreetContact]:
        """The person's discreet-contact rules this service is known to break."""
        return frozenset(rule for rule in rules if self.keeps(rule) is False)

    def unknown_for(self, rules: Iterable[DiscreetContact]) -> frozenset[DiscreetContact]:
        """The rules the directory gives no information to check (a matcher cautions)."""
        return frozenset(rule for rule in rules if self.keeps(rule) is None)


@dataclass(frozen=True, slots=True)
class Capacity:
    """Whether a new person can start soon."""

    accepting_new_clients: bool | None = None
    waitlist: bool | None = None
    wait_weeks: int | None = None
    note: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Contact:
    """How a clinic reaches the service and sends a referral.

    ``referral_endpoint`` is where referrals go (a URL, a FHIR endpoint or a Direct address);
    ``self_referral`` True means the person may simply call or walk in.
    """

    phone: str | None = None
    email: str | None = None
    website: str | None = None
    referral_endpoint: str | None = None
    self_referral: bool | None = None
    how_to_apply: str | None = field(default=None, repr=False)


@dataclass(frozen=True, slots=True)
class Service:
    """One community service: what help, who runs it, where, when, for whom, how.

    ``support_types`` are the kinds of help the intake asks about, mapped from the directory's
    taxonomy by a :class:`~commcare_ext.directory.TaxonomyMapping`; ``taxonomy_terms`` keeps every
    term as read and ``unmapped_terms`` those no mapping knew. ``schedule`` None: no hours given.
    """

    id: str
    name: str
    organization: Organization
    support_types: frozenset[SupportType]
    description: str | None = field(default=None, repr=False)
    #: Crisis help the service gives (crisis line, mobile team...), from its taxonomy terms.
    crisis: frozenset[CrisisKind] = frozenset()
    #: HSDS ``alert``: a notice the directory wants everyone to see (e.g. closed this week).
    alert: str | None = field(default=None, repr=False)
    #: HSDS ``required_documents``: what a person must bring, as the directory words it.
    required_documents: tuple[str, ...] = field(default=(), repr=False)
    status: ServiceStatus = ServiceStatus.ACTIVE
    taxonomy_terms: tuple[TaxonomyTerm, ...] = field(default=(), repr=False)
    unmapped_terms: tuple[TaxonomyTerm, ...] = field(default=(), repr=False)
    locations: tuple[Location, ...] = ()
    service_area: ServiceArea = ServiceArea()
    schedule: WeeklySchedule | None = None
    languages: LanguageAccess = LanguageAccess()
    cost: Cost = Cost()
    eligibility: Eligibility = Eligibility()
    modes: frozenset[ServiceMode] = frozenset()
    cultural_fit: CulturalFit = CulturalFit()
    peer_led: bool | None = None
    discretion: Discretion = Discretion()
    capacity: Capacity = Capacity()
    contact: Contact = Contact()
    last_verified: date | None = None
    #: When the directory last changed this record (see :attr:`Organization.last_updated`);
    #: unlike ``last_verified`` it says nothing about whether anyone checked the facts.
    last_updated: datetime | None = None

    @property
    def in_person(self) -> bool:
        """True when the person can attend in person."""
        return ServiceMode.IN_PERSON in self.modes

    @property
    def remote_only(self) -> bool:
        """True when the service has modes and none of them is in person."""
        return bool(self.modes) and ServiceMode.IN_PERSON not in self.modes

    @property
    def crisis_help(self) -> bool:
        """True when the service is crisis help (see :class:`CrisisKind`)."""
        return bool(self.crisis)

    @property
    def active(self) -> bool:
        """True when the service is running."""
        return self.status is ServiceStatus.ACTIVE

    def nearest_km(self, latitude: float, longitude: float) -> float | None:
        """Kilometres to the nearest site with coordinates; None when no site has any."""
        best: float | None = None
        for location in self.locations:
            km = location.distance_km_to(latitude, longitude)
            if km is not None and (best is None or km < best):
                best = km
        return best

    def months_since_verified(self, today: date) -> int | None:
        """Whole months between the last verification and ``today``; None if never verified."""
        if self.last_verified is None:
            return None
        months = (
            (today.year - self.last_verified.year) * 12 + today.month - self.last_verified.month
        )
        return max(0, months - (today.day < self.last_verified.day))
