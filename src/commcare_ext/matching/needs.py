"""Hard constraints from needs beyond the form's first sections: signing, faith, declining.

* :class:`SignLanguageCheck` — a person who signs (or asked for a sign-language interpreter)
  is proposed only services where signing works: staff who sign, an interpreter for a sign
  language in person or by video, or a site that states sign-language access. Hearing loss,
  relay calls and large print are cautions: directories rarely state them.
* :class:`FaithCheck` — a person who asked for a faith community and named their tradition is
  not proposed a faith community of another tradition (without their own too).
* :class:`FaithEligibilityCheck` — a service restricted to members of a faith admits a person
  who named that faith.
* :class:`DeclinedCheck` — a person who wants no community referral is proposed none (crisis
  help is never held back: it is matched apart, :mod:`.crisis`).
"""

from commcare_ext.directory import (
    AccessibilityFeature,
    InterpretationMode,
    Service,
    ServiceMode,
    is_sign_language,
)
from commcare_ext.matching.constraints import Check, Notes, codes
from commcare_ext.matching.findings import (
    CautionCode,
    Constraint,
    ReasonCode,
    Unmet,
    UnmetCode,
    caution,
    reason,
    unmet,
)
from commcare_ext.matching.person import Person

_FACE_TO_FACE = frozenset({InterpretationMode.IN_PERSON, InterpretationMode.VIDEO})


def signs(service: Service) -> str | None:
    """How signing works at the service ("staff", "interpreter", "site"), or None."""
    access = service.languages
    if any(is_sign_language(tag) for tag in access.staff_languages):
        return "staff"
    covered = access.interpreted_languages
    if (
        covered is not None
        and any(is_sign_language(tag) for tag in covered)
        and (access.interpretation_way_unstated or bool(access.interpretation & _FACE_TO_FACE))
    ):
        return "interpreter"
    if any(AccessibilityFeature.SIGN_LANGUAGE in site.accessibility for site in service.locations):
        return "site"
    return None


class SignLanguageCheck(Check):
    """Signing works at the service, for a person who signs; other access needs caution.

    "Interpreters for any language" does not count: such offers are usually spoken-language
    phone lines, which do not serve a person who signs.
    """

    constraint = Constraint.LANGUAGE

    def __init__(self, person: Person) -> None:
        self.person = person
        self.binding = person.needs_sign_language

        def fails(service: Service) -> bool:
            return signs(service) is None

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """That nothing states sign language."""
        return unmet(UnmetCode.NO_SIGN_LANGUAGE, staff=codes(service.languages.staff_languages))

    def notes(self, service: Service, found: Notes) -> None:
        """Names how signing works; cautions about hearing, relay and print the directory omits."""
        person, sites = self.person, service.locations
        if person.needs_sign_language and (how := signs(service)):
            found.reasons.append(reason(ReasonCode.SIGN_LANGUAGE, way=how))
        if (
            person.hearing_loss
            and not person.needs_sign_language
            and ServiceMode.TEXT not in service.modes
            and not any(AccessibilityFeature.HEARING_LOOP in s.accessibility for s in sites)
        ):
            found.cautions.append(caution(CautionCode.HEARING_NOT_STATED))
        if person.needs_relay and ServiceMode.PHONE in service.modes:
            found.cautions.append(caution(CautionCode.RELAY_NOT_STATED))
        if person.needs_large_print and not any(
            AccessibilityFeature.LARGE_PRINT_OR_BRAILLE in s.accessibility for s in sites
        ):
            found.cautions.append(caution(CautionCode.LARGE_PRINT_NOT_STATED))


class FaithCheck(Check):
    """A person who asked for their own faith community is not sent to another tradition's."""

    constraint = Constraint.FAITH

    def __init__(self, person: Person) -> None:
        self.traditions = traditions = person.faith_traditions
        self.binding = person.wants_own_tradition

        def fails(service: Service) -> bool:
            theirs = service.cultural_fit.faith_traditions
            return bool(theirs) and theirs.isdisjoint(traditions)

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The service's tradition."""
        return unmet(
            UnmetCode.OTHER_TRADITION,
            traditions=codes(service.cultural_fit.faith_traditions),
        )


class FaithEligibilityCheck(Check):
    """A service only for members of a faith admits a person who named that faith."""

    constraint = Constraint.ELIGIBILITY

    def __init__(self, person: Person) -> None:
        traditions = person.faith_traditions

        def fails(service: Service) -> bool:
            only = service.eligibility.faith_traditions
            return bool(only) and only.isdisjoint(traditions)

        self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """The faiths it is for."""
        return unmet(
            UnmetCode.FAITH_NOT_ELIGIBLE, traditions=codes(service.eligibility.faith_traditions)
        )


class DeclinedCheck(Check):
    """The person wants no community referral: no community service is proposed."""

    constraint = Constraint.REFERRAL

    def __init__(self, person: Person) -> None:
        self.binding = person.declined_referral

        def fails(service: Service) -> bool:
            return not service.crisis

        if self.binding:
            self.fails = fails

    def explain(self, service: Service) -> Unmet:
        """That the person declined."""
        return unmet(UnmetCode.REFERRAL_DECLINED)
