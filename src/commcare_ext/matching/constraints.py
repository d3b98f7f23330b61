"""The hard constraints about fit: running, kind of help, language, cost, eligibility, privacy.

Each constraint is a small object made once per person. ``fails(service)`` is the cheap
question a match asks of every service; ``unmet(service)`` returns, for a failing service, a
typed :class:`~commcare_ext.matching.findings.Unmet` naming the facts that decided it (and
None exactly when ``fails`` is False); ``notes(service, found)`` adds the needs a passing
service meets and what to check. A constraint never reads another's result, so every failure
of a service can be listed. Where the directory is silent, each docstring says what happens.
"""

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from commcare_ext.directory import InterpretationMode, OutreachMethod, Service, ServiceStatus
from commcare_ext.intake import DiscreetContact
from commcare_ext.matching.findings import (
    Caution,
    CautionCode,
    Constraint,
    Reason,
    ReasonCode,
    Unmet,
    UnmetCode,
    caution,
    reason,
    unmet,
)
from commcare_ext.matching.person import Person


@dataclass(slots=True)
class Notes:
    """Reasons and cautions gathered for one proposed service."""

    reasons: list[Reason] = field(default_factory=list)
    cautions: list[Caution] = field(default_factory=list)


def codes(values: Iterable[str]) -> tuple[str, ...]:
    """Codes in a stable order (a StrEnum member reads as its value)."""
    return tuple(sorted(str(v) for v in values))


def _never(service: Service) -> bool:
    """A constraint that does not bind fails no service."""
    return False


class Check:
    """One hard constraint, bound to one person (subclasses say which).

    ``fails`` is the hot path a match calls on every service: each constraint sets it, in
    its ``__init__``, to a function of the service alone that closes over the person's
    values, so that asking it costs a call and a few comparisons.
    """

    constraint: Constraint
    #: False when nothing the person said lets this constraint exclude a service.
    binding: bool = True
    #: True when a service fails this constraint.
    fails: Callable[[Service], bool] = staticmethod(_never)

    def explain(self, service: Service) -> Unmet:
        """Why a failing ``service`` fails (only called when :meth:`fails` is True)."""
        raise NotImplementedError

    def unmet(self, service: Service) -> Unmet | None:
        """Why ``service`` fails this constraint, or None when it passes."""
        return self.explain(service) if self.fails(service) else None

    def notes(self, service: Service, found: Notes) -> None:
        """Add what a passing ``service`` meets, and what to check, to ``found``."""


class ActiveCheck(Check):
    """The service is running (not inactive, defunct or temporarily closed)."""

    constraint = Constraint.ACTIVE

    def __init__(self) -> None:
        active = ServiceStatus.ACTIVE

        def fails(service: Service) -> bool:
            return service.status is not active

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """Its status."""
        return unmet(UnmetCode.NOT_RUNNING, status=service.status.value)


class SupportTypeCheck(Check):
    """The service offers a kind of help the person asked for.

    A service whose kind no taxonomy mapping knew passes with a caution naming its terms: its
    kind is not guessed, and a person judges it rather than it silently disappearing. When
    the person chose no support type the constraint does not bind.
    """

    constraint = Constraint.SUPPORT_TYPE

    def __init__(self, person: Person) -> None:
        self.wanted = wanted = person.wanted
        self.binding = bool(person.wanted)

        def fails(service: Service) -> bool:
            kinds = service.support_types
            return bool(kinds) and wanted.isdisjoint(kinds)

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """What was asked for and what it offers."""
        return unmet(
            UnmetCode.KIND_NOT_WANTED,
            wanted=codes(self.wanted),
            offered=codes(service.support_types),
        )

    def notes(self, service: Service, found: Notes) -> None:
        """Names the kinds of help asked for that the service offers; cautions when unknown."""
        if not service.support_types:
            terms = tuple(str(t) for t in service.unmapped_terms)
            found.cautions.append(caution(CautionCode.KIND_UNKNOWN, terms=terms))
        elif self.wanted:
            met = codes(self.wanted & service.support_types)
            found.reasons.append(reason(ReasonCode.OFFERS_SUPPORT, kinds=met))


class LanguageCheck(Check):
    """Staff speak one of the person's languages, or the service offers an interpreter for one.

    An interpreter offer covers the languages it names (HSDS ``interpretation_services``), or
    any language when it says so or comes from our coded terms. A service that lists staff
    languages, none of them the person's, and no interpreter for them fails. One that lists no
    languages fails only when language is a barrier for the person (they need an interpreter,
    or named language as a barrier); otherwise it is proposed with a caution. Languages
    compare by their primary subtag (``es-MX`` speaks with ``es``).
    """

    constraint = Constraint.LANGUAGE

    def __init__(self, person: Person) -> None:
        self.primaries = primaries = person.language_primaries
        self.languages = person.languages
        self.barrier = barrier = person.language_barrier

        def fails(service: Service) -> bool:
            access = service.languages
            return (
                primaries.isdisjoint(access.staff_primary_languages)
                and not access.interprets(primaries)
                and (barrier or bool(access.staff_languages))
            )

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The person's languages, and the staff's when listed."""
        staff = service.languages.staff_languages
        if staff:
            return unmet(UnmetCode.LANGUAGE_NOT_SPOKEN, needs=self.languages, staff=codes(staff))
        return unmet(UnmetCode.LANGUAGES_NOT_LISTED, needs=self.languages)

    def notes(self, service: Service, found: Notes) -> None:
        """Names the language staff share, or the interpreter offered; cautions otherwise."""
        access = service.languages
        spoken = [t for t in self.languages if t.split("-", 1)[0] in access.staff_primary_languages]
        if spoken:
            found.reasons.append(reason(ReasonCode.STAFF_SPEAK, language=spoken[0]))
            if spoken[0] != self.languages[0]:
                found.cautions.append(
                    caution(
                        CautionCode.NOT_PREFERRED_LANGUAGE,
                        language=spoken[0],
                        preferred=self.languages[0],
                    )
                )
        elif access.interprets(self.primaries):
            modes = codes(access.interpretation)
            found.reasons.append(
                reason(ReasonCode.INTERPRETATION, language=self.languages[0], modes=modes)
            )
            if access.interpretation_way_unstated:
                found.cautions.append(caution(CautionCode.INTERPRETER_WAY_UNSTATED))
            elif InterpretationMode.IN_PERSON not in access.interpretation:
                found.cautions.append(caution(CautionCode.INTERPRETER_REMOTE_ONLY, modes=modes))
        elif access.offers_interpretation and access.interpreted_languages == frozenset():
            found.cautions.append(caution(CautionCode.INTERPRETER_LANGUAGES_UNSTATED))
        else:
            found.cautions.append(caution(CautionCode.LANGUAGES_NOT_LISTED))


class CostCheck(Check):
    """When cost or insurance is a barrier: the service is free or has a sliding scale.

    A service that does not say what it costs fails (it may charge); without the barrier the
    constraint does not bind and a fee is only a caution.
    """

    constraint = Constraint.COST

    def __init__(self, person: Person) -> None:
        self.binding = person.cost_barrier

        def fails(service: Service) -> bool:
            cost = service.cost
            return cost.free is not True and not cost.sliding_scale

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The fee, or that the directory does not say."""
        cost = service.cost
        if cost.free is False:
            return unmet(UnmetCode.CHARGES_FEE, amount=cost.fee_amount, currency=cost.fee_currency)
        return unmet(UnmetCode.COST_NOT_STATED)

    def notes(self, service: Service, found: Notes) -> None:
        """Names free or sliding-scale fees; cautions about a fee."""
        cost = service.cost
        if cost.free is True:
            if self.binding:
                found.reasons.append(reason(ReasonCode.FREE))
        elif cost.sliding_scale:
            found.reasons.append(reason(ReasonCode.SLIDING_SCALE))
        elif cost.free is False:
            found.cautions.append(
                caution(CautionCode.CHARGES_FEE, amount=cost.fee_amount, currency=cost.fee_currency)
            )


class AgeCheck(Check):
    """The person's age is within the service's age range (inclusive).

    A service with an age range fails when the intake records no birth date.
    """

    constraint = Constraint.ELIGIBILITY

    def __init__(self, person: Person) -> None:
        self.age = age = person.age

        def fails(service: Service) -> bool:
            rule = service.eligibility
            low, high = rule.minimum_age, rule.maximum_age
            if low is None and high is None:
                return False
            return (
                age is None or (low is not None and age < low) or (high is not None and age > high)
            )

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The range, and whether the age was known."""
        rule = service.eligibility
        code = UnmetCode.AGE_NOT_RECORDED if self.age is None else UnmetCode.AGE_OUTSIDE_RANGE
        return unmet(code, minimum=rule.minimum_age, maximum=rule.maximum_age)


class GenderCheck(Check):
    """A service for some genders only admits a person who said they are one of them."""

    constraint = Constraint.ELIGIBILITY

    def __init__(self, person: Person) -> None:
        self.genders = genders = person.genders

        def fails(service: Service) -> bool:
            allowed = service.eligibility.genders
            return bool(allowed) and allowed.isdisjoint(genders)

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The genders it is for, and whether the person's was recorded."""
        code = UnmetCode.GENDER_NOT_ELIGIBLE if self.genders else UnmetCode.GENDER_NOT_RECORDED
        return unmet(code, genders=codes(service.eligibility.genders))

    def notes(self, service: Service, found: Notes) -> None:
        """Names the group the service is for."""
        allowed = service.eligibility.genders
        if allowed:
            found.reasons.append(
                reason(ReasonCode.ELIGIBLE_GROUP, groups=codes(allowed & self.genders))
            )


class PopulationCheck(Check):
    """A service for some populations only admits a person in one of them.

    Membership comes from the groups the person named (a refugee counts as an immigrant) and,
    for young people (up to 24) and older adults (60 and over), their age; a person who named
    no group is not taken to be in one.
    """

    constraint = Constraint.ELIGIBILITY

    def __init__(self, person: Person) -> None:
        self.populations = populations = person.populations
        self.recorded = person.groups_recorded

        def fails(service: Service) -> bool:
            allowed = service.eligibility.populations
            return bool(allowed) and allowed.isdisjoint(populations)

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The groups it is for, and whether the person named any group."""
        return unmet(
            UnmetCode.POPULATION_NOT_ELIGIBLE,
            populations=codes(service.eligibility.populations),
            groups_recorded=self.recorded,
        )

    def notes(self, service: Service, found: Notes) -> None:
        """Names the group the service is for."""
        allowed = service.eligibility.populations
        if allowed:
            found.reasons.append(
                reason(ReasonCode.ELIGIBLE_GROUP, groups=codes(allowed & self.populations))
            )


class ServiceAreaCheck(Check):
    """A service restricted to an area serves where the person is.

    The area is postal codes (a ZIP+4 code also matches its five-digit code) and/or shapes
    (HSDS ``service_area.extent``: GeoJSON polygons, points with a radius) tested against the
    person's coordinates (or their postal code's centroid). The service fails when what can be
    checked says "outside" and nothing says "inside". What cannot be checked (no postal code,
    no location, an extent in a format we do not read) is a caution, not an exclusion.
    """

    constraint = Constraint.SERVICE_AREA

    def __init__(self, person: Person) -> None:
        self.postal = postal = person.postal_code
        self.location = location = person.location
        short = postal.split("-", 1)[0] if postal else None

        def outside(service: Service) -> bool | None:
            area = service.service_area
            verdicts = []
            if area.postal_codes and postal is not None:
                verdicts.append(postal not in area.postal_codes and short not in area.postal_codes)
            if area.extents and location is not None:
                verdicts.append(not area.covers(*location))
            return None if not verdicts else all(verdicts)

        def fails(service: Service) -> bool:
            return outside(service) is True

        self.outside = outside
        self.binding = postal is not None or location is not None
        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The postal codes it serves, or that the person is outside its drawn area."""
        area = service.service_area
        if area.postal_codes and self.postal is not None:
            return unmet(UnmetCode.OUTSIDE_SERVICE_AREA, postal_codes=codes(area.postal_codes))
        return unmet(UnmetCode.OUTSIDE_EXTENT, areas=area.descriptions[:3])

    def notes(self, service: Service, found: Notes) -> None:
        """Names the area as served, or cautions about what was not checked."""
        area = service.service_area
        if self.outside(service) is False:
            found.reasons.append(reason(ReasonCode.SERVES_AREA))
        if area.postal_codes and self.postal is None:
            found.cautions.append(caution(CautionCode.AREA_UNCHECKED))
        if area.extents and self.location is None:
            found.cautions.append(caution(CautionCode.EXTENT_UNCHECKED))
        if area.unread_extents:
            found.cautions.append(caution(CautionCode.AREA_NOT_READ, areas=area.descriptions[:3]))


#: Rules only the clinic can keep (they depend on the person's day, not the service).
_CLINIC_RULES = frozenset({DiscreetContact.NO_CALLS_AT_WORK})
#: Outreach a rule forbids outright (mail home also counts the directory's "no mail" flag).
_OUTREACH = {
    DiscreetContact.NO_VOICEMAIL: OutreachMethod.VOICEMAIL,
    DiscreetContact.NO_TEXT_MESSAGES: OutreachMethod.TEXT_MESSAGE,
}
_MAIL = OutreachMethod.MAIL


class DiscreetContactCheck(Check):
    """The service does not contact people in a way the person forbade.

    Only what the directory states counts (:meth:`Discretion.keeps`): a service that says it
    leaves voicemail fails a "no voicemail" rule; one that does not say how it contacts people
    passes with a caution.
    """

    constraint = Constraint.DISCREET_CONTACT

    def __init__(self, person: Person) -> None:
        rules = self.rules = person.discreet_rules
        self.binding = bool(rules)
        # What Discretion.keeps reads for each rule, worked out once.
        methods = frozenset(method for rule, method in _OUTREACH.items() if rule in rules)
        mail = DiscreetContact.NO_MAIL_HOME in rules
        neutral = DiscreetContact.NEUTRAL_CLINIC_NAME in rules
        initiates = DiscreetContact.PATIENT_INITIATES in rules

        def fails(service: Service) -> bool:
            discretion = service.discretion
            outreach = discretion.outreach
            if outreach is not None and not methods.isdisjoint(outreach):
                return True
            if mail and (
                discretion.no_mail is False
                or (discretion.no_mail is None and outreach is not None and _MAIL in outreach)
            ):
                return True
            return (neutral and discretion.neutral_caller_name is False) or (
                initiates and discretion.client_initiates_contact is False
            )

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The rules it breaks."""
        broken = service.discretion.conflicts(self.rules)
        return unmet(UnmetCode.BREAKS_DISCREET_RULE, rules=codes(broken))

    def notes(self, service: Service, found: Notes) -> None:
        """Names the rules it keeps; cautions about those it does not mention."""
        rules = self.rules - _CLINIC_RULES
        if not rules:
            return
        unknown = service.discretion.unknown_for(rules)
        kept = rules - unknown
        if kept:
            found.reasons.append(reason(ReasonCode.KEEPS_DISCREET_RULES, rules=codes(kept)))
        if unknown:
            found.cautions.append(caution(CautionCode.DISCREET_RULES_UNKNOWN, rules=codes(unknown)))
