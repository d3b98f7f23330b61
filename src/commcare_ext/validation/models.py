"""fhir.resources R4B models: validate a Bundle before it leaves; typed models for users.

Validation reports every problem at once, each as a path and a message: never the value (a
Bundle is full of patient data, and exception messages reach logs). The first validation in
a process pays fhir.resources' lazy imports (about 60 ms); later ones cost about one
``Bundle.model_validate`` (benchmarks/bench_extract.py).
"""

from collections.abc import Mapping, Sequence
from functools import cache
from typing import Any

from fhir_core.fhirabstractmodel import FHIRAbstractModel
from pydantic import ValidationError

from commcare_ext.errors import CommcareError
from commcare_ext.validation.r4 import r4_issues, strip_r4_only


class FhirValidationError(CommcareError, ValueError):
    """A resource or Bundle is not valid FHIR R4; ``issues`` lists (path, problem) pairs."""

    def __init__(self, issues: Sequence[tuple[str, str]]) -> None:
        self.issues = tuple(issues)
        shown = "; ".join(f"{path}: {problem}" for path, problem in self.issues[:5])
        more = f" (and {len(self.issues) - 5} more)" if len(self.issues) > 5 else ""
        super().__init__(f"{len(self.issues)} FHIR validation issue(s): {shown}{more}")


@cache
def _model(kind: str) -> type[FHIRAbstractModel]:
    from fhir.resources.R4B import get_fhir_model_class  # noqa: PLC0415 - costly, load on use

    model: type[FHIRAbstractModel] = get_fhir_model_class(kind)
    return model


def _issues(error: ValidationError, prefix: str = "") -> list[tuple[str, str]]:
    out = []
    for item in error.errors(include_input=False, include_url=False, include_context=False):
        path = prefix
        for part in item["loc"]:
            path += f"[{part}]" if isinstance(part, int) else (f".{part}" if path else str(part))
        out.append((path or "$", item["msg"]))
    return out


def to_model(resource: Mapping[str, Any]) -> FHIRAbstractModel:
    """``resource`` as its fhir.resources R4B model; raises :class:`FhirValidationError`."""
    kind = resource.get("resourceType")
    if not isinstance(kind, str):
        raise FhirValidationError([("resourceType", "a FHIR resource type")])
    try:
        model = _model(kind)
    except (KeyError, ValueError):
        raise FhirValidationError([("resourceType", "a FHIR R4 resource type")]) from None
    try:
        return model.model_validate(resource)
    except ValidationError as error:
        raise FhirValidationError(_issues(error, kind)) from None


def validate_bundle(bundle: Mapping[str, Any]) -> FHIRAbstractModel:
    """Validate ``bundle`` as R4 (R4B model plus the R4 guard); return the Bundle model.

    Raises :class:`FhirValidationError` with every issue found, paths only.
    """
    issues = r4_issues(bundle)
    checked, r4_only = strip_r4_only(bundle)
    model = None
    try:
        model = _model("Bundle").model_validate(checked)
    except ValidationError as error:
        issues += _issues(error)
    for value in r4_only:
        try:
            _model("Meta").model_validate(value)
        except ValidationError as error:
            issues += _issues(error, "Extension.valueMeta")
    if issues or model is None:
        raise FhirValidationError(issues)
    return model
