"""Extraction + transaction Bundle for one intake, against fhir.resources validating that Bundle.

    .venv/bin/python benchmarks/bench_extract.py [--repeats N]

Both are measured in the same run; the ratio (ours / validation) is what to compare across
machines. Medians of repeats, after a warm-up that pays the lazy imports.
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from commcare_ext.extract import ExtractionContext, Organization, ReferralTarget, extract
from commcare_ext.intake import Intake
from commcare_ext.referral import transaction_bundle

ROOT = Path(__file__).resolve().parent.parent
CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
    phone="+1 555 010 0100",
)


def context_for(intake: Intake) -> ExtractionContext:
    """Refer to one partner organisation per support the patient chose, when they consented."""
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
    return ExtractionContext(clinic=CLINIC, referrals=referrals)


def _median_ms(action: Callable[[], Any], repeats: int) -> float:
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    intake = Intake.model_validate_json(
        (ROOT / "examples" / "intakes" / "maria-garcia.json").read_text("utf-8")
    )
    context = context_for(intake)

    def ours() -> dict[str, Any]:
        return transaction_bundle(extract(intake, context=context))

    bundle = ours()
    Bundle.model_validate(bundle)  # warm-up: lazy imports
    ours_ms = _median_ms(ours, args.repeats)
    validate_ms = _median_ms(lambda: Bundle.model_validate(bundle), args.repeats)
    size_kb = len(json.dumps(bundle)) / 1024
    print(f"bundle: {len(bundle['entry'])} entries, {size_kb:.0f} KB")
    print(f"extraction + transaction bundle: {ours_ms:.2f} ms (median of {args.repeats})")
    print(f"fhir.resources R4B Bundle.model_validate: {validate_ms:.2f} ms (median)")
    print(f"ratio ours / validation: {ours_ms / validate_ms:.2f}")


if __name__ == "__main__":
    main()
