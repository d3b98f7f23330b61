"""``import`` against the loopback server: nothing twice, nothing lost, also after SIGKILL."""

import itertools
import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from commcare_ext.cli import main
from commcare_ext.client import FhirClient
from commcare_ext.population import synthesize
from commcare_ext.population.batch import run_batch
from commcare_ext.population.importer import STATE_DIR, chunk_bundle, chunked
from commcare_ext.population.records import ClinicSettings
from tests.budget import cases
from tests.client.helpers import MEDPLUM_MAX_TRANSACTION_ENTRIES
from tests.support.fhir_server import fhir_server

pytestmark = pytest.mark.integration

#: The Done-when size; the dev profile runs a tenth.
PEOPLE = cases(1000)


def _done_chunks(folder: Path) -> int:
    try:
        with sqlite3.connect(folder / STATE_DIR / "outbox.sqlite", timeout=30) as db:
            return int(
                db.execute("SELECT count(*) FROM submissions WHERE status = 'done'").fetchone()[0]
            )
    except sqlite3.OperationalError:  # not created yet
        return 0


def _import(folder: Path, url: str) -> subprocess.Popen[bytes]:
    command = [
        sys.executable,
        "-m",
        "commcare_ext.cli",
        "import",
        str(folder),
        "--server",
        url,
        "--max-transaction-entries",
        str(MEDPLUM_MAX_TRANSACTION_ENTRIES),
        "--connections",
        "4",
    ]
    return subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True
    )


def _server_count(client: FhirClient, kind: str) -> int:
    _, body, _ = client.request("GET", kind, params={"_summary": "count"})
    return int(body["total"])


def test_a_batch_lands_once_also_when_killed_and_resumed(
    settings: ClinicSettings, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    synthesize(PEOPLE, tmp_path / "in", seed=31)
    folder = tmp_path / "fhir"
    run_batch(tmp_path / "in" / "QuestionnaireResponse.ndjson", folder, settings, workers=2)
    manifest = json.loads((folder / "manifest.json").read_text("utf-8"))
    expected = {entry["type"]: entry["count"] for entry in manifest["output"]}
    with fhir_server() as url:
        process = _import(folder, url)
        deadline = time.monotonic() + 600
        while _done_chunks(folder) < 12:  # the condition: some chunks landed, not all
            assert process.poll() is None, process.communicate()
            assert time.monotonic() < deadline, "no chunk landed in time"
            time.sleep(0.05)
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        client = FhirClient(url)
        assert _server_count(client, "Observation") < expected["Observation"], "nothing left"
        assert (
            main(
                [
                    "import",
                    str(folder),
                    "--server",
                    url,
                    "--max-transaction-entries",
                    str(MEDPLUM_MAX_TRANSACTION_ENTRIES),
                ]
            )
            == 0
        )
        report = capsys.readouterr().out
        assert report.splitlines()[-1].split()[-1] == "0", report  # 0 rejected
        for kind, count in expected.items():
            assert _server_count(client, kind) == count, kind  # 0 duplicates, 0 lost
        patients = client.search_all("Patient", {"_count": "1000"})
        identifiers = [p["identifier"][0]["value"] for p in patients]
        assert len(set(identifiers)) == len(identifiers) == PEOPLE
        # the references point at what landed: a Task's focus is the server's ServiceRequest
        # (one page of one Task: reading every Task a page at a time would meet the client's
        # page cap, which is there for servers that never stop)
        _, page, _ = client.request("GET", "Task", params={"_count": "1"})
        task = page["entry"][0]["resource"]
        kind, _, server_id = task["focus"]["reference"].partition("/")
        assert client.read(kind, server_id)["resourceType"] == "ServiceRequest"


def test_chunks_keep_a_patients_resources_together_and_resolve_references(
    settings: ClinicSettings, population: Path, tmp_path: Path
) -> None:
    run_batch(population / "QuestionnaireResponse.ndjson", tmp_path, settings)
    owners: list[set[str]] = []
    for chunk in chunked(tmp_path / "Observation.ndjson", 10):
        owners.append({o["subject"]["reference"] for o in chunk})
        bundle, missing = chunk_bundle(chunk, {})
        inside = {f"urn:uuid:{o['id']}" for o in chunk}
        for entry in bundle["entry"]:
            members = [m["reference"] for m in entry["resource"].get("hasMember", [])]
            assert set(members) <= inside  # a panel's scores travel with it
        assert all(not m.startswith("Observation/") for m in missing)
    for first, second in itertools.pairwise(owners):
        assert not first & second  # no patient split across chunks
