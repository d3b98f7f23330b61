"""Population scale: synthetic populations, batch extraction to Bulk NDJSON, bulk import.

Heavy engines stay out: the Spark job lives in :mod:`commcare_ext.population.spark` and
needs the ``spark`` extra; nothing here imports it.
"""

from commcare_ext.population.outcomes import (
    ClosureGap,
    Fate,
    OptionError,
    OutcomeOptions,
    PlantedEffect,
)
from commcare_ext.population.people import Person, synthetic_person
from commcare_ext.population.synth import SynthSummary, clinic_file, synthesize

__all__ = [
    "ClosureGap",
    "Fate",
    "OptionError",
    "OutcomeOptions",
    "Person",
    "PlantedEffect",
    "SynthSummary",
    "clinic_file",
    "synthesize",
    "synthetic_person",
]
