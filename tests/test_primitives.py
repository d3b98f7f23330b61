"""FHIR primitive formats are written once (commcare_ext.primitives) and agree with fhir_core."""

import re
from pathlib import Path

import fhir_core.constraints
import pytest
from fhir_core.types import Id

from commcare_ext.primitives import DATE_TIME_RE, FULL_DATE_RE, FULL_DATE_TIME_RE, ID, ID_RE

PACKAGE_ROOT = Path(__file__).resolve().parents[1] / "src" / "commcare_ext"
#: The spellings a second copy of a primitive pattern would use.
COPIES = (r"A-Za-z0-9\-.]{1,64}", r"A-Za-z0-9.\-]{1,64}", r"\d{4}-\d{2}-\d{2}")


def test_the_id_pattern_has_fhir_cores_characters_and_r4s_length() -> None:
    characters = re.sub(r"\{.*\}$", "", ID)
    assert f"^{characters}+$" == fhir_core.constraints.TYPES_ID_PATTERN == Id.pattern
    for value in ("a", "A-1.b", "x" * 64):
        assert ID_RE.match(value)
    for value in ("", "x" * 65, "a_b", "a b", "é"):
        assert not ID_RE.match(value)


@pytest.mark.parametrize(
    ("value", "date_time", "full"),
    [
        ("2026", True, False),
        ("2026-11", True, False),
        ("2026-11-02", True, False),
        ("2026-11-02T09:30:00Z", True, True),
        ("2026-11-02T09:30:00.123+01:00", True, True),
        ("2026-11-02T09:30", False, False),  # a time needs its zone
        ("26-11-02", False, False),
    ],
)
def test_date_times(value: str, date_time: bool, full: bool) -> None:
    assert bool(DATE_TIME_RE.match(value)) is date_time
    assert bool(FULL_DATE_TIME_RE.match(value)) is full
    assert bool(FULL_DATE_RE.match(value)) is (value == "2026-11-02")


def test_no_module_writes_a_primitive_pattern_again() -> None:
    copies = [
        str(path.relative_to(PACKAGE_ROOT))
        for path in PACKAGE_ROOT.rglob("*.py")
        if path.name != "primitives.py"
        and any(copy in path.read_text(encoding="utf-8") for copy in COPIES)
    ]
    assert not copies, copies
