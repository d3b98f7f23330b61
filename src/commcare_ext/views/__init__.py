"""SQL on FHIR v2 views: a ViewDefinition runner on fhirpathpy, and the library's own views.

``compile_view`` checks a ViewDefinition and turns it into a row generator; the conformance
module runs the official test suite. Needs the ``analytics`` extra (fhirpathpy).
"""

from commcare_ext.views.conformance import TestOutcome, run_test_file, run_test_folder
from commcare_ext.views.errors import ViewDefinitionError, ViewError, ViewEvaluationError
from commcare_ext.views.view import Column, CompiledView, compile_view, run_view

__all__ = [
    "Column",
    "CompiledView",
    "TestOutcome",
    "ViewDefinitionError",
    "ViewError",
    "ViewEvaluationError",
    "compile_view",
    "run_test_file",
    "run_test_folder",
    "run_view",
]
