"""Validate resources with Medplum's ``validateResource`` (Node), in one process for many."""

import json
import shutil
import subprocess
from typing import Any

from tests.support.fhir_server import SERVER_DIR, ensure_node_modules


def validate_with_medplum(resources: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Issue lists (errors and warnings), one per resource, from @medplum/core."""
    ensure_node_modules()
    node = shutil.which("node")
    if node is None:
        msg = "node is needed for Medplum validation"
        raise RuntimeError(msg)
    done = subprocess.run(
        [node, "validate.mjs"],
        cwd=SERVER_DIR,
        input=json.dumps(resources),
        capture_output=True,
        text=True,
        check=True,
        timeout=300,
    )
    results: list[list[dict[str, Any]]] = json.loads(done.stdout)
    return results


def errors_only(issues: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The issues whose severity is error or fatal."""
    return [i for i in issues if i.get("severity") in ("error", "fatal")]
