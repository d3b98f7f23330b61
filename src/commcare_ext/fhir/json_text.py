"""Reading JSON someone else wrote: one parser, one depth limit, one typed error.

Every reader of outside JSON (responses, directories, outbox rows, server answers, command-line
inputs) parses through :func:`parse_json`, so hostile text fails the same way everywhere:
deep nesting (``"[" * 5000``), numbers too large for a double, NaN, lone surrogates and
malformed text all become a :class:`JsonTextError` naming the source and the position, never a
``RecursionError`` or ``OverflowError``. The message never quotes the text (it may hold PHI).
"""

from typing import Any

import orjson

from commcare_ext.errors import CommcareError

#: Deepest nesting read. FHIR resources, nested questionnaire items included, stay far below;
#: Python code that walks a value recursively stays far from the interpreter's own limit.
MAX_DEPTH = 100


class JsonTextError(CommcareError, ValueError):
    """Text that is not JSON we can read; ``source`` names where it came from."""

    def __init__(self, source: str, reason: str) -> None:
        self.source = source
        self.reason = reason
        super().__init__(f"{source}: not readable as JSON ({reason})")


def parse_json(data: str | bytes | bytearray | memoryview, *, source: str = "input") -> Any:
    """The JSON value in ``data``, no deeper than :data:`MAX_DEPTH`; else a JsonTextError."""
    try:
        value = orjson.loads(data)
    except orjson.JSONDecodeError as error:
        where = f"line {error.lineno}, column {error.colno}"
        reason = "nested too deeply" if "depth" in error.msg else error.msg
        raise JsonTextError(source, f"{reason} at {where}") from None
    if type(value) is dict or type(value) is list:
        _check_depth(value, source)
    return value


def _check_depth(value: dict[str, Any] | list[Any], source: str) -> None:
    # Iterative, containers only: scalars (most of a document) are never pushed.
    level: list[Any] = [value]
    depth = 1
    while level:
        if depth > MAX_DEPTH:
            raise JsonTextError(source, f"nested deeper than {MAX_DEPTH} levels")
        below: list[Any] = []
        for container in level:
            items = container.values() if type(container) is dict else container
            below.extend(item for item in items if type(item) is dict or type(item) is list)
        level = below
        depth += 1
