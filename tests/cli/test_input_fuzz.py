"""Whatever a user feeds the commands, the answer is an exit code, never a traceback.

Hypothesis sends arbitrary text, arbitrary JSON, JSON nested hundreds or thousands deep, and
valid intakes and responses with parts broken to ``read``, ``extract`` and ``match``; output
paths that cannot be written to ``read --out``; and files of any content as the outbox. The
only outcomes allowed are a documented exit code with each error on lines of its own starting
``commcare-ext:`` (a response's problems follow, indented), and an outbox file that is not an
outbox is left exactly as it was.
"""

import contextlib
import io
import json
import os
import stat
import sys
import tempfile
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.cli import ExitCode, main
from commcare_ext.questionnaire import intake_to_response
from tests.budget import cases
from tests.cli.conftest import CLINIC_FILE, ROOT
from tests.fixtures import EXAMPLE_NAMES, load_example
from tests.strategies import json_values, mutated

BASES = [load_example(name).model_dump(mode="json") for name in EXAMPLE_NAMES] + [
    intake_to_response(load_example(name)) for name in EXAMPLE_NAMES
]
ALLOWED = {ExitCode.OK, ExitCode.NEEDS_ATTENTION, ExitCode.INPUT}
DIRECTORY = ROOT / "examples" / "directory" / "hsds" / "services.json"
nested = st.tuples(st.integers(1, 3000), st.sampled_from(["[]", "{}", "[{}]"])).map(
    lambda n_kind: _nest(*n_kind)
)
inputs = (
    st.text(max_size=200)
    | json_values.map(json.dumps)
    | mutated(BASES).map(lambda document: json.dumps(document, ensure_ascii=False))
    | nested
)


def _nest(depth: int, kind: str) -> str:
    if kind == "[]":
        return "[" * depth + "]" * depth
    if kind == "{}":
        return '{"a":' * depth + "1" + "}" * depth
    return '[{"item":' * depth + "[]" + "}]" * depth


class _Pipe(io.StringIO):
    def isatty(self) -> bool:
        return False


def _run(argv: list[str], text: str) -> tuple[int, str]:
    err = io.StringIO()
    saved = sys.stdin
    sys.stdin = _Pipe(text)
    try:
        with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(err):
            code = main(argv)
    finally:
        sys.stdin = saved
    return code, err.getvalue()


def _check(code: int, err: str, allowed: set[ExitCode] = ALLOWED) -> None:
    assert code in allowed, (code, err)
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith(("commcare-ext: ", "  ", "wrote ")), line
    if code != ExitCode.OK:
        assert err.startswith("commcare-ext: ")


@settings(max_examples=cases(400), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=inputs)
def test_read_answers_any_input_with_an_exit_code(text: str) -> None:
    _check(*_run(["read"], text))


@settings(max_examples=cases(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=inputs)
def test_extract_answers_any_input_with_an_exit_code(text: str) -> None:
    _check(*_run(["extract", "--clinic", str(CLINIC_FILE)], text))


@settings(max_examples=cases(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=inputs)
def test_match_answers_any_intake_with_an_exit_code(text: str) -> None:
    _check(*_run(["match", "-", "--directory", str(DIRECTORY)], text))


@settings(max_examples=cases(100), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=inputs)
def test_match_answers_any_directory_with_an_exit_code(text: str) -> None:
    with tempfile.TemporaryDirectory() as folder:
        directory = Path(folder) / "directory.json"
        directory.write_text(text, encoding="utf-8")
        intake = Path(folder) / "intake.json"
        intake.write_text(json.dumps(BASES[0]), encoding="utf-8")
        code, err = _run(["match", str(intake), "--directory", str(directory)], "")
    _check(code, err, allowed=ALLOWED)


#: Pieces of an output path: ordinary names, a file where a folder must be, names too long,
#: device files, parent steps, odd characters.
_PIECES = st.sampled_from(
    ["out", "x.json", "a-file", "a-folder", "..", ".", "n" * 300, "é✓ 名", "dev-null"]
)


@settings(max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    pieces=st.lists(_PIECES, min_size=1, max_size=4),
    absolute=st.sampled_from(["", "/dev/null", "/proc/self"]),
)
def test_any_output_path_is_written_or_refused_in_one_line(
    pieces: list[str], absolute: str
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "a-file").write_text("taken", encoding="utf-8")
        (root / "a-folder").mkdir()
        (root / "dev-null").symlink_to("/dev/null")
        out = Path(absolute, *pieces) if absolute else root.joinpath(*pieces)
        code, err = _run(["read", "--out", str(out)], json.dumps(BASES[0]))
    _check(code, err, allowed={ExitCode.OK, ExitCode.USAGE, ExitCode.INPUT})


@settings(max_examples=cases(300), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    content=st.binary(max_size=2048)
    | st.binary(max_size=2048).map(lambda tail: b"SQLite format 3\x00" + tail)
)
def test_any_file_as_the_outbox_is_an_exit_code_and_left_alone_unless_an_outbox(
    content: bytes,
) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "outbox.db"
        path.write_bytes(content)
        os.chmod(path, 0o644)
        code, err = _run(["outbox", "list", "--outbox", str(path)], "")
        mode, after = stat.S_IMODE(path.stat().st_mode), path.read_bytes()
    _check(code, err, allowed={ExitCode.OK, ExitCode.INPUT})
    if code != ExitCode.OK:
        assert (mode, after) == (0o644, content)


def test_the_strategy_reaches_every_outcome() -> None:
    codes: set[int] = set()
    for document in (BASES[0], BASES[-1], {"resourceType": "Patient"}, "not json"):
        text = document if isinstance(document, str) else json.dumps(document)
        codes.add(_run(["read"], text)[0])
    broken: dict[str, Any] = dict(BASES[-1])
    broken["item"] = []
    codes.add(_run(["read"], json.dumps(broken))[0])
    assert codes == ALLOWED
