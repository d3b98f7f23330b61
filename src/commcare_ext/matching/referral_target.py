"""From a chosen proposal (or a clinician's override) to the referral extraction builds.

A clinic shows the proposals, the clinician chooses one, and extraction needs a
:class:`~commcare_ext.extract.ReferralTarget`: the service, the organisation that performs
it, the kind of help, the reasons as text and what the organisation may see. This is that
step, so no integrator rebuilds it (and its refusals) by hand.
"""

from collections.abc import Iterable

from commcare_ext.extract import ReferralTarget
from commcare_ext.intake import Intake, ReferralShare, SupportType
from commcare_ext.matching.errors import MatchingError
from commcare_ext.matching.match import Override, Proposal
from commcare_ext.matching.messages import render


def referral_target(
    chosen: Proposal | Override,
    intake: Intake,
    *,
    organization_system: str,
    service_system: str,
    kind: SupportType | None = None,
    language: str = "en",
    note: str | None = None,
    share: Iterable[ReferralShare] | None = None,
) -> ReferralTarget:
    """The referral to the chosen service, performed by its organisation.

    ``kind`` defaults to the first kind of help the person asked for that the service offers.
    The proposal's reasons become text in ``language`` (an override carries none: the
    clinician's note is theirs to write in ``note``). ``share`` gives this organisation its
    own sharing choice (default: the person's general choice). The directory ids become
    identifier values under ``organization_system`` and ``service_system``.

    Raises:
        MatchingError: the person declined community referral, the service is crisis help
            (the person contacts it directly; a referral message would carry risk data out),
            or no kind of help can be named for it.

    """
    if intake.care.community_referral_declined is True:
        raise MatchingError(
            "intake.care.community_referral_declined",
            "no referral: the person does not want a community referral now",
        )
    service = chosen.service
    if service.crisis:
        raise MatchingError(
            "chosen", "crisis help is for the person to contact directly, not a referral"
        )
    if kind is None:
        kind = next((k for k in intake.care.preferred_supports if k in service.support_types), None)
        if kind is None and len(service.support_types) == 1:
            kind = next(iter(service.support_types))
    if kind is None:
        raise MatchingError("kind", "expected the kind of help this referral is for")
    reasons = [render(r, language) for r in chosen.reasons] if isinstance(chosen, Proposal) else []
    return ReferralTarget.for_service(
        service,
        kind,
        organization_system=organization_system,
        service_system=service_system,
        reasons=reasons,
        note=note,
        share=share,
    )
