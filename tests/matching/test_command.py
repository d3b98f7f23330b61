"""``commcare-ext match``: table and JSON output, every input format, one-line user errors."""

import io
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.intake import Intake
from commcare_ext.matching import match_command
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from tests.matching import people
from tests.matching.make_directory import FILE

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE_BUNDLE = ROOT / "examples" / "directory" / "fhir" / "bundle.json"
TODAY = ["--today", people.TODAY.isoformat()]


def _run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = match_command(list(argv), read_response=response_to_intake, stdout=out, stderr=err)
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
    assert err == "the patient's language has no message catalogue: reasons are in English\n"
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
    invalid = _write(tmp_path, "invalid.json", {"intake_id": "x", "patient": {}})
    response = intake_to_response(people.stigma_faith_discreet())
    response["status"] = "in-progress"
    bad_response = _write(tmp_path, "response.json", response)
    empty = tmp_path / "empty"
    empty.mkdir()
    directory = ["--directory", str(FILE)]
    return [
        ([str(tmp_path / "missing.json"), *directory], 3, "intake: cannot read"),
        ([str(broken), *directory], 3, "intake: broken.json is not JSON"),
        ([str(invalid), *directory], 3, "intake: patient.identifier_system: Field required"),
        ([str(bad_response), *directory], 3, "intake: "),
        ([str(intake), "--directory", str(tmp_path / "nowhere")], 4, "directory: no such"),
        ([str(intake), "--directory", str(broken)], 4, "directory: broken.json: not readable"),
        ([str(intake), "--directory", str(empty)], 4, "directory: empty: no HSDS tables"),
        ([str(intake), *directory, "--near", "north"], 2, "--near: expected LAT,LON"),
        ([str(intake), *directory, "--near", "95,0"], 2, "commcare-ext match: near:"),
        ([str(intake), *directory, "--travel-limit", "-1"], 2, "travel_limit: expected"),
        ([str(intake)], 2, "commcare-ext match: the following arguments are required"),
        ([str(intake), *directory, "--language", "fr"], 2, "argument --language"),
    ]


def test_user_errors_are_one_line_and_a_documented_exit_code(tmp_path: Path) -> None:
    for argv, expected, start in _errors(tmp_path):
        code, out, err = _run(*argv)
        assert (code, out) == (expected, ""), (argv, err)
        assert err.count("\n") == 1, err
        assert start in err, (start, err)
        assert "Traceback" not in err
        assert "MRN-" not in err  # no patient identifier in any message


def test_a_response_without_the_form_reader_is_refused_clearly(tmp_path: Path) -> None:
    response = _write(tmp_path, "r.json", intake_to_response(people.nothing_fits()))
    err = io.StringIO()
    code = match_command([str(response), "--directory", str(FILE)], stderr=err)
    assert code == 3
    assert err.getvalue() == (
        "intake: a QuestionnaireResponse needs the form reader (use commcare-ext)\n"
    )


def test_as_a_process_an_error_is_an_exit_code_and_no_traceback(tmp_path: Path) -> None:
    script = (
        "import sys\n"
        "from commcare_ext.matching import match_command\n"
        "sys.exit(match_command(sys.argv[1:]))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script, str(tmp_path / "none.json"), "--directory", str(FILE)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )
    assert done.returncode == 3
    assert done.stdout == ""
    assert done.stderr.startswith("intake: cannot read")
    assert "Traceback" not in done.stderr


def test_help_is_written_to_stdout_and_exits_zero() -> None:
    code, out, err = _run("--help")
    assert (code, err) == (0, "")
    assert out.startswith("usage: commcare-ext match")
    assert "--directory" in out
