"""Post an example referral to a FHIR server, through the durable outbox.

    .venv/bin/python examples/post_referral.py SERVER_URL [--intake NAME] [--token TOKEN]
        [--max-transaction-entries N] [--outbox PATH]

Example against the project's loopback test server (no flags needed: the client learns
the server's transaction size limit; running it again creates nothing new):
    node tests/server/server.mjs --port 8080 &
    .venv/bin/python examples/post_referral.py http://127.0.0.1:8080/
"""

import argparse
import json
import sys
from pathlib import Path
from typing import Any

from commcare_ext.client import BearerToken, FhirClient, Outbox, SubmissionStatus
from commcare_ext.extract import ExtractionContext, Organization, ReferralTarget, extract
from commcare_ext.intake import Intake
from commcare_ext.referral import transaction_bundle

ROOT = Path(__file__).resolve().parent
CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
)


def build_bundle(intake_name: str) -> dict[str, Any]:
    """The transaction Bundle for one example intake (deterministic: same input, same Bundle)."""
    intake = Intake.model_validate_json(
        (ROOT / "intakes" / f"{intake_name}.json").read_text("utf-8")
    )
    referrals = tuple(
        ReferralTarget(
            kind=kind,
            organization=Organization(
                name=f"{kind.value.removeprefix('support-').replace('-', ' ').title()} Partners",
                identifier_system="https://directory.example.org/organizations",
                identifier_value=kind.value,
            ),
        )
        for kind in intake.care.preferred_supports
        if intake.care.referral_consent
    )
    return transaction_bundle(
        extract(intake, context=ExtractionContext(clinic=CLINIC, referrals=referrals))
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("server", help="FHIR R4 base URL")
    parser.add_argument("--intake", default="tran-van-minh", help="an examples/intakes file")
    parser.add_argument("--token", help="bearer token (never printed)")
    parser.add_argument(
        "--max-transaction-entries",
        type=int,
        default=None,
        help="start below the server's limit (otherwise learned from its first refusal)",
    )
    parser.add_argument("--outbox", type=Path, default=Path("out/outbox.db"))
    args = parser.parse_args()

    bundle = build_bundle(args.intake)

    client = FhirClient(
        args.server,
        auth=BearerToken(args.token) if args.token else None,
        max_transaction_entries=args.max_transaction_entries,
    )
    capabilities = client.require_r4()
    print(f"server: FHIR {capabilities.fhir_version}, transactions: {capabilities.transaction}")
    args.outbox.parent.mkdir(parents=True, exist_ok=True)
    submission = Outbox(args.outbox, client).submit(bundle)
    print(f"submission {submission.id}: {submission.status} after {submission.attempts} attempt(s)")
    if submission.status is SubmissionStatus.DONE and submission.references:
        print(json.dumps(dict(list(submission.references.items())[:5]), indent=2), "...")
        return 0
    print(f"not yet delivered: {submission.error}; it stays in {args.outbox} (run flush later)")
    return 1


if __name__ == "__main__":
    sys.exit(main())
