"""A synthetic clinic population with effects planted on purpose, to prove the report finds them.

Each person gets what the library writes (Patient with language, interpreter need and culture
group; preferred-support and stigma Observations; a referral ServiceRequest to an Organization
and its Task), plus PHQ-9, GAD-7 and MOS-SSS totals at intake and at follow-up. The planted
effects are stated in :class:`PlantedEffects`; everything else is noise from a seeded
generator, so a seed gives the same population every time. No real person is in it.

Follow-up score = baseline - natural improvement (depends on baseline severity) + noise
+ the planted effect when the referral completed (and, for ``peer_only``, was to a peer group).
"""

import os
import random
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any, BinaryIO, Final

import orjson

from commcare_ext.outcomes.codes import INTERPRETER_NO, INTERPRETER_YES, LOINC, Instrument
from commcare_ext.terminology.standard import FULFILL, REFERRAL_TO_SERVICE
from commcare_ext.terminology.systems import (
    COMMCARE_CODESYSTEM,
    SNOMED_CT,
    TASK_CODE,
    UCUM,
    US_CORE_INTERPRETER_NEEDED,
)

US_CORE_ETHNICITY: Final = "http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity"
_START: Final = datetime(2025, 1, 6, 9, 0, tzinfo=UTC)
#: (language, share of people, culture groups they belong to)
_LANGUAGES: Final = (
    ("en", 0.40, ("Anglo-American", "African American")),
    ("es", 0.30, ("Mexican", "Central American")),
    ("vi", 0.10, ("Vietnamese",)),
    ("zh-Hans", 0.10, ("Chinese",)),
    ("ar", 0.10, ("Arab",)),
)
_SUPPORTS: Final = (
    "support-peer-group",
    "support-faith-community",
    "support-community-centre",
    "support-family",
)
_STIGMA: Final = ("stigma-family-shame", "stigma-gossip", "stigma-custody-legal")
_ORGANISATIONS: Final = 5
#: instrument -> (baseline low, high, floor, ceiling, natural change, noise sd)
_SCALES: Final = {
    Instrument.PHQ9: (8, 22, 0, 27, -2.0, 3.0),
    Instrument.GAD7: (6, 18, 0, 21, -1.5, 2.5),
    Instrument.MOS_SSS: (20, 70, 0, 100, 2.0, 8.0),
}


@dataclass(frozen=True, slots=True)
class PlantedEffects:
    """What the population is built to show (all zero / one: no effect at all).

    ``completion_effect`` adds to the follow-up score of people whose referral completed
    (negative: PHQ-9/GAD-7 fall further); ``closure_ratio`` multiplies the chance that a
    referral of someone whose preferred language is ``slow_language`` completes.
    """

    completion_effect: dict[Instrument, float]
    peer_only: bool = True
    closure_ratio: float = 1.0
    slow_language: str = "es"
    base_completion: float = 0.6

    @classmethod
    def none(cls) -> "PlantedEffects":
        """No effect anywhere: completion changes no score, every language closes alike."""
        return cls(completion_effect={}, peer_only=False)

    @classmethod
    def issue_example(cls) -> "PlantedEffects":
        """The issue's example: peer referrals that complete improve PHQ-9 by 3 points.

        And Spanish speakers' referrals close half as often.
        """
        return cls(completion_effect={Instrument.PHQ9: -3.0}, peer_only=True, closure_ratio=0.5)


def _iso(moment: datetime) -> str:
    return moment.isoformat().replace("+00:00", "Z")


def _reference(resource_type: str, resource_id: str) -> dict[str, str]:
    return {"reference": f"{resource_type}/{resource_id}"}


def _coded_observation(
    observation_id: str, patient_id: str, code: str, value: str, when: datetime
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": observation_id,
        "status": "final",
        "code": {"coding": [{"system": COMMCARE_CODESYSTEM, "code": code}]},
        "subject": _reference("Patient", patient_id),
        "effectiveDateTime": _iso(when),
        "valueCodeableConcept": {"coding": [{"system": COMMCARE_CODESYSTEM, "code": value}]},
    }


def _score(
    observation_id: str, patient_id: str, instrument: Instrument, value: float, when: datetime
) -> dict[str, Any]:
    return {
        "resourceType": "Observation",
        "id": observation_id,
        "status": "final",
        "code": {"coding": [{"system": LOINC, "code": instrument.value}]},
        "subject": _reference("Patient", patient_id),
        "effectiveDateTime": _iso(when),
        "valueQuantity": {"value": value, "unit": "{score}", "system": UCUM, "code": "{score}"},
    }


def organisations() -> list[dict[str, Any]]:
    """The community organisations people are referred to."""
    return [
        {"resourceType": "Organization", "id": f"org-{n}", "name": f"Community organisation {n}"}
        for n in range(1, _ORGANISATIONS + 1)
    ]


def synthetic_population(
    patients: int, *, seed: int, effects: PlantedEffects
) -> Iterator[dict[str, Any]]:
    """Every resource of ``patients`` synthetic people (and the organisations), in order."""
    rng = random.Random(seed)  # noqa: S311 - synthetic data, not secrets
    yield from organisations()
    for number in range(patients):
        yield from _person(rng, number, effects)


def _pick_language(rng: random.Random) -> tuple[str, str]:
    draw = rng.random()
    for language, share, groups in _LANGUAGES:
        if draw < share:
            return language, rng.choice(groups)
        draw -= share
    return _LANGUAGES[0][0], _LANGUAGES[0][2][0]


def _person(rng: random.Random, number: int, effects: PlantedEffects) -> Iterator[dict[str, Any]]:
    pid = f"p{number}"
    language, culture = _pick_language(rng)
    interpreter = language != "en" and rng.random() < 0.6
    intake = _START + timedelta(days=rng.randrange(0, 540), minutes=rng.randrange(0, 480))
    yield {
        "resourceType": "Patient",
        "id": pid,
        "extension": [
            {
                "url": US_CORE_INTERPRETER_NEEDED,
                "valueCoding": {
                    "system": SNOMED_CT,
                    "code": INTERPRETER_YES if interpreter else INTERPRETER_NO,
                },
            },
            {"url": US_CORE_ETHNICITY, "extension": [{"url": "text", "valueString": culture}]},
        ],
        "communication": [
            {
                "language": {"coding": [{"system": "urn:ietf:bcp:47", "code": language}]},
                "preferred": True,
            }
        ],
        "birthDate": f"{rng.randrange(1950, 2005)}-{rng.randrange(1, 13):02d}-15",
    }
    support = rng.choice(_SUPPORTS)
    yield _coded_observation(f"{pid}-pref", pid, "preferred-supports", support, intake)
    for index, concern in enumerate(c for c in _STIGMA if rng.random() < 0.25):
        yield _coded_observation(f"{pid}-stigma-{index}", pid, "stigma-concerns", concern, intake)
    organisation = f"org-{rng.randrange(1, _ORGANISATIONS + 1)}"
    yield {
        "resourceType": "ServiceRequest",
        "id": f"{pid}-ref",
        "status": "active",
        "intent": "order",
        "code": {
            "coding": [
                {"system": SNOMED_CT, "code": REFERRAL_TO_SERVICE.code},
                {"system": COMMCARE_CODESYSTEM, "code": support},
            ]
        },
        "subject": _reference("Patient", pid),
        "performer": [_reference("Organization", organisation)],
        "authoredOn": _iso(intake),
    }
    task = _task(rng, pid, intake, language, effects)
    yield task
    completed = task["status"] == "completed"
    yield from _scores(rng, pid, (intake, support, completed), effects)


def _task(
    rng: random.Random, pid: str, intake: datetime, language: str, effects: PlantedEffects
) -> dict[str, Any]:
    chance = effects.base_completion
    if language == effects.slow_language:
        chance *= effects.closure_ratio
    draw = rng.random()
    first_contact = intake + timedelta(days=rng.randrange(1, 15))
    period: dict[str, str] = {}
    if draw < chance:
        status = "completed"
        period = {
            "start": _iso(first_contact),
            "end": _iso(first_contact + timedelta(days=rng.randrange(7, 60))),
        }
        modified = first_contact + timedelta(days=60)
    elif draw < chance + 0.15:
        status = "rejected"
        modified = first_contact
    elif draw < chance + 0.25:
        status = "in-progress"
        period = {"start": _iso(first_contact)}
        modified = first_contact
    else:
        status = "requested"
        modified = intake
    task: dict[str, Any] = {
        "resourceType": "Task",
        "id": f"{pid}-task",
        "status": status,
        "intent": "order",
        "code": {"coding": [{"system": TASK_CODE, "code": FULFILL.code}]},
        "focus": _reference("ServiceRequest", f"{pid}-ref"),
        "for": _reference("Patient", pid),
        "authoredOn": _iso(intake),
        "lastModified": _iso(modified),
    }
    if period:
        task["executionPeriod"] = period
    return task


def _scores(
    rng: random.Random,
    pid: str,
    referral: tuple[datetime, str, bool],
    effects: PlantedEffects,
) -> Iterator[dict[str, Any]]:
    intake, support, completed = referral
    follow_up = intake + timedelta(days=90 + rng.randrange(0, 30))
    applies = completed and (not effects.peer_only or support == "support-peer-group")
    for instrument, (low, high, floor, ceiling, natural, noise) in _SCALES.items():
        baseline = rng.randint(low, high)
        middle = (low + high) / 2
        # More severe at intake, more room to improve: regression towards the middle.
        change = natural - 0.3 * (baseline - middle) + rng.gauss(0, noise)
        if applies:
            change += effects.completion_effect.get(instrument, 0.0)
        later = min(ceiling, max(floor, round(baseline + change)))
        key = instrument.label.lower().replace("-", "")
        yield _score(f"{pid}-{key}-0", pid, instrument, baseline, intake)
        yield _score(f"{pid}-{key}-1", pid, instrument, later, follow_up)


def write_ndjson(resources: Iterable[dict[str, Any]], folder: Path) -> dict[str, int]:
    """Write ``resources`` in the Bulk Data layout (``<Type>.ndjson``); count per type.

    Synthetic data only; files are still created 0600, as any NDJSON of resources should be.
    """
    folder.mkdir(parents=True, exist_ok=True)
    handles: dict[str, BinaryIO] = {}
    counts: dict[str, int] = {}
    try:
        for resource in resources:
            kind = resource["resourceType"]
            if kind not in handles:
                path = folder / f"{kind}.ndjson"
                descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
                handles[kind] = os.fdopen(descriptor, "wb")
            handles[kind].write(orjson.dumps(resource) + b"\n")
            counts[kind] = counts.get(kind, 0) + 1
    finally:
        for handle in handles.values():
            handle.close()
    return counts
