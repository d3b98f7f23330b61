"""Runtime validation: every Bundle checked as R4 before it leaves, and typed models for users.

fhir.resources validates against R4B, which is R4 on the wire for what we send except in a few
places; :mod:`commcare_ext.validation.r4` guards those. Errors name paths, never values.
"""

from commcare_ext.validation.models import FhirValidationError, to_model, validate_bundle
from commcare_ext.validation.r4 import r4_issues
from commcare_ext.validation.serialize import to_json_bytes

__all__ = ["FhirValidationError", "r4_issues", "to_json_bytes", "to_model", "validate_bundle"]
