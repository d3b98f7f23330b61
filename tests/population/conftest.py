"""A small synthetic population every population test reads (written once per session)."""

from pathlib import Path

import pytest

from commcare_ext.extract import Clinician, Organization
from commcare_ext.intake import SupportType
from commcare_ext.population import OutcomeOptions, PlantedEffect, clinic_file, synthesize
from commcare_ext.population.records import ClinicSettings


@pytest.fixture(scope="session")
def population(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """120 people of seed 7, a PHQ-9 effect planted for completed peer-group referrals."""
    out = tmp_path_factory.mktemp("population")
    options = OutcomeOptions(effects=(PlantedEffect.parse("peer-group:phq9:3"),))
    synthesize(120, out, seed=7, options=options)
    return out


@pytest.fixture(scope="session")
def settings() -> ClinicSettings:
    """The synthetic clinic file, as the library reads it."""
    data = clinic_file()
    return ClinicSettings(
        Organization(**data["clinic"]),
        Clinician(**data["clinician"]),
        {SupportType(k): Organization(**v) for k, v in data["directory"].items()},
    )
