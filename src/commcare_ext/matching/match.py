"""Match one person to the services of a directory: proposals that fit, exclusions that say why.

Every service of the directory ends in exactly one list: proposals, crisis help "if things
get worse", or exclusions. A proposal meets every hard constraint and carries the needs it
meets (reasons) and what to check (cautions), ranked by points that depend only on that
service and the person, ties broken by service id. An exclusion names *every* hard constraint
the service fails, not only the first, so a clinician can knowingly override it
(:func:`override` records who and why). Crisis services are matched apart (:mod:`.crisis`):
only whether they run, whom they admit and where they serve can exclude them; after a positive
risk screen they are the first proposals, otherwise they are listed for if things get worse.

Speed: the person's side of every constraint is worked out once; each service then meets the
most selective, cheapest checks first and stops at its first failure; ranking needs only
points. The exclusions with their complete lists of failures, and a proposal's reasons and
cautions, are made when first read, from the same constraint objects.
"""

from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from commcare_ext.directory import Directory, Service
from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import Intake
from commcare_ext.matching.constraints import (
    ActiveCheck,
    AgeCheck,
    Check,
    CostCheck,
    DiscreetContactCheck,
    GenderCheck,
    LanguageCheck,
    Notes,
    PopulationCheck,
    ServiceAreaCheck,
    SupportTypeCheck,
)
from commcare_ext.matching.errors import MatchingError
from commcare_ext.matching.findings import (
    Caution,
    CautionCode,
    Constraint,
    Reason,
    ReasonCode,
    Unmet,
    caution,
    reason,
)
from commcare_ext.matching.needs import (
    DeclinedCheck,
    FaithCheck,
    FaithEligibilityCheck,
    SignLanguageCheck,
)
from commcare_ext.matching.notices import add_notices
from commcare_ext.matching.person import Person, person_for
from commcare_ext.matching.ranking import Ranker
from commcare_ext.matching.reach import (
    DigitalAccessCheck,
    HoursCheck,
    ReachableCheck,
    nearest_km,
)

#: The order a match asks the constraints in: those most services fail, and cheap to ask,
#: first (measured on generated directories: benchmarks/bench_match.py).
_ASKED_FIRST = {
    constraint: order
    for order, constraint in enumerate(
        (
            Constraint.REFERRAL,
            Constraint.SUPPORT_TYPE,
            Constraint.REACHABLE,
            Constraint.ELIGIBILITY,
            Constraint.DISCREET_CONTACT,
            Constraint.LANGUAGE,
            Constraint.COST,
            Constraint.ACTIVE,
            Constraint.SERVICE_AREA,
            Constraint.DIGITAL_ACCESS,
            Constraint.HOURS,
            Constraint.FAITH,
        )
    )
}
#: The only constraints that can exclude crisis help: whether it runs, whom it admits and
#: where it serves. Never the kind of help chosen, cost, hours or travel.
_CRISIS_CONSTRAINTS = frozenset(
    {Constraint.ACTIVE, Constraint.ELIGIBILITY, Constraint.SERVICE_AREA}
)


def checks_for(person: Person) -> tuple[Check, ...]:
    """Every hard constraint for ``person``, in the order findings are listed."""
    return (
        DeclinedCheck(person),
        ActiveCheck(),
        SupportTypeCheck(person),
        LanguageCheck(person),
        SignLanguageCheck(person),
        CostCheck(person),
        AgeCheck(person),
        GenderCheck(person),
        PopulationCheck(person),
        FaithEligibilityCheck(person),
        ServiceAreaCheck(person),
        DigitalAccessCheck(person),
        DiscreetContactCheck(person),
        ReachableCheck(person),
        HoursCheck(person),
        FaithCheck(person),
    )


def _crisis_notes(service: Service, person: Person, checks: tuple[Check, ...]) -> Notes:
    """Why crisis help is listed, and what to check about it (language, area, notices)."""
    notes = Notes()
    kinds = tuple(sorted(k.value for k in service.crisis))
    notes.reasons.append(reason(ReasonCode.CRISIS_HELP, kinds=kinds))
    if person.screened_positive:
        notes.reasons.append(reason(ReasonCode.CRISIS_FIRST))
    else:
        notes.reasons.append(reason(ReasonCode.IF_THINGS_GET_WORSE))
    for check in checks:
        if check.constraint is Constraint.LANGUAGE and check.fails(service):
            notes.cautions.append(caution(CautionCode.CRISIS_LANGUAGE, needs=person.languages))
        elif check.constraint in _CRISIS_CONSTRAINTS or check.constraint is Constraint.LANGUAGE:
            check.notes(service, notes)
    add_notices(service, person, notes)
    return notes


class Proposal:
    """A service that meets every hard constraint, with why it fits and what to check.

    ``reasons`` and ``cautions`` are worked out when first read (ranking needs only points).
    """

    __slots__ = ("_checks", "_notes", "_person", "_ranker", "rank", "score", "service")

    def __init__(
        self,
        service: Service,
        rank: int,
        score: int,
        context: tuple[Person, tuple[Check, ...], Ranker],
    ) -> None:
        self.service = service
        self.rank = rank
        self.score = score
        self._person, self._checks, self._ranker = context
        self._notes: Notes | None = None

    @property
    def crisis(self) -> bool:
        """True for crisis help (a crisis line, mobile team...): see :mod:`.crisis`."""
        return self.service.crisis_help

    @property
    def service_id(self) -> str:
        """The directory's id of the service."""
        return self.service.id

    @property
    def reasons(self) -> tuple[Reason, ...]:
        """The needs the service meets: hard constraints first, then the ranking's."""
        return tuple(self._found().reasons)

    @property
    def cautions(self) -> tuple[Caution, ...]:
        """What to check before referring."""
        return tuple(self._found().cautions)

    @property
    def distance_km(self) -> float | None:
        """Kilometres to the nearest site, when both ends have coordinates."""
        return nearest_km(self.service, self._person.location)

    def _found(self) -> Notes:
        if self._notes is None:
            if self.service.crisis_help:
                self._notes = _crisis_notes(self.service, self._person, self._checks)
                return self._notes
            notes = Notes()
            for check in self._checks:
                check.notes(self.service, notes)
            self._ranker.score(self.service, notes)
            add_notices(self.service, self._person, notes)
            self._notes = notes
        return self._notes

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Proposal):
            return NotImplemented
        return (self.service, self.rank, self.score, self.reasons, self.cautions) == (
            other.service,
            other.rank,
            other.score,
            other.reasons,
            other.cautions,
        )

    def __hash__(self) -> int:
        return hash((self.service.id, self.rank))

    def __repr__(self) -> str:
        return f"Proposal({self.service.id!r}, rank={self.rank}, score={self.score})"


class Exclusion:
    """A service that fails at least one hard constraint; :attr:`because` lists them all."""

    __slots__ = ("_because", "_checks", "service")

    def __init__(self, service: Service, checks: tuple[Check, ...]) -> None:
        self.service = service
        self._checks = checks
        self._because: tuple[Unmet, ...] | None = None

    @property
    def service_id(self) -> str:
        """The directory's id of the service."""
        return self.service.id

    @property
    def because(self) -> tuple[Unmet, ...]:
        """Every hard constraint the service fails, in constraint order."""
        if self._because is None:
            service = self.service
            self._because = tuple(
                [check.explain(service) for check in self._checks if check.fails(service)]
            )
        return self._because

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The constraints failed, each once."""
        return tuple(dict.fromkeys(u.constraint for u in self.because))

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Exclusion):
            return NotImplemented
        return self.service == other.service and self.because == other.because

    def __hash__(self) -> int:
        return hash(self.service.id)

    def __repr__(self) -> str:
        return f"Exclusion({self.service.id!r})"


class MatchResult:
    """Proposals (best first) and exclusions (in directory order) for one person.

    The exclusions are made when first read: a match over a large directory allocates one
    object per proposal only, which keeps Python's garbage collector out of its way.
    """

    __slots__ = (
        "_checks",
        "_crisis_checks",
        "_excluded",
        "_excluded_services",
        "if_things_get_worse",
        "proposals",
    )

    def __init__(
        self,
        proposals: tuple[Proposal, ...],
        excluded_services: tuple[Service, ...],
        checks: tuple[Check, ...],
        if_things_get_worse: tuple[Proposal, ...] = (),
        crisis_checks: tuple[Check, ...] = (),
    ) -> None:
        #: Best first; after a positive risk screen, crisis help comes first.
        self.proposals = proposals
        #: Crisis help for everyone matched, when the screen was not positive (best first).
        self.if_things_get_worse = if_things_get_worse
        self._excluded_services = excluded_services
        self._checks = checks
        self._crisis_checks = crisis_checks
        self._excluded: tuple[Exclusion, ...] | None = None

    @property
    def crisis_help(self) -> tuple[Proposal, ...]:
        """Every crisis service that fits, wherever it is listed."""
        pinned = tuple(p for p in self.proposals if p.crisis)
        return pinned or self.if_things_get_worse

    @property
    def excluded(self) -> tuple[Exclusion, ...]:
        """Every service that fails a hard constraint, in directory order."""
        if self._excluded is None:
            checks, crisis = self._checks, self._crisis_checks
            self._excluded = tuple(
                [Exclusion(s, crisis if s.crisis else checks) for s in self._excluded_services]
            )
        return self._excluded

    def __iter__(self) -> Iterator[Proposal]:
        return iter(self.proposals)

    def proposal(self, service_id: str) -> Proposal | None:
        """The proposal (or crisis help) for ``service_id``, or None."""
        return next(
            (p for p in (*self.proposals, *self.if_things_get_worse) if p.service.id == service_id),
            None,
        )

    def exclusion(self, service_id: str) -> Exclusion | None:
        """The exclusion of ``service_id``, or None."""
        return next((e for e in self.excluded if e.service.id == service_id), None)

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, MatchResult):
            return NotImplemented
        return (self.proposals, self.if_things_get_worse, self.excluded) == (
            other.proposals,
            other.if_things_get_worse,
            other.excluded,
        )

    def __hash__(self) -> int:
        return hash((self.proposals, self.if_things_get_worse, self._excluded_services))

    def __repr__(self) -> str:
        excluded, worse = len(self._excluded_services), len(self.if_things_get_worse)
        return (
            f"MatchResult(<{len(self.proposals)} proposed, {worse} if things get worse, "
            f"{excluded} excluded>)"
        )


def match(
    intake: Intake,
    directory: Directory,
    *,
    near: tuple[float, float] | None = None,
    travel_limit: float | None = None,
    today: date | None = None,
    screen: ScreenResult | None = None,
    postal_centroids: Mapping[str, tuple[float, float]] | None = None,
) -> MatchResult:
    """Propose the services of ``directory`` that fit the person, and say why of each.

    ``near`` (latitude, longitude) and ``travel_limit`` (kilometres) override what the intake
    says about where the person is and how far they can go; ``today`` dates ages and how long
    ago records were verified (default: today). ``screen`` is the person's suicide-risk
    screen result (default: the intake's own ``safety_screen``, when answered): a positive
    one puts crisis help first among the proposals; otherwise crisis help is listed in
    ``if_things_get_worse``. Without
    coordinates, ``postal_centroids`` (postal code -> latitude, longitude, from data the clinic
    supplies) places the person at their postal code's centroid for service areas and travel.

    Raises:
        MatchingError: ``near``, ``travel_limit`` or a centroid is not a usable value.

    """
    person = person_for(
        intake,
        near=near,
        travel_limit_km=travel_limit,
        today=today,
        screen=screen,
        postal_centroids=postal_centroids,
    )
    checks = checks_for(person)
    listed = tuple(c for c in checks if c.binding)  # only these can exclude anything
    asked = sorted(listed, key=lambda c: _ASKED_FIRST[c.constraint])
    binding = tuple(check.fails for check in asked)
    crisis_checks = tuple(c for c in listed if c.constraint in _CRISIS_CONSTRAINTS)
    crisis_binding = tuple(check.fails for check in crisis_checks)
    ranker = Ranker(person)
    score = ranker.score
    scored: list[tuple[int, str, Service]] = []
    crisis: list[tuple[int, str, Service]] = []
    excluded: list[Service] = []
    for service in directory.services:
        if service.crisis:
            if any(fails(service) for fails in crisis_binding):
                excluded.append(service)
            else:
                crisis.append((-score(service), service.id, service))
            continue
        for fails in binding:
            if fails(service):
                excluded.append(service)
                break
        else:
            scored.append((-score(service), service.id, service))
    crisis.sort()
    scored.sort()  # by points, then id: ids are unique, so services are never compared
    context = (person, checks, ranker)
    if person.screened_positive:
        scored = crisis + scored
        crisis = []
    proposals = tuple(
        Proposal(service, rank, -negative, context)
        for rank, (negative, _, service) in enumerate(scored, start=1)
    )
    worse = tuple(
        Proposal(service, rank, -negative, context)
        for rank, (negative, _, service) in enumerate(crisis, start=1)
    )
    return MatchResult(proposals, tuple(excluded), listed, worse, crisis_checks)


@dataclass(frozen=True, slots=True)
class Override:
    """A clinician's decision to refer to a service that failed hard constraints.

    ``overridden`` lists what the clinician knowingly set aside; ``by`` identifies the
    clinician and ``why`` is their note. The repr shows neither: a note may mention the
    patient.
    """

    service: Service = field(repr=False)
    overridden: tuple[Unmet, ...]
    by: str = field(repr=False)
    why: str = field(repr=False)
    at: datetime = field(repr=False)

    @property
    def service_id(self) -> str:
        """The directory's id of the service."""
        return self.service.id

    @property
    def constraints(self) -> tuple[Constraint, ...]:
        """The hard constraints set aside, each once."""
        return tuple(dict.fromkeys(u.constraint for u in self.overridden))


def override(
    result: MatchResult,
    service_id: str,
    *,
    by: str,
    why: str,
    at: datetime | None = None,
) -> Override:
    """Record that ``by`` refers to an excluded service anyway, because ``why``.

    Raises:
        MatchingError: the service is not among the exclusions (unknown, or already
            proposed), or ``by``/``why`` is empty, or ``at`` has no time zone.

    """
    exclusion = result.exclusion(service_id)
    if exclusion is None:
        expected = (
            "is proposed already: refer to it without an override"
            if result.proposal(service_id)
            else "expected the id of an excluded service of this result"
        )
        raise MatchingError("service_id", expected)
    if not by.strip():
        raise MatchingError("by", "expected who overrides (a clinician identifier)")
    if not why.strip():
        raise MatchingError("why", "expected the reason for the override")
    when = at or datetime.now(UTC)
    if when.tzinfo is None:
        raise MatchingError("at", "expected a time with a time zone")
    return Override(exclusion.service, exclusion.because, by.strip(), why.strip(), when)
