"""What matching says about a service: typed findings, data first and text second.

A finding is a code plus parameters; :mod:`.messages` turns it into words in the patient's or
the clinician's language. Three kinds:

* :class:`Unmet` - a hard constraint the service does not meet (it names its
  :class:`Constraint`), so a clinician sees exactly what they would override;
* :class:`Reason` - a need the service meets;
* :class:`Caution` - something to check before referring.

Parameters hold directory facts and coded needs (language tags, support-type codes, hours),
never patient text; reprs show the code only, so a finding in a log reveals nothing about the
person it was computed for.
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import TypeAlias

#: A parameter value: plain data a message template can format.
ParamValue: TypeAlias = str | int | float | bool | tuple[str, ...]
Params: TypeAlias = tuple[tuple[str, ParamValue], ...]


def params(**values: ParamValue | None) -> Params:
    """Parameters in the order given (fixed at each call site), leaving out those that are None."""
    return tuple((k, v) for k, v in values.items() if v is not None)


class Constraint(StrEnum):
    """The hard constraints: a service that fails one is never proposed."""

    ACTIVE = "active"
    SUPPORT_TYPE = "support-type"
    LANGUAGE = "language"
    COST = "cost"
    ELIGIBILITY = "eligibility"
    SERVICE_AREA = "service-area"
    DISCREET_CONTACT = "discreet-contact"
    DIGITAL_ACCESS = "digital-access"
    REACHABLE = "reachable"
    HOURS = "hours"
    FAITH = "faith"
    REFERRAL = "referral"


class UnmetCode(StrEnum):
    """Why a service fails a hard constraint; the part before the dot names the constraint."""

    NOT_RUNNING = "active.not-running"
    KIND_NOT_WANTED = "support-type.not-wanted"
    LANGUAGE_NOT_SPOKEN = "language.not-spoken"
    LANGUAGES_NOT_LISTED = "language.not-listed"
    NO_SIGN_LANGUAGE = "language.no-sign-language"
    CHARGES_FEE = "cost.charges-fee"
    COST_NOT_STATED = "cost.not-stated"
    AGE_OUTSIDE_RANGE = "eligibility.age-outside-range"
    AGE_NOT_RECORDED = "eligibility.age-not-recorded"
    GENDER_NOT_ELIGIBLE = "eligibility.gender-not-eligible"
    GENDER_NOT_RECORDED = "eligibility.gender-not-recorded"
    POPULATION_NOT_ELIGIBLE = "eligibility.population-not-eligible"
    FAITH_NOT_ELIGIBLE = "eligibility.faith-not-eligible"
    OUTSIDE_SERVICE_AREA = "service-area.outside"
    OUTSIDE_EXTENT = "service-area.outside-extent"
    BREAKS_DISCREET_RULE = "discreet-contact.breaks-rule"
    REMOTE_ONLY = "digital-access.remote-only"
    NO_USABLE_MODE = "reachable.no-usable-mode"
    TOO_FAR = "reachable.too-far"
    DISTANCE_UNKNOWN = "reachable.distance-unknown"
    HOURS_DO_NOT_FIT = "hours.do-not-fit"
    HOURS_NOT_STATED = "hours.not-stated"
    OTHER_TRADITION = "faith.other-tradition"
    REFERRAL_DECLINED = "referral.declined"

    @property
    def constraint(self) -> Constraint:
        """The hard constraint this code belongs to."""
        return Constraint(self.value.split(".", 1)[0])


class ReasonCode(StrEnum):
    """A need the service meets."""

    OFFERS_SUPPORT = "offers-support"
    STAFF_SPEAK = "staff-speak"
    INTERPRETATION = "interpretation"
    FREE = "free"
    SLIDING_SCALE = "sliding-scale"
    ELIGIBLE_GROUP = "eligible-group"
    SERVES_AREA = "serves-area"
    KEEPS_DISCREET_RULES = "keeps-discreet-rules"
    NEARBY = "nearby"
    SAME_POSTAL_CODE = "same-postal-code"
    REMOTE_WAYS = "remote-ways"
    FITS_HOURS = "fits-hours"
    FAITH_TRADITION = "faith-tradition"
    FAITH_BASED = "faith-based"
    CULTURAL_FOCUS = "cultural-focus"
    WELCOMES_GROUP = "welcomes-group"
    PEER_LED = "peer-led"
    UNMARKED_SITE = "unmarked-site"
    NEUTRAL_CALLER_NAME = "neutral-caller-name"
    RECENTLY_VERIFIED = "recently-verified"
    SIGN_LANGUAGE = "sign-language"
    CRISIS_HELP = "crisis-help"
    CRISIS_FIRST = "crisis-first"
    IF_THINGS_GET_WORSE = "if-things-get-worse"


class CautionCode(StrEnum):
    """Something a clinician should check before referring."""

    NOT_PREFERRED_LANGUAGE = "not-preferred-language"
    INTERPRETER_REMOTE_ONLY = "interpreter-remote-only"
    LANGUAGES_NOT_LISTED = "languages-not-listed"
    CHARGES_FEE = "charges-fee"
    AREA_UNCHECKED = "area-unchecked"
    DISCREET_RULES_UNKNOWN = "discreet-rules-unknown"
    DISTANCE_BY_POSTAL_CODE = "distance-by-postal-code"
    DISTANCE_UNCHECKED = "distance-unchecked"
    HOURS_NOT_COMPARED = "hours-not-compared"
    HOURS_NOT_LISTED = "hours-not-listed"
    NOT_EVERY_WEEK = "not-every-week"
    OTHER_FAITH_TRADITION = "other-faith-tradition"
    WAITLIST = "waitlist"
    NOT_ACCEPTING = "not-accepting"
    NOT_VERIFIED_RECENTLY = "not-verified-recently"
    NEVER_VERIFIED = "never-verified"
    PHONE_MAY_NOT_BE_PRIVATE = "phone-may-not-be-private"
    KIND_UNKNOWN = "kind-unknown"
    INTERPRETER_LANGUAGES_UNSTATED = "interpreter-languages-unstated"
    INTERPRETER_WAY_UNSTATED = "interpreter-way-unstated"
    ELIGIBILITY_DESCRIBED = "eligibility-described"
    ELIGIBILITY_TERMS_UNREAD = "eligibility-terms-unread"
    AREA_NOT_READ = "area-not-read"
    EXTENT_UNCHECKED = "extent-unchecked"
    ALERT = "alert"
    REQUIRED_DOCUMENTS = "required-documents"
    COST_OPTIONS = "cost-options"
    HEARING_NOT_STATED = "hearing-not-stated"
    LARGE_PRINT_NOT_STATED = "large-print-not-stated"
    RELAY_NOT_STATED = "relay-not-stated"
    CLINICIAN_GENDER_NOT_STATED = "clinician-gender-not-stated"
    CRISIS_LANGUAGE = "crisis-language"


@dataclass(frozen=True, slots=True)
class _Finding:
    params: Params

    def param(self, name: str) -> ParamValue | None:
        """The value of one parameter, or None."""
        return next((v for k, v in self.params if k == name), None)

    def __repr__(self) -> str:
        code = getattr(self, "code", "")
        return f"{type(self).__name__}({code!s})"


@dataclass(frozen=True, slots=True, repr=False)
class Unmet(_Finding):
    """A hard constraint the service fails, with the facts that decided it."""

    code: UnmetCode

    @property
    def constraint(self) -> Constraint:
        """The constraint a clinician overrides by referring anyway."""
        return self.code.constraint


@dataclass(frozen=True, slots=True, repr=False)
class Reason(_Finding):
    """A need the service meets."""

    code: ReasonCode


@dataclass(frozen=True, slots=True, repr=False)
class Caution(_Finding):
    """Something to check before referring."""

    code: CautionCode


Finding: TypeAlias = Unmet | Reason | Caution


def unmet(code: UnmetCode, **values: ParamValue | None) -> Unmet:
    """An :class:`Unmet` with keyword parameters."""
    return Unmet(params(**values), code)


def reason(code: ReasonCode, **values: ParamValue | None) -> Reason:
    """A :class:`Reason` with keyword parameters."""
    return Reason(params(**values), code)


def caution(code: CautionCode, **values: ParamValue | None) -> Caution:
    """A :class:`Caution` with keyword parameters."""
    return Caution(params(**values), code)


def as_data(finding: Finding) -> dict[str, object]:
    """The finding as JSON-ready data: its code and parameters."""
    return {
        "code": finding.code.value,
        "params": {k: list(v) if isinstance(v, tuple) else v for k, v in finding.params},
    }
