"""Bundles and addresses the post and outbox tests share."""

import socket
import uuid
from typing import Any


def closed_port_url() -> str:
    """A loopback URL nothing listens on (the port was free a moment ago)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}/"


def observation_bundle(value: object, *, key: str | None = None) -> dict[str, Any]:
    """A one-entry idempotent transaction; ``value`` "yes" makes the server reject it."""
    key = key or uuid.uuid4().hex
    return {
        "resourceType": "Bundle",
        "id": f"test-{key}",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, key)}",
                "resource": {
                    "resourceType": "Observation",
                    "identifier": [{"system": "https://cli-test.example.org", "value": key}],
                    "status": "final",
                    "code": {"text": "CLI test"},
                    "valueBoolean": value,
                },
                "request": {
                    "method": "POST",
                    "url": "Observation",
                    "ifNoneExist": f"identifier=https://cli-test.example.org|{key}",
                },
            }
        ],
    }
