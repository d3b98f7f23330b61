"""Command line: publish the Questionnaire and terminology, read a response into an intake."""

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from commcare_ext.questionnaire import (
    IntakeResponseError,
    build_questionnaire,
    code_system,
    response_to_intake,
    value_sets,
)
from commcare_ext.terminology.languages import FormLanguage


def _write_json(resource: Any, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(resource, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")


def _publish(args: argparse.Namespace) -> int:
    out: Path = args.out
    for language in FormLanguage:
        questionnaire = build_questionnaire(language)
        _write_json(questionnaire, out / f"Questionnaire-{questionnaire['id']}.json")
    _write_json(code_system(), out / "CodeSystem-commcare-intake.json")
    for resource in value_sets():
        _write_json(resource, out / f"ValueSet-{resource['id']}.json")
    print(f"wrote the Questionnaire (en, es, vi, zh-Hans, ar), CodeSystem and ValueSets to {out}")
    return 0


def _read(args: argparse.Namespace) -> int:
    response = json.loads(Path(args.response).read_text(encoding="utf-8"))
    try:
        intake = response_to_intake(response)
    except IntakeResponseError as exc:
        print(exc, file=sys.stderr)
        return 2
    print(intake.model_dump_json(indent=2, exclude_none=True))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run the ``commcare-ext`` command."""
    parser = argparse.ArgumentParser(prog="commcare-ext", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    publish = commands.add_parser("publish", help="write Questionnaire, CodeSystem, ValueSets")
    publish.add_argument("--out", type=Path, default=Path("fhir"), help="output folder")
    publish.set_defaults(run=_publish)
    read = commands.add_parser("read", help="read a QuestionnaireResponse file into an intake")
    read.add_argument("response", help="QuestionnaireResponse JSON file")
    read.set_defaults(run=_read)
    args = parser.parse_args(argv)
    result: int = args.run(args)
    return result


if __name__ == "__main__":
    raise SystemExit(main())
