"""The package ``commcare-ext publish --package`` writes loads in real FHIR package tooling.

HL7's fhir-package-loader (npm, pinned by this folder's lockfile) installs the package from a
tarball into a fresh FHIR cache, as it would from a registry, and must find every published
resource by its canonical URL.
"""

import json
import shutil
import subprocess
import tarfile
from pathlib import Path
from typing import Any

import pytest

from commcare_ext.cli import main
from commcare_ext.questionnaire import FHIR_PACKAGE_NAME, published_resources

HERE = Path(__file__).resolve().parent
pytestmark = pytest.mark.integration


def _ensure_loader() -> str:
    node, npm = shutil.which("node"), shutil.which("npm")
    if node is None or npm is None:
        pytest.fail("Node and npm are needed to load the FHIR package (Node 20+)")
    if not (HERE / "node_modules" / "fhir-package-loader").is_dir():
        subprocess.run(
            [npm, "ci", "--no-audit", "--no-fund", "--loglevel=error"], cwd=HERE, check=True
        )
    return node


def _load(folder: Path, tmp_path: Path, urls: list[str]) -> dict[str, Any]:
    manifest = json.loads((folder / "package" / "package.json").read_text("utf-8"))
    tarball = tmp_path / "package.tgz"
    with tarfile.open(tarball, "w:gz") as archive:
        archive.add(folder / "package", arcname="package")
    done = subprocess.run(
        [
            _ensure_loader(), "load.cjs", str(tarball), manifest["name"], manifest["version"],
            str(tmp_path / "fhir-cache"),
        ],
        cwd=HERE, input=json.dumps(urls), capture_output=True, text=True, check=True, timeout=120,
    )  # fmt: skip
    result: dict[str, Any] = json.loads(done.stdout)
    return result


def test_fhir_package_loader_finds_every_resource_by_canonical_url(tmp_path: Path) -> None:
    assert main(["publish", "--package", str(tmp_path / "out")]) == 0
    resources = published_resources()
    result = _load(tmp_path / "out", tmp_path, [r["url"] for r in resources])
    assert result["status"] == "LOADED"
    assert result["manifest"]["name"] == FHIR_PACKAGE_NAME
    assert result["manifest"]["fhirVersions"] == ["4.0.1"]
    assert set(result["found"]) == {r["url"] for r in resources}
    for resource in resources:
        found = result["found"][resource["url"]]
        assert found == {
            "resourceType": resource["resourceType"],
            "id": resource["id"],
            "version": resource["version"],
            "packageName": FHIR_PACKAGE_NAME,
            "url": resource["url"],
        }


def test_the_loader_check_can_fail(tmp_path: Path) -> None:
    assert main(["publish", "--package", str(tmp_path / "out")]) == 0
    (tmp_path / "out" / "package" / "CodeSystem-commcare-intake.json").unlink()
    resources = published_resources()
    result = _load(tmp_path / "out", tmp_path, [r["url"] for r in resources])
    assert result["status"] == "LOADED"
    missing = {r["url"] for r in resources} - set(result["found"])
    assert missing == {"https://fhir.commcare-ext.org/CodeSystem/commcare-intake"}
