"""The fast path: the few FHIRPath shapes views use most, evaluated straight over the JSON.

fhirpathpy spends tens of microseconds on every expression; a million resources times a dozen
columns would take minutes. Views mostly say ``subject.getReferenceKey(Patient)``,
``code.coding.where(system = 'x' and code = 'y').exists()`` or ``status``; :func:`compile_fast`
compiles exactly those shapes (element names the R4 model resolves, ``where`` with ``=``
comparisons of an element to a literal joined by ``and``, ``first()``, ``exists()`` and the SQL
on FHIR key functions) and returns None for anything else, which fhirpathpy then evaluates.
Tests run the conformance suite and our own views both ways and require the same rows.
"""

import re
from collections.abc import Callable, Mapping
from typing import Any, Final

from fhirpathpy.models import models

#: ``(resource or element, variables) -> collection``.
Evaluator = Callable[[Any, Mapping[str, Any]], list[Any]]
Step = Callable[[list[Any], Mapping[str, Any]], list[Any]]

_R4: Final = models["r4"]
_PATH2TYPE: Final[dict[str, str]] = _R4["path2Type"]
_CHOICES: Final[dict[str, list[str]]] = _R4["choiceTypePaths"]
_ELSEWHERE: Final[dict[str, str]] = _R4["pathsDefinedElsewhere"]
_PARENT: Final[dict[str, str]] = _R4["type2Parent"]
#: Paths of backbone elements (no type of their own: their children are listed under them).
_BACKBONES: Final = frozenset(
    path.rsplit(".", 1)[0] for path in _PATH2TYPE if path.count(".") >= 2
) - frozenset(_PATH2TYPE)
_NAME: Final = re.compile(r"[a-z][A-Za-z0-9]*")
_CALL: Final = re.compile(r"([A-Za-z]+)\((.*)\)", re.DOTALL)
_COMPARISON: Final = re.compile(
    r"\s*([a-z][A-Za-z0-9]*)\s*=\s*('(?:[^'\\]|\\.)*'|true|false|%[A-Za-z][A-Za-z0-9_]*)\s*"
)
_KEYWORDS: Final = frozenset(
    {"true", "false", "and", "or", "xor", "implies", "is", "as", "div", "mod", "in", "contains"}
)
_PRIMITIVE: Final = "primitive"


def resource_key(item: Any) -> str | None:
    """``getResourceKey()``: ``Type/id`` of a resource (the key references resolve to)."""
    if isinstance(item, dict) and "resourceType" in item and "id" in item:
        return f"{item['resourceType']}/{item['id']}"
    return None


def reference_key(item: Any, wanted: str | None = None) -> str | None:
    """``getReferenceKey([type])``: ``Type/id`` of a relative or absolute literal reference."""
    reference = item.get("reference") if isinstance(item, dict) else None
    if not isinstance(reference, str) or "/" not in reference:
        return None
    parts = reference.split("/")
    if "_history" in parts:
        parts = parts[: parts.index("_history")]
    if len(parts) < 2:
        return None
    resource_type, resource_id = parts[-2], parts[-1]
    if wanted is not None and wanted != resource_type:
        return None
    return f"{resource_type}/{resource_id}"


def child_type(type_path: str, step: str) -> str | None:
    """The model's type path of ``type_path.step``; None when not a plain, known element."""
    owner: str | None = type_path
    while owner is not None:
        path = _ELSEWHERE.get(f"{owner}.{step}", f"{owner}.{step}")
        if path in _CHOICES:
            return None
        if path in _PATH2TYPE:
            return _PATH2TYPE[path]
        if path in _BACKBONES:
            return path
        owner = _PARENT.get(owner) if "." not in owner else None
    return None


def _split(expression: str) -> list[str] | None:
    """Top-level ``.``-separated steps (dots inside parentheses or quotes stay)."""
    steps: list[str] = []
    depth, quoted, start = 0, False, 0
    for index, char in enumerate(expression):
        if char == "'" and (index == 0 or expression[index - 1] != "\\"):
            quoted = not quoted
        elif not quoted and char == "(":
            depth += 1
        elif not quoted and char == ")":
            depth -= 1
        elif not quoted and depth == 0 and char == ".":
            steps.append(expression[start:index])
            start = index + 1
    steps.append(expression[start:])
    return None if depth or quoted or any(not s for s in steps) else steps


def _member(name: str) -> Step:
    def step(items: list[Any], variables: Mapping[str, Any]) -> list[Any]:
        found: list[Any] = []
        for item in items:
            value = item.get(name) if isinstance(item, dict) else None
            if value is None:
                continue
            if isinstance(value, list):
                found.extend(v for v in value if v is not None)
            else:
                found.append(value)
        return found

    return step


_UNKNOWN: Final = object()


def _literal(text: str, constants: Mapping[str, Any]) -> Any:
    """A literal's value; a ``%constant`` of the view is read now (others are unknown)."""
    if text in ("true", "false"):
        return text == "true"
    if text.startswith("%"):
        value = constants.get(text[1:], _UNKNOWN)
        return value if isinstance(value, str | bool) else _UNKNOWN
    return text[1:-1].replace("\\'", "'")


def _top_level(text: str, word: str) -> list[str]:
    """``text`` split on `` word `` outside parentheses and quotes."""
    parts: list[str] = []
    depth, quoted, start = 0, False, 0
    index = 0
    while index < len(text):
        char = text[index]
        if char == "'":
            quoted = not quoted
        elif not quoted and char in "()":
            depth += 1 if char == "(" else -1
        elif not quoted and depth == 0 and text.startswith(f" {word} ", index):
            parts.append(text[start:index])
            start = index = index + len(word) + 2
            continue
        index += 1
    parts.append(text[start:])
    return parts


Test = tuple[str, Any]


def _comparisons(text: str, type_path: str, constants: Mapping[str, Any]) -> list[Test] | None:
    """One ``name = literal`` or a parenthesised ``or`` of them, as alternatives."""
    text = text.strip()
    if text.startswith("(") and text.endswith(")"):
        alternatives = _top_level(text[1:-1], "or")
    else:
        alternatives = [text]
    tests: list[Test] = []
    for alternative in alternatives:
        match = _COMPARISON.fullmatch(alternative)
        if match is None:
            return None
        name = match.group(1)
        literal = _literal(match.group(2), constants)
        if name in _KEYWORDS or child_type(type_path, name) is None or literal is _UNKNOWN:
            return None
        tests.append((name, literal))
    return tests


def _where(arguments: str, type_path: str, constants: Mapping[str, Any]) -> Step | None:
    terms: list[tuple[Test, ...]] = []
    for part in _top_level(arguments, "and"):
        alternatives = _comparisons(part, type_path, constants)
        if alternatives is None:
            return None
        terms.append(tuple(alternatives))

    def holds(item: dict[str, Any]) -> bool:
        for term in terms:
            for name, literal in term:
                if _equal(item.get(name), literal):
                    break
            else:
                return False
        return True

    def step(items: list[Any], variables: Mapping[str, Any]) -> list[Any]:
        return [item for item in items if isinstance(item, dict) and holds(item)]

    return step


def _equal(found: Any, literal: Any) -> bool:
    """FHIRPath ``=`` of an element and a literal, as fhirpathpy decides it inside where()."""
    if isinstance(found, list):
        if len(found) != 1:
            return False
        found = found[0]
    return type(found) is type(literal) and found == literal


_NO_ARGUMENTS: Final[dict[str, tuple[Step, str | None]]] = {
    "first": (lambda items, _: items[:1], None),  # None: the type stays
    "exists": (lambda items, _: [bool(items)], _PRIMITIVE),
    "getResourceKey": (
        lambda items, _: [k for i in items if (k := resource_key(i)) is not None],
        _PRIMITIVE,
    ),
}


def _reference_keys(wanted: str | None) -> Step:
    return lambda items, _: [k for i in items if (k := reference_key(i, wanted)) is not None]


def _function(
    name: str, arguments: str, type_path: str, constants: Mapping[str, Any]
) -> tuple[Step, str] | None:
    arguments = arguments.strip()
    if name == "where":
        step = _where(arguments, type_path, constants)
        return None if step is None else (step, type_path)
    if name == "getReferenceKey" and (not arguments or re.fullmatch(r"[A-Z][A-Za-z]+", arguments)):
        return _reference_keys(arguments or None), _PRIMITIVE
    if arguments or name not in _NO_ARGUMENTS:
        return None
    step, reached = _NO_ARGUMENTS[name]
    return step, reached or type_path


def _choice(name: str, type_path: str) -> bool:
    owner: str | None = type_path
    while owner is not None:
        if _ELSEWHERE.get(f"{owner}.{name}", f"{owner}.{name}") in _CHOICES:
            return True
        owner = _PARENT.get(owner) if "." not in owner else None
    return False


def _of_type(name: str, type_name: str, type_path: str) -> tuple[Step, str] | None:
    """``name.ofType(T)`` of a choice element: the ``nameT`` element."""
    if not _choice(name, type_path) or not re.fullmatch(r"[A-Za-z]+", type_name):
        return None
    reached = type_name if type_name[0].isupper() else _PRIMITIVE
    return _member(f"{name}{type_name[0].upper()}{type_name[1:]}"), reached


def _extension(arguments: str) -> Step | None:
    match = re.fullmatch(r"\s*'([^'\\]+)'\s*", arguments)
    if match is None:
        return None
    url = match.group(1)
    extensions = _member("extension")

    def step(items: list[Any], variables: Mapping[str, Any]) -> list[Any]:
        return [
            e for e in extensions(items, variables) if isinstance(e, dict) and e.get("url") == url
        ]

    return step


def _steps(
    expression: str, type_path: str, constants: Mapping[str, Any]
) -> tuple[list[Step], str] | None:
    parts = _split(expression)
    if parts is None:
        return None
    parts = [part.strip() for part in parts]
    steps: list[Step] = []
    current = type_path
    index = 0
    while index < len(parts):
        part = parts[index]
        following_call = _CALL.fullmatch(parts[index + 1]) if index + 1 < len(parts) else None
        if (
            following_call is not None
            and following_call.group(1) == "ofType"
            and _NAME.fullmatch(part)
        ):
            chosen = _of_type(part, following_call.group(2).strip(), current)
            if chosen is None:
                return None
            steps.append(chosen[0])
            current = chosen[1]
            index += 2
            continue
        compiled = _one_step(part, current, constants)
        if compiled is None:
            return None
        steps.append(compiled[0])
        current = compiled[1]
        index += 1
    return steps, current


def _one_step(part: str, current: str, constants: Mapping[str, Any]) -> tuple[Step, str] | None:
    call = _CALL.fullmatch(part)
    if call is not None:
        if call.group(1) == "extension" and current != _PRIMITIVE:
            step = _extension(call.group(2))
            return None if step is None else (step, "Extension")
        return _function(call.group(1), call.group(2), current, constants)
    if current == _PRIMITIVE or not _NAME.fullmatch(part) or part in _KEYWORDS:
        return None
    following = child_type(current, part)
    return None if following is None else (_member(part), following)


def result_type(expression: Any, type_path: str | None) -> str | None:
    """The model type path a fast-path ``expression`` reaches from ``type_path`` (for nesting)."""
    if not isinstance(expression, str) or type_path is None:
        return None
    compiled = _steps(expression, type_path, {})
    if compiled is None or compiled[1] == _PRIMITIVE:
        return None
    return compiled[1]


def compile_fast(
    expression: Any, type_path: str | None, constants: Mapping[str, Any] | None = None
) -> Evaluator | None:
    """``expression`` as a direct evaluator when it is one of the fast shapes, else None.

    ``constants`` are the view's: a ``%name`` in a ``where`` comparison is read at compile time.
    """
    if not isinstance(expression, str) or type_path is None:
        return None
    compiled = _steps(expression, type_path, constants or {})
    if compiled is None:
        return None
    steps = compiled[0]

    def evaluate(node: Any, variables: Mapping[str, Any]) -> list[Any]:
        items: list[Any] = node if isinstance(node, list) else [node]
        for step in steps:
            items = step(items, variables)
        return items

    return evaluate
