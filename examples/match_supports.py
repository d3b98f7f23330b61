"""From an intake to a referral: match community services, choose one, build the Bundles.

    .venv/bin/python examples/match_supports.py [--out DIR]

Amina (examples/intakes/amina-hassan.json) asked for her faith community and a peer group.
Here she has also answered 'Reaching supports' as the form asks it: free on weekday evenings
and weekend afternoons, by bus or on foot for up to 30 minutes, living near Cedar-Riverside
in Minneapolis. The example directory (examples/directory/hsds) is matched against her; the
best proposal becomes a ``ReferralTarget`` (``commcare_ext.matching.referral_target``): a
HealthcareService provided by the service's organisation, with Amina's own sharing choice for
it; extraction then gives the EHR's transaction Bundle and the consent-filtered BSeR referral
message for that organisation, and the clinician summary lists the proposals and the choice.
``--out`` writes both Bundles (files readable by you only).
"""

import argparse
import json
import os
from datetime import date
from pathlib import Path
from typing import Any

from commcare_ext.directory import read_hsds
from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.intake import Intake, ReferralShare
from commcare_ext.matching import (
    Proposal,
    match,
    message_language,
    needs_review,
    referral_target,
    render,
)
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from commcare_ext.summary import matches_section

ROOT = Path(__file__).resolve().parent
TODAY = date(2026, 11, 24)
#: The system a clinic's directory gives its organisation ids (the HSDS ids are its values).
DIRECTORY_ORGANIZATIONS = "https://directory.example.org/hsds/organization"
DIRECTORY_SERVICES = "https://directory.example.org/hsds/service"
CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
    phone="+1 555 010 0100",
    endpoint="https://fhir.riverside-clinic.example.org/messaging",
)
CLINICIAN = Clinician(
    family_name="Okafor",
    given_names=("Adaeze",),
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1245319599",
)
REACHING_SUPPORTS: dict[str, Any] = {
    "availability": [
        {"days": ["mon", "tue", "wed", "thu", "fri"], "start": "18:00:00", "end": "21:30:00"},
        {"days": ["sat", "sun"], "start": "13:00:00", "end": "18:00:00"},
    ],
    "ways_to_take_part": ["take-part-in-person", "take-part-phone"],
    "travel_modes": ["travel-transit", "travel-walking"],
    "max_travel_minutes": 30,
    "postal_code": "55454",
    "latitude": 44.9700,
    "longitude": -93.2470,
    "phone_access": "phone-own",
    "internet_access": "internet-basic",
    "groups": ["group-woman", "group-refugee", "group-caregiver"],
}


def amina() -> Intake:
    """Amina's intake, with the 'Reaching supports' answers."""
    data = json.loads((ROOT / "intakes" / "amina-hassan.json").read_text("utf-8"))
    data["practical"] = REACHING_SUPPORTS
    return Intake.model_validate(data)


def target_for(proposal: Proposal, intake: Intake) -> ReferralTarget:
    """The referral for a chosen proposal: the service, its organisation, and what it may see.

    Amina shares her language needs and preferences with referral organisations in general;
    with the service she chose she also shares what makes it hard for her to get care.
    """
    return referral_target(
        proposal,
        intake,
        organization_system=DIRECTORY_ORGANIZATIONS,
        service_system=DIRECTORY_SERVICES,
        share={*intake.care.referral_share, ReferralShare.ACCESS_BARRIERS},
    )


def _show(proposal: Proposal, language: str) -> None:
    print(f"  {proposal.rank}. {proposal.service.name}  (score {proposal.score})")
    for meets in proposal.reasons:
        print(f"       + {render(meets, language)}")
    for check in proposal.cautions:
        print(f"       ! {render(check, language)}")


def _write(path: Path, resource: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(resource, handle, indent=2, ensure_ascii=False)
    print(f"  wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, help="write the two Bundles here")
    args = parser.parse_args()
    intake = amina()
    directory, report = read_hsds(ROOT / "directory" / "hsds" / "services.json", today=TODAY)
    print(f"directory: {report.summary()}")
    result = match(intake, directory, today=TODAY)
    print(f"proposed {len(result.proposals)} of {len(directory)} services (clinician: English)")
    for proposal in result.proposals[:3]:
        _show(proposal, "en")
    patient = message_language(intake.language.preferred_language)
    if patient is None:
        print("  (no message catalogue in the patient's language: read them the English)")
    elif patient != "en":
        note = " (draft wording, needs review)" if needs_review(patient) else ""
        print(f"for the patient{note}:")
        _show(result.proposals[0], patient)
    print("some exclusions, with every constraint each fails:")
    for exclusion in result.excluded[:3]:
        why = "; ".join(render(u) for u in exclusion.because)
        print(f"  x {exclusion.service.name}: {why}")

    chosen = result.proposals[0]
    target = target_for(chosen, intake)
    assert target.organization is not None  # noqa: S101 - built just above
    print(f"chosen: {chosen.service.name} -> {target.kind.value}, {target.organization.name}")
    extracted = extract(
        intake,
        context=ExtractionContext(
            clinic=CLINIC, referrals=(target,), referring_clinician=CLINICIAN
        ),
    )
    transaction = transaction_bundle(extracted)
    message = referral_message_bundle(extracted, target.organization, clinic=CLINIC)
    kinds = [entry["resource"]["resourceType"] for entry in message["entry"]]
    print(f"transaction Bundle: {len(transaction['entry'])} entries for the EHR")
    print(f"referral message to {target.organization.name}: {', '.join(kinds)}")
    section = matches_section(result, [chosen.service.id])
    print(f"summary section '{section.title}': {len(section.table)} services listed")
    if args.out:
        _write(args.out / "transaction.json", transaction)
        _write(args.out / "referral-message.json", message)


if __name__ == "__main__":
    main()
