"""Match a person to community services that fit them, and say why (issue 11).

:func:`match` checks every service of a :class:`~commcare_ext.directory.Directory` against
hard constraints drawn from the intake (the kind of help wanted, language, cost, eligibility,
service area, privacy rules, devices, travel, hours) and ranks those that meet them all. Every
proposal says which needs it meets and what to check; every exclusion names every constraint
it fails, as typed findings (code and parameters) that :func:`render` puts into any of the
form's five languages. Crisis help is matched apart and listed for everyone (first after a
positive suicide-risk screen: the intake's, or the caller's ``screen=``). :func:`override`
records a clinician's decision to refer anyway, with who and why.
The ``commcare-ext match`` command line is ``commcare_ext.cli.match``.
"""

from commcare_ext.matching.errors import MatchingError
from commcare_ext.matching.findings import (
    Caution,
    CautionCode,
    Constraint,
    Reason,
    ReasonCode,
    Unmet,
    UnmetCode,
    as_data,
)
from commcare_ext.matching.match import (
    Exclusion,
    MatchResult,
    Override,
    Proposal,
    match,
    override,
)
from commcare_ext.matching.messages import (
    MESSAGE_LANGUAGES,
    message_language,
    needs_review,
    render,
)
from commcare_ext.matching.referral_target import referral_target

__all__ = [
    "MESSAGE_LANGUAGES",
    "Caution",
    "CautionCode",
    "Constraint",
    "Exclusion",
    "MatchResult",
    "MatchingError",
    "Override",
    "Proposal",
    "Reason",
    "ReasonCode",
    "Unmet",
    "UnmetCode",
    "as_data",
    "match",
    "message_language",
    "needs_review",
    "override",
    "referral_target",
    "render",
]
