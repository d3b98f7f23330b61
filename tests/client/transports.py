"""In-process transports for unit tests: real ``Transport`` implementations, no network.

They answer from a script, so retry, redirect and parsing logic runs through the whole
client with every fault on cue and no waiting (the client's ``sleep`` records instead).
"""

import json
from collections import deque
from collections.abc import Callable
from typing import Any

from commcare_ext.client import ConnectError, Request, Response

Answer = Response | Exception | Callable[[Request], Response]

BASE = "https://ehr.example.org/fhir/"

CAPABILITY_STATEMENT: dict[str, Any] = {
    "resourceType": "CapabilityStatement",
    "status": "active",
    "kind": "instance",
    "fhirVersion": "4.0.1",
    "format": ["application/fhir+json"],
    "rest": [
        {
            "mode": "server",
            "interaction": [{"code": "transaction"}, {"code": "batch"}],
            "resource": [{"type": "Patient"}, {"type": "Organization"}],
        }
    ],
}


def fhir(status: int, body: Any = None, **headers: str) -> Response:
    """A FHIR JSON answer (``headers`` with underscores for dashes: ``Retry_After``)."""
    content = b"" if body is None else json.dumps(body).encode()
    named = {k.replace("_", "-"): v for k, v in headers.items()}
    return Response(status, {"Content-Type": "application/fhir+json", **named}, content)


def outcome(code: str = "transient", **issue: Any) -> dict[str, Any]:
    """An OperationOutcome with one issue (an error unless ``severity`` says otherwise)."""
    return {
        "resourceType": "OperationOutcome",
        "issue": [{"severity": "error", "code": code, **issue}],
    }


class ScriptedTransport:
    """Answers each request with the next scripted answer; records every request."""

    def __init__(self, *answers: Answer) -> None:
        self.answers: deque[Answer] = deque(answers)
        self.requests: list[Request] = []

    def handle_request(self, request: Request) -> Response:
        self.requests.append(request)
        if not self.answers:
            raise ConnectError("script exhausted")
        answer = self.answers.popleft()
        if isinstance(answer, Exception):
            raise answer
        if callable(answer):
            return answer(request)
        return answer


class Sleeps(list[float]):
    """A ``sleep`` that records how long it was asked to wait, and returns at once."""

    def __call__(self, seconds: float) -> None:
        self.append(seconds)


def small_bundle(name: str = "Riverside") -> dict[str, Any]:
    """An idempotent two-entry transaction: an Organization and a Patient that refers to it."""
    org = "urn:uuid:6f1c4a52-8e7b-4c0e-9a61-2a4f0d3b7c10"
    return {
        "resourceType": "Bundle",
        "id": f"bundle-{name}",
        "type": "transaction",
        "entry": [
            {
                "fullUrl": org,
                "resource": {"resourceType": "Organization", "name": name},
                "request": {
                    "method": "POST",
                    "url": "Organization",
                    "ifNoneExist": f"identifier=https://example.org/orgs|{name}",
                },
            },
            {
                "fullUrl": "urn:uuid:0b0f8a3e-5a8e-4d55-9d7c-94e5d8c1a2b3",
                "resource": {"resourceType": "Patient", "managingOrganization": {"reference": org}},
                "request": {
                    "method": "POST",
                    "url": "Patient",
                    "ifNoneExist": f"identifier=https://example.org/mrn|{name}",
                },
            },
        ],
    }


def transaction_response(request: Request) -> Response:
    """What a server answers to a transaction: each entry created, with its location."""
    bundle = json.loads(request.content or b"{}")
    entries = [
        {
            "response": {
                "status": "201 Created",
                "location": f"{e['resource']['resourceType']}/{i + 1}/_history/1",
            }
        }
        for i, e in enumerate(bundle.get("entry", []))
    ]
    return fhir(200, {"resourceType": "Bundle", "type": "transaction-response", "entry": entries})
