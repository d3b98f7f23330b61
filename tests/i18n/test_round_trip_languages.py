"""Names and free text in any script survive every language's form byte for byte.

The property: for any valid intake whose names and free text are drawn from the five form
languages' scripts (combining marks, astral Han, Arabic with harakat and bidi marks, joiners),
writing it as a response to the en, es, vi, zh-Hans and ar form, sending it through JSON and
reading it back gives the same intake, and every text field has the same UTF-8 bytes. Nothing
normalises (NFC/NFD), reorders, or strips a mark on the way.
"""

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from commcare_ext.intake import Intake
from commcare_ext.questionnaire import intake_to_response, response_to_intake
from tests.budget import cases
from tests.strategies import PERSON_TEXT_FIELDS, TEXT_FIELDS, intakes, multiscript_text

LANGUAGES = ("en", "es", "vi", "zh-Hans", "ar")


def _texts(intake: Intake) -> list[bytes]:
    found: list[bytes] = []
    for section, name in TEXT_FIELDS:
        value = getattr(getattr(intake, section), name)
        found.append(b"" if value is None else value.encode("utf-8"))
    for person in intake.support_persons:
        for name in PERSON_TEXT_FIELDS:
            value = getattr(person, name)
            found.append(b"" if value is None else value.encode("utf-8"))
    return found


@st.composite
def multiscript_intakes(draw: st.DrawFn) -> Intake:
    """A valid intake whose every name and free-text answer is multi-script text."""
    data: dict[str, Any] = draw(intakes()).model_dump(mode="json")
    for section, name in TEXT_FIELDS:
        data[section][name] = draw(multiscript_text)
    for person in data["support_persons"]:
        for name in PERSON_TEXT_FIELDS:
            person[name] = draw(multiscript_text)
    return Intake.model_validate(data)


@settings(max_examples=cases(120), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(intake=multiscript_intakes())
def test_text_in_any_script_round_trips_byte_for_byte_in_every_language(intake: Intake) -> None:
    for language in LANGUAGES:
        wire = json.dumps(intake_to_response(intake, language=language), ensure_ascii=False)
        read = response_to_intake(json.loads(wire.encode("utf-8").decode("utf-8")))
        assert read == intake, language
        assert _texts(read) == _texts(intake), language


def test_the_strategy_really_mixes_scripts() -> None:
    # A property over "any script" that only ever drew ASCII would prove nothing.
    seen: set[str] = set()

    @settings(max_examples=cases(200), database=None)
    @given(text=multiscript_text)
    def collect(text: str) -> None:
        seen.update(text)

    collect()
    assert {"\u0302", "\u200f", "م"} & seen
    assert any("\u4e00" <= c <= "\u9fff" for c in seen)
