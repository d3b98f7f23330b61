"""The demo's last step: a small synthetic population through ``synth`` and ``batch``.

What a health system does with years of intakes, in miniature: write a population (in the
five form languages, with what followed), extract it on every core into the FHIR Bulk Data
layout, and show the manifest. See docs/population.md.
"""

import json
from pathlib import Path

from commcare_ext.cli import main as commcare_ext

PEOPLE = 200


def step_population(out: Path) -> None:
    """``synth`` then ``batch`` into ``out/population``; print the manifest's counts."""
    print(f"\n9. A population: {PEOPLE} synthetic intakes extracted at once (FHIR Bulk Data)")
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
