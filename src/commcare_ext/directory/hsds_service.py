"""One HSDS 3.0 service object (nested, as the compiled ``service`` schema) -> :class:`Service`.

The service must have an ``id``, a ``name``, a ``status`` from the HSDS list and an
``organization`` with an id and a name; without them it is skipped and reported. Everything
else is optional: a nested record that cannot be read (a schedule, a language, a location) is
reported and left out while the service is kept. Facts HSDS has no column for are read from
attributes whose taxonomy is our directory taxonomy (see docs/directory.md).
"""

from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from commcare_ext.directory._problems import Problems, SkipRecord
from commcare_ext.directory._values import (
    BadValueError,
    Canon,
    is_object,
    iso_date,
    latest_change,
    number,
    text,
)
from commcare_ext.directory.attributes import CodedFacts
from commcare_ext.directory.hsds_access import (
    attending_modes,
    cost_options,
    language_access,
    read_extents,
    required_documents,
)
from commcare_ext.directory.hsds_parts import (
    nested,
    read_attributes,
    read_languages,
    read_location,
    record_id,
)
from commcare_ext.directory.hsds_schedule import read_schedules
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
from commcare_ext.directory.vocabulary import Flag, ServiceMode, ServiceStatus

_PHONE_TYPES = {None, "voice", "cell"}


class HsdsServiceReader:
    """Reads service objects of one load, sharing organisations and locations by id."""

    def __init__(self, mapping: TaxonomyMapping, problems: Problems, today: date) -> None:
        self.mapping = mapping
        self.problems = problems
        self.today = today
        self._organizations: dict[str, Organization] = {}
        self._locations: dict[str, Location] = {}
        self.canon = Canon()

    def read(self, raw: Any) -> Service | None:
        """The service, or None after reporting why it was skipped."""
        if not is_object(raw):
            self.problems.service_id = None
            self.problems.skipped("service", None, "(record)", "expected a JSON object")
            return None
        service_id = record_id(raw)
        self.problems.service_id = service_id
        try:
            return self._service(raw, service_id)
        except SkipRecord as skip:
            self.problems.skipped("service", service_id, skip.field, skip.message, skip.terms)
            return None

    def _service(self, raw: Mapping[str, Any], service_id: str | None) -> Service:
        if service_id is None:
            raise SkipRecord("id", "expected an id")
        name = text(raw, "name")
        if name is None:
            raise SkipRecord("name", "expected the service's name")
        try:
            status = ServiceStatus((text(raw, "status") or "").lower())
        except ValueError:
            raise SkipRecord(
                "status", "expected active, inactive, defunct or temporarily closed"
            ) from None
        organization = self._organization(raw)
        facts, terms = CodedFacts(), list[TaxonomyTerm]()
        attributes = list(nested(raw, "attributes", self.problems, "service"))
        sites = nested(raw, "service_at_locations", self.problems, "service")
        areas = nested(raw, "service_areas", self.problems, "service")
        options, option_words = cost_options(
            nested(raw, "cost_options", self.problems, "service"), self.problems, self.today
        )
        for part in (*sites, *areas, *options):
            attributes.extend(nested(part, "attributes", self.problems, "service"))
        read_attributes(attributes, facts, terms, self.problems)
        languages: set[str] = set()
        read_languages(nested(raw, "languages", self.problems, "service"), languages, self.problems)
        for phone in nested(raw, "phones", self.problems, "service"):
            read_languages(
                nested(phone, "languages", self.problems, "phone"), languages, self.problems
            )
        locations = self._locations_of(sites, facts, languages)
        support_types, unmapped = facts.kinds_of_help(self.mapping, terms)
        schedules = nested(raw, "schedules", self.problems, "service")
        schedule = read_schedules(
            schedules,
            self.problems,
            self.today,
            facts.time_zone,
        )
        if schedule is None:
            site_schedules = [
                s for site in sites for s in nested(site, "schedules", self.problems, "site")
            ]
            schedule = read_schedules(site_schedules, self.problems, self.today, facts.time_zone)
        if not support_types and not facts.crisis:
            self.problems.warning(
                "service",
                service_id,
                "attributes",
                "no taxonomy term maps to a kind of help the intake knows; add a mapping",
                tuple(str(t) for t in unmapped),
            )
        attending = attending_modes(schedules, self.problems, service_id)
        modes = frozenset(facts.modes) | attending
        if not modes and locations:
            modes = frozenset({ServiceMode.IN_PERSON})
        canon = self.canon
        return Service(
            id=service_id,
            name=name,
            organization=organization,
            support_types=canon(support_types),
            description=text(raw, "description"),
            crisis=canon(frozenset(facts.crisis)),
            alert=text(raw, "alert"),
            required_documents=required_documents(
                nested(raw, "required_documents", self.problems, "service")
            ),
            status=status,
            taxonomy_terms=canon(tuple(terms)),
            unmapped_terms=canon(unmapped),
            locations=locations,
            service_area=self._area(areas, facts),
            schedule=canon(schedule),
            languages=canon(
                language_access(
                    languages,
                    frozenset(facts.interpretation),
                    text(raw, "interpretation_services"),
                )
            ),
            cost=canon(self._cost(raw, options, option_words, facts)),
            eligibility=canon(self._eligibility(raw, facts)),
            modes=canon(modes),
            cultural_fit=canon(facts.cultural_fit()),
            peer_led=facts.flag(Flag.PEER_LED),
            discretion=canon(facts.discretion()),
            capacity=canon(facts.capacity(text(raw, "wait_time"))),
            contact=self._contact(raw, facts),
            last_verified=self._verified(raw, service_id),
            last_updated=self._changed(raw, "service", service_id),
        )

    def _organization(self, raw: Mapping[str, Any]) -> Organization:
        org = raw.get("organization")
        if not is_object(org):
            raise SkipRecord("organization", "expected the organization that runs the service")
        org_id, name = record_id(org), text(org, "name")
        if org_id is None:
            raise SkipRecord("organization.id", "expected an id")
        if org_id in self._organizations:
            return self._organizations[org_id]
        if name is None:
            raise SkipRecord("organization.name", "expected the organization's name")
        phones = [text(p, "number") for p in nested(org, "phones", self.problems, "organization")]
        organization = Organization(
            org_id,
            name,
            text(org, "description"),
            text(org, "website"),
            text(org, "email"),
            next((p for p in phones if p), None),
            self._changed(org, "organization", org_id),
        )
        self._organizations[org_id] = organization
        return organization

    def _locations_of(
        self, sites: Any, facts: CodedFacts, languages: set[str]
    ) -> tuple[Location, ...]:
        found: dict[str, Location] = {}
        for site in sites:
            location = site.get("location")
            if not is_object(location):
                self.problems.skipped(
                    "service_at_location",
                    record_id(site),
                    "location",
                    "expected the location where the service meets",
                )
                continue
            location_id = record_id(location)
            cached = self._locations.get(location_id) if location_id else None
            if cached is not None:
                # Read again only for the facts it states about the service.
                read_location(location, facts, languages, Problems(self.problems.report, None))
                found[cached.id] = cached
                continue
            read = read_location(location, facts, languages, self.problems)
            if read is not None:
                self._locations[read.id] = read
                found[read.id] = read
        return tuple(found.values())

    def _area(self, areas: Any, facts: CodedFacts) -> ServiceArea:
        names = [text(a, "name") for a in areas]
        descriptions = [text(a, "description") for a in areas]
        extents, unread = read_extents(areas, self.problems)
        return self.canon(
            ServiceArea(
                frozenset(facts.postal_codes),
                frozenset(normalise_term(n) for n in names if n),
                tuple(d for d in (*names, *descriptions) if d),
                extents,
                unread,
            )
        )

    def _cost(
        self,
        raw: Mapping[str, Any],
        options: Any,
        option_words: tuple[str, ...],
        facts: CodedFacts,
    ) -> Cost:
        amounts: list[tuple[float, str | None]] = []
        for option in options:
            try:
                amount = number(option, "amount")
            except BadValueError as bad:
                self.problems.skipped("cost_option", record_id(option), "amount", bad.message)
                continue
            if amount is not None and amount < 0:
                self.problems.skipped(
                    "cost_option", record_id(option), "amount", "expected an amount of zero or more"
                )
                continue
            if amount is not None:
                amounts.append((amount, text(option, "currency")))
        free = facts.flag(Flag.FREE)
        if free is None and amounts:
            free = any(amount == 0 for amount, _ in amounts)
        fees = sorted((a, c) for a, c in amounts if a > 0)
        return Cost(
            free,
            bool(facts.flag(Flag.SLIDING_SCALE)),
            frozenset(facts.insurance),
            fees[0][0] if fees else None,
            (fees[0][1] or "").upper() or None if fees else None,
            text(raw, "fees_description"),
            option_words,
        )

    def _eligibility(self, raw: Mapping[str, Any], facts: CodedFacts) -> Eligibility:
        ages: list[int | None] = []
        for key in ("minimum_age", "maximum_age"):
            try:
                value = number(raw, key)
            except BadValueError as bad:
                self.problems.warning("service", record_id(raw), key, bad.message)
                value = None
            if value is not None and (value < 0 or value != int(value)):
                self.problems.warning(
                    "service", record_id(raw), key, "expected a whole number of years"
                )
                value = None
            ages.append(int(value) if value is not None else None)
        low, high = ages
        low = facts.minimum_age if low is None else low
        high = facts.maximum_age if high is None else high
        if low is not None and high is not None and low > high:
            self.problems.warning(
                "service",
                record_id(raw),
                "minimum_age",
                "expected a minimum age no greater than the maximum",
            )
            low = high = None
        return Eligibility(
            low,
            high,
            frozenset(facts.genders),
            frozenset(facts.populations_required),
            text(raw, "eligibility_description"),
            tuple(dict.fromkeys(facts.unread_eligibility)),
            frozenset(facts.faiths_required),
        )

    def _contact(self, raw: Mapping[str, Any], facts: CodedFacts) -> Contact:
        phone = None
        for record in nested(raw, "phones", self.problems, "service"):
            kind = text(record, "type")
            if (kind.lower() if kind else None) in _PHONE_TYPES and (
                phone := text(record, "number")
            ):
                break
        return Contact(
            phone,
            text(raw, "email"),
            text(raw, "url"),
            facts.referral_endpoint,
            facts.flag(Flag.SELF_REFERRAL),
            text(raw, "application_process"),
        )

    def _changed(self, raw: Mapping[str, Any], record: str, record_id: str) -> datetime | None:
        """The latest change in the record's own ``metadata`` log; a bad entry is reported."""
        try:
            return latest_change(nested(raw, "metadata", self.problems, record))
        except BadValueError as bad:
            self.problems.warning(record, record_id, "metadata.last_action_date", bad.message)
            return None

    def _verified(self, raw: Mapping[str, Any], service_id: str) -> date | None:
        try:
            return iso_date(raw, "assured_date")
        except BadValueError as bad:
            self.problems.warning("service", service_id, "assured_date", bad.message)
            return None
