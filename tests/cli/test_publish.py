"""``commcare-ext publish``: loose files, or an NPM-style FHIR package."""

import json
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.questionnaire import FHIR_PACKAGE_NAME, published_resources
from tests.cli.conftest import Run


def _names() -> set[str]:
    return {f"{r['resourceType']}-{r['id']}.json" for r in published_resources()}


def test_publish_out_writes_one_file_per_resource(run: Run, tmp_path: Path) -> None:
    ran = run("publish", "--out", tmp_path / "fhir")
    assert ran.code == ExitCode.OK
    written = {p.name for p in (tmp_path / "fhir").iterdir()}
    assert written == _names()
    assert {"Questionnaire-cultural-intake.json", "CodeSystem-commcare-intake.json"} <= written
    assert f"wrote {len(written)} resources" in ran.out


def test_publish_defaults_to_a_fhir_folder(
    run: Run, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert run("publish").code == ExitCode.OK
    assert {p.name for p in (tmp_path / "fhir").iterdir()} == _names()


def test_publish_package_writes_manifest_index_and_resources(run: Run, tmp_path: Path) -> None:
    ran = run("publish", "--package", tmp_path / "pkg")
    assert ran.code == ExitCode.OK
    folder = tmp_path / "pkg" / "package"
    manifest = json.loads((folder / "package.json").read_text("utf-8"))
    assert manifest["name"] == FHIR_PACKAGE_NAME
    assert manifest["fhirVersions"] == ["4.0.1"]
    assert manifest["dependencies"] == {
        "hl7.fhir.r4.core": "4.0.1",
        "hl7.fhir.uv.sdc": "3.0.0",
        "hl7.terminology.r4": "7.0.1",
    }
    assert manifest["canonical"] == "https://fhir.commcare-ext.org"
    index = json.loads((folder / ".index.json").read_text("utf-8"))
    assert index["index-version"] == 2
    listed = {entry["filename"]: entry for entry in index["files"]}
    assert set(listed) == _names()
    for name, entry in listed.items():
        resource = json.loads((folder / name).read_text("utf-8"))
        assert entry["resourceType"] == resource["resourceType"]
        assert entry["id"] == resource["id"]
        assert entry["url"] == resource["url"]
        assert entry["version"] == resource["version"] == manifest["version"]
    assert {p.name for p in folder.iterdir()} == {*_names(), "package.json", ".index.json"}
    assert str(folder / "package.json") in ran.out


def test_publish_refuses_a_file_where_a_folder_goes(run: Run, tmp_path: Path) -> None:
    target = tmp_path / "taken"
    target.write_text("x")
    for option in ("--out", "--package"):
        ran = run("publish", option, target)
        assert ran.code == ExitCode.USAGE
        assert "exists and is not a folder" in ran.one_line_error()
