"""Names and free text are plain text: nothing in them can break JSON, XML or a narrative.

Vertical tab and form feed become spaces; every other control character, lone surrogate
and Unicode noncharacter is refused with an error at the field that holds it. What the
model accepts, every narrative built from it carries as well-formed XHTML.
"""

import re
import xml.etree.ElementTree as ET
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from pydantic import TypeAdapter, ValidationError

from commcare_ext.extract import extract
from commcare_ext.intake import Intake, PatientText
from tests.budget import cases
from tests.fixtures import context_for, load_example
from tests.strategies import PERSON_TEXT_FIELDS, TEXT_FIELDS, hostile_text, intake_data_with_text

#: XML 1.0's Char production, less the noncharacters U+FDD0..U+FDEF (FHIR carries neither).
_XML_CHARS = re.compile(
    "^[\t\n\r\x20-\x7e\xa0-\ud7ff\ue000-\ufdcf\ufdf0-\ufffd\U00010000-\U0010ffff]*$"
)
_PATIENT_TEXT: TypeAdapter[str] = TypeAdapter(PatientText)


def _is_plain(text: str) -> bool:
    """XML can carry it, and it holds no noncharacter (U+nFFFE, U+nFFFF in any plane)."""
    return bool(_XML_CHARS.match(text)) and all(ord(c) & 0xFFFE != 0xFFFE for c in text)


def _text_fields(data: dict[str, Any]) -> set[tuple[str | int, ...]]:
    fields: set[tuple[str | int, ...]] = set(TEXT_FIELDS)
    for index in range(len(data["support_persons"])):
        fields.update(("support_persons", index, field) for field in PERSON_TEXT_FIELDS)
    return fields


@pytest.mark.parametrize(
    "bad", ["\x00", "\x08", "\x1b", "\x7f", "\x85", "\x9f", "\ud800", "\ufdd0", "\ufffe", "\uffff"]
)
def test_each_kind_of_unusable_character_is_refused_at_its_field(bad: str) -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["formulation"]["problem_in_own_words"] = f"me siento{bad} mal"
    with pytest.raises(ValidationError) as caught:
        Intake.model_validate(data)
    [error] = caught.value.errors()
    assert error["loc"] == ("formulation", "problem_in_own_words")
    # pydantic itself refuses a lone surrogate as an invalid string; we name the rest
    assert error["type"] == "string_unicode" or f"U+{ord(bad):04X}" in error["msg"]


def test_whitespace_like_controls_become_spaces() -> None:
    data = load_example("maria-garcia").model_dump(mode="json")
    data["patient"]["given_name"] = "\vMaría\fJosé\v"
    data["support_persons"][0]["name"] = "Rosa\vGarcía"
    intake = Intake.model_validate(data)
    assert intake.patient.given_name == "María José"
    assert intake.support_persons[0].name == "Rosa García"


@settings(max_examples=cases(500), deadline=None)
@given(text=hostile_text)
def test_text_is_kept_only_when_every_character_is_plain(text: str) -> None:
    try:
        kept = _PATIENT_TEXT.validate_python(text)
    except ValidationError as caught:
        [error] = caught.errors()
        if error["type"] not in ("string_too_short", "string_unicode"):
            found = re.search(r"U\+([0-9A-F]{4,6})", error["msg"])
            assert found, error["msg"]
            refused = chr(int(found.group(1), 16))
            assert refused in text
            assert not _is_plain(refused)
    else:
        assert kept
        assert _is_plain(kept)
        assert "\v" not in kept
        assert "\f" not in kept


@settings(max_examples=cases(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=intake_data_with_text())
def test_every_narrative_of_an_accepted_intake_is_well_formed_xml(data: dict[str, Any]) -> None:
    try:
        intake = Intake.model_validate(data)
    except ValidationError as caught:
        # refused text is refused where it is, never somewhere else
        located = _text_fields(data)
        for error in caught.errors():
            assert tuple(error["loc"]) in located, error["loc"]
        return
    narratives = 0
    for extracted in extract(intake, context=context_for(intake)).all():
        text = extracted.resource.get("text")
        if text is not None:
            ET.fromstring(text["div"])  # noqa: S314 - our own output, parsed as proof
            narratives += 1
    assert narratives
