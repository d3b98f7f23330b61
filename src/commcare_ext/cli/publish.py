"""``commcare-ext publish``: the Questionnaire, CodeSystem and ValueSets, as files or a package."""

import argparse
from pathlib import Path

from commcare_ext.cli.errors import CliError, ExitCode
from commcare_ext.cli.io import writing
from commcare_ext.questionnaire import FHIR_PACKAGE_NAME, write_fhir_package, write_published


def register(parser: argparse.ArgumentParser) -> None:
    """Add ``publish`` to the command line."""
    parser.description = (
        "Write every published resource: the intake Questionnaire in each form language, "
        "our CodeSystem and its ValueSets, our extensions and the SQL on FHIR views. --out "
        "writes loose JSON files; --package writes "
        "an NPM-style FHIR package (package/package.json, .index.json) that FHIR tooling "
        "loads; `npm pack` in its package/ folder makes the tarball a registry serves."
    )
    parser.add_argument("--out", type=Path, help="folder for one JSON file per resource")
    parser.add_argument("--package", type=Path, metavar="DIR", help="folder for the package")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Write what was asked for; with neither option, loose files to ./fhir."""
    out: Path | None = args.out
    if out is None and args.package is None:
        out = Path("fhir")
    for target in (out, args.package):
        if target is not None and target.exists() and not target.is_dir():
            raise CliError(f"{target}: exists and is not a folder", ExitCode.USAGE)
    if out is not None:
        with writing(out):
            written = write_published(out)
        kinds = "Questionnaires, CodeSystem, ValueSets, extensions, views"
        print(f"wrote {len(written)} resources ({kinds}) to {out}")
    if args.package is not None:
        with writing(args.package, "--package"):
            written = write_fhir_package(args.package)
        manifest = args.package / "package" / "package.json"
        print(
            f"wrote the FHIR package {FHIR_PACKAGE_NAME} ({len(written) - 2} resources): {manifest}"
        )
    return ExitCode.OK
