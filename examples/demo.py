"""The main demo: one patient's intake through the whole job, printing every file it writes.

    ./scripts/demo [--server URL [--max-transaction-entries N]] [--no-server] [--out DIR]
                   [--intake NAME]

form -> the patient's QuestionnaireResponse -> the intake it holds -> community services that
fit, matched against a directory with reasons -> the EHR's transaction Bundle and
consent-filtered referral messages -> posted to a FHIR server through the durable outbox ->
the clinician summary -> a follow-up with the same measures, compared with intake.

With Node on PATH it starts the project's pinned Medplum test server on a free loopback port
and stops it at the end (also on Ctrl-C); ``--server URL`` posts to that server instead;
without Node (or with ``--no-server``) it writes the Bundles and says how to post them.
"""

import argparse
import copy
import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

from commcare_ext.client import FhirClient, Outbox, SubmissionStatus
from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
    proposed_concerns,
)
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import (
    IntakeResponseError,
    build_questionnaire,
    intake_to_response,
    response_to_intake,
)
from commcare_ext.referral import check_references, referral_message_bundle, transaction_bundle
from commcare_ext.summary import summary_document_reference, summary_html, summary_text
from examples.demo_followup import step_follow_up
from examples.demo_match import matched_referrals
from examples.demo_population import step_population
from examples.demo_safety import step_safety
from examples.demo_server import (
    ServerUnavailableError,
    exit_on_signals,
    loopback_fhir_server,
    node_available,
)
from examples.demo_show import show_intake

ROOT = Path(__file__).resolve().parent
#: The sending clinic and one organisation per kind of support (also used by the CLI docs).
CLINIC_FILE = ROOT / "clinic.json"
#: Medplum's router takes at most 8 conditional creates per transaction.
MEDPLUM_TRANSACTION_LIMIT = 8


def _save(out: Path, name: str, resource: dict[str, Any]) -> Path:
    out.mkdir(parents=True, exist_ok=True)
    path = out / name
    path.write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return _shown(path)


def _shown(path: Path) -> Path:
    """``path`` relative to the working folder when it is inside it (shorter to read)."""
    try:
        return path.resolve().relative_to(Path.cwd())
    except ValueError:
        return path


def _count_items(items: list[dict[str, Any]]) -> int:
    return sum(1 + _count_items(item.get("item", [])) for item in items)


@dataclass(frozen=True)
class Clinic:
    """Who sends (the clinic and its referring clinician) and where referrals go, by kind."""

    organization: Organization
    clinician: Clinician
    directory: dict[str, Organization]


def _clinic() -> Clinic:
    data = json.loads(CLINIC_FILE.read_text(encoding="utf-8"))
    return Clinic(
        organization=Organization.model_validate(data["clinic"]),
        clinician=Clinician.model_validate(data["clinician"]),
        directory={k: Organization.model_validate(v) for k, v in data["directory"].items()},
    )


def step_form(out: Path) -> None:
    print("1. The intake form (SDC Questionnaire, FHIR R4)")
    for language in ("en", "es"):
        questionnaire = build_questionnaire(language)
        path = _save(out, f"Questionnaire-{questionnaire['id']}.json", questionnaire)
        print(f"   [{language}] {_count_items(questionnaire['item'])} items -> {path}")


def step_response(out: Path, name: str) -> tuple[dict[str, Any], Intake]:
    stored = Intake.model_validate_json((ROOT / "intakes" / f"{name}.json").read_text("utf-8"))
    language: Literal["en", "es"] = (
        "es" if stored.language.preferred_language.startswith("es") else "en"
    )
    print(f"\n2. The patient fills in the form ({language}): their QuestionnaireResponse")
    response = intake_to_response(stored, language=language)
    path = _save(out, f"QuestionnaireResponse-{name}.json", response)
    print(f"   {_count_items(response['item'])} answered items -> {path}")
    return response, stored


def step_read(response: dict[str, Any], stored: Intake) -> Intake:
    print("\n3. The response read back into the intake model")
    intake = response_to_intake(response)
    show_intake(intake)
    print(f"   Round trip lossless: {intake == stored}")
    broken = copy.deepcopy(response)
    broken["item"].append({"linkId": "favourite-colour", "answer": [{"valueString": "blue"}]})
    broken["item"][0]["item"] = []
    try:
        response_to_intake(broken)
    except IntakeResponseError as error:
        print(f"   A damaged response is refused with all {len(error.problems)} problems, e.g.:")
        for problem in error.problems[:3]:
            print(f"     - {problem}")
    return intake


def step_referrals(intake: Intake, directory: dict[str, Organization]) -> list[ReferralTarget]:
    print("\n4. Community services that fit, matched against a service directory")
    if not intake.care.referral_consent:
        print("   None: the patient did not consent to community referrals.")
        return []
    # A clinician reviews the proposals and chooses; the demo takes the best for each support.
    return matched_referrals(intake, directory)


def step_bundles(
    out: Path,
    intake: Intake,
    response: dict[str, Any],
    targets: list[ReferralTarget],
    clinic: Clinic,
) -> dict[str, Any]:
    print("\n5. Health concerns, then the FHIR Bundles")
    context = ExtractionContext(
        clinic=clinic.organization, referrals=tuple(targets), referring_clinician=clinic.clinician
    )
    proposed = proposed_concerns(extract(intake, context=context, response=response))
    for concern in proposed:
        print(f"   Proposed health concern: {concern.id} ({concern.reason})")
    if proposed:
        # In an app the clinician confirms or discards each; the demo confirms them all.
        print("   ... confirmed by the clinician: they join the Bundle as Conditions")
        context = context.model_copy(
            update={"confirmed_concerns": frozenset(c.id for c in proposed)}
        )
    extracted = extract(intake, context=context, response=response)
    document = summary_document_reference(intake, extracted.patient_reference)
    transaction = transaction_bundle(extracted, extra=[document])  # validated as R4
    check_references(transaction)
    path = _save(out, "transaction-bundle.json", transaction)
    print(f"   EHR transaction Bundle: {len(transaction['entry'])} entries -> {path}")
    for target in targets:
        if target.organization is None:
            continue
        message = referral_message_bundle(
            extracted, target.organization, clinic=clinic.organization
        )
        check_references(message)
        path = _save(out, f"referral-{target.kind.value}.json", message)  # one per support
        kinds = sorted({e["resource"]["resourceType"] for e in message["entry"]})
        print(
            f"   Referral message to {target.organization.name}: {len(message['entry'])} "
            f"entries ({', '.join(kinds)}) -> {path}"
        )
    return transaction


def step_post(
    out: Path,
    transaction: dict[str, Any],
    server: str | None,
    *,
    start: bool,
    max_entries: int | None,
) -> None:
    print("\n6. Posted to a FHIR server, through the durable outbox")
    if server is not None:
        _post(out, transaction, server, max_entries=max_entries)
        return
    if not start or not node_available():
        reason = "--no-server" if not start else "Node is not on PATH"
        print(f"   Not posted ({reason}). Post the Bundle to any FHIR R4 server with:")
        print(
            f"     commcare-ext post {out / 'transaction-bundle.json'} --server URL "
            f"--outbox {out / 'outbox.db'}"
        )
        return
    try:
        with loopback_fhir_server() as running:
            print(f"   Started the pinned Medplum test server at {running.url} (pid {running.pid})")
            _post(
                out,
                transaction,
                running.url,
                max_entries=MEDPLUM_TRANSACTION_LIMIT,
                fresh=True,
            )
    except ServerUnavailableError as error:
        print(f"   The test server could not run here ({error}); the Bundles are written.")
        return
    print("   Stopped the test server.")


def _post(
    out: Path,
    transaction: dict[str, Any],
    server: str,
    *,
    max_entries: int | None,
    fresh: bool = False,
) -> None:
    client = FhirClient(server, max_transaction_entries=max_entries)
    outbox_path = out / "outbox.db"
    if fresh:  # a new empty test server: an old outbox's "done" rows would not be true
        outbox_path.unlink(missing_ok=True)
    outbox_path.parent.mkdir(parents=True, exist_ok=True)
    submission = Outbox(outbox_path, client).submit(transaction)
    if submission.status is not SubmissionStatus.DONE:
        print(
            f"   Not delivered ({submission.status}: {submission.error}); it waits in "
            f"{outbox_path} for `commcare-ext outbox flush`."
        )
        return
    references = submission.references or {}
    print(f"   Delivered: {len(references)} resources on the server (outbox {_shown(outbox_path)})")
    kinds = sorted({reference.split("/")[0] for reference in references.values()})
    print(f"   Resource types: {', '.join(kinds)}")
    again = client.submit(transaction)
    same = again.references == references
    print(
        f"   Posted again: {'the same' if same else 'DIFFERENT'} {len(again.references)} "
        "resources - nothing created twice"
    )


def step_summary(out: Path, intake: Intake) -> None:
    print("\n7. The clinician summary")
    path = out / "summary.html"
    path.write_text(summary_html(intake), encoding="utf-8")
    path = _shown(path)
    for line in summary_text(intake).splitlines()[:12]:
        print(f"   {line}")
    print(f"   ... the whole summary (accessible HTML) -> {path}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--server", help="post to this FHIR R4 server instead of a test server")
    parser.add_argument("--no-server", action="store_true", help="write the Bundles only")
    parser.add_argument(
        "--max-transaction-entries",
        type=int,
        metavar="N",
        help="with --server: split transactions larger than N entries (8 for Medplum)",
    )
    parser.add_argument("--out", type=Path, default=ROOT.parent / "out" / "demo")
    parser.add_argument("--intake", default="maria-garcia", help="an examples/intakes name")
    args = parser.parse_args(argv)
    exit_on_signals()
    out: Path = args.out
    print(f"commcare_ext demo: one patient's intake, the whole job. Files go to {_shown(out)}/\n")
    clinic = _clinic()
    step_form(out)
    response, stored = step_response(out, args.intake)
    intake = step_read(response, stored)
    targets = step_referrals(intake, clinic.directory)
    transaction = step_bundles(out, intake, response, targets, clinic)
    step_post(
        out,
        transaction,
        args.server,
        start=not args.no_server,
        max_entries=args.max_transaction_entries,
    )
    step_summary(out, intake)
    step_follow_up(out, intake, "en")
    step_safety(out, intake, clinic.organization, clinic.clinician)
    step_population(out)
    response_path = _shown(out / f"QuestionnaireResponse-{args.intake}.json")
    print("\nTry the command line on these files:")
    print(f"  commcare-ext read {response_path}")
    print(
        f"  commcare-ext bundle transaction {response_path} --clinic {_shown(CLINIC_FILE)} "
        "--out out/transaction.json"
    )
    print("  commcare-ext publish --package out/fhir-package")
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        print("\ninterrupted: the test server (if any) is stopped", file=sys.stderr)
        sys.exit(130)
