"""SQL on FHIR v2 views: a ViewDefinition runner on fhirpathpy, and the library's own views.

``library_views`` reads our ViewDefinitions with the standard library only (publishing needs
no extra). ``compile_view`` checks a ViewDefinition and turns it into a row generator; the
conformance functions run the official test suite. Those need the ``analytics`` extra
(fhirpathpy) and are imported on first use.
"""

from importlib import import_module
from typing import TYPE_CHECKING, Any

from commcare_ext.views.catalogue import TABLES, library_view, library_views
from commcare_ext.views.errors import ViewDefinitionError, ViewError, ViewEvaluationError

if TYPE_CHECKING:
    from commcare_ext.views.conformance import TestOutcome, run_test_file, run_test_folder
    from commcare_ext.views.view import Column, CompiledView, compile_view, run_view

_LAZY = {
    "TestOutcome": "conformance",
    "run_test_file": "conformance",
    "run_test_folder": "conformance",
    "Column": "view",
    "CompiledView": "view",
    "compile_view": "view",
    "run_view": "view",
}

__all__ = [
    "TABLES",
    "Column",
    "CompiledView",
    "TestOutcome",
    "ViewDefinitionError",
    "ViewError",
    "ViewEvaluationError",
    "compile_view",
    "library_view",
    "library_views",
    "run_test_file",
    "run_test_folder",
    "run_view",
]


def __getattr__(name: str) -> Any:
    """Import the fhirpathpy-backed parts on first use (they need the analytics extra)."""
    if name in _LAZY:
        return getattr(import_module(f"commcare_ext.views.{_LAZY[name]}"), name)
    msg = f"module 'commcare_ext.views' has no attribute {name!r}"
    raise AttributeError(msg)
