"""``commcare-ext extract``: an intake into the FHIR resources an EHR stores."""

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.inputs import (
    ClinicFile,
    add_clinic_option,
    add_intake_options,
    extraction_context,
    load_clinic,
    load_intake,
)
from commcare_ext.cli.io import convert_each, dumps
from commcare_ext.extract import (
    ExtractedResources,
    ExtractionContext,
    ExtractionError,
    extract,
    proposed_concerns,
)
from commcare_ext.intake import Intake


@dataclass(frozen=True, slots=True)
class Extraction:
    """One input's intake, the context it was extracted with, and what came out."""

    intake: Intake
    context: ExtractionContext
    extracted: ExtractedResources

    def __repr__(self) -> str:
        return f"Extraction({self.extracted!r})"


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``extract`` to the command line."""
    parser.description = (
        "Extract a QuestionnaireResponse (or intake JSON) into Patient, RelatedPerson, "
        "Consent, Observation, Goal, ServiceRequest, Task, CareTeam and Provenance "
        "resources, printed as a FHIR collection Bundle."
    )
    add_extraction_arguments(parser)
    parser.set_defaults(run=run)


def add_extraction_arguments(parser: argparse.ArgumentParser) -> None:
    """Inputs, ``--out``, the clinic file and the response options: shared with ``bundle``."""
    parser.add_argument(
        "inputs",
        nargs="*",
        default=["-"],
        metavar="INPUT",
        help="QuestionnaireResponse or intake JSON files, or folders of them (default: stdin)",
    )
    parser.add_argument("--out", type=Path, help="output file (a folder for several inputs)")
    add_clinic_option(parser)
    parser.add_argument(
        "--confirm-concern",
        action="append",
        default=[],
        metavar="ID",
        help="a proposed health concern the clinician confirmed (repeat for each)",
    )
    parser.add_argument(
        "--patient-reference",
        metavar="Patient/ID",
        help="file the intake against this existing EHR Patient (no Patient is written)",
    )
    add_intake_options(parser)


def extract_input(source: str, args: argparse.Namespace, clinic: ClinicFile) -> Extraction:
    """Read ``source`` and extract it with the clinic file's referrals."""
    intake, response = load_intake(source, args)
    context = extraction_context(
        intake,
        clinic,
        patient_reference=args.patient_reference,
        confirmed_concerns=args.confirm_concern,
    )
    try:
        extracted = extract(intake, context=context, response=response)
    except ExtractionError as error:
        raise CliError(f"{source}: cannot extract: {error}", ExitCode.NEEDS_ATTENTION) from None
    for concern in proposed_concerns(extracted):
        if concern.id not in context.confirmed_concerns:
            print(
                f"commcare-ext: note: proposed health concern {concern.id} ({concern.reason}); "
                f"it joins the Bundle once a clinician confirms it: --confirm-concern {concern.id}",
                file=sys.stderr,
            )
    return Extraction(intake, context, extracted)


def run(args: argparse.Namespace) -> int:
    """Print (or write) the extracted resources of each input."""
    clinic = load_clinic(args.clinic)

    def convert(source: str) -> str:
        extracted = extract_input(source, args, clinic).extracted
        entries = [{"resource": item.resource} for item in extracted.all()]
        return dumps({"resourceType": "Bundle", "type": "collection", "entry": entries})

    return convert_each(args.inputs, args.out, convert, suffix="resources", label="extracting")
