"""Run ``commcare-ext`` in-process, as a user would type it, and capture what it says."""

import io
import json
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.cli import main
from commcare_ext.questionnaire import intake_to_response
from tests.fixtures import load_example
from tests.support.fhir_server import fhir_server

ROOT = Path(__file__).resolve().parents[2]
CLINIC_FILE = ROOT / "examples" / "clinic.json"
NOTE = "commcare-ext: note: "


@dataclass(frozen=True)
class Ran:
    """What one command did: exit code, stdout, stderr."""

    code: int
    out: str
    err: str

    @property
    def json(self) -> Any:
        return json.loads(self.out)

    def one_line_error(self) -> str:
        """The error, checked to be exactly one line (besides notes) and no traceback."""
        lines = [line for line in self.err.strip().splitlines() if not line.startswith(NOTE)]
        assert len(lines) == 1, self.err
        assert "Traceback" not in self.err
        assert lines[0].startswith("commcare-ext: ")
        return lines[0]


Run = Callable[..., Ran]


class _Pipe(io.StringIO):
    """Piped stdin: not a terminal."""

    def isatty(self) -> bool:
        return False


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture
def run(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Run:
    """``run("read", "x.json", stdin="...")``: main() with those arguments."""

    def invoke(*argv: str | Path, stdin: str | None = None, tty: bool = False) -> Ran:
        capsys.readouterr()
        if stdin is not None:
            monkeypatch.setattr(sys, "stdin", _Pipe(stdin))
        elif tty:
            monkeypatch.setattr(sys, "stdin", _Terminal())
        code = main([str(a) for a in argv])
        captured = capsys.readouterr()
        return Ran(code, captured.out, captured.err)

    return invoke


def write_json(path: Path, content: Any) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(content, ensure_ascii=False), encoding="utf-8")
    return path


@pytest.fixture
def response_file(tmp_path: Path) -> Path:
    """María's intake as the Spanish form's QuestionnaireResponse (referral consent, 2 supports)."""
    response = intake_to_response(load_example("maria-garcia"), language="es")
    return write_json(tmp_path / "maria.json", response)


@pytest.fixture
def declined_file(tmp_path: Path) -> Path:
    """An intake whose patient declined community referrals."""
    return write_json(tmp_path / "jordan.json", intake_to_response(load_example("jordan-lee")))


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    """One loopback Medplum server per module (conditional creates keep tests independent)."""
    with fhir_server() as url:
        yield url
