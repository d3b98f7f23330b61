"""The demo's population step: ``synth``, ``batch``, then the clinic's ``outcomes`` report.

What a health system does with years of intakes, in miniature: write a population (in the
five form languages, with what followed), extract it on every core into the FHIR Bulk Data
layout, show the manifest, and ask the clinic's own question of that data: does community
support go with better outcomes here? See docs/population.md and docs/outcomes.md.
"""

import importlib.util
import json
import os
from pathlib import Path

from commcare_ext.cli import main as commcare_ext

PEOPLE = 200
#: What the outcomes report runs on (the ``analytics`` extra); the embedded path needs none.
ANALYTICS = ("duckdb", "fhirpathpy", "matplotlib")
#: The day the outcomes report is for: after every synthetic follow-up.
AS_OF = "2026-06-30"


def step_population(out: Path) -> None:
    """``synth`` then ``batch`` into ``out/population``; print the manifest's counts."""
    print(f"\n10. A population: {PEOPLE} synthetic intakes extracted at once (FHIR Bulk Data)")
    population, fhir = out / "population", out / "population-fhir"
    synth = ["synth", "--patients", str(PEOPLE), "--out", str(population), "--seed", "1"]
    if commcare_ext(synth) != 0:
        raise SystemExit("synth failed")
    batch = [
        "batch",
        str(population / "QuestionnaireResponse.ndjson"),
        "--out",
        str(fhir),
        "--clinic",
        str(population / "clinic.json"),
        "--workers",
        "2",
    ]
    if commcare_ext(batch) != 0:
        raise SystemExit("batch rejected some intakes (see rejects.ndjson)")
    manifest = json.loads((fhir / "manifest.json").read_text("utf-8"))
    print(f"   manifest.json ({manifest['transactionTime']}):")
    for entry in manifest["output"]:
        print(f"     {entry['type']:<22} {entry['count']:>6}  {entry['url']}")
    print(f"   rejected: {sum(e['count'] for e in manifest['error'])}; files in {fhir}/")
    print(f"   load them into a server: commcare-ext import {fhir} --server URL")
    step_outcomes(out, population, fhir)


def _copy_private(source: Path, target: Path) -> None:
    """Copy an NDJSON file into a new file only its owner can read (shaped like patient data)."""
    descriptor = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as sink, source.open("rb") as stream:
        while chunk := stream.read(1 << 20):
            sink.write(chunk)


def step_outcomes(out: Path, population: Path, fhir: Path) -> None:
    """The outcomes report over what the clinic's server would hold after the follow-ups.

    That is the batch output with each referral Task as it stands now (``synth`` wrote the
    Tasks' later states and the follow-up scores beside the responses).
    """
    print("\n11. The clinic's own question: does community support go with better outcomes?")
    missing = [name for name in ANALYTICS if importlib.util.find_spec(name) is None]
    if missing:
        print(f"   Skipped: the report needs the analytics extra ({', '.join(missing)} missing):")
        print("   pip install 'commcare-ext[analytics]' (./scripts/demo installs it)")
        return
    clinic_data = out / "population-clinic-data"
    clinic_data.mkdir(parents=True, exist_ok=True)
    for path in sorted(fhir.glob("*.ndjson")):
        if path.name not in ("Task.ndjson", "rejects.ndjson"):
            _copy_private(path, clinic_data / path.name)
    _copy_private(population / "outcomes" / "Task.ndjson", clinic_data / "Task.ndjson")
    follow_ups = population / "outcomes" / "Observation.ndjson"
    _copy_private(follow_ups, clinic_data / "Observation.follow-up.ndjson")
    report, figures = out / "outcomes-report.html", out / "outcomes-report.json"
    outcomes = [
        "outcomes",
        "--ndjson",
        str(clinic_data),
        "--as-of",
        AS_OF,
        "--out",
        str(report),
        "--json",
        str(figures),
        "--workers",
        "1",
    ]
    if commcare_ext(outcomes) != 0:
        raise SystemExit("outcomes failed")
    print(f"   open {report} in a browser: loop closure, score change, equity;")
    print("   every figure resting on fewer than 11 people is suppressed")
