"""A pydantic base whose reprs and validation errors never reveal patient data."""

from typing import Any

from pydantic import BaseModel, ConfigDict


class PhiSafeModel(BaseModel):
    """Base of every model that holds patient data.

    Everything a patient answers is protected health information, so validation errors
    never echo input values and ``repr``/``str`` show no field values at all: a model that
    reaches a log line or a traceback reveals only its type.
    """

    model_config = ConfigDict(
        extra="forbid",
        hide_input_in_errors=True,
        validate_assignment=True,
        str_strip_whitespace=True,
    )

    def __repr_args__(self) -> list[tuple[str | None, Any]]:
        return []

    def __repr__(self) -> str:
        return f"{type(self).__name__}(<{len(type(self).model_fields)} fields hidden>)"

    def __str__(self) -> str:
        return repr(self)
