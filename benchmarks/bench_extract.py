"""The whole path as posted, QuestionnaireResponse -> the bytes the client sends, against one
fhir.resources ``Bundle.model_validate`` of that Bundle.

    .venv/bin/python benchmarks/bench_extract.py [--repeats N]

Goal: the whole path as posted costs at most 1.3x one validation. "As posted" runs the
client's ``submit`` on the path's bytes through an in-process transport that answers the
transaction at once (no network): the entry checks, the request and reading the answer are
counted; the bytes are sent as the path made them, never serialised again. Rounds are
interleaved (one validation, then one path, N times) and timed on CPU time, so a busy shared
machine slows both alike; medians are compared. The breakdown shows where the time goes.
"""

import argparse
import json
import statistics
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fhir.resources.R4B.bundle import Bundle

from commcare_ext.client import FhirClient, Request, Response
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
        start = time.process_time()
        action()
        samples.append((time.process_time() - start) * 1000)
    return statistics.median(samples)


def _interleaved_ms(
    first: Callable[[], Any], second: Callable[[], Any], repeats: int
) -> tuple[float, float]:
    """Median CPU milliseconds of ``first`` and ``second``, run in alternating rounds."""
    a: list[float] = []
    b: list[float] = []
    for _ in range(repeats):
        for action, samples in ((first, a), (second, b)):
            start = time.process_time()
            action()
            samples.append((time.process_time() - start) * 1000)
    return statistics.median(a), statistics.median(b)


class AnsweringServer:
    """A transport that answers every transaction at once (each entry created), in process.

    It records the bytes it was sent, so the benchmark can show they are the path's own.
    """

    def __init__(self, metadata: bytes) -> None:
        self.metadata = metadata
        self.sent: bytes | None = None
        self.answer = b""

    def prepare(self, bundle: dict[str, Any]) -> None:
        entries = [
            {"response": {"status": "201 Created", "location": f"X/{i}/_history/1"}}
            for i in range(len(bundle["entry"]))
        ]
        answer = {"resourceType": "Bundle", "type": "transaction-response", "entry": entries}
        self.answer = json.dumps(answer).encode()

    def handle_request(self, request: Request) -> Response:
        if request.url.endswith("/metadata"):
            return Response(200, {"Content-Type": "application/fhir+json"}, self.metadata)
        self.sent = request.content
        return Response(200, {"Content-Type": "application/fhir+json"}, self.answer)


CAPABILITIES = {
    "resourceType": "CapabilityStatement",
    "fhirVersion": "4.0.1",
    "rest": [{"mode": "server", "interaction": [{"code": "transaction"}]}],
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeats", type=int, default=200)
    args = parser.parse_args()
    stored = Intake.model_validate_json(
        (ROOT / "examples" / "intakes" / "maria-garcia.json").read_text("utf-8")
    )
    response = intake_to_response(stored)
    context = context_for(stored)

    server = AnsweringServer(json.dumps(CAPABILITIES).encode())
    client = FhirClient("http://ehr.invalid/fhir/", transport=server)

    def whole_path() -> bytes:
        intake = response_to_intake(response)
        extracted = extract(intake, context=context, response=response)
        bundle = transaction_bundle(extracted, validate=True)
        content = to_json_bytes(bundle)
        client.submit(bundle, content=content)
        return content

    intake = response_to_intake(response)
    extracted = extract(intake, context=context, response=response)
    bundle = transaction_bundle(extracted, validate=False)
    server.prepare(bundle)
    Bundle.model_validate(bundle)  # warm-up: lazy imports
    posted = whole_path()
    if server.sent is not posted:
        raise SystemExit("the client re-serialised the Bundle instead of sending its bytes")
    n = args.repeats
    steps = {
        "read QR -> intake": lambda: response_to_intake(response),
        "extract + transaction Bundle": lambda: transaction_bundle(
            extract(intake, context=context, response=response), validate=False
        ),
        "validate (R4 guard + R4B model)": lambda: validate_bundle(bundle),
        "orjson.dumps": lambda: to_json_bytes(bundle),
        "client.submit of those bytes": lambda: client.submit(bundle, content=posted),
        "json.dumps (for comparison)": lambda: json.dumps(bundle),
    }
    validate_ms, whole_ms = _interleaved_ms(lambda: Bundle.model_validate(bundle), whole_path, n)
    print(f"bundle: {len(bundle['entry'])} entries, {len(to_json_bytes(bundle)) / 1024:.0f} KB")
    for name, action in steps.items():
        print(f"  {name}: {_median_ms(action, n):.3f} ms")
    print(f"one Bundle.model_validate: {validate_ms:.2f} ms CPU (median of {n}, interleaved)")
    print(f"whole path QR -> bytes the client sends: {whole_ms:.2f} ms CPU")
    print(
        f"ratio whole path as posted / one validation: {whole_ms / validate_ms:.2f} (goal <= 1.30)"
    )


if __name__ == "__main__":
    main()
