"""The Spark job (local mode) writes what ``batch`` writes: same ids, same resources."""

import json
import os
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from commcare_ext.population import synthesize
from commcare_ext.population.batch import run_batch
from commcare_ext.population.records import ClinicSettings
from tests.budget import cases

pyspark = pytest.importorskip("pyspark", reason="the spark extra (scripts/setup.d/30-spark.sh)")

from commcare_ext.population.spark import (  # noqa: E402 - only with the extra
    merge_local,
    run_spark_batch,
    settings_from_clinic_file,
)

#: The Done-when size; the dev profile runs a tenth.
PEOPLE = cases(2000)


@pytest.fixture(scope="module")
def spark() -> Iterator[object]:
    from pyspark.sql import SparkSession  # noqa: PLC0415 - after the importorskip

    os.environ["PYSPARK_PYTHON"] = sys.executable  # workers use this venv
    session = (
        SparkSession.builder.master("local[2]")
        .appName("commcare-ext test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "4")
        .getOrCreate()
    )
    yield session
    session.stop()


def _by_id(path: Path) -> dict[str, dict[str, object]]:
    resources = [json.loads(line) for line in path.read_text("utf-8").splitlines()]
    found = {str(r["id"]): r for r in resources}
    assert len(found) == len(resources), f"{path.name}: an id written twice"
    return found


def test_spark_output_equals_batch_output(
    spark: object, settings: ClinicSettings, tmp_path: Path
) -> None:
    synthesize(PEOPLE, tmp_path / "in", seed=22)
    source = tmp_path / "in" / "QuestionnaireResponse.ndjson"
    run_batch(source, tmp_path / "batch", settings, chunk_size=200)
    clinic = json.loads((tmp_path / "in" / "clinic.json").read_text("utf-8"))
    run_spark_batch(spark, str(source), str(tmp_path / "spark"), settings_from_clinic_file(clinic))
    counts = merge_local(tmp_path / "spark", request="test")
    batch_manifest = json.loads((tmp_path / "batch" / "manifest.json").read_text("utf-8"))
    assert counts == {entry["type"]: entry["count"] for entry in batch_manifest["output"]}
    assert counts["Patient"] == PEOPLE
    for entry in batch_manifest["output"]:
        name = entry["url"]
        assert _by_id(tmp_path / "spark" / name) == _by_id(tmp_path / "batch" / name), name
    spark_manifest = json.loads((tmp_path / "spark" / "manifest.json").read_text("utf-8"))
    assert spark_manifest["output"] == batch_manifest["output"]
    assert oct((tmp_path / "spark" / "Patient.ndjson").stat().st_mode & 0o777) == "0o600"


def test_spark_rejects_like_batch(spark: object, settings: ClinicSettings, tmp_path: Path) -> None:
    source = tmp_path / "in.ndjson"
    source.write_text('{"resourceType": "Patient"}\n{not json\n', encoding="utf-8")
    run_spark_batch(spark, str(source), str(tmp_path / "out"), settings)
    merge_local(tmp_path / "out", request="test")
    rejects = (tmp_path / "out" / "rejects.ndjson").read_text("utf-8").splitlines()
    run_batch(source, tmp_path / "batch", settings)
    assert sorted(rejects) == sorted(
        (tmp_path / "batch" / "rejects.ndjson").read_text("utf-8").splitlines()
    )
