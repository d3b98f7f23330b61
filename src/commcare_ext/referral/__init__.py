"""Referral Bundles: a transaction for the EHR, consent-filtered messages for organisations."""

from commcare_ext.fhir.references import DanglingReferenceError, check_references
from commcare_ext.referral.bundles import (
    ReferralDeclinedError,
    ReferralError,
    referral_message_bundle,
    transaction_bundle,
)
from commcare_ext.referral.disclosure import (
    DisclosureError,
    DisclosurePolicy,
    disclose,
    policy_for,
)

__all__ = [
    "DanglingReferenceError",
    "DisclosureError",
    "DisclosurePolicy",
    "ReferralDeclinedError",
    "ReferralError",
    "check_references",
    "disclose",
    "policy_for",
    "referral_message_bundle",
    "transaction_bundle",
]
