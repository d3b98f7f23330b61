"""What several commands read: an intake (from a response or as JSON) and the clinic file.

The clinic file names the sending clinic, the referring clinician (BSeR's sender; needed for
referral messages and to confirm health concerns) and, per kind of community support, the
organisation a referral goes to — what a clinic configures once, not per patient::

    {"clinic": {"name": "...", "identifier_system": "...", "identifier_value": "..."},
     "clinician": {"family_name": "...", "identifier_system": "...", "identifier_value": "..."},
     "directory": {"support-peer-group": {"name": "...", ...}}}

Until matching chooses services, a patient who consented to referrals is referred, for each
support they prefer, to the directory's organisation for that kind.
"""

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, ValidationError

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.io import STDIN, read_json
from commcare_ext.extract import Clinician, ExtractionContext, Organization, ReferralTarget
from commcare_ext.intake import Intake, SupportType
from commcare_ext.questionnaire import IntakeResponseError, response_to_intake

#: Environment variable naming the clinic file, so it need not be repeated on every command.
CLINIC_ENV = "COMMCARE_EXT_CLINIC"


class ClinicFile(BaseModel):
    """The sending clinic, the referring clinician, and the referral directory (per kind)."""

    model_config = ConfigDict(frozen=True, extra="forbid", hide_input_in_errors=True)

    clinic: Organization
    clinician: Clinician | None = None
    directory: dict[SupportType, Organization] = {}


def add_intake_options(parser: argparse.ArgumentParser) -> None:
    """Options for reading a QuestionnaireResponse whose renderer left out who and which."""
    parser.add_argument(
        "--intake-id", help="the intake's id, when the response carries no identifier"
    )
    parser.add_argument(
        "--patient-identifier",
        metavar="SYSTEM|VALUE",
        help="the patient's identifier (e.g. an MRN), when the response has no subject",
    )
    parser.add_argument(
        "--allow-in-progress", action="store_true", help="also read a response not completed"
    )


def add_clinic_option(parser: argparse.ArgumentParser) -> None:
    """``--clinic FILE`` (or $COMMCARE_EXT_CLINIC)."""
    parser.add_argument(
        "--clinic",
        type=Path,
        default=os.environ.get(CLINIC_ENV),
        help=f"clinic file: the sending clinic and its referral directory (or ${CLINIC_ENV})",
    )


def load_intake(source: str, args: argparse.Namespace) -> tuple[Intake, dict[str, Any] | None]:
    """The intake in ``source`` and the response it was read from (None for intake JSON).

    A QuestionnaireResponse is read with :func:`response_to_intake`; its problems are
    listed, one per line. JSON without a ``resourceType`` is taken as an intake, as
    ``commcare-ext read`` prints it.
    """
    data = read_json(source)
    name = "stdin" if source == STDIN else source
    if not isinstance(data, dict):
        msg = f"{name}: expected a QuestionnaireResponse or an intake, got a JSON {_kind(data)}"
        raise CliError(msg, ExitCode.INPUT)
    kind = data.get("resourceType")
    if kind == "QuestionnaireResponse":
        return _read_response(data, name, args), data
    if kind is not None:
        msg = f"{name}: expected a QuestionnaireResponse or an intake, got a {kind}"
        raise CliError(msg, ExitCode.INPUT)
    try:
        return Intake.model_validate(data), None
    except ValidationError as error:
        raise CliError(f"{name}: not an intake: {_first_errors(error)}", ExitCode.INPUT) from None


def _read_response(data: dict[str, Any], name: str, args: argparse.Namespace) -> Intake:
    try:
        return response_to_intake(
            data,
            intake_id=args.intake_id,
            patient_identifier=_identifier(args.patient_identifier),
            allow_in_progress=args.allow_in_progress,
        )
    except IntakeResponseError as error:
        lines = [f"{name}: {len(error.problems)} problem(s) in this response:"]
        lines += [f"  {problem}" for problem in error.problems]
        raise CliError("\n".join(lines), ExitCode.NEEDS_ATTENTION) from None


def _identifier(value: str | None) -> tuple[str, str] | None:
    if value is None:
        return None
    system, bar, identifier = value.partition("|")
    if not (system and bar and identifier):
        msg = "--patient-identifier: expected SYSTEM|VALUE, e.g. https://clinic.example.org/mrn|123"
        raise CliError(msg, ExitCode.USAGE)
    return system, identifier


def load_clinic(path: Path | None) -> ClinicFile:
    """The clinic file at ``path``; a usage error when none is given."""
    if path is None:
        msg = f"no clinic file: pass --clinic FILE or set ${CLINIC_ENV} (see docs/cli.md)"
        raise CliError(msg, ExitCode.USAGE)
    data = read_json(str(path))
    try:
        return ClinicFile.model_validate(data)
    except ValidationError as error:
        raise CliError(
            f"{path}: not a clinic file: {_first_errors(error)}", ExitCode.INPUT
        ) from None


def extraction_context(
    intake: Intake,
    clinic: ClinicFile,
    *,
    patient_reference: str | None = None,
    confirmed_concerns: Sequence[str] = (),
) -> ExtractionContext:
    """Referrals for each preferred support the directory serves, when the patient consented.

    A preferred support with no organisation in the directory is named on stderr: it is
    left out of the referrals, not silently dropped.
    """
    targets: list[ReferralTarget] = []
    if intake.care.referral_consent:
        for kind in intake.care.preferred_supports:
            organization = clinic.directory.get(kind)
            if organization is None:
                print(
                    f"commcare-ext: note: no organisation for {kind.value} in the clinic "
                    "file: no referral made for it",
                    file=sys.stderr,
                )
                continue
            targets.append(ReferralTarget(kind=kind, organization=organization))
    try:
        return ExtractionContext(
            clinic=clinic.clinic,
            referrals=tuple(targets),
            patient_reference=patient_reference,
            referring_clinician=clinic.clinician,
            confirmed_concerns=frozenset(confirmed_concerns),
        )
    except ValidationError as error:
        raise CliError(f"--patient-reference: {_first_errors(error)}", ExitCode.USAGE) from None


def _first_errors(error: ValidationError, limit: int = 3) -> str:
    problems = error.errors(include_input=False)
    shown = [
        f"{'.'.join(str(part) for part in problem['loc']) or '(top)'}: {problem['msg']}"
        for problem in problems[:limit]
    ]
    more = f" (and {len(problems) - limit} more)" if len(problems) > limit else ""
    return "; ".join(shown) + more


def _kind(data: object) -> str:
    return "null" if data is None else type(data).__name__
