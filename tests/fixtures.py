"""The realistic example intakes shipped in examples/intakes, for any test to load."""

from pathlib import Path

from commcare_ext.extract import Clinician, ExtractionContext, Organization, ReferralTarget
from commcare_ext.intake import Intake, SupportType

EXAMPLE_INTAKES = Path(__file__).resolve().parent.parent / "examples" / "intakes"
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLE_INTAKES.glob("*.json"))


def load_example(name: str) -> Intake:
    """Load one example intake by file stem (e.g. 'maria-garcia')."""
    return Intake.model_validate_json((EXAMPLE_INTAKES / f"{name}.json").read_text("utf-8"))


CLINIC = Organization(
    name="Riverside Community Clinic",
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1234567893",
    phone="+1 555 010 0100",
)

#: The clinician who refers (BSeR's sender); a fictitious NPI that passes the Luhn check.
CLINICIAN = Clinician(
    family_name="Okafor",
    given_names=("Adaeze",),
    identifier_system="http://hl7.org/fhir/sid/us-npi",
    identifier_value="1245319599",
    phone="+1 555 010 0142",
)

#: One community organisation per kind of support, as a clinic's referral directory would hold.
DIRECTORY = {
    kind: Organization(
        name=f"{kind.value.removeprefix('support-').replace('-', ' ').title()} Partners",
        identifier_system="https://directory.example.org/organizations",
        identifier_value=kind.value,
        phone=f"+1 555 020 {index:04d}",
    )
    for index, kind in enumerate(SupportType)
}


def context_for(intake: Intake) -> ExtractionContext:
    """Refer to an organisation for every support the patient chose, when they consented."""
    referrals: tuple[ReferralTarget, ...] = ()
    if intake.care.referral_consent:
        referrals = tuple(
            ReferralTarget(kind=kind, organization=DIRECTORY[kind])
            for kind in intake.care.preferred_supports
        )
    return ExtractionContext(clinic=CLINIC, referrals=referrals, referring_clinician=CLINICIAN)
