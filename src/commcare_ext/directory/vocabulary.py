"""Coded facts about a community service, as enums whose values are stable codes.

These are what matching compares against the intake, so each one is a closed set rather than
free text. A reader fills them only from coded input (a taxonomy term, a FHIR coding, an HSDS
enum); free text is kept beside them for people to read, never parsed into them.
"""

from enum import IntEnum, StrEnum
from typing import Final

#: Our own taxonomy for the facts HSDS has no column for (interpretation mode, peer-led,
#: discreetness, populations...). HSDS carries them as ``attributes`` whose taxonomy term comes
#: from this taxonomy; FHIR carries them as codings in this system. See docs/directory.md.
DIRECTORY_TAXONOMY: Final = "https://fhir.commcare-ext.org/CodeSystem/commcare-directory"


class Weekday(IntEnum):
    """A day of the week, numbered as :meth:`datetime.date.weekday` numbers it (Monday = 0)."""

    MONDAY = 0
    TUESDAY = 1
    WEDNESDAY = 2
    THURSDAY = 3
    FRIDAY = 4
    SATURDAY = 5
    SUNDAY = 6


class ServiceStatus(StrEnum):
    """Whether a service is running (HSDS ``service.status``; FHIR ``HealthcareService.active``)."""

    ACTIVE = "active"
    INACTIVE = "inactive"
    DEFUNCT = "defunct"
    TEMPORARILY_CLOSED = "temporarily closed"


class ServiceMode(StrEnum):
    """How a person takes part in the service."""

    IN_PERSON = "mode-in-person"
    PHONE = "mode-phone"
    VIDEO = "mode-video"
    TEXT = "mode-text"  # SMS or web chat


class CrisisKind(StrEnum):
    """Help for someone in crisis now, whatever else they asked for (issue 18).

    Directories code these with crisis and suicide-prevention terms (211/AIRS ``RP-1500``,
    Open Eligibility "Psychiatric Emergency Services", our own codes); matching never excludes
    them for the kind of help the person chose, and lists them as crisis help.
    """

    CRISIS_LINE = "crisis-line"  # a 24/7 crisis or suicide-prevention line, call/text/chat
    MOBILE_CRISIS_TEAM = "crisis-mobile-team"  # a team that comes to the person
    CRISIS_STABILISATION = "crisis-stabilisation"  # a place to stay or be seen in a crisis
    CRISIS_INTERVENTION = "crisis-intervention"  # crisis help the directory does not detail


class InterpretationMode(StrEnum):
    """How the service provides an interpreter for a language its staff do not speak."""

    IN_PERSON = "interpretation-in-person"
    PHONE = "interpretation-phone"
    VIDEO = "interpretation-video"


class InsuranceKind(StrEnum):
    """Kinds of health coverage a service accepts."""

    MEDICAID = "insurance-medicaid"
    MEDICARE = "insurance-medicare"
    PRIVATE = "insurance-private"
    INDIAN_HEALTH_SERVICE = "insurance-ihs"
    VETERANS = "insurance-va"  # VA care or TRICARE


class Gender(StrEnum):
    """A gender a service is restricted to (no restriction is the empty set)."""

    WOMEN = "gender-women"
    MEN = "gender-men"
    NON_BINARY = "gender-non-binary"


class Population(StrEnum):
    """A group of people a service is for (eligibility) or focuses on (cultural fit)."""

    REFUGEES = "population-refugees"
    IMMIGRANTS = "population-immigrants"
    LGBTQ = "population-lgbtq"
    TRIBAL_MEMBERS = "population-tribal-members"
    VETERANS = "population-veterans"
    YOUTH = "population-youth"
    OLDER_ADULTS = "population-older-adults"
    PARENTS_AND_CAREGIVERS = "population-caregivers"
    SURVIVORS_OF_VIOLENCE = "population-survivors"
    PEOPLE_WITH_DISABILITIES = "population-disabilities"
    FARMWORKERS = "population-farmworkers"


class OutreachMethod(StrEnum):
    """A way the service itself contacts clients (compared with the intake's discreet rules)."""

    PHONE_CALL = "outreach-phone-call"
    VOICEMAIL = "outreach-voicemail"
    TEXT_MESSAGE = "outreach-text"
    MAIL = "outreach-mail"
    EMAIL = "outreach-email"


class AccessibilityFeature(StrEnum):
    """Arrangements at a site for people with disabilities."""

    WHEELCHAIR = "access-wheelchair"
    ACCESSIBLE_RESTROOM = "access-restroom"
    HEARING_LOOP = "access-hearing-loop"
    SIGN_LANGUAGE = "access-sign-language"
    LARGE_PRINT_OR_BRAILLE = "access-large-print"
    PUBLIC_TRANSIT_NEARBY = "access-transit"
    PARKING = "access-parking"
    CHILDCARE_ON_SITE = "access-childcare"


class Flag(StrEnum):
    """Yes/no facts of our directory taxonomy; an attribute value "false" states the opposite."""

    FREE = "free"
    SLIDING_SCALE = "sliding-scale"
    PEER_LED = "peer-led"
    UNMARKED_SITE = "unmarked-site"
    NO_MAIL = "no-mail"
    NEUTRAL_CALLER_NAME = "neutral-caller-name"
    CLIENT_INITIATES_CONTACT = "client-initiates-contact"
    NO_OUTREACH = "outreach-none"
    WAITLIST = "waitlist"
    ACCEPTING_NEW_CLIENTS = "accepting-new-clients"
    SELF_REFERRAL = "self-referral"


class ValuedTerm(StrEnum):
    """Terms of our directory taxonomy whose meaning is in the attribute's value."""

    FAITH_TRADITION = "faith-tradition"  # value: a tradition, e.g. "islam"
    CULTURAL_FOCUS = "cultural-focus"  # value: a community, e.g. "somali"
    WAIT_WEEKS = "wait-weeks"  # value: whole weeks, e.g. "6"
    REFERRAL_ENDPOINT = "referral-endpoint"  # value: a URL or Direct address
    POSTAL_CODES = "postal-codes"  # value: codes separated by commas or spaces
    TIME_ZONE = "time-zone"  # value: an IANA time zone, e.g. "America/Denver"
    MINIMUM_AGE = "minimum-age"  # value: whole years (FHIR has no element for it)
    MAXIMUM_AGE = "maximum-age"  # value: whole years
