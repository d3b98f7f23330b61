"""The batch extraction as an Apache Spark job, for inputs beyond one machine.

Extraction is pure per record (:func:`~commcare_ext.population.records.extract_record`),
so the job maps it over the partitions of the input NDJSON and writes the resources by
type - the same lines ``commcare-ext batch`` writes, with the same ids. Submit this file
(``spark-submit ... commcare_ext/population/spark.py INPUT --out OUT --clinic FILE``; the
whole recipe is in ``docs/population.md``). Spark writes its own layout,
``OUT/type=Patient/part-*.txt``; on a local folder :func:`merge_local` turns it into the
Bulk Data layout (``Patient.ndjson``, ``manifest.json``, ``rejects.ndjson``).

Needs the ``spark`` extra (pyspark; Java 17). Nothing else in the library imports this.
"""

import argparse
import shutil
import sys
from collections.abc import Iterable, Iterator, Sequence
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from pydantic import TypeAdapter

from commcare_ext.extract import Clinician, Organization
from commcare_ext.intake import SupportType
from commcare_ext.population.batch import reject_line
from commcare_ext.population.files import bulk_manifest, open_private, write_private_json
from commcare_ext.population.records import SHARED_TYPES, ClinicSettings, Extracted, extract_record

#: The column Spark partitions the output by; rejects go under this "type".
REJECTS = "_rejects"


def settings_from_clinic_file(data: dict[str, Any]) -> ClinicSettings:
    """The clinic file (as ``batch --clinic`` reads it) as extraction settings."""
    directory = TypeAdapter(dict[SupportType, Organization]).validate_python(
        data.get("directory", {})
    )
    clinician = data.get("clinician")
    return ClinicSettings(
        Organization.model_validate(data["clinic"]),
        Clinician.model_validate(clinician) if clinician else None,
        directory,
    )


def _extract_partition(
    rows: Iterable[tuple[str, int]], settings: ClinicSettings, name: str
) -> Iterator[tuple[str, str, int, int, str]]:
    """(type, id, line index, position, NDJSON text) for every resource and reject."""
    for text, index in rows:
        if not text.strip():
            continue
        outcome = extract_record(text, settings)
        if isinstance(outcome, Extracted):
            for position, (kind, resource_id, line) in enumerate(outcome.resources):
                yield kind, resource_id, index, position, line.decode("utf-8").rstrip("\n")
        else:
            reject = reject_line(name, index + 1, outcome.problems).decode("utf-8")
            yield REJECTS, "", index, 0, reject.rstrip("\n")


def run_spark_batch(spark: Any, source: str, out: str, settings: ClinicSettings) -> None:
    """Extract every line of ``source`` (file, folder or glob Spark reads) into ``out``."""
    from pyspark.sql import Window  # noqa: PLC0415 - the spark extra, only here
    from pyspark.sql import functions as f  # noqa: PLC0415

    name = source.rstrip("/").rsplit("/", 1)[-1]
    lines = spark.sparkContext.textFile(source).zipWithIndex()
    rows = lines.mapPartitions(lambda part: _extract_partition(part, settings, name))
    frame = spark.createDataFrame(rows, "type string, id string, line long, pos int, text string")
    shared = frame.where(f.col("type").isin(sorted(SHARED_TYPES)))
    first = Window.partitionBy("type", "id").orderBy("line", "pos")
    once = shared.withColumn("n", f.row_number().over(first)).where("n = 1").drop("n")
    written = frame.where(~f.col("type").isin(sorted(SHARED_TYPES))).unionByName(once)
    (
        written.repartition("type")
        .sortWithinPartitions("line", "pos")
        .select("type", "text")
        .write.mode("overwrite")
        .partitionBy("type")
        .text(out)
    )


def merge_local(out: Path, *, request: str) -> dict[str, int]:
    """Spark's ``type=X/part-*`` folders in ``out`` as ``X.ndjson`` files plus a manifest.

    Parts are read in name order and each part's lines kept in order; files are 0600.
    Returns the count per type.
    """
    counts: dict[str, int] = {}
    rejected = 0
    for folder in sorted(out.glob("type=*")):
        kind = folder.name.removeprefix("type=")
        target = out / ("rejects.ndjson" if kind == REJECTS else f"{kind}.ndjson")
        count = 0
        with open_private(target) as handle:
            for part in sorted(folder.glob("part-*")):
                with part.open("rb") as lines:
                    for line in lines:
                        handle.write(line)
                        count += 1
        shutil.rmtree(folder)
        if kind == REJECTS:
            rejected = count
        else:
            counts[kind] = count
    for marker in out.glob("_SUCCESS*"):
        marker.unlink()
    for checksum in out.glob(".*.crc"):
        checksum.unlink()
    write_private_json(
        out / "manifest.json",
        bulk_manifest(
            datetime.now(UTC).isoformat(timespec="seconds"), request, counts, errors=rejected
        ),
    )
    return counts


def main(argv: Sequence[str] | None = None) -> int:
    """``spark-submit ... spark.py INPUT --out OUT --clinic FILE [--merge]``."""
    import json  # noqa: PLC0415

    from pyspark.sql import SparkSession  # noqa: PLC0415 - the spark extra, only here

    parser = argparse.ArgumentParser(prog="commcare_ext.population.spark", description=__doc__)
    parser.add_argument("input", help="NDJSON file, folder or glob (any filesystem Spark reads)")
    parser.add_argument("--out", required=True, help="output folder (any filesystem)")
    parser.add_argument("--clinic", required=True, type=Path, help="the clinic file")
    parser.add_argument(
        "--merge",
        action="store_true",
        help="OUT is a local folder: merge Spark's parts into the Bulk Data layout",
    )
    args = parser.parse_args(argv)
    settings = settings_from_clinic_file(json.loads(args.clinic.read_text("utf-8")))
    spark = SparkSession.builder.appName("commcare-ext batch").getOrCreate()
    try:
        run_spark_batch(spark, args.input, args.out, settings)
    finally:
        spark.stop()
    if args.merge:
        counts = merge_local(Path(args.out), request=f"spark batch {args.input}")
        sys.stderr.write(f"wrote {sum(counts.values())} resources to {args.out}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
