"""``commcare-ext extract`` and ``bundle``: the same resources and Bundles as the library."""

import json
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.extract import (
    ExtractedResources,
    ExtractionContext,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.intake import Intake, SupportType
from commcare_ext.questionnaire import intake_to_response
from commcare_ext.referral import referral_message_bundle, transaction_bundle
from tests.cli.conftest import CLINIC_FILE, Run, write_json
from tests.fixtures import CLINICIAN, load_example

#: The organisations the CLI reads from the clinic file (with their messaging endpoints).
_FILE = json.loads(CLINIC_FILE.read_text("utf-8"))
CLINIC = Organization.model_validate(_FILE["clinic"])
DIRECTORY = {SupportType(k): Organization.model_validate(v) for k, v in _FILE["directory"].items()}


def _library_extraction(intake: Intake, response: dict[str, Any]) -> ExtractedResources:
    context = ExtractionContext(
        clinic=CLINIC,
        referring_clinician=CLINICIAN,
        referrals=tuple(
            ReferralTarget(kind=kind, organization=DIRECTORY[kind])
            for kind in intake.care.preferred_supports
        ),
    )
    return extract(intake, context=context, response=response)


def test_extract_prints_every_resource_as_a_collection_bundle(
    run: Run, response_file: Path
) -> None:
    ran = run("extract", response_file, "--clinic", CLINIC_FILE)
    assert ran.code == ExitCode.OK
    bundle = ran.json
    assert bundle["type"] == "collection"
    kinds = Counter(e["resource"]["resourceType"] for e in bundle["entry"])
    assert kinds["Patient"] == 1
    assert kinds["ServiceRequest"] == kinds["Task"] == 2  # faith community and peer group
    assert kinds["Consent"] >= 3
    response = json.loads(response_file.read_text("utf-8"))
    expected = _library_extraction(load_example("maria-garcia"), response)
    assert [e["resource"] for e in bundle["entry"]] == [r.resource for r in expected.all()]


def test_extract_reads_intake_json_as_read_prints_it(run: Run, response_file: Path) -> None:
    intake = run("read", response_file)
    from_intake = run("extract", "--clinic", CLINIC_FILE, stdin=intake.out)
    assert from_intake.code == ExitCode.OK
    kinds = {e["resource"]["resourceType"] for e in from_intake.json["entry"]}
    assert "QuestionnaireResponse" in kinds  # written from the intake


def test_the_clinic_file_comes_from_the_environment(
    run: Run, response_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    missing = run("extract", response_file)
    assert missing.code == ExitCode.USAGE
    assert "--clinic FILE" in missing.one_line_error()
    monkeypatch.setenv("COMMCARE_EXT_CLINIC", str(CLINIC_FILE))
    assert run("extract", response_file).code == ExitCode.OK


def test_a_bad_clinic_file_names_the_field(run: Run, response_file: Path, tmp_path: Path) -> None:
    clinic = json.loads(CLINIC_FILE.read_text("utf-8"))
    clinic["directory"]["support-peer-group"]["identifier_system"] = "not a url"
    ran = run("extract", response_file, "--clinic", write_json(tmp_path / "c.json", clinic))
    assert ran.code == ExitCode.INPUT
    assert "directory.support-peer-group.identifier_system" in ran.one_line_error()
    clinic["directory"] = {"support-tarot": clinic["clinic"]}
    ran = run("extract", response_file, "--clinic", write_json(tmp_path / "c.json", clinic))
    assert "directory.support-tarot" in ran.one_line_error()


def test_a_support_the_directory_lacks_is_named_not_dropped_silently(
    run: Run, response_file: Path, tmp_path: Path
) -> None:
    clinic = json.loads(CLINIC_FILE.read_text("utf-8"))
    del clinic["directory"]["support-peer-group"]
    ran = run("extract", response_file, "--clinic", write_json(tmp_path / "c.json", clinic))
    assert ran.code == ExitCode.OK
    assert "no organisation for support-peer-group" in ran.err
    kinds = Counter(e["resource"]["resourceType"] for e in ran.json["entry"])
    assert kinds["ServiceRequest"] == 1


def test_patient_reference_files_against_an_existing_patient(run: Run, response_file: Path) -> None:
    ran = run(
        "extract", response_file, "--clinic", CLINIC_FILE, "--patient-reference", "Patient/ehr-9"
    )
    assert ran.code == ExitCode.OK
    assert "Patient" not in {e["resource"]["resourceType"] for e in ran.json["entry"]}
    bad = run("extract", response_file, "--clinic", CLINIC_FILE, "--patient-reference", "ehr-9")
    assert bad.code == ExitCode.USAGE
    assert "--patient-reference" in bad.one_line_error()


def test_bundle_transaction_is_the_library_bundle(run: Run, response_file: Path) -> None:
    ran = run("bundle", "transaction", response_file, "--clinic", CLINIC_FILE)
    assert ran.code == ExitCode.OK
    response = json.loads(response_file.read_text("utf-8"))
    extracted = _library_extraction(load_example("maria-garcia"), response)
    assert ran.json == transaction_bundle(extracted)
    with_summary = run(
        "bundle", "transaction", response_file, "--clinic", CLINIC_FILE, "--with-summary"
    )
    added = len(with_summary.json["entry"]) - len(ran.json["entry"])
    assert added == 1
    assert with_summary.json["entry"][-1]["resource"]["resourceType"] == "DocumentReference"


def test_bundle_transaction_batch(run: Run, tmp_path: Path) -> None:
    folder = tmp_path / "in"
    for name in ("raymond-begay", "amina-hassan"):
        write_json(folder / f"{name}.json", intake_to_response(load_example(name)))
    out = tmp_path / "bundles"
    ran = run("bundle", "transaction", folder, "--clinic", CLINIC_FILE, "--out", out)
    assert ran.code == ExitCode.OK
    names = sorted(p.name for p in out.iterdir())
    assert names == ["amina-hassan.transaction.json", "raymond-begay.transaction.json"]
    assert json.loads((out / names[0]).read_text("utf-8"))["type"] == "transaction"


def test_bundle_message_for_one_recipient(run: Run, response_file: Path) -> None:
    ran = run(
        "bundle", "message", response_file, "--clinic", CLINIC_FILE,
        "--recipient", "support-peer-group",
    )  # fmt: skip
    assert ran.code == ExitCode.OK
    response = json.loads(response_file.read_text("utf-8"))
    extracted = _library_extraction(load_example("maria-garcia"), response)
    # The message carries the clinic file's messaging endpoints (MessageHeader source and
    # destination), so the organisations come from that file, read as the library's model.
    clinic_file = json.loads(CLINIC_FILE.read_text("utf-8"))
    expected = referral_message_bundle(
        extracted,
        Organization.model_validate(clinic_file["directory"]["support-peer-group"]),
        clinic=Organization.model_validate(clinic_file["clinic"]),
    )
    assert ran.json == expected


def test_bundle_message_for_every_recipient_needs_a_folder(
    run: Run, response_file: Path, tmp_path: Path
) -> None:
    several = run("bundle", "message", response_file, "--clinic", CLINIC_FILE)
    assert several.code == ExitCode.USAGE
    line = several.one_line_error()
    assert "support-faith-community, support-peer-group" in line
    unknown = run(
        "bundle", "message", response_file, "--clinic", CLINIC_FILE, "--recipient", "nobody"
    )
    assert unknown.code == ExitCode.USAGE
    assert "--recipient nobody: no referral to it" in unknown.one_line_error()
    out = tmp_path / "messages"
    out.mkdir()
    ran = run("bundle", "message", response_file, "--clinic", CLINIC_FILE, "--out", out)
    assert ran.code == ExitCode.OK
    assert sorted(p.name for p in out.iterdir()) == [
        "referral-support-faith-community.json",
        "referral-support-peer-group.json",
    ]
    two = run("bundle", "message", response_file, response_file, "--clinic", CLINIC_FILE)
    assert two.code == ExitCode.USAGE


def test_no_consent_no_message(run: Run, declined_file: Path) -> None:
    ran = run("bundle", "message", declined_file, "--clinic", CLINIC_FILE)
    assert ran.code == ExitCode.NEEDS_ATTENTION
    assert "did not consent" in ran.one_line_error()


def test_bundle_refuses_the_wrong_resource(run: Run, tmp_path: Path) -> None:
    ran = run(
        "bundle", "transaction", write_json(tmp_path / "b.json", {"resourceType": "Bundle"}),
        "--clinic", CLINIC_FILE,
    )  # fmt: skip
    assert ran.code == ExitCode.INPUT
    assert "expected a QuestionnaireResponse or an intake, got a Bundle" in ran.one_line_error()


def test_proposed_concerns_join_the_bundle_only_when_confirmed(
    run: Run, response_file: Path
) -> None:
    argv = ("bundle", "transaction", response_file, "--clinic", CLINIC_FILE)
    proposed = run(*argv)
    assert proposed.code == ExitCode.OK
    assert "note: proposed health concern lack-of-social-support" in proposed.err
    assert "--confirm-concern lack-of-social-support" in proposed.err
    kinds = Counter(e["resource"]["resourceType"] for e in proposed.json["entry"])
    assert kinds["Condition"] == 0
    confirmed = run(*argv, "--confirm-concern", "lack-of-social-support")
    assert confirmed.code == ExitCode.OK
    assert "lack-of-social-support" not in confirmed.err
    kinds = Counter(e["resource"]["resourceType"] for e in confirmed.json["entry"])
    assert kinds["Condition"] == 1
    unknown = run(*argv, "--confirm-concern", "no-such-concern")
    assert unknown.code == ExitCode.NEEDS_ATTENTION
    assert "no-such-concern" not in unknown.out
    assert "cannot extract" in unknown.one_line_error()


def test_messages_need_the_referring_clinician(
    run: Run, response_file: Path, tmp_path: Path
) -> None:
    clinic = json.loads(CLINIC_FILE.read_text("utf-8"))
    del clinic["clinician"]
    ran = run(
        "bundle", "message", response_file, "--recipient", "support-peer-group",
        "--clinic", write_json(tmp_path / "c.json", clinic),
    )  # fmt: skip
    assert ran.code == ExitCode.NEEDS_ATTENTION
    assert "referring_clinician" in ran.one_line_error()
