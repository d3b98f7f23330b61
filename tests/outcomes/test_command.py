"""``commcare-ext outcomes`` from Bulk Data NDJSON: the page, the JSON, the errors."""

import json
import re
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode, main


def _run(*argv: str | Path) -> int:
    return main([str(a) for a in argv])


def test_writes_a_self_contained_page_and_the_json(
    planted_ndjson: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, data = tmp_path / "report.html", tmp_path / "report.json"
    code = _run(
        "outcomes",
        "--ndjson",
        planted_ndjson,
        "--out",
        html,
        "--json",
        data,
        "--as-of",
        "2026-12-01",
        "--workers",
        "1",
    )
    assert code == ExitCode.OK
    assert "600 referrals, 600 people" in capsys.readouterr().out
    page = html.read_text("utf-8")
    report = json.loads(data.read_text("utf-8"))
    assert report["referrals"]["n"] == 600
    assert report["as_of"] == "2026-12-01"
    # Self-contained: no script, no stylesheet or image fetched from anywhere.
    assert "<script" not in page
    assert not re.search(r'(src|href)="(?!#)', page)
    assert page.count("<svg") == 3
    assert page.count("<table") >= 8
    assert "associations, not causes" in page


def test_since_keeps_only_later_referrals(planted_ndjson: Path, tmp_path: Path) -> None:
    data = tmp_path / "r.json"
    assert (
        _run(
            "outcomes",
            "--ndjson",
            planted_ndjson,
            "--out",
            tmp_path / "r.html",
            "--json",
            data,
            "--since",
            "2026-01-01",
            "--workers",
            "1",
        )
        == ExitCode.OK
    )
    later = json.loads(data.read_text("utf-8"))["referrals"]["n"]
    assert later is not None
    assert 0 < later < 600


def test_two_workers_give_the_same_report(planted_ndjson: Path, tmp_path: Path) -> None:
    one, two = tmp_path / "one.json", tmp_path / "two.json"
    for target, workers in ((one, "1"), (two, "2")):
        assert (
            _run(
                "outcomes",
                "--ndjson",
                planted_ndjson,
                "--out",
                tmp_path / "x.html",
                "--json",
                target,
                "--as-of",
                "2026-12-01",
                "--workers",
                workers,
            )
            == 0
        )
    assert json.loads(one.read_text("utf-8")) == json.loads(two.read_text("utf-8"))


@pytest.mark.parametrize("language", ["es", "vi", "zh-Hans", "ar"])
def test_every_language_is_written(planted_ndjson: Path, tmp_path: Path, language: str) -> None:
    html = tmp_path / f"{language}.html"
    assert (
        _run(
            "outcomes",
            "--ndjson",
            planted_ndjson,
            "--out",
            html,
            "--language",
            language,
            "--as-of",
            "2026-12-01",
            "--workers",
            "1",
        )
        == ExitCode.OK
    )
    page = html.read_text("utf-8")
    assert f'lang="{language}"' in page
    assert ('dir="rtl"' in page) == (language == "ar")
    assert "Did referrals close the loop?" not in page


def test_a_line_that_is_not_json_is_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "bad"
    folder.mkdir()
    (folder / "Patient.ndjson").write_text('{"resourceType": "Patient", "id": "a"}\nnot json\n')
    code = _run("outcomes", "--ndjson", folder, "--out", tmp_path / "r.html", "--workers", "1")
    assert code == ExitCode.INPUT
    err = capsys.readouterr().err
    assert "Patient.ndjson:2: not JSON" in err
    assert "not json" not in err.replace("not JSON", "")  # the line itself is not repeated
    assert len(err.strip().splitlines()) == 1


def test_a_missing_folder_and_a_bad_date_are_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert _run("outcomes", "--ndjson", tmp_path / "none", "--out", tmp_path / "r.html") == (
        ExitCode.INPUT
    )
    assert (
        _run("outcomes", "--ndjson", tmp_path, "--out", tmp_path / "r.html", "--since", "last week")
        == ExitCode.USAGE
    )
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 2
    assert "--since: expected a date" in lines[1]


def test_the_report_is_private_and_an_unwritable_place_is_one_line(
    planted_ndjson: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    html, data = tmp_path / "deep" / "report.html", tmp_path / "deep" / "report.json"
    common = ("--as-of", "2026-12-01", "--workers", "1")
    assert _run("outcomes", "--ndjson", planted_ndjson, "--out", html, "--json", data, *common) == 0
    assert html.stat().st_mode & 0o777 == 0o600
    assert data.stat().st_mode & 0o777 == 0o600
    capsys.readouterr()
    blocked = tmp_path / "a-file"
    blocked.write_text("")
    code = _run("outcomes", "--ndjson", planted_ndjson, "--out", blocked / "r.html", *common)
    assert code == ExitCode.USAGE
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1
    assert f"--out {blocked / 'r.html'}: cannot write there" in err[0]
