"""Typed errors of the view layer: a ViewDefinition that is not valid, or one that fails on data.

CommcareError
 └── ViewError
      ├── ViewDefinitionError  the ViewDefinition itself is wrong (names the element path)
      └── ViewEvaluationError  a valid view met data it cannot turn into rows
"""

from commcare_ext.errors import CommcareError


class ViewError(CommcareError):
    """Base of every error a SQL on FHIR view raises."""


class ViewDefinitionError(ViewError):
    """A ViewDefinition breaks a rule of SQL on FHIR v2; the message names the element path."""


class ViewEvaluationError(ViewError):
    """A valid ViewDefinition cannot be evaluated on a resource (e.g. a column gets two values).

    The message names the view element and the resource type, never a value from the resource.
    """
