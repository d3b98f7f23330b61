"""Validate FHIR documents against the implementation guides vendored in ``tests/fhir_packages``.

Three checkers, one report: Medplum's ``validateResource`` (``tests/server/validate_profiles.mjs``,
one Node process for every document) checks base R4 and each profile a resource claims; the
binding checker (``tests.support.bindings``) adds what Medplum cannot do offline: required
bindings and slices told apart by ValueSet membership; ``tests.support.own_extensions``
checks each use of our own extensions against the definitions we publish. A claimed profile
the packages do not define, an unversioned claim or a claim of another version is an error.
"""

import hashlib
import json
import os
import shutil
import subprocess
import tarfile
import tempfile
from functools import cache
from pathlib import Path
from typing import Any

from commcare_ext.terminology.systems import SDC_QUESTIONNAIRE_PROFILE, SDC_VERSION
from tests.support.bindings import Bindings, Issue
from tests.support.fhir_server import SERVER_DIR, ensure_node_modules
from tests.support.own_extensions import OwnExtensions

PACKAGES_DIR = Path(__file__).resolve().parents[1] / "fhir_packages"
R4_DEFINITIONS = SERVER_DIR / "node_modules" / "@medplum" / "definitions" / "dist" / "fhir" / "r4"

#: Claims checked against another version of the same profile, and why (PROVENANCE.md):
#: SDC 3.0.0 could not be obtained; 4.0.0-ballot's Questionnaire profile is 3.0.0's plus sdc-2/3.
SUBSTITUTES = {f"{SDC_QUESTIONNAIRE_PROFILE}|{SDC_VERSION}": "4.0.0-ballot"}

Resource = dict[str, Any]
__all__ = ["Issue", "problems", "validate_documents"]


def recorded_checksums() -> dict[str, str]:
    """File name -> sha256 as recorded in ``SHA256SUMS`` when the packages were vendored."""
    lines = (PACKAGES_DIR / "SHA256SUMS").read_text("utf-8").splitlines()
    return {name: digest for digest, name in (line.split() for line in lines if line.strip())}


def sha256(path: Path) -> str:
    """Hex sha256 of a file's bytes."""
    return hashlib.sha256(path.read_bytes()).hexdigest()


@cache
def unpacked_packages() -> tuple[Path, ...]:
    """Each vendored package unpacked once per checksum (``DIR/package/*.json``)."""
    root = Path(tempfile.gettempdir()) / f"commcare-fhir-packages-{os.getuid()}"
    out = []
    for name, digest in sorted(recorded_checksums().items()):
        target = root / f"{name.removesuffix('.tgz')}-{digest[:12]}"
        if not (target / "package" / "package.json").is_file():
            staging = Path(tempfile.mkdtemp(dir=root.parent, prefix=target.name))
            with tarfile.open(PACKAGES_DIR / name) as tgz:
                tgz.extractall(staging, filter="data")
            root.mkdir(exist_ok=True)
            try:
                staging.rename(target)
            except OSError:  # another worker unpacked it first
                shutil.rmtree(staging)
        out.append(target)
    return tuple(out)


def _medplum(documents: list[Resource]) -> list[list[Issue]]:
    ensure_node_modules()
    node = shutil.which("node")
    if node is None:
        msg = "node is needed to validate against the guides"
        raise RuntimeError(msg)
    request = {
        "packages": [str(p) for p in unpacked_packages()],
        "substitutes": SUBSTITUTES,
        "documents": documents,
    }
    done = subprocess.run(
        [node, "validate_profiles.mjs"],
        cwd=SERVER_DIR,
        input=json.dumps(request),
        capture_output=True,
        text=True,
        check=False,
        timeout=600,
    )
    if done.returncode != 0:
        msg = f"validate_profiles.mjs failed: {done.stderr.strip()[-2000:]}"
        raise RuntimeError(msg)
    return [[Issue(**i) for i in issues] for issues in json.loads(done.stdout)]


def validate_documents(documents: list[Resource]) -> list[list[Issue]]:
    """Every issue of each document (for a Bundle, of every entry), in the documents' order."""
    results = _medplum(documents)  # installs the R4 definitions the binding checker reads
    bindings = Bindings.load(unpacked_packages(), R4_DEFINITIONS)
    own = OwnExtensions()
    return [
        [*issues, *bindings.check(document), *own.check(document)]
        for document, issues in zip(documents, results, strict=True)
    ]


def problems(issues: list[Issue]) -> list[Issue]:
    """The errors (what makes a document fail)."""
    return [i for i in issues if i.severity in ("error", "fatal")]
