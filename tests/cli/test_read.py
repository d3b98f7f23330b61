"""``commcare-ext read``: files, stdin, --out, batches, and every way input can be wrong."""

import json
import stat
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import intake_to_response
from tests.cli.conftest import Run, write_json
from tests.fixtures import load_example


def test_reads_a_response_file_into_the_intake(run: Run, response_file: Path) -> None:
    ran = run("read", response_file)
    assert ran.code == ExitCode.OK
    assert ran.err == ""
    assert Intake.model_validate(ran.json) == load_example("maria-garcia")


def test_reads_stdin(run: Run, response_file: Path) -> None:
    ran = run("read", stdin=response_file.read_text("utf-8"))
    assert ran.code == ExitCode.OK
    assert Intake.model_validate(ran.json) == load_example("maria-garcia")
    assert run("read", "-", stdin=response_file.read_text("utf-8")).out == ran.out


def test_stdin_on_a_terminal_is_a_usage_error_not_a_hang(run: Run) -> None:
    ran = run("read", tty=True)
    assert ran.code == ExitCode.USAGE
    assert "pipe JSON into stdin" in ran.one_line_error()


def test_out_writes_a_file_only_its_owner_can_read(
    run: Run, response_file: Path, tmp_path: Path
) -> None:
    out = tmp_path / "intake.json"
    out.write_text("old")
    out.chmod(0o644)
    ran = run("read", response_file, "--out", out)
    assert ran.code == ExitCode.OK
    assert ran.out == ""
    assert ran.err == f"wrote {out}\n"
    assert stat.S_IMODE(out.stat().st_mode) == 0o600
    assert Intake.model_validate_json(out.read_text("utf-8")) == load_example("maria-garcia")


def test_a_renderer_response_without_context_takes_it_from_options(
    run: Run, tmp_path: Path
) -> None:
    response = intake_to_response(load_example("tran-van-minh"))
    del response["identifier"], response["subject"]
    path = write_json(tmp_path / "bare.json", response)
    missing = run("read", path)
    assert missing.code == ExitCode.NEEDS_ATTENTION
    assert "missing-context" in missing.err
    ran = run(
        "read", path, "--intake-id", "int-7", "--patient-identifier", "https://mrn.example.org|42"
    )
    assert ran.code == ExitCode.OK
    assert ran.json["intake_id"] == "int-7"
    assert ran.json["patient"]["identifier_value"] == "42"
    bad = run("read", path, "--patient-identifier", "no-bar-here")
    assert bad.code == ExitCode.USAGE
    assert "SYSTEM|VALUE" in bad.one_line_error()


def test_a_response_with_problems_lists_every_one_and_exits_1(
    run: Run, response_file: Path, tmp_path: Path
) -> None:
    response = json.loads(response_file.read_text("utf-8"))
    response["item"].append({"linkId": "favourite-colour", "answer": [{"valueString": "blue"}]})
    response["item"][0]["item"] = []
    ran = run("read", write_json(tmp_path / "broken.json", response))
    assert ran.code == ExitCode.NEEDS_ATTENTION
    assert ran.out == ""
    lines = ran.err.strip().splitlines()
    assert lines[0].endswith("2 problem(s) in this response:")
    assert any("favourite-colour" in line and "unknown-link-id" in line for line in lines)
    assert any("about.respondent" in line and "required" in line for line in lines)
    assert "Traceback" not in ran.err


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("", "not JSON (Input is a zero-length, empty document at line 1, column 1)"),
        ("[" * 5000 + "]" * 5000, "not JSON (nested too deeply at line 1, column 1026)"),
        ("[" * 101 + "]" * 101, "not JSON (nested deeper than 100 levels)"),
        ("[1e400]", "not JSON (number is infinity when parsed as double"),
        ("{'single': 'quotes'}", "not JSON"),
        ("[1, 2]", "expected a QuestionnaireResponse or an intake, got a JSON list"),
        ('"text"', "got a JSON str"),
        (
            '{"resourceType": "Patient"}',
            "expected a QuestionnaireResponse or an intake, got a Patient",
        ),
        ('{"intake_id": 3}', "not an intake: intake_id: Input should be a valid string"),
    ],
    ids=[
        *("missing", "empty", "deep", "deeper-than-ours", "huge-number", "not-json"),
        *("list", "string", "patient", "bad-intake"),
    ],
)
def test_input_errors_are_one_line_and_exit_4(
    run: Run, tmp_path: Path, content: str | None, expected: str
) -> None:
    path = tmp_path / "input.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    ran = run("read", path)
    assert ran.code == ExitCode.INPUT
    assert ran.out == ""
    line = ran.one_line_error()
    assert line.startswith(f"commcare-ext: {path}: ")
    assert expected in line


def test_a_folder_or_binary_file_is_an_input_error(run: Run, tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    assert "no .json files" in run("read", tmp_path / "empty").one_line_error()
    binary = tmp_path / "binary.json"
    binary.write_bytes(b"\xff\xfe\x00")
    ran = run("read", binary)
    assert ran.code == ExitCode.INPUT
    assert "not UTF-8 text" in ran.one_line_error()


def test_intake_errors_never_echo_patient_text(run: Run, tmp_path: Path) -> None:
    intake = load_example("amina-hassan").model_dump(mode="json")
    intake["patient"]["given_name"] = "Secret\x00Name"
    ran = run("read", write_json(tmp_path / "intake.json", intake))
    assert ran.code == ExitCode.INPUT
    assert "Secret" not in ran.err
    assert "U+0000" in ran.one_line_error()


def test_a_folder_is_a_batch_written_one_file_per_input(
    run: Run, tmp_path: Path, response_file: Path
) -> None:
    folder = tmp_path / "responses"
    for name in ("raymond-begay", "tran-van-minh"):
        write_json(folder / f"{name}.json", intake_to_response(load_example(name)))
    (folder / "broken.json").write_text("{", encoding="utf-8")
    (folder / "notes.txt").write_text("not JSON, not read", encoding="utf-8")
    no_out = run("read", folder)
    assert no_out.code == ExitCode.USAGE
    assert "--out FOLDER" in no_out.one_line_error()
    out = tmp_path / "intakes"
    ran = run("read", folder, response_file, "--out", out)
    assert ran.code == ExitCode.INPUT  # the most serious problem met: broken.json
    assert sorted(p.name for p in out.iterdir()) == [
        "maria.intake.json",
        "raymond-begay.intake.json",
        "tran-van-minh.intake.json",
    ]
    assert Intake.model_validate_json((out / "raymond-begay.intake.json").read_text("utf-8")) == (
        load_example("raymond-begay")
    )
    err = ran.err.strip().splitlines()
    assert err[0].startswith(f"commcare-ext: {folder / 'broken.json'}: not JSON")
    assert err[-1] == f"wrote 3 of 4 to {out}"
    assert "\r" not in ran.err  # no progress bar when stderr is not a terminal
