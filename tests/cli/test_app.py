"""The entry point: --version, help, usage errors, and one registry of every command."""

import ast
import re
import subprocess
import sys
from importlib.metadata import version
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.cli.app import COMMANDS as REGISTERED
from tests.cli.conftest import Run

COMMANDS = (
    "read",
    "extract",
    "bundle",
    "post",
    "outbox",
    "publish",
    "match",
    "referrals",
    "synth",
    "batch",
    "import",
    "views",
    "outcomes",
)
CLI = Path(__file__).resolve().parents[2] / "src" / "commcare_ext" / "cli"


def test_version_names_the_installed_release(run: Run) -> None:
    ran = run("--version")
    assert ran.code == ExitCode.OK
    assert ran.out.strip() == f"commcare-ext {version('commcare-ext')}"


def test_help_lists_every_command_and_the_exit_codes(run: Run) -> None:
    ran = run("--help")
    assert ran.code == ExitCode.OK
    for command in COMMANDS:
        assert re.search(rf"\n    {command}\s", ran.out), command
    for code in ExitCode:
        assert f"\n  {code.value}  " in ran.out


@pytest.mark.parametrize("command", [*COMMANDS, "bundle transaction", "outbox list"])
def test_each_command_has_help(run: Run, command: str) -> None:
    ran = run(*command.split(), "--help")
    assert ran.code == ExitCode.OK
    assert ran.out.startswith("usage: commcare-ext")


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["no-such-command"],
        ["read", "--no-such-option"],
        ["bundle"],
        ["bundle", "transaction", "--clinic"],
        ["outbox", "discard", "some-id"],  # --reason is required
        ["post", "x.json", "--max-transaction-entries", "many"],
    ],
    ids=lambda argv: " ".join(argv) or "(nothing)",
)
def test_a_wrong_command_line_is_one_line_and_exit_2(run: Run, argv: list[str]) -> None:
    ran = run(*argv)
    assert ran.code == ExitCode.USAGE
    line = ran.one_line_error()
    assert "see --help" in line
    assert line.count("commcare-ext") == 1, line  # the program is named once


def test_the_installed_script_runs_and_errors_without_a_traceback(tmp_path: Path) -> None:
    script = Path(sys.executable).parent / "commcare-ext"
    done = subprocess.run(
        [script, "read", str(tmp_path / "missing.json")],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == ExitCode.INPUT
    assert done.stderr == f"commcare-ext: {tmp_path / 'missing.json'}: no such file\n"
    module = subprocess.run(
        [sys.executable, "-m", "commcare_ext.cli", "--version"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert module.stdout.startswith("commcare-ext ")


def test_every_command_module_is_registered_once() -> None:
    """A module with ``register(parser)`` under cli/ is a command, listed in COMMANDS."""
    modules = {
        path.stem
        for path in CLI.glob("*.py")
        if any(
            isinstance(node, ast.FunctionDef) and node.name == "register"
            for node in ast.parse(path.read_text(encoding="utf-8")).body
        )
    }
    words = [command.word for command in REGISTERED]
    loaded = [command.load().__module__.rsplit(".", 1)[-1] for command in REGISTERED]
    assert sorted(words) == sorted(set(words))
    assert sorted(loaded) == sorted(set(loaded)) == sorted(modules)
    assert set(COMMANDS) == set(words)


def test_no_command_is_loaded_by_name_behind_the_architecture_tests_back() -> None:
    for path in CLI.glob("*.py"):
        assert "importlib" not in path.read_text(encoding="utf-8").replace(
            "importlib.metadata", ""
        ), path


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_version_and_help_load_no_command_and_no_library(argv: list[str]) -> None:
    probe = (
        "import sys\n"
        "from commcare_ext.cli import main\n"
        f"main({argv!r})\n"
        "loaded = sorted(m for m in sys.modules if m.startswith('commcare_ext.'))\n"
        "print(loaded, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert loaded <= {
        "commcare_ext.cli",
        "commcare_ext.cli.app",
        "commcare_ext.cli.errors",
        "commcare_ext.cli.registry",
        "commcare_ext.errors",
    }, loaded


def test_typing_a_command_loads_only_that_command(run: Run) -> None:
    probe = (
        "import sys\n"
        "from commcare_ext.cli import main\n"
        "main(['publish', '--help'])\n"
        "mine = sorted(m for m in sys.modules if m.startswith('commcare_ext.cli.'))\n"
        "print(mine, file=sys.stderr)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    loaded = set(ast.literal_eval(done.stderr.strip().splitlines()[-1]))
    assert "commcare_ext.cli.publish" in loaded
    assert not loaded & {"commcare_ext.cli.read", "commcare_ext.cli.match", "commcare_ext.cli.post"}
