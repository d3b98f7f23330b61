"""The demo's step 4: match the intake against the example service directory, choose, refer.

The example directory (examples/directory/hsds, Open Referral HSDS 3.0) is matched against
the person; for each support they asked for, the demo takes the best proposal as a clinician
would choose it, and it becomes the ReferralTarget whose performer is the service's
organisation. A kind with no proposal falls back to the clinic file's directory entry.
"""

from datetime import date
from pathlib import Path

from commcare_ext.directory import read_hsds
from commcare_ext.extract import Organization, ReferralTarget
from commcare_ext.intake import Intake
from commcare_ext.matching import Proposal, match, render

ROOT = Path(__file__).resolve().parent
SERVICES = ROOT / "directory" / "hsds" / "services.json"
#: The example directory was last verified against this day; matching dates records from it.
TODAY = date(2026, 11, 24)
#: The system a clinic's directory gives its organisation ids (the HSDS ids are its values).
DIRECTORY_ORGANIZATIONS = "https://directory.example.org/hsds/organization"


def _target(proposal: Proposal, intake: Intake) -> ReferralTarget:
    service = proposal.service
    kind = next(k for k in intake.care.preferred_supports if k in service.support_types)
    organization = Organization(
        name=service.organization.name,
        identifier_system=DIRECTORY_ORGANIZATIONS,
        identifier_value=service.organization.id,
        phone=service.organization.phone or service.contact.phone,
        endpoint=service.contact.referral_endpoint,
    )
    return ReferralTarget(kind=kind, organization=organization, note=f"Service: {service.name}")


def matched_referrals(intake: Intake, fallback: dict[str, Organization]) -> list[ReferralTarget]:
    """Print the match and return one referral per preferred support (best proposal first)."""
    directory, report = read_hsds(SERVICES, today=TODAY)
    result = match(intake, directory, today=TODAY)
    print(f"   Directory {SERVICES.relative_to(ROOT.parent)}: {report.summary()}")
    print(f"   {len(result.proposals)} services fit, {len(result.excluded)} excluded, e.g.:")
    for exclusion in result.excluded[:2]:
        why = "; ".join(render(unmet) for unmet in exclusion.because)
        print(f"     x {exclusion.service.name}: {why}")
    targets: list[ReferralTarget] = []
    for kind in intake.care.preferred_supports:
        best = next((p for p in result.proposals if kind in p.service.support_types), None)
        if best is None:
            if kind.value in fallback:
                targets.append(ReferralTarget(kind=kind, organization=fallback[kind.value]))
                print(f"   {kind.value}: no service fits; the clinic's own partner instead")
            continue
        print(f"   {kind.value}: {best.service.name} (rank {best.rank}), chosen")
        for reason in best.reasons[:3]:
            print(f"       + {render(reason)}")
        for caution in best.cautions[:2]:
            print(f"       ! {render(caution)}")
        targets.append(_target(best, intake))
    return targets
