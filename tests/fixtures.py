"""The realistic example intakes shipped in examples/intakes, for any test to load."""

from pathlib import Path

from commcare_ext.intake import Intake

EXAMPLE_INTAKES = Path(__file__).resolve().parent.parent / "examples" / "intakes"
EXAMPLE_NAMES = sorted(path.stem for path in EXAMPLE_INTAKES.glob("*.json"))


def load_example(name: str) -> Intake:
    """Load one example intake by file stem (e.g. 'maria-garcia')."""
    return Intake.model_validate_json((EXAMPLE_INTAKES / f"{name}.json").read_text("utf-8"))
