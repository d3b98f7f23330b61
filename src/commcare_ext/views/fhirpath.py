"""FHIRPath for views: fhirpathpy with the SQL on FHIR functions, and a fast path for plain paths.

fhirpathpy (MIT, maintained by beda.software, R4 model) evaluates every expression; it is the
reference. Most view columns are plain dotted paths (``subject.reference``, ``status``), and
fhirpathpy spends ~30 us on each; :func:`compile_path` turns those into a direct walk over the
JSON that gives the same result (the conformance suite and a property test compare the two), so
a million resources materialise in seconds instead of minutes.
"""

from collections.abc import Mapping
from decimal import Decimal
from typing import Any, Final

import fhirpathpy
from fhirpathpy.engine.nodes import ResourceNode
from fhirpathpy.models import models

from commcare_ext.views.errors import ViewDefinitionError, ViewEvaluationError
from commcare_ext.views.fastpath import Evaluator, compile_fast, reference_key, resource_key

_R4: Final = models["r4"]
#: Walk plain paths directly (True) or send every expression to fhirpathpy (tests compare both).
FAST_PATH = True


def _resource_key(inputs: list[Any]) -> list[str]:
    return [key for item in inputs if (key := resource_key(item)) is not None]


def _reference_key(inputs: list[Any], type_info: Any = None) -> list[str]:
    wanted = getattr(type_info, "name", None)
    return [key for item in inputs if (key := reference_key(item, wanted)) is not None]


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


def compile_path(
    expression: Any,
    where: str,
    type_path: str | None = None,
    constants: Mapping[str, Any] | None = None,
) -> Evaluator:
    """``expression`` as the fastest evaluator that gives fhirpathpy's result.

    ``type_path`` is the model type of the focus (``"Patient"``, ``"Patient.contact"``); a
    plain path the model resolves from it is walked directly, anything else goes to fhirpathpy.
    """
    fast = compile_fast(expression, type_path, constants) if FAST_PATH else None
    if fast is not None:
        return fast
    return compile_reference(expression, where, type_path)
