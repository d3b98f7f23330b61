"""The files the app serves: an explicit list, read once at start, never a path from a request.

LHC-Forms comes from its pinned npm tarball: the published tarball already holds the built web
component (installing the package would pull a large Angular tree). It is fetched once with
``npm pack`` and cached; only the files the form page loads are served from it.
"""

import shutil
import subprocess
import tarfile
from dataclasses import dataclass
from pathlib import Path

LFORMS_VERSION = "40.1.3"
CACHE = Path.home() / ".cache" / "commcare_ext"
HERE = Path(__file__).resolve().parent

#: The LHC-Forms files the form page loads (``form.html``, and the images ``styles.css`` names).
LFORMS_FILES = (
    "webcomponent/assets/lib/zone.min.js",
    "webcomponent/runtime.js",
    "webcomponent/polyfills.js",
    "webcomponent/main.js",
    "webcomponent/styles.css",
    "webcomponent/down_arrow_gray_10_10.png",
    "webcomponent/magnifying_glass.png",
    "fhir/R4/lformsFHIR.min.js",
)
#: The app's own scripts (kept out of the pages so the CSP can forbid inline script).
APP_FILES = ("form.js", "summary.js")
CONTENT_TYPES = {
    ".js": "text/javascript; charset=utf-8",
    ".css": "text/css; charset=utf-8",
    ".png": "image/png",
}


@dataclass(frozen=True)
class Asset:
    """One served file."""

    content_type: str
    body: bytes


def _asset(path: Path) -> Asset:
    return Asset(CONTENT_TYPES[path.suffix], path.read_bytes())


def load_assets(lforms: Path) -> dict[str, Asset]:
    """Every static file the app serves, by URL path (a missing file stops the start)."""
    served = {f"/lforms/{name}": _asset(lforms / name) for name in LFORMS_FILES}
    served |= {f"/app/{name}": _asset(HERE / name) for name in APP_FILES}
    return served


def lforms_dir() -> Path:
    """The unpacked ``dist/lforms`` of the pinned LHC-Forms tarball (fetched once)."""
    target = CACHE / f"lforms-{LFORMS_VERSION}"
    if (target / "webcomponent" / "main.js").is_file():
        return target
    CACHE.mkdir(parents=True, exist_ok=True)
    tarball = CACHE / f"lforms-{LFORMS_VERSION}.tgz"
    if not tarball.is_file():
        npm = shutil.which("npm")
        if npm is None:
            msg = "npm is needed once, to fetch the LHC-Forms tarball"
            raise RuntimeError(msg)
        subprocess.run(  # noqa: S603 - fixed command
            [npm, "pack", f"lforms@{LFORMS_VERSION}", "--pack-destination", str(CACHE)],
            check=True,
            capture_output=True,
        )
    staging = CACHE / f"lforms-{LFORMS_VERSION}.staging"
    shutil.rmtree(staging, ignore_errors=True)
    with tarfile.open(tarball) as archive:
        archive.extractall(staging, filter="data")
    shutil.rmtree(target, ignore_errors=True)
    (staging / "package" / "dist" / "lforms").rename(target)
    shutil.rmtree(staging, ignore_errors=True)
    return target
