"""Facts coded in our own directory taxonomy, gathered from HSDS attributes or FHIR codings.

Both readers hand every term of :data:`DIRECTORY_TAXONOMY` to :meth:`CodedFacts.add`, so a
directory states "peer-led", "interpreter by phone" or "no mail" the same way in either
format. Whatever the code or value, :meth:`add` answers with a message when it cannot use it
(the reader reports it), never by guessing.
"""

import re
import sys
from dataclasses import dataclass, field
from enum import StrEnum

from commcare_ext.directory.model import Capacity, CulturalFit, Discretion
from commcare_ext.directory.taxonomy import (
    TaxonomyMapping,
    TaxonomyTerm,
    crisis_kind,
    normalise_term,
)
from commcare_ext.directory.vocabulary import (
    AccessibilityFeature,
    CrisisKind,
    Flag,
    Gender,
    InsuranceKind,
    InterpretationMode,
    OutreachMethod,
    Population,
    ServiceMode,
    ValuedTerm,
)
from commcare_ext.intake.vocabulary import SupportType

_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_SPLIT = re.compile(r"[\s,;]+")

_ENUMS: tuple[type[StrEnum], ...] = (
    SupportType, ServiceMode, InterpretationMode, InsuranceKind, Gender, Population,
    OutreachMethod, AccessibilityFeature, Flag, ValuedTerm, CrisisKind,
)  # fmt: skip
#: Every code of our taxonomy a reader understands, to its member (codes are unique across
#: the enums; tests/directory checks it). One dict lookup per term: readers do this a lot.
BY_CODE: dict[str, StrEnum] = {code.value: code for enum in _ENUMS for code in enum}
KNOWN_CODES: frozenset[str] = frozenset(BY_CODE)
#: Members that simply join a set of the facts, by enum: the set's field name.
_SET_FIELD: dict[type[StrEnum], str] = {
    SupportType: "support_types", ServiceMode: "modes", InterpretationMode: "interpretation",
    InsuranceKind: "insurance", Gender: "genders", OutreachMethod: "outreach",
    AccessibilityFeature: "accessibility", CrisisKind: "crisis",
}  # fmt: skip


def normalise_postal_code(code: str) -> str:
    """A postal code as compared: upper case, no spaces (``"87301-1234"`` stays as given)."""
    return sys.intern("".join(code.split()).upper())


@dataclass(slots=True)
class CodedFacts:
    """What the coded terms of one service (and its sites) said, accumulated."""

    support_types: set[SupportType] = field(default_factory=set)
    crisis: set[CrisisKind] = field(default_factory=set)
    faiths_required: set[str] = field(default_factory=set)
    unread_eligibility: list[str] = field(default_factory=list)
    flags: dict[Flag, bool] = field(default_factory=dict)
    modes: set[ServiceMode] = field(default_factory=set)
    interpretation: set[InterpretationMode] = field(default_factory=set)
    insurance: set[InsuranceKind] = field(default_factory=set)
    genders: set[Gender] = field(default_factory=set)
    populations_required: set[Population] = field(default_factory=set)
    populations_welcomed: set[Population] = field(default_factory=set)
    outreach: set[OutreachMethod] = field(default_factory=set)
    accessibility: set[AccessibilityFeature] = field(default_factory=set)
    faith_traditions: set[str] = field(default_factory=set)
    cultural_focus: set[str] = field(default_factory=set)
    postal_codes: set[str] = field(default_factory=set)
    wait_weeks: int | None = None
    minimum_age: int | None = None
    maximum_age: int | None = None
    referral_endpoint: str | None = None
    time_zone: str | None = None

    def kinds_of_help(
        self, mapping: TaxonomyMapping, terms: list[TaxonomyTerm]
    ) -> tuple[frozenset[SupportType], tuple[TaxonomyTerm, ...]]:
        """The kinds of help ``terms`` and our own codes name, and the terms nothing maps.

        A term that names who the service is for (a gender, a population, a faith) instead of
        a kind of help joins those facts here, so any taxonomy's audience terms count too: as
        a restriction when the directory links it as eligibility (HSDS ``link_type``), else as
        a group the service welcomes (a gender always restricts). A term naming crisis help
        joins :attr:`crisis`. An eligibility term nothing can read is kept for a person to
        check, never taken as a kind of help.
        """
        help_terms = [t for t in terms if not t.eligibility]
        kinds, unmapped = mapping.classify(help_terms)
        still: list[TaxonomyTerm] = []
        for term in (*unmapped, *(t for t in terms if t.eligibility)):
            situation = mapping.situation(term)
            faith = mapping.faith(term)
            if (crisis := crisis_kind(term)) is not None and not term.eligibility:
                self.crisis.add(crisis)
            elif isinstance(situation, Gender):
                self.genders.add(situation)
            elif situation is not None:
                chosen = (
                    self.populations_required if term.eligibility else self.populations_welcomed
                )
                chosen.add(situation)
            elif faith is not None:
                (self.faiths_required if term.eligibility else self.faith_traditions).add(faith)
            elif term.eligibility:
                self.unread_eligibility.append(term.name)
            else:
                still.append(term)
        return kinds | self.support_types, tuple(still)

    def flag(self, flag: Flag) -> bool | None:
        """The stated value of ``flag``, or None when no term stated it."""
        return self.flags.get(flag)

    def add(
        self, code: str, value: str | None, *, eligibility: bool = False
    ) -> tuple[str, str] | None:
        """Take one coded term; return (field, why) when it could not be used, else None.

        ``eligibility`` True reads a gender or population as a restriction (HSDS
        ``link_type`` "eligibility"); otherwise a population is one the service welcomes and
        a gender, which can only restrict, is still read as a restriction.
        """
        code = code.strip().lower()
        text = value.strip() if value is not None and value.strip() else None
        member = BY_CODE.get(code)
        if member is None:
            return "code", f"'{code}' is not a term of our directory taxonomy"
        field_name = _SET_FIELD.get(type(member))
        if field_name is not None:
            getattr(self, field_name).add(member)
        elif isinstance(member, Flag):
            if text is None or text.lower() in _TRUE:
                self.flags[member] = True
            elif text.lower() in _FALSE:
                self.flags[member] = False
            else:
                return "value", f"expected true or false for '{code}'"
        elif isinstance(member, Population):
            chosen = self.populations_required if eligibility else self.populations_welcomed
            chosen.add(member)
        elif isinstance(member, ValuedTerm):
            if text is None:
                return "value", f"'{code}' needs a value"
            return self._add_valued(member, text)
        return None

    def _add_valued(self, term: ValuedTerm, text: str) -> tuple[str, str] | None:
        if term is ValuedTerm.FAITH_TRADITION:
            self.faith_traditions.add(normalise_term(text))
        elif term is ValuedTerm.CULTURAL_FOCUS:
            self.cultural_focus.add(normalise_term(text))
        elif term is ValuedTerm.POSTAL_CODES:
            self.postal_codes.update(normalise_postal_code(c) for c in _SPLIT.split(text) if c)
        elif term in (ValuedTerm.WAIT_WEEKS, ValuedTerm.MINIMUM_AGE, ValuedTerm.MAXIMUM_AGE):
            if not (text.isascii() and text.isdigit()):
                return "value", f"expected a whole number for '{term.value}'"
            setattr(self, term.name.lower(), int(text))
        elif term is ValuedTerm.REFERRAL_ENDPOINT:
            self.referral_endpoint = text
        else:
            self.time_zone = text
        return None

    @property
    def outreach_stated(self) -> frozenset[OutreachMethod] | None:
        """How the service contacts people, when any term said so (``outreach-none``: never)."""
        if self.outreach or self.flags.get(Flag.NO_OUTREACH):
            return frozenset(self.outreach)
        return None

    def discretion(self) -> Discretion:
        """How discreet the service said it is."""
        return Discretion(
            self.outreach_stated,
            self.flag(Flag.UNMARKED_SITE),
            self.flag(Flag.NEUTRAL_CALLER_NAME),
            self.flag(Flag.CLIENT_INITIATES_CONTACT),
            self.flag(Flag.NO_MAIL),
        )

    def capacity(self, note: str | None) -> Capacity:
        """Whether the service takes new people now."""
        return Capacity(
            self.flag(Flag.ACCEPTING_NEW_CLIENTS), self.flag(Flag.WAITLIST), self.wait_weeks, note
        )

    def cultural_fit(self) -> CulturalFit:
        """Faith traditions, cultural focus and populations welcomed."""
        return CulturalFit(
            frozenset(self.faith_traditions),
            frozenset(self.cultural_focus),
            frozenset(self.populations_welcomed),
        )
