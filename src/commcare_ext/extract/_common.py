"""Small helpers every resource family uses."""

from typing import Any

from commcare_ext.terminology.code import Code


def concept(*codes: Code, text: str | None = None) -> dict[str, Any]:
    """A CodeableConcept of one or more codings."""
    value: dict[str, Any] = {"coding": [code.as_coding() for code in codes]}
    if text:
        value["text"] = text
    return value


def ref(reference: str, display: str | None = None) -> dict[str, Any]:
    """A Reference, with an optional display."""
    value: dict[str, Any] = {"reference": reference}
    if display:
        value["display"] = display
    return value
