"""Population scale: synthetic populations, batch extraction to Bulk NDJSON, bulk import.

Heavy engines stay out: the Spark job lives in :mod:`commcare_ext.population.spark` and
needs the ``spark`` extra; nothing here imports it.
"""

from commcare_ext.population.batch import BatchError, BatchSummary, run_batch
from commcare_ext.population.importer import BulkImportError, Importer, ImportReport
from commcare_ext.population.outcomes import (
    ClosureGap,
    Fate,
    OptionError,
    OutcomeOptions,
    PlantedEffect,
)
from commcare_ext.population.people import Person, synthetic_person
from commcare_ext.population.records import ClinicSettings, Extracted, Rejected, extract_record
from commcare_ext.population.synth import SynthSummary, clinic_file, synthesize

__all__ = [
    "BatchError",
    "BatchSummary",
    "BulkImportError",
    "ClinicSettings",
    "ClosureGap",
    "Extracted",
    "Fate",
    "ImportReport",
    "Importer",
    "OptionError",
    "OutcomeOptions",
    "Person",
    "PlantedEffect",
    "Rejected",
    "SynthSummary",
    "clinic_file",
    "extract_record",
    "run_batch",
    "synthesize",
    "synthetic_person",
]
