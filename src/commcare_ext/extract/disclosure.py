"""Disclosure categories: the label every extracted resource carries for consent-aware sharing.

A referral Bundle addressed to a community organisation may contain a resource only when
the patient's consent permits that resource's category for that recipient. ``CORE`` is the
minimum any referral needs to be acted on; ``EHR_ONLY`` never leaves the clinic's own EHR, and
neither does ``SAFETY_RISK`` (a suicide-risk screen, its Flag, concern and safety plan),
whatever the person chose to share: :data:`NEVER_SHARED`.
"""

from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum

from commcare_ext.intake.vocabulary import ReferralShare


class DisclosureCategory(StrEnum):
    """Which consent choice governs sharing a resource outside the clinic's EHR."""

    CORE = "core"
    EHR_ONLY = "ehr-only"
    SAFETY_RISK = "safety-risk"
    CONTACT_DETAILS = ReferralShare.CONTACT_DETAILS.value
    LANGUAGE_NEEDS = ReferralShare.LANGUAGE_NEEDS.value
    CARE_PREFERENCES = ReferralShare.CARE_PREFERENCES.value
    ACCESS_BARRIERS = ReferralShare.ACCESS_BARRIERS.value
    SUPPORT_NETWORK = ReferralShare.SUPPORT_NETWORK.value
    STIGMA_CONCERNS = ReferralShare.STIGMA_CONCERNS.value
    SOCIAL_SUPPORT_SCORES = ReferralShare.SOCIAL_SUPPORT_SCORES.value
    PROBLEM_SUMMARY = ReferralShare.PROBLEM_SUMMARY.value

    @classmethod
    def for_share(cls, share: ReferralShare) -> "DisclosureCategory":
        """The category a patient's referral-sharing choice permits."""
        return cls(share.value)


#: Categories no choice can ever send to a community organisation.
NEVER_SHARED: frozenset[DisclosureCategory] = frozenset(
    {DisclosureCategory.EHR_ONLY, DisclosureCategory.SAFETY_RISK}
)


@dataclass(frozen=True, slots=True)
class ReferralSharing:
    """The patient's answer to "may we refer you, and what may the organisation receive?".

    Extraction carries it so that referral needs nothing but the extraction to decide what
    leaves the clinic. ``permitted`` is empty unless the patient said yes: without consent
    nothing beyond the minimum may go, whatever was ticked.
    """

    consented: bool
    categories: frozenset[DisclosureCategory]

    @classmethod
    def from_choices(
        cls, consent: bool | None, shares: Iterable[ReferralShare]
    ) -> "ReferralSharing":
        """The sharing decision from the intake's ``referral_consent`` and ``referral_share``."""
        return cls(consent is True, frozenset(DisclosureCategory.for_share(s) for s in shares))

    @property
    def permitted(self) -> frozenset[DisclosureCategory]:
        """The categories a referral organisation may receive besides CORE."""
        return self.categories - NEVER_SHARED if self.consented else frozenset()
