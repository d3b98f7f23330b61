"""Whatever a user feeds ``read`` and ``extract``, the answer is an exit code, never a traceback.

Hypothesis sends arbitrary text, arbitrary JSON, and valid intakes and responses with parts
broken; the only outcomes allowed are a documented exit code (0, 1 or 4) with each error on
lines of its own starting ``commcare-ext:`` (a response's problems follow, indented).
"""

import contextlib
import io
import json
import sys
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.cli import ExitCode, main
from commcare_ext.questionnaire import intake_to_response
from tests.budget import cases
from tests.cli.conftest import CLINIC_FILE
from tests.fixtures import EXAMPLE_NAMES, load_example
from tests.strategies import json_values, mutated

BASES = [load_example(name).model_dump(mode="json") for name in EXAMPLE_NAMES] + [
    intake_to_response(load_example(name)) for name in EXAMPLE_NAMES
]
ALLOWED = {ExitCode.OK, ExitCode.NEEDS_ATTENTION, ExitCode.INPUT}
inputs = (
    st.text(max_size=200)
    | json_values.map(json.dumps)
    | mutated(BASES).map(lambda document: json.dumps(document, ensure_ascii=False))
)


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


def _check(code: int, err: str) -> None:
    assert code in ALLOWED, (code, err)
    assert "Traceback" not in err
    for line in err.splitlines():
        assert line.startswith(("commcare-ext: ", "  ")), line
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


def test_the_strategy_reaches_every_outcome() -> None:
    codes: set[int] = set()
    for document in (BASES[0], BASES[-1], {"resourceType": "Patient"}, "not json"):
        text = document if isinstance(document, str) else json.dumps(document)
        codes.add(_run(["read"], text)[0])
    broken: dict[str, Any] = dict(BASES[-1])
    broken["item"] = []
    codes.add(_run(["read"], json.dumps(broken))[0])
    assert codes == ALLOWED
