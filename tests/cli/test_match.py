"""``commcare-ext match``: table and JSON output, every input format, one-line user errors."""

import contextlib
import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.cli import ExitCode, main
from commcare_ext.intake import Intake
from commcare_ext.questionnaire import intake_to_response
from tests.matching import people
from tests.matching.make_directory import FILE

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_BUNDLE = ROOT / "examples" / "directory" / "fhir" / "bundle.json"
TODAY = ["--today", people.TODAY.isoformat()]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(["match", *argv])
    return code, out.getvalue(), err.getvalue()


def _write(tmp_path: Path, name: str, document: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(document, default=str), encoding="utf-8")
    return path


def _intake_file(tmp_path: Path, intake: Intake) -> Path:
    path = tmp_path / "intake.json"
    path.write_text(intake.model_dump_json(), encoding="utf-8")
    return path


def test_json_puts_every_service_in_exactly_one_list(tmp_path: Path) -> None:
    intake = _intake_file(tmp_path, people.spanish_speaker_rural_no_car())
    code, out, err = _run(str(intake), "--directory", str(FILE), "--json", *TODAY)
    assert (code, err) == (0, "")
    document = json.loads(out)
    proposed = [p["service"] for p in document["proposals"]]
    excluded = [e["service"] for e in document["excluded"]]
    assert proposed == ["grupo-center", "linea-pares"]
    assert len(proposed) + len(excluded) == len(set(proposed) | set(excluded)) == 19
    first = document["proposals"][0]
    assert {k: first["reasons"][1][k] for k in ("code", "params")} == {
        "code": "staff-speak",
        "params": {"language": "es-mx"},
    }
    assert first["reasons"][1]["text"] == "staff speak Spanish"
    paid = next(e for e in document["excluded"] if e["service"] == "center-paid")
    assert [b["code"] for b in paid["because"]] == ["cost.charges-fee"]


def test_the_table_reads_in_the_patients_language(tmp_path: Path) -> None:
    intake = _intake_file(tmp_path, people.spanish_speaker_rural_no_car())
    code, out, _ = _run(str(intake), "--directory", str(FILE), "--language", "patient", *TODAY)
    assert code == 0
    assert out.startswith("Proposed: 2 of 19 services\n")
    assert "   1. Grupo de Apoyo del Valle [grupo-center]" in out
    assert "        + el personal habla español\n" in out
    assert "Excluded: 17\n" in out
    assert "        x cobra una tarifa (40 USD)" in out


def test_a_language_without_a_catalogue_says_so_and_uses_english(tmp_path: Path) -> None:
    intake = _intake_file(tmp_path, people.nothing_fits())
    code, out, err = _run(str(intake), "--directory", str(FILE), "--language", "patient")
    assert code == 0
    assert err == (
        "commcare-ext: note: the patient's language has no message catalogue: "
        "reasons are in English\n"
    )
    assert out.startswith("Proposed: 0 of 19 services\n")


def test_a_questionnaire_response_is_read_like_the_intake(tmp_path: Path) -> None:
    person = people.family_centred_elder()
    response = _write(tmp_path, "response.json", intake_to_response(person))
    intake = _intake_file(tmp_path, person)
    from_response = _run(str(response), "--directory", str(FILE), "--json", *TODAY)
    from_intake = _run(str(intake), "--directory", str(FILE), "--json", *TODAY)
    assert from_response == from_intake
    assert from_response[0] == 0


@pytest.mark.parametrize("shape", ["bundle", "ndjson", "hsds-folder", "fhir-folder"])
def test_every_directory_format_is_read(tmp_path: Path, shape: str) -> None:
    bundle = json.loads(EXAMPLE_BUNDLE.read_text(encoding="utf-8"))
    if shape == "bundle":
        path = EXAMPLE_BUNDLE
    elif shape == "ndjson":
        path = tmp_path / "directory.ndjson"
        lines = [json.dumps(entry["resource"]) for entry in bundle["entry"]]
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif shape == "hsds-folder":
        path = tmp_path / "hsds"
        path.mkdir()
        (path / "twin-cities.json").write_text(FILE.read_text("utf-8"), encoding="utf-8")
    else:
        path = tmp_path / "fhir"
        path.mkdir()
        _write(path, "bundle.json", bundle)
    intake = _intake_file(tmp_path, people.young_person_online_no_family())
    code, out, err = _run(str(intake), "--directory", str(path), "--json", *TODAY)
    assert (code, err) == (0, "")
    document = json.loads(out)
    total = len(document["proposals"]) + len(document["excluded"])
    expected = (
        19
        if shape == "hsds-folder"
        else sum(1 for e in bundle["entry"] if e["resource"]["resourceType"] == "HealthcareService")
    )
    assert total == expected


def test_near_and_travel_limit_reach_the_matcher(tmp_path: Path) -> None:
    intake = _intake_file(tmp_path, people.spanish_speaker_rural_no_car())
    argv = [str(intake), "--directory", str(FILE), "--json", *TODAY]
    wider = json.loads(_run(*argv, "--travel-limit", "25")[1])
    assert "montevista-evening" in [p["service"] for p in wider["proposals"]]
    moved = json.loads(_run(*argv, "--near", "44.97,-93.26")[1])
    assert [p["service"] for p in moved["proposals"]] == ["linea-pares"]


def _errors(tmp_path: Path) -> list[tuple[list[str], int, str]]:
    intake = _intake_file(tmp_path, people.stigma_faith_discreet())
    broken = tmp_path / "broken.json"
    broken.write_text("{not json", encoding="utf-8")
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 5000 + "]" * 5000, encoding="utf-8")
    invalid = _write(tmp_path, "invalid.json", {"intake_id": "x", "patient": {}})
    empty = tmp_path / "empty"
    empty.mkdir()
    directory = ["--directory", str(FILE)]
    nowhere = tmp_path / "nowhere"
    return [
        ([str(tmp_path / "missing.json"), *directory], 4, f"{tmp_path / 'missing.json'}: no such"),
        ([str(broken), *directory], 4, f"{broken}: not JSON"),
        ([str(deep), *directory], 4, f"{deep}: not JSON (nested too deeply"),
        ([str(invalid), *directory], 4, "not an intake: patient.identifier_system: Field required"),
        ([str(intake), "--directory", str(nowhere)], 4, f"--directory {nowhere}: no such"),
        ([str(intake), "--directory", str(broken)], 4, "broken.json: not readable as JSON"),
        ([str(intake), "--directory", str(deep)], 4, "deep.json: not readable as JSON"),
        ([str(intake), "--directory", str(empty)], 4, "empty: no HSDS tables"),
        ([str(intake), *directory, "--near", "north"], 2, "--near: expected LAT,LON"),
        ([str(intake), *directory, "--near", "95,0"], 2, "commcare-ext: near:"),
        ([str(intake), *directory, "--travel-limit", "-1"], 2, "travel_limit: expected"),
        ([str(intake)], 2, "commcare-ext: match: the following arguments are required"),
        ([str(intake), *directory, "--language", "fr"], 2, "argument --language"),
    ]


def test_user_errors_are_one_line_and_a_documented_exit_code(tmp_path: Path) -> None:
    for argv, expected, start in _errors(tmp_path):
        code, out, err = _run(*argv)
        assert (code, out) == (expected, ""), (argv, err)
        assert err.count("\n") == 1, err
        assert err.startswith("commcare-ext: "), err
        assert start in err, (start, err)
        assert "Traceback" not in err
        assert "MRN-" not in err  # no patient identifier in any message


def test_a_response_with_problems_lists_them_and_exits_1(tmp_path: Path) -> None:
    response = intake_to_response(people.stigma_faith_discreet())
    response["status"] = "in-progress"
    path = _write(tmp_path, "response.json", response)
    code, out, err = _run(str(path), "--directory", str(FILE))
    assert (code, out) == (ExitCode.NEEDS_ATTENTION, "")
    assert err.startswith(f"commcare-ext: {path}: 1 problem(s) in this response:\n  ")


def test_stdin_is_read_for_a_dash(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    response = json.dumps(intake_to_response(people.family_centred_elder()))

    class Pipe(io.StringIO):
        def isatty(self) -> bool:
            return False

    monkeypatch.setattr(sys, "stdin", Pipe(response))
    from_stdin = _run("-", "--directory", str(FILE), "--json", *TODAY)
    from_file = _run(
        str(_write(tmp_path, "r.json", json.loads(response))),
        "--directory",
        str(FILE),
        "--json",
        *TODAY,
    )
    assert from_stdin == from_file
    assert from_stdin[0] == 0


def test_a_directory_of_the_wrong_kind_names_each_record_and_the_format(tmp_path: Path) -> None:
    intake = _intake_file(tmp_path, people.stigma_faith_discreet())
    # A FHIR file with no service in it: the intake's own QuestionnaireResponse.
    response = _write(tmp_path, "qr.json", intake_to_response(people.stigma_faith_discreet()))
    code, out, err = _run(str(intake), "--directory", str(response))
    assert (code, out) == (ExitCode.INPUT, ""), err
    assert "expected FHIR HealthcareService resources" in err
    # An HSDS file whose records are not services: each skipped one is named.
    records = [{"id": f"rec-{n}", "title": "not a service"} for n in range(3)]
    wrong = _write(tmp_path, "wrong.json", records)
    code, out, err = _run(str(intake), "--directory", str(wrong))
    assert (code, out) == (ExitCode.INPUT, ""), err
    for n in range(3):
        assert f"rec-{n}" in err
    assert "expected Open Referral HSDS 3.0 services" in err
    assert "Traceback" not in err


def test_as_a_process_an_error_is_an_exit_code_and_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "commcare_ext.cli",
            "match",
            str(tmp_path / "none.json"),
            "--directory",
            str(FILE),
        ],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == ExitCode.INPUT
    assert done.stdout == ""
    assert done.stderr.startswith("commcare-ext: ")
    assert "no such file" in done.stderr
    assert "Traceback" not in done.stderr


def test_help_is_written_to_stdout_and_exits_zero() -> None:
    code, out, err = _run("--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: commcare-ext match")
    assert "--directory" in out
