"""FHIRPath for views: fhirpathpy with the SQL on FHIR functions, and a fast path for plain paths.

fhirpathpy (MIT, maintained by beda.software, R4 model) evaluates every expression; it is the
reference. Most view columns are plain dotted paths (``subject.reference``, ``status``), and
fhirpathpy spends ~30 us on each; :func:`compile_path` turns those into a direct walk over the
JSON that gives the same result (the conformance suite and a property test compare the two), so
a million resources materialise in seconds instead of minutes.
"""

import re
from collections.abc import Callable, Mapping
from decimal import Decimal
from typing import Any, Final

import fhirpathpy
from fhirpathpy.engine.nodes import ResourceNode
from fhirpathpy.models import models

from commcare_ext.views.errors import ViewDefinitionError, ViewEvaluationError

#: ``(resource or element, variables) -> collection``.
Evaluator = Callable[[Any, Mapping[str, Any]], list[Any]]

_R4: Final = models["r4"]
_PLAIN_PATH: Final = re.compile(r"[a-z][A-Za-z0-9]*(\.[a-z][A-Za-z0-9]*)*")
#: FHIRPath keywords that look like plain identifiers but are not element names.
_KEYWORDS: Final = frozenset(
    {"true", "false", "and", "or", "xor", "implies", "is", "as", "div", "mod", "in", "contains"}
)
#: Walk plain paths directly (True) or send every expression to fhirpathpy (tests compare both).
FAST_PATH = True


def _resource_key(inputs: list[Any]) -> list[str]:
    return [
        f"{item['resourceType']}/{item['id']}"
        for item in inputs
        if isinstance(item, dict) and "resourceType" in item and "id" in item
    ]


def _reference_key(inputs: list[Any], type_info: Any = None) -> list[str]:
    wanted = getattr(type_info, "name", None)
    keys: list[str] = []
    for item in inputs:
        reference = item.get("reference") if isinstance(item, dict) else None
        if not isinstance(reference, str) or "/" not in reference:
            continue
        parts = reference.split("/")
        if "_history" in parts:
            parts = parts[: parts.index("_history")]
        resource_type, resource_id = parts[-2], parts[-1]
        if wanted is None or wanted == resource_type:
            keys.append(f"{resource_type}/{resource_id}")
    return keys


def _join(inputs: list[Any], separator: Any = "") -> str:
    """FHIRPath ``join``: an empty collection joins to "" (fhirpathpy gives empty)."""
    if not all(isinstance(v, str) for v in inputs):
        msg = "join() needs strings"
        raise TypeError(msg)
    return (separator if isinstance(separator, str) else "").join(inputs)


_FUNCTIONS: Final = {
    "join": {"fn": _join, "arity": {0: [], 1: ["String"]}},
    "getResourceKey": {"fn": _resource_key, "arity": {0: []}},
    "getReferenceKey": {"fn": _reference_key, "arity": {0: [], 1: ["TypeSpecifier"]}},
}
_OPTIONS: Final = {"userInvocationTable": _FUNCTIONS}


def _plain(value: Any) -> Any:
    """The typed values fhirpathpy returns (FP_DateTime, Decimal) as plain JSON values."""
    if isinstance(value, bool | str | int | float) or value is None:
        return value
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, dict | list):
        return value
    return str(value)


_PATH2TYPE: Final[dict[str, str]] = _R4["path2Type"]
_CHOICES: Final[dict[str, list[str]]] = _R4["choiceTypePaths"]
_ELSEWHERE: Final[dict[str, str]] = _R4["pathsDefinedElsewhere"]
_PARENT: Final[dict[str, str]] = _R4["type2Parent"]
#: Paths of backbone elements (no type of their own: their children are listed under them).
_BACKBONES: Final = frozenset(
    path.rsplit(".", 1)[0] for path in _PATH2TYPE if path.count(".") >= 2
) - frozenset(_PATH2TYPE)


def _child_type(type_path: str, step: str) -> str | None:
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


def plain_steps(expression: str, type_path: str | None) -> tuple[str, ...] | None:
    """The element names of a plain path the model resolves from ``type_path``, else None.

    Choice elements (``value[x]``), unknown names and keywords return None: fhirpathpy knows
    what they mean and the walk does not.
    """
    if type_path is None or not _PLAIN_PATH.fullmatch(expression):
        return None
    steps = tuple(expression.split("."))
    if _KEYWORDS & set(steps):
        return None
    current: str | None = type_path
    for step in steps:
        current = _child_type(current, step) if current is not None else None
        if current is None:
            return None
    return steps


def result_type(expression: str, type_path: str | None) -> str | None:
    """The model type path a plain ``expression`` reaches from ``type_path`` (for nesting)."""
    if plain_steps(expression, type_path) is None or type_path is None:
        return None
    current: str | None = type_path
    for step in expression.split("."):
        current = _child_type(current, step) if current is not None else None
    return current


def _walk(steps: tuple[str, ...]) -> Evaluator:
    """A plain dotted path as a direct walk over the JSON: the collection fhirpathpy returns."""

    def evaluate(node: Any, variables: Mapping[str, Any]) -> list[Any]:
        current: list[Any] = node if isinstance(node, list) else [node]
        for step in steps:
            following: list[Any] = []
            for item in current:
                value = item.get(step) if isinstance(item, dict) else None
                if value is None:
                    continue
                if isinstance(value, list):
                    following.extend(v for v in value if v is not None)
                else:
                    following.append(value)
            current = following
        return current

    return evaluate


def compile_reference(expression: Any, where: str, type_path: str | None = None) -> Evaluator:
    """``expression`` compiled by fhirpathpy (the reference evaluator), with our functions.

    ``type_path`` types a nested element (``QuestionnaireResponse.item.answer``) so choice
    elements such as ``value.ofType(string)`` resolve as they do on a whole resource.
    """
    if not isinstance(expression, str) or not expression.strip():
        msg = f"{where}: expected a FHIRPath expression (a non-empty string)"
        raise ViewDefinitionError(msg)
    # fhirpathpy knows $this only inside where()/select(); select() gives it the focus here.
    source = f"select({expression})" if "$this" in expression else expression
    try:
        compiled = fhirpathpy.compile(source, _R4, _OPTIONS)
    except Exception as error:  # noqa: BLE001 - the parser raises bare Exceptions
        msg = f"{where}: not a FHIRPath expression ({type(error).__name__})"
        raise ViewDefinitionError(msg) from None

    def evaluate(node: Any, variables: Mapping[str, Any]) -> list[Any]:
        if type_path is not None and isinstance(node, dict) and "resourceType" not in node:
            node = ResourceNode.create_node(node, type_path)  # type: ignore[no-untyped-call]
        try:
            result = compiled(node, dict(variables))
        except Exception as error:  # noqa: BLE001 - fhirpathpy raises bare Exceptions
            reason = str(error).split(":")[0][:80]
            msg = f"{where}: evaluation failed ({type(error).__name__}: {reason})"
            raise ViewEvaluationError(msg) from None
        return [_plain(v) for v in result]

    return evaluate


def compile_path(expression: Any, where: str, type_path: str | None = None) -> Evaluator:
    """``expression`` as the fastest evaluator that gives fhirpathpy's result.

    ``type_path`` is the model type of the focus (``"Patient"``, ``"Patient.contact"``); a
    plain path the model resolves from it is walked directly, anything else goes to fhirpathpy.
    """
    steps = plain_steps(expression, type_path) if isinstance(expression, str) else None
    if steps is not None and FAST_PATH:
        return _walk(steps)
    return compile_reference(expression, where, type_path)
