"""Everything we publish, as loose files or as an NPM-style FHIR package.

FHIR tooling (IG Publisher, SUSHI, validators, fhir-package-loader) finds conformance resources
in packages, not in folders of JSON: a package is ``package/package.json`` (name, version,
canonical, FHIR version, dependencies), one file per resource, and ``package/.index.json``
listing each file's type, id, url and version. ``npm pack`` in ``package/`` makes the tarball a
registry serves.
"""

import json
import os
from pathlib import Path
from typing import Any, Final

from commcare_ext.questionnaire.build import build_questionnaire
from commcare_ext.questionnaire.extensions import extension_definitions
from commcare_ext.questionnaire.publish import code_system, value_sets
from commcare_ext.terminology.languages import FormLanguage
from commcare_ext.terminology.systems import (
    CANONICAL_BASE,
    CONTENT_DATE,
    CONTENT_VERSION,
    SDC_VERSION,
)
from commcare_ext.views import library_views

#: The package id (FHIR package names are lowercase, dot-separated, like ``hl7.fhir.us.core``).
FHIR_PACKAGE_NAME: Final = "org.commcare-ext.intake"
#: The FHIR version our resources are written for.
_FHIR_VERSION: Final = "4.0.1"
#: Every package whose profiles, extensions or code systems the published resources use, at the
#: version we meet: R4 core (translation, ordinalValue, entryFormat, itemControl), SDC (the
#: Questionnaires claim sdc-questionnaire and use its observationExtract), HL7 terminology
#: (v3-RoleCode answers; the release the tests validate against). The R5 ``versionAlgorithm``
#: cross-version extension needs no package: validators derive it from R5 itself.
DEPENDENCIES: Final = {
    "hl7.fhir.r4.core": _FHIR_VERSION,
    "hl7.fhir.uv.sdc": SDC_VERSION,
    "hl7.terminology.r4": "7.0.1",
}


def published_resources() -> list[dict[str, Any]]:
    """Everything we publish: Questionnaires, CodeSystem, ValueSets, extensions, views.

    The Questionnaire in every form language, our CodeSystem, every ValueSet, the
    StructureDefinition of every extension we define, and the SQL on FHIR v2 ViewDefinitions
    the outcomes report runs (so any SQL on FHIR runner can use them).
    """
    return [
        *(build_questionnaire(language) for language in FormLanguage),
        code_system(),
        *value_sets(),
        *extension_definitions(),
        *library_views().values(),
    ]


def _filename(resource: dict[str, Any]) -> str:
    """``<Type>-<id>.json``, the file name FHIR packages and IG tooling use."""
    return f"{resource['resourceType']}-{resource['id']}.json"


def fhir_package() -> dict[str, dict[str, Any]]:
    """The package as ``{path inside the package folder: JSON}``, ready to write or inspect.

    Paths start with ``package/``, as in the tarball a registry serves.
    """
    resources = published_resources()
    files = {f"package/{_filename(r)}": r for r in resources}
    if len(files) != len(resources):
        msg = "two published resources share a type and id"
        raise ValueError(msg)
    manifest: dict[str, Any] = {
        "name": FHIR_PACKAGE_NAME,
        "version": CONTENT_VERSION,
        "description": (
            "Culturally informed mental-health intake: the SDC Questionnaire (every form "
            "language), the commcare_ext CodeSystem, its ValueSets, our extensions and SQL "
            "on FHIR v2 ViewDefinitions of the resources the library writes."
        ),
        "author": "commcare_ext contributors",
        "license": "Apache-2.0",
        "type": "Conformance",
        "canonical": CANONICAL_BASE,
        "url": CANONICAL_BASE,
        "date": CONTENT_DATE.replace("-", "") + "000000",
        "fhirVersions": [_FHIR_VERSION],
        "dependencies": dict(DEPENDENCIES),
    }
    index = {"index-version": 2, "files": [_index_entry(r) for r in resources]}
    return {"package/package.json": manifest, "package/.index.json": index, **files}


def _index_entry(resource: dict[str, Any]) -> dict[str, Any]:
    entry = {
        "filename": _filename(resource),
        "resourceType": resource["resourceType"],
        "id": resource["id"],
        "url": resource["url"],
        "version": resource["version"],
    }
    if "content" in resource:
        entry["content"] = resource["content"]
    return entry


def write_fhir_package(directory: str | Path) -> list[Path]:
    """Write the package under ``directory`` (as ``directory/package/...``); the paths written.

    Existing files of the package are replaced; nothing else in ``directory`` is touched.
    """
    root = Path(directory)
    written = []
    for relative, content in fhir_package().items():
        written.append(_write_json(root / relative, content))
    return written


def write_published(directory: str | Path) -> list[Path]:
    """Write every published resource as a loose ``<Type>-<id>.json`` file in ``directory``."""
    root = Path(directory)
    return [_write_json(root / _filename(r), r) for r in published_resources()]


def _write_json(path: Path, content: dict[str, Any]) -> Path:
    """Write ``content`` as indented UTF-8 JSON with a final newline, creating folders."""
    path.parent.mkdir(parents=True, exist_ok=True)
    text = json.dumps(content, indent=2, ensure_ascii=False) + "\n"
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)
    return path
