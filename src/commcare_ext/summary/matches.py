"""The services matching proposed and the clinician chose, with why: a summary section.

A clinician who signs a referral should see what else was on the table and what each
service was proposed for, so the chosen services are marked among the proposals, and a
chosen service matching excluded (an override) is listed with every constraint it fails.
"""

from collections.abc import Iterable

from commcare_ext.matching import MatchingError, MatchResult, Proposal, render
from commcare_ext.summary.parts import Row, Section

_HEADER = ("Service", "Organisation", "Status", "Why it fits", "What to check")


def matches_section(
    result: MatchResult, chosen: Iterable[str] = (), *, language: str = "en"
) -> Section:
    """A "Community services" section: each proposal (best first), then chosen exclusions.

    ``chosen`` holds directory service ids; reasons, cautions and failed constraints are in
    ``language`` ('en' or 'es'). Raises :class:`~commcare_ext.matching.MatchingError`
    (field ``chosen``) for an id the match neither proposed nor excluded.
    """
    picked = set(chosen)
    listed = (*result.proposals, *result.if_things_get_worse)
    known = {p.service.id for p in listed}
    overridden = [e for e in result.excluded if e.service.id in picked]
    unknown = picked - known - {e.service.id for e in overridden}
    if unknown:
        raise MatchingError("chosen", f"ids of services in the match; {len(unknown)} are not")
    table = [
        (
            p.service.name,
            p.service.organization.name,
            _status(p, p.service.id in picked, worse=p in result.if_things_get_worse),
            "; ".join(render(r, language) for r in p.reasons),
            "; ".join(render(c, language) for c in p.cautions),
        )
        for p in listed
    ]
    table += [
        (
            e.service.name,
            e.service.organization.name,
            "chosen although excluded",
            "",
            "; ".join(render(u, language) for u in e.because),
        )
        for e in overridden
    ]
    rows = [Row("Proposed", str(len(result.proposals))), Row("Chosen", str(len(picked)))]
    alert = "A chosen service fails a hard constraint: check the override." if overridden else None
    return Section("Community services", rows, table_header=_HEADER, table=table, alert=alert)


def _status(proposal: Proposal, chosen: bool, *, worse: bool) -> str:
    """Where the service stands: a proposal (crisis help first), or crisis help for later."""
    if worse:
        label = f"crisis help, if things get worse ({proposal.rank})"
    elif proposal.crisis:
        label = f"crisis help first (proposal {proposal.rank})"
    else:
        label = f"proposal {proposal.rank}"
    return f"chosen ({label})" if chosen else label
