"""The view runner against the official SQL on FHIR v2 suite (vendored in sof_v2/, MIT)."""

import json
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode, main
from commcare_ext.views import ViewDefinitionError, compile_view, run_test_folder
from commcare_ext.views import fhirpath as fhirpath_module

SUITE = Path(__file__).parent / "sof_v2"
#: Experimental tests we do not pass: lowBoundary()/highBoundary() (fn_boundary.json),
#: which fhirpathpy does not implement. Every shareable test passes.
KNOWN_EXPERIMENTAL_FAILURES = 8


def test_every_shareable_test_passes() -> None:
    outcomes = run_test_folder(SUITE)
    shareable = [o for o in outcomes if "shareable" in o.tags]
    assert len(shareable) == 123
    assert [o for o in shareable if not o.passed] == []


def test_the_full_count_is_what_the_docs_report() -> None:
    outcomes = run_test_folder(SUITE)
    failed = [o for o in outcomes if not o.passed]
    assert (len(outcomes), len(failed)) == (134, KNOWN_EXPERIMENTAL_FAILURES)
    assert {o.file for o in failed} == {"fn_boundary.json"}
    docs = (Path(__file__).parents[2] / "docs" / "outcomes.md").read_text("utf-8")
    assert "126 passed, 8 failed" in docs


def test_the_fast_path_gives_what_fhirpathpy_gives(monkeypatch: pytest.MonkeyPatch) -> None:
    """The direct JSON walk for plain paths is only a speed-up: turned off, every verdict holds."""
    fast = {(o.file, o.title): o.passed for o in run_test_folder(SUITE)}
    monkeypatch.setattr(fhirpath_module, "FAST_PATH", False)
    slow = {(o.file, o.title): o.passed for o in run_test_folder(SUITE)}
    assert fast == slow


def test_views_test_prints_the_tally_and_fails_on_failures(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    assert main(["views", "test", str(SUITE), "--tag", "shareable"]) == ExitCode.OK
    assert capsys.readouterr().out.strip() == "123 passed, 0 failed"
    assert main(["views", "test", str(SUITE)]) == ExitCode.NEEDS_ATTENTION
    assert capsys.readouterr().out.strip() == "126 passed, 8 failed"
    broken = json.loads((SUITE / "basic.json").read_text("utf-8"))
    broken["tests"] = broken["tests"][:1]
    broken["tests"][0]["expect"] = [{"id": "nobody"}]
    (tmp_path / "broken.json").write_text(json.dumps(broken), "utf-8")
    assert main(["views", "test", str(tmp_path)]) == ExitCode.NEEDS_ATTENTION
    assert capsys.readouterr().out.strip() == "0 passed, 1 failed"


def test_views_test_on_a_missing_folder_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["views", "test", "/nonexistent/suite"]) == ExitCode.INPUT
    assert "not a folder" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("view", "where"),
    [
        ({"select": [{"column": [{"name": "id", "path": "id"}]}]}, "ViewDefinition.resource"),
        ({"resource": "Patient", "select": [{"forEach": 1}]}, "select[0].forEach"),
        (
            {"resource": "Patient", "select": [{"column": [{"name": "a b", "path": "id"}]}]},
            "column[0].name",
        ),
    ],
)
def test_a_bad_view_names_the_element(view: dict[str, object], where: str) -> None:
    with pytest.raises(ViewDefinitionError, match=r"\." if "." in where else where) as raised:
        compile_view(view)
    assert where in str(raised.value)
