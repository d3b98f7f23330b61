"""Batch extraction: Bulk Data layout, nothing lost, same bytes on any core count, resumable."""

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from commcare_ext.cli import main
from commcare_ext.extract import extract
from commcare_ext.population.batch import STATE_FILE, BatchError, run_batch
from commcare_ext.population.records import ClinicSettings, Extracted, extract_record
from commcare_ext.questionnaire import response_to_intake
from commcare_ext.referral import transaction_bundle

ROOT = Path(__file__).resolve().parents[2]


def _files(out: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(out.glob("*.ndjson"))}


def _sorted_by_id(text: bytes) -> list[str]:
    return sorted(
        (line.decode("utf-8") for line in text.splitlines()),
        key=lambda line: json.loads(line)["id"],
    )


@pytest.fixture(scope="module")
def reference(
    population: Path, settings: ClinicSettings, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """An uninterrupted run in this process."""
    out = tmp_path_factory.mktemp("reference")
    run_batch(population / "QuestionnaireResponse.ndjson", out, settings, chunk_size=10)
    return out


def test_one_file_per_type_with_the_bundles_resources_and_ids(
    population: Path, settings: ClinicSettings, reference: Path
) -> None:
    first = (population / "QuestionnaireResponse.ndjson").read_bytes().splitlines()[0]
    response = json.loads(first)
    intake = response_to_intake(response)
    extracted = extract(intake, context=settings.context_for(intake), response=response)
    bundle = transaction_bundle(extracted)
    outcome = extract_record(first, settings)
    assert isinstance(outcome, Extracted)
    assert len(outcome.resources) == len(bundle["entry"])
    written = {
        json.loads(line)["id"]: json.loads(line)
        for text in _files(reference).values()
        for line in text.splitlines()
    }
    for item in extracted.all():
        assert written[item.resource["id"]] == item.resource


def test_manifest_counts_every_line_and_shared_resources_once(reference: Path) -> None:
    manifest = json.loads((reference / "manifest.json").read_text("utf-8"))
    assert {"transactionTime", "request", "requiresAccessToken", "output", "error"} <= set(manifest)
    files = _files(reference)
    for entry in manifest["output"]:
        lines = files[entry["url"]].splitlines()
        assert entry["count"] == len(lines) == len({json.loads(x)["id"] for x in lines})
    counts = {e["type"]: e["count"] for e in manifest["output"]}
    assert counts["Patient"] == counts["QuestionnaireResponse"] == counts["Provenance"] == 120
    assert counts["Practitioner"] == 1
    assert manifest["error"] == []


def test_output_files_are_private(reference: Path) -> None:
    for path in reference.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path.name


def test_two_workers_write_the_same_bytes_as_one(
    population: Path, settings: ClinicSettings, reference: Path, tmp_path: Path
) -> None:
    run_batch(
        population / "QuestionnaireResponse.ndjson", tmp_path, settings, workers=2, chunk_size=10
    )
    assert _files(tmp_path) == _files(reference)


def test_every_bad_line_is_rejected_with_its_line_and_problems(
    population: Path, settings: ClinicSettings, tmp_path: Path
) -> None:
    good = (population / "QuestionnaireResponse.ndjson").read_bytes().splitlines()[:3]
    broken = json.loads(good[1])
    broken["status"] = "in-progress"
    del broken["authored"]
    source = tmp_path / "in.ndjson"
    source.write_bytes(
        b"\n".join(
            [
                good[0],
                json.dumps(broken).encode(),
                b"{not json",
                b"",
                b'{"resourceType": "Patient"}',
                good[2],
            ]
        )
        + b"\n"
    )
    summary = run_batch(source, tmp_path / "out", settings, chunk_size=2)
    assert summary.read == 5
    assert summary.rejected == 3
    rejects = [
        json.loads(x) for x in (tmp_path / "out" / "rejects.ndjson").read_text("utf-8").splitlines()
    ]
    where = [r["issue"][0]["location"][0] for r in rejects]
    assert where == ["in.ndjson line 2", "in.ndjson line 3", "in.ndjson line 5"]
    problems = [i["diagnostics"] for i in rejects[0]["issue"]]
    assert any("status" in p for p in problems)
    assert any("authored" in p for p in problems)
    assert "not JSON" in rejects[1]["issue"][0]["diagnostics"]
    assert "got a Patient" in rejects[2]["issue"][0]["diagnostics"]
    manifest = json.loads((tmp_path / "out" / "manifest.json").read_text("utf-8"))
    assert manifest["error"] == [{"type": "OperationOutcome", "url": "rejects.ndjson", "count": 3}]
    assert {e["type"]: e["count"] for e in manifest["output"]}["Patient"] == 2


def test_resume_needs_a_run_and_the_same_input(
    population: Path, settings: ClinicSettings, tmp_path: Path
) -> None:
    source = population / "QuestionnaireResponse.ndjson"
    with pytest.raises(BatchError, match="no batch to resume"):
        run_batch(source, tmp_path, settings, resume=True)
    run_batch(source, tmp_path, settings, chunk_size=40)
    with pytest.raises(BatchError, match="changed"):
        run_batch(source, tmp_path, settings, resume=True, chunk_size=30)
    stranger = tmp_path / "other"
    stranger.mkdir()
    (stranger / "Patient.ndjson").write_text("{}\n")
    with pytest.raises(BatchError, match="no batch wrote"):
        run_batch(source, stranger, settings)


def _batch(population: Path, out: Path, *extra: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "commcare_ext.cli",
        "batch",
        str(population / "QuestionnaireResponse.ndjson"),
        "--out",
        str(out),
        "--clinic",
        str(population / "clinic.json"),
        "--chunk-size",
        "5",
        "--workers",
        "2",
        *extra,
    ]
    return subprocess.Popen(command, stderr=subprocess.PIPE, start_new_session=True)


def _chunks_done(out: Path) -> int:
    try:
        return int(json.loads((out / STATE_FILE).read_text("utf-8"))["chunks_done"])
    except (FileNotFoundError, json.JSONDecodeError):
        return 0


def test_sigkill_mid_run_then_resume_gives_the_same_files(
    population: Path, reference: Path, tmp_path: Path
) -> None:
    process = _batch(population, tmp_path)
    deadline = time.monotonic() + 120
    while _chunks_done(tmp_path) < 4:  # wait for the condition: some chunks written
        assert process.poll() is None, process.stderr.read() if process.stderr else ""
        assert time.monotonic() < deadline, "no chunk written in time"
        time.sleep(0.05)
    os.killpg(process.pid, signal.SIGKILL)  # the whole group: parent and workers
    process.wait()
    assert _chunks_done(tmp_path) < 24, "finished before the kill: nothing was interrupted"
    resumed = _batch(population, tmp_path, "--resume")
    _, err = resumed.communicate(timeout=300)
    assert resumed.returncode == 0, err.decode()
    assert json.loads((tmp_path / STATE_FILE).read_text("utf-8"))["complete"]
    killed, whole = _files(tmp_path), _files(reference)
    assert killed.keys() == whole.keys()
    for name in whole:
        assert _sorted_by_id(killed[name]) == _sorted_by_id(whole[name]), name
    manifest = json.loads((tmp_path / "manifest.json").read_text("utf-8"))
    assert (
        manifest["output"] == json.loads((reference / "manifest.json").read_text("utf-8"))["output"]
    )


def test_the_command_reports_and_refuses_clearly(
    population: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = str(population / "QuestionnaireResponse.ndjson")
    clinic = str(population / "clinic.json")
    assert (
        main(["batch", source, "--out", str(tmp_path), "--clinic", clinic, "--workers", "1"]) == 0
    )
    assert "read 120 records" in capsys.readouterr().err
    assert (
        main(["batch", str(tmp_path / "missing"), "--out", str(tmp_path / "o"), "--clinic", clinic])
        == 2
    )
    assert "no such file" in capsys.readouterr().err
