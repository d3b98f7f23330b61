"""Turn an example QuestionnaireResponse into the EHR transaction Bundle and referral messages.

    .venv/bin/python examples/make_bundles.py [intake-name] [--out DIR]

Writes the QuestionnaireResponse, the transaction Bundle and one consent-filtered BSeR
referral message per organisation to ``out/bundles/<intake-name>/``. Health concerns the
answers support are listed; ``--confirm ID`` (repeatable) plays the clinician confirming one,
which then joins the transaction Bundle as an SDOHCC Condition.
"""

import argparse
from pathlib import Path
from typing import Any

from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
    proposed_concerns,
)
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from commcare_ext.referral import check_references, referral_message_bundle, transaction_bundle
from commcare_ext.validation import to_json_bytes

ROOT = Path(__file__).resolve().parent
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


def _directory(intake: Intake) -> dict[str, Organization]:
    return {
        kind.value: Organization(
            name=f"{kind.value.removeprefix('support-').replace('-', ' ').title()} Partners",
            identifier_system="https://directory.example.org/organizations",
            identifier_value=kind.value,
            phone=f"+1 555 020 {index:04d}",
            endpoint=f"https://referrals.example.org/{kind.value}",
        )
        for index, kind in enumerate(intake.care.preferred_supports)
    }


def _write(path: Path, resource: dict[str, Any]) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(to_json_bytes(resource, indent=True) + b"\n")
    print(f"  wrote {path}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "name", nargs="?", default="tran-van-minh", help="examples/intakes/NAME.json"
    )
    parser.add_argument("--out", type=Path, default=ROOT.parent / "out" / "bundles")
    parser.add_argument("--confirm", action="append", default=[], help="a proposed concern id")
    args = parser.parse_args()
    stored = Intake.model_validate_json((ROOT / "intakes" / f"{args.name}.json").read_text("utf-8"))
    # The flow a clinic runs: a renderer produced this response; read it, then extract.
    response = intake_to_response(stored)
    intake = response_to_intake(response)
    directory = _directory(intake)
    referrals = tuple(
        ReferralTarget(kind=kind, organization=directory[kind.value])
        for kind in intake.care.preferred_supports
        if intake.care.referral_consent
    )
    context = ExtractionContext(
        clinic=CLINIC,
        referrals=referrals,
        referring_clinician=CLINICIAN,
        confirmed_concerns=frozenset(args.confirm),
    )
    extracted = extract(intake, context=context, response=response)
    for concern in proposed_concerns(extracted):
        state = "confirmed" if concern.id in context.confirmed_concerns else "proposed"
        print(f"  {state} concern {concern.id}: {concern.reason}")
    out: Path = args.out / args.name
    _write(out / "QuestionnaireResponse.json", response)
    transaction = transaction_bundle(extracted)
    check_references(transaction)
    _write(out / "transaction-bundle.json", transaction)
    for target in referrals:
        recipient = directory[target.kind.value]
        message = referral_message_bundle(extracted, recipient, clinic=CLINIC)
        check_references(message)
        _write(out / f"referral-{target.kind.value}.json", message)
    if not referrals:
        print("  no referral messages: the patient did not consent to community referrals")


if __name__ == "__main__":
    main()
