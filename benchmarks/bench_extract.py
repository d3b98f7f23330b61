"""The whole path, QuestionnaireResponse -> validated transaction Bundle bytes, against one
fhir.resources ``Bundle.model_validate`` of that Bundle.

    .venv/bin/python benchmarks/bench_extract.py [--repeats N]

Goal: the whole path costs at most 1.3x one validation. Medians of repeats, after a warm-up
that pays the lazy imports; the ratio is what to compare across machines. The breakdown
shows where the time goes (reading, extraction + Bundle, validation, serialisation).
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from commcare_ext.referral import transaction_bundle
from commcare_ext.validation import to_json_bytes, validate_bundle

ROOT = Path(__file__).resolve().parent.parent
CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
    phone="+1 555 010 0100",
)
CLINICIAN = Clinician(
    family_name="Okafor",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1245319599",
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
                phone="+1 555 020 0000",
            ),
        )
        for kind in intake.care.preferred_supports
        if intake.care.referral_consent
    )
    return ExtractionContext(clinic=CLINIC, referrals=referrals, referring_clinician=CLINICIAN)


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
    stored = Intake.model_validate_json(
        (ROOT / "examples" / "intakes" / "maria-garcia.json").read_text("utf-8")
    )
    response = intake_to_response(stored)
    context = context_for(stored)

    def whole_path() -> bytes:
        intake = response_to_intake(response)
        extracted = extract(intake, context=context, response=response)
        return to_json_bytes(transaction_bundle(extracted, validate=True))

    intake = response_to_intake(response)
    extracted = extract(intake, context=context, response=response)
    bundle = transaction_bundle(extracted, validate=False)
    Bundle.model_validate(bundle)  # warm-up: lazy imports
    whole_path()
    n = args.repeats
    steps = {
        "read QR -> intake": lambda: response_to_intake(response),
        "extract + transaction Bundle": lambda: transaction_bundle(
            extract(intake, context=context, response=response), validate=False
        ),
        "validate (R4 guard + R4B model)": lambda: validate_bundle(bundle),
        "orjson.dumps": lambda: to_json_bytes(bundle),
        "json.dumps (for comparison)": lambda: json.dumps(bundle),
    }
    validate_ms = _median_ms(lambda: Bundle.model_validate(bundle), n)
    whole_ms = _median_ms(whole_path, n)
    print(f"bundle: {len(bundle['entry'])} entries, {len(to_json_bytes(bundle)) / 1024:.0f} KB")
    for name, action in steps.items():
        print(f"  {name}: {_median_ms(action, n):.3f} ms")
    print(f"one Bundle.model_validate: {validate_ms:.2f} ms (median of {n})")
    print(f"whole path QR -> validated Bundle bytes: {whole_ms:.2f} ms")
    print(f"ratio whole path / one validation: {whole_ms / validate_ms:.2f} (goal <= 1.30)")


if __name__ == "__main__":
    main()
