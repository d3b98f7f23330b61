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
    """An OperationOutcome with one error issue."""
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
