"""Facts coded in our own directory taxonomy, gathered from HSDS attributes or FHIR codings.

Both readers hand every term of :data:`DIRECTORY_TAXONOMY` to :meth:`CodedFacts.add`, so a
directory states "peer-led", "interpreter by phone" or "no mail" the same way in either
format. Whatever the code or value, :meth:`add` answers with a message when it cannot use it
(the reader reports it), never by guessing.
"""

import re
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TypeVar

from commcare_ext.directory.model import Capacity, CulturalFit, Discretion
from commcare_ext.directory.taxonomy import normalise_term
from commcare_ext.directory.vocabulary import (
    AccessibilityFeature,
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

_E = TypeVar("_E", bound=StrEnum)
_TRUE = {"true", "yes", "y", "1"}
_FALSE = {"false", "no", "n", "0"}
_SPLIT = re.compile(r"[\s,;]+")

#: Every code of our taxonomy a reader understands, for the documentation and the tests.
KNOWN_CODES: frozenset[str] = frozenset(
    code.value
    for enum in (
        SupportType, ServiceMode, InterpretationMode, InsuranceKind, Gender, Population,
        OutreachMethod, AccessibilityFeature, Flag, ValuedTerm,
    )
    for code in enum
)  # fmt: skip


def _member(enum: type[_E], code: str) -> _E | None:
    try:
        return enum(code)
    except ValueError:
        return None


def normalise_postal_code(code: str) -> str:
    """A postal code as compared: upper case, no spaces (``"87301-1234"`` stays as given)."""
    return "".join(code.split()).upper()


@dataclass(slots=True)
class CodedFacts:
    """What the coded terms of one service (and its sites) said, accumulated."""

    support_types: set[SupportType] = field(default_factory=set)
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

    def flag(self, flag: Flag) -> bool | None:
        """The stated value of ``flag``, or None when no term stated it."""
        return self.flags.get(flag)

    def add(  # noqa: PLR0912 - one branch per kind of term, read in one place
        self, code: str, value: str | None, *, eligibility: bool = False
    ) -> tuple[str, str] | None:
        """Take one coded term; return (field, why) when it could not be used, else None.

        ``eligibility`` True reads a gender or population as a restriction (HSDS
        ``link_type`` "eligibility"); otherwise a population is one the service welcomes and
        a gender, which can only restrict, is still read as a restriction.
        """
        code = code.strip().lower()
        text = value.strip() if value is not None and value.strip() else None
        if (kind := _member(SupportType, code)) is not None:
            self.support_types.add(kind)
        elif (flag := _member(Flag, code)) is not None:
            if text is None or text.lower() in _TRUE:
                self.flags[flag] = True
            elif text.lower() in _FALSE:
                self.flags[flag] = False
            else:
                return "value", f"expected true or false for '{code}'"
        elif (mode := _member(ServiceMode, code)) is not None:
            self.modes.add(mode)
        elif (interpretation := _member(InterpretationMode, code)) is not None:
            self.interpretation.add(interpretation)
        elif (insurance := _member(InsuranceKind, code)) is not None:
            self.insurance.add(insurance)
        elif (gender := _member(Gender, code)) is not None:
            self.genders.add(gender)
        elif (population := _member(Population, code)) is not None:
            (self.populations_required if eligibility else self.populations_welcomed).add(
                population
            )
        elif (outreach := _member(OutreachMethod, code)) is not None:
            self.outreach.add(outreach)
        elif (feature := _member(AccessibilityFeature, code)) is not None:
            self.accessibility.add(feature)
        elif (valued := _member(ValuedTerm, code)) is not None:
            if text is None:
                return "value", f"'{code}' needs a value"
            return self._add_valued(valued, text)
        else:
            return "code", f"'{code}' is not a term of our directory taxonomy"
        return None

    def _add_valued(self, term: ValuedTerm, text: str) -> tuple[str, str] | None:
        if term is ValuedTerm.FAITH_TRADITION:
            self.faith_traditions.add(normalise_term(text))
        elif term is ValuedTerm.CULTURAL_FOCUS:
            self.cultural_focus.add(normalise_term(text))
        elif term is ValuedTerm.POSTAL_CODES:
            self.postal_codes.update(normalise_postal_code(c) for c in _SPLIT.split(text) if c)
        elif term in (ValuedTerm.WAIT_WEEKS, ValuedTerm.MINIMUM_AGE, ValuedTerm.MAXIMUM_AGE):
            if not text.isdigit():
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
