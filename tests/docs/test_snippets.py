"""Every example in README.md and docs/ runs, so no snippet can rot.

Pages run in a scratch folder holding what ``./scripts/demo`` writes (``out/demo/``, made by
the demo itself, offline) and the repository's ``examples/``; a page's blocks run in order and
share one namespace, as a reader would run them. See ``tests/docs/snippets.py`` for the marks.
"""

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.cli import main
from tests.docs.snippets import Block, blocks, commands, needs
from tests.support.fhir_server import fhir_server

ROOT = Path(__file__).resolve().parents[2]
PAGES = [ROOT / "README.md", *sorted((ROOT / "docs").rglob("*.md"))]
RUNNABLE = [page for page in PAGES if any(block.runs for block in blocks(page))]
#: Blocks deliberately not run (each says why); keep this small.
MAX_NOT_RUN = 4


@pytest.fixture(scope="session")
def workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scratch folder with ``out/demo/`` as the demo writes it and ``examples/``."""
    root = tmp_path_factory.mktemp("docs")
    (root / "examples").symlink_to(ROOT / "examples")
    subprocess.run(
        [sys.executable, "-m", "examples.demo", "--no-server", "--out", str(root / "out" / "demo")],
        cwd=ROOT,
        check=True,
        capture_output=True,
        timeout=300,
    )
    return root


@pytest.fixture(scope="session")
def docs_server() -> Iterator[str]:
    with fhir_server() as url:
        yield url


def run_block(block: Block, namespace: dict[str, Any]) -> None:
    """Run one block; an error names the page and line."""
    if block.language == "python":
        padded = "\n" * (block.line) + block.code  # tracebacks show the page's own line numbers
        exec(compile(padded, str(block.path), "exec"), namespace)  # noqa: S102 - our own docs
        return
    for command in commands(block):
        code = main(command.argv)
        assert code == command.exit_code, (
            f"{block.path.name}:{command.line}: `commcare-ext {' '.join(command.argv)}` "
            f"exited {code}, expected {command.exit_code}"
        )


def run_page(page: Path) -> int:
    """Run every runnable block of ``page`` in order; how many ran."""
    namespace: dict[str, Any] = {"__name__": f"docs_{page.stem.replace('-', '_')}"}
    ran = 0
    for block in blocks(page):
        if block.runs:
            run_block(block, namespace)
            ran += 1
    return ran


@pytest.mark.parametrize("page", RUNNABLE, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_example_on_the_page_runs(
    page: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch, request: pytest.FixtureRequest
) -> None:
    for name in [n for n in os.environ if n.startswith("COMMCARE_EXT_")]:
        monkeypatch.delenv(name)
    monkeypatch.chdir(workspace)
    if "fhir-server" in needs(page):
        monkeypatch.setenv("COMMCARE_EXT_FHIR_SERVER", request.getfixturevalue("docs_server"))
    assert run_page(page) > 0


def test_the_pages_are_found() -> None:
    assert ROOT / "README.md" in RUNNABLE
    assert {"cli.md", "developers.md", "integrators.md"} <= {p.name for p in RUNNABLE}
    readme = [b for b in blocks(ROOT / "README.md") if b.runs]
    assert any(b.language == "python" and "out/demo/" in b.code for b in readme)


def test_blocks_not_run_are_few_and_say_why() -> None:
    skipped = [b for page in PAGES for b in blocks(page) if b.not_run is not None]
    for block in skipped:
        assert block.not_run, f"{block.where()}: <!-- not-run: --> needs a reason"
        assert block.language in ("python", "console"), f"{block.where()}: mark only code"
    assert len(skipped) <= MAX_NOT_RUN, [b.where() for b in skipped]


def test_the_runner_can_fail(
    tmp_path: Path, workspace: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(workspace)
    page = tmp_path / "page.md"
    page.write_text("Text.\n\n```python\nvalue = 1\n```\n\n```python\nassert value == 2\n```\n")
    with pytest.raises(AssertionError) as failed:
        run_page(page)
    assert failed.traceback[-1].lineno + 1 == 8  # the line of the failing assert in the page
    page.write_text("```console\n$ commcare-ext read no-such-file.json\n```\n")
    with pytest.raises(AssertionError, match="exited 4, expected 0"):
        run_page(page)
    page.write_text("```console\n$ commcare-ext read no-such-file.json  # exit 4\n```\n")
    assert run_page(page) == 1
    page.write_text("<!-- not-run: a reason -->\n```python\nraise SystemExit(1)\n```\n")
    assert run_page(page) == 0
    page.write_text("```console\n$ rm -rf /\n```\n")
    with pytest.raises(ValueError, match="console blocks run commcare-ext only"):
        run_page(page)
