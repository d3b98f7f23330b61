"""LHC-Forms for pages that render the intake form, from its pinned npm tarball.

The published tarball already holds the built web component; installing the package would
pull a large Angular tree. It is fetched once with ``npm pack`` and cached.
"""

import shutil
import subprocess
import tarfile
from pathlib import Path

LFORMS_VERSION = "40.1.3"
CACHE = Path.home() / ".cache" / "commcare_ext"


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
