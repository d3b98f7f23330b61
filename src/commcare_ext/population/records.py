"""One input line in, its FHIR resources (or every located problem) out: pure, per record.

This is the whole extraction the batch pool and the Spark job map over their inputs: read
the line (a QuestionnaireResponse or an intake), refer to the directory's organisation for
each consented support, extract, and build the validated transaction Bundle exactly as
``commcare-ext bundle transaction`` does. The resources come out with the deterministic
ids that Bundle uses; a line that fails becomes a list of problems naming the linkId or
field, never the answer given.
"""

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import orjson
from pydantic import ValidationError

from commcare_ext.extract import (
    Clinician,
    ExtractionContext,
    ExtractionError,
    Organization,
    ReferralTarget,
    extract,
)
from commcare_ext.intake import Intake, SupportType
from commcare_ext.questionnaire import IntakeResponseError, response_to_intake
from commcare_ext.referral import transaction_bundle
from commcare_ext.validation import FhirValidationError

#: Resources every intake of one clinic shares (same id each time): written once.
SHARED_TYPES: Final = frozenset({"Organization", "Practitioner", "PractitionerRole"})


@dataclass(frozen=True, slots=True)
class ClinicSettings:
    """Who refers, and to whom per kind of support (the clinic file, as the library sees it)."""

    clinic: Organization
    clinician: Clinician | None = None
    directory: Mapping[SupportType, Organization] = field(default_factory=dict)

    def context_for(self, intake: Intake) -> ExtractionContext:
        """Refer to the directory's organisation for each support the patient consented to."""
        targets: tuple[ReferralTarget, ...] = ()
        if intake.care.referral_consent:
            targets = tuple(
                ReferralTarget(kind=kind, organization=self.directory[kind])
                for kind in intake.care.preferred_supports
                if kind in self.directory
            )
        return ExtractionContext(
            clinic=self.clinic, referrals=targets, referring_clinician=self.clinician
        )


@dataclass(frozen=True, slots=True)
class Extracted:
    """The resources of one input line, in Bundle order: ``(type, id, NDJSON line)``."""

    resources: tuple[tuple[str, str, bytes], ...]


@dataclass(frozen=True, slots=True)
class Rejected:
    """Why one input line gave no resources: every problem found, located."""

    problems: tuple[str, ...]


def extract_record(  # noqa: PLR0911 - one return per way a line can fail
    line: bytes | str, settings: ClinicSettings
) -> Extracted | Rejected:
    """The resources of one NDJSON line, or the problems that stop it (never raises for data)."""
    try:
        data = orjson.loads(line)
    except orjson.JSONDecodeError as error:
        return Rejected((f"not JSON ({_json_problem(error)})",))
    if not isinstance(data, dict):
        return Rejected(("expected a QuestionnaireResponse or an intake object",))
    kind = data.get("resourceType")
    response: dict[str, Any] | None = None
    try:
        if kind == "QuestionnaireResponse":
            response = data
            intake = response_to_intake(data)
        elif kind is None:
            intake = Intake.model_validate(data)
        else:
            return Rejected((f"expected a QuestionnaireResponse or an intake, got a {kind}",))
        extracted = extract(intake, context=settings.context_for(intake), response=response)
        transaction_bundle(extracted)  # validated as R4 before anything is written
    except IntakeResponseError as error:
        return Rejected(tuple(str(problem) for problem in error.problems))
    except ValidationError as error:
        return Rejected(tuple(_located(problem) for problem in error.errors(include_input=False)))
    except (ExtractionError, FhirValidationError) as error:
        return Rejected((str(error),))
    return Extracted(
        tuple(
            (item.resource["resourceType"], item.resource["id"], _line(item.resource))
            for item in extracted.all()
        )
    )


def _line(resource: Mapping[str, Any]) -> bytes:
    return orjson.dumps(resource, option=orjson.OPT_APPEND_NEWLINE)


def _located(problem: Mapping[str, Any]) -> str:
    where = ".".join(str(part) for part in problem["loc"]) or "(top)"
    return f"{where}: {problem['msg']}"


def _json_problem(error: orjson.JSONDecodeError) -> str:
    # orjson's message names the position, never the text around it.
    return f"{error.msg} at column {error.colno}"
