"""A synthetic population on disk: intakes as QuestionnaireResponses, and what followed.

``synthesize`` writes, in ``out``:

* ``QuestionnaireResponse.ndjson`` - one response per person, written by the library's own
  form (:func:`~commcare_ext.questionnaire.intake_to_response`) in the person's form
  language: the input ``commcare-ext batch`` reads;
* ``clinic.json`` - the clinic file to extract them with (a directory organisation for
  every kind of support, so every consented support becomes a referral);
* ``outcomes/Task.ndjson`` (each referral Task as it stands now) and
  ``outcomes/Task.history.ndjson`` (every version, oldest first), with the ids extraction
  gives those Tasks;
* ``outcomes/Observation.ndjson`` - PHQ-9 and GAD-7 at intake and follow-ups, MOS-SSS at
  follow-ups (its intake score is extracted from the response);
* ``truth.json`` - the options, what was planted and how much of it was realised.

Every file is 0600: synthetic, but shaped like patient data, and treated the same.
"""

from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path
from typing import Any, Final

from commcare_ext.extract.ids import business_identifier, resource_id
from commcare_ext.instruments import MosSocialSupport, score_mos_sss
from commcare_ext.intake import Intake, SupportType
from commcare_ext.population.files import ndjson_line, open_private, write_private_json
from commcare_ext.population.measures import MEASURES, Measure
from commcare_ext.population.outcomes import (
    FATES,
    NO_EFFECTS,
    OutcomeOptions,
    Realised,
    follow_ups,
    referrals,
    task_versions,
)
from commcare_ext.population.people import person_random, synthetic_person
from commcare_ext.questionnaire import intake_to_response
from commcare_ext.terminology.systems import OBSERVATION_CATEGORY, UCUM

#: The organisations a synthetic clinic refers to: one per kind of support.
DIRECTORY_SYSTEM: Final = "https://directory.example.org/organizations"
CLINIC: Final = {
    "name": "Riverside Community Clinic",
    "identifier_system": "http://hl7.org/fhir/sid/us-npi",
    "identifier_value": "1234567893",
    "phone": "+1 555 010 0100",
}
CLINICIAN: Final = {
    "family_name": "Okafor",
    "given_names": ["Adaeze"],
    "identifier_system": "http://hl7.org/fhir/sid/us-npi",
    "identifier_value": "1245319599",
    "phone": "+1 555 010 0142",
}


def clinic_file() -> dict[str, Any]:
    """The clinic file synthetic intakes are extracted with (``commcare-ext batch --clinic``)."""
    return {
        "clinic": CLINIC,
        "clinician": CLINICIAN,
        "directory": {
            kind.value: {
                "name": f"{kind.value.removeprefix('support-').replace('-', ' ').title()} Partners",
                "identifier_system": DIRECTORY_SYSTEM,
                "identifier_value": kind.value,
                "phone": f"+1 555 020 {index:04d}",
            }
            for index, kind in enumerate(SupportType)
        },
    }


@dataclass(frozen=True, slots=True)
class SynthSummary:
    """What ``synthesize`` wrote: people, referrals by fate, measurements, realised effects."""

    patients: int
    referrals: dict[str, int]
    observations: int
    realised: list[dict[str, Any]]


def synthesize(
    patients: int,
    out: Path,
    *,
    seed: int,
    options: OutcomeOptions = NO_EFFECTS,
    advance: Callable[[int], None] | None = None,
) -> SynthSummary:
    """Write a population of ``patients`` people for ``seed`` into ``out`` (see module doc)."""
    directory = {kind: (DIRECTORY_SYSTEM, kind.value) for kind in SupportType}
    fates = {fate.value: 0 for fate in FATES}
    realised = Realised()
    observations = 0
    outcomes = out / "outcomes"
    with (
        open_private(out / "QuestionnaireResponse.ndjson") as responses,
        open_private(outcomes / "Task.ndjson") as tasks,
        open_private(outcomes / "Task.history.ndjson") as history,
        open_private(outcomes / "Observation.ndjson") as measured,
    ):
        for index in range(patients):
            person = synthetic_person(seed, index)
            intake = person.intake
            responses.write(ndjson_line(intake_to_response(intake, language=person.form_language)))
            rng = person_random(seed, index, "outcomes")
            found = referrals(intake, person.form_language, directory, options, rng)
            patient_id = resource_id(intake, "patient")
            for referral in found:
                fates[referral.fate.value] += 1
                versions = task_versions(intake, referral, patient_id)
                for version in versions:
                    history.write(ndjson_line(version))
                tasks.write(ndjson_line(versions[-1]))
            for measure, timepoint, when, score in follow_ups(
                intake, baselines(intake), found, options, rng, realised
            ):
                measured.write(
                    ndjson_line(score_observation(intake, measure, timepoint, when, score))
                )
                observations += 1
            if advance is not None:
                advance(1)
    summary = SynthSummary(
        patients=patients,
        referrals=fates,
        observations=observations,
        realised=[
            {
                **asdict(effect),
                "people": realised.people[effect],
                "mean_change": round(realised.total[effect] / realised.people[effect], 4),
            }
            for effect in options.effects
            if realised.people.get(effect)
        ],
    )
    write_private_json(out / "clinic.json", clinic_file())
    write_private_json(
        out / "truth.json",
        {
            "seed": seed,
            "patients": patients,
            "effects": [asdict(e) for e in options.effects],
            "closure": [asdict(g) for g in options.closure],
            "follow_up_rate": options.follow_up_rate,
            "referrals_by_fate": fates,
            "observations": observations,
            "realised_effects_at_6_months": summary.realised,
        },
    )
    return summary


def baselines(intake: Intake) -> dict[str, float]:
    """Each measure's score at intake, from the intake's answers (as extraction scores it)."""
    found: dict[str, float] = {}
    for key, measure in MEASURES.items():
        given = intake.measures.get(measure.instrument_id)
        if given is None:
            continue
        if measure.key == "mos-sss":
            mean = score_mos_sss(MosSocialSupport(answers=given.answers)).overall.mean
            if mean is not None:
                found[key] = mean
        else:
            found[key] = float(sum(given.answers.values()))
    return found


def score_observation(
    intake: Intake, measure: Measure, timepoint: str, when: datetime, score: float
) -> dict[str, Any]:
    """A total score as an Observation with an id and identifier stable for the seed."""
    role = f"outcome-{measure.key}-{timepoint}"
    value = int(score) if not measure.decimals else score
    return {
        "resourceType": "Observation",
        "id": resource_id(intake, role),
        "identifier": [business_identifier(intake, "Observation", role)],
        "status": "final",
        "category": [
            {"coding": [{"system": OBSERVATION_CATEGORY, "code": "survey", "display": "Survey"}]}
        ],
        "code": {
            "coding": [
                {
                    "system": measure.code.system,
                    "code": measure.code.code,
                    "display": measure.code.display,
                }
            ]
        },
        "subject": {"reference": f"Patient/{resource_id(intake, 'patient')}"},
        "effectiveDateTime": when.isoformat(),
        "valueQuantity": {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"},
    }
