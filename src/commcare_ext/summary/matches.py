"""The services matching proposed and the clinician chose, with why: a summary section.

A clinician who signs a referral should see what else was on the table and what each
service was proposed for, so the chosen services are marked among the proposals, and a
chosen service matching excluded (an override) is listed with every constraint it fails.
"""

from collections.abc import Iterable

from commcare_ext.matching import MatchingError, MatchResult, Proposal, render
from commcare_ext.summary.parts import Row, Section
from commcare_ext.summary.words import word

_HEADER = ("col-service", "col-organisation", "col-status", "col-why", "col-check")


def matches_section(
    result: MatchResult, chosen: Iterable[str] = (), *, language: str = "en"
) -> Section:
    """A "Community services" section: each proposal (best first), then chosen exclusions.

    ``chosen`` holds directory service ids; the section's words, reasons, cautions and failed
    constraints are in ``language`` (any of the form's five). Crisis help is listed too: first
    after a positive risk screen, else "if things get worse". Raises
    :class:`~commcare_ext.matching.MatchingError` (field ``chosen``) for an id the match
    neither proposed nor excluded.
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
            _status(p, p.service.id in picked, language, worse=p in result.if_things_get_worse),
            "; ".join(render(r, language) for r in p.reasons),
            "; ".join(render(c, language) for c in p.cautions),
        )
        for p in listed
    ]
    table += [
        (
            e.service.name,
            e.service.organization.name,
            word(language, "chosen-excluded"),
            "",
            "; ".join(render(u, language) for u in e.because),
        )
        for e in overridden
    ]
    rows = [
        Row(word(language, "proposed"), str(len(result.proposals))),
        Row(word(language, "chosen-count"), str(len(picked))),
    ]
    alert = word(language, "override-alert") if overridden else None
    header = tuple(word(language, key) for key in _HEADER)
    return Section(word(language, "services"), rows, table_header=header, table=table, alert=alert)


def _status(proposal: Proposal, chosen: bool, language: str, *, worse: bool) -> str:
    """Where the service stands: a proposal (crisis help first), or crisis help for later."""
    rank = str(proposal.rank)
    if worse:
        label = word(language, "crisis-later", rank=rank)
    elif proposal.crisis:
        label = word(language, "crisis-first", rank=rank)
    else:
        label = word(language, "proposal", rank=rank)
    return word(language, "chosen-as", status=label) if chosen else label
