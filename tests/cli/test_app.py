"""The entry point: --version, help, usage errors, and the hooks for match and referrals."""

import re
import subprocess
import sys
import types
from collections.abc import Sequence
from importlib.metadata import version
from pathlib import Path

import pytest

from commcare_ext.cli import ExitCode
from commcare_ext.cli.delegated import DELEGATED
from tests.cli.conftest import Run

COMMANDS = ("read", "extract", "bundle", "post", "outbox", "publish")


def test_version_names_the_installed_release(run: Run) -> None:
    ran = run("--version")
    assert ran.code == ExitCode.OK
    assert ran.out.strip() == f"commcare-ext {version('commcare-ext')}"


def test_help_lists_every_command_and_the_exit_codes(run: Run) -> None:
    ran = run("--help")
    assert ran.code == ExitCode.OK
    for command in COMMANDS:
        assert f"\n    {command} " in ran.out
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
    assert "see --help" in ran.one_line_error()


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


@pytest.mark.parametrize("word", sorted(DELEGATED))
def test_delegated_commands_run_when_their_package_is_there(
    run: Run, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    module_name, function, _ = DELEGATED[word]
    seen: list[list[str]] = []

    def command(argv: Sequence[str]) -> int:
        seen.append(list(argv))
        return 7

    fake = types.ModuleType(module_name)
    setattr(fake, function, command)
    monkeypatch.setitem(sys.modules, module_name, fake)
    assert run(word, "--server", "http://x/", "--json").code == 7
    assert seen == [["--server", "http://x/", "--json"]]
    assert re.search(rf"\n    {word}\s", run("--help").out)


@pytest.mark.parametrize("word", sorted(DELEGATED))
def test_delegated_commands_are_not_offered_without_their_package(
    run: Run, monkeypatch: pytest.MonkeyPatch, word: str
) -> None:
    module_name, _, _ = DELEGATED[word]
    monkeypatch.setitem(sys.modules, module_name, None)  # import raises ModuleNotFoundError
    assert not re.search(rf"\n    {word}\s", run("--help").out)
    ran = run(word)
    assert ran.code == ExitCode.USAGE
    assert "invalid choice" in ran.one_line_error()
