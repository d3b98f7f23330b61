"""Turn an HTTP error answer into the typed exception, in one place.

The OperationOutcome is read strictly: an issue whose parts are not the types FHIR gives
them (``details`` a string, ``expression`` a number) makes the whole answer a
:class:`MalformedResponseError`, never a TypeError. So does a ``Retry-After`` that is
neither a number of seconds nor an HTTP date.
"""

import math
from email.utils import parsedate_to_datetime
from typing import Any

from commcare_ext.client.errors import (
    AuthenticationError,
    ContentRejected,
    HttpStatusError,
    Issue,
    MalformedResponseError,
    RateLimited,
    ServerError,
)


def parse_issues(body: Any) -> tuple[Issue, ...]:
    """The issues of an OperationOutcome body (empty when the body is something else)."""
    if not isinstance(body, dict) or body.get("resourceType") != "OperationOutcome":
        return ()
    raw_issues = body.get("issue")
    if not isinstance(raw_issues, list):
        msg = "OperationOutcome.issue: expected a list"
        raise MalformedResponseError(msg)
    return tuple(_issue(raw, index) for index, raw in enumerate(raw_issues))


def _issue(raw: Any, index: int) -> Issue:
    where = f"OperationOutcome.issue[{index}]"
    if not isinstance(raw, dict):
        msg = f"{where}: expected an object"
        raise MalformedResponseError(msg)
    severity = raw.get("severity", "error")
    code = raw.get("code", "unknown")
    if not isinstance(severity, str) or not isinstance(code, str):
        msg = f"{where}: severity and code must be strings"
        raise MalformedResponseError(msg)
    details = raw.get("details")
    if details is not None and not (
        isinstance(details, dict) and isinstance(details.get("text", ""), str)
    ):
        msg = f"{where}.details: expected a CodeableConcept"
        raise MalformedResponseError(msg)
    diagnostics = raw.get("diagnostics")
    if diagnostics is not None and not isinstance(diagnostics, str):
        msg = f"{where}.diagnostics: expected a string"
        raise MalformedResponseError(msg)
    return Issue(
        severity=severity,
        code=code,
        expression=_strings(raw.get("expression") or raw.get("location"), f"{where}.expression"),
        diagnostics=diagnostics,
        details=details.get("text") if details else None,
    )


def _strings(value: Any, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        msg = f"{where}: expected a list of strings"
        raise MalformedResponseError(msg)
    return tuple(value)


def retry_after_seconds(value: str | None, now: float) -> float | None:
    """Seconds the server asks us to wait: ``Retry-After`` as delay-seconds or an HTTP date.

    ``now`` (epoch seconds) places an HTTP date; a date in the past means no wait.
    """
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(text)
    seconds: float | None = None
    try:
        seconds = parsedate_to_datetime(text).timestamp() - now
    except (TypeError, ValueError, IndexError, OverflowError):
        seconds = None
    if seconds is None or not math.isfinite(seconds):
        msg = "Retry-After: neither a number of seconds nor an HTTP date"
        raise MalformedResponseError(msg)
    return max(seconds, 0.0)


def error_for(
    status: int, body: Any, method: str, path: str, retry_after: str | None, *, now: float
) -> HttpStatusError:
    """The exception for an error status, carrying the parsed OperationOutcome issues."""
    issues = parse_issues(body)
    if status in (401, 403):
        return AuthenticationError(status, issues, method, path)
    if status == 429:
        return RateLimited(status, issues, method, path, retry_after_seconds(retry_after, now))
    if status >= 500:
        return ServerError(status, issues, method, path)
    if status in (400, 404, 405, 409, 410, 412, 422):
        return ContentRejected(status, issues, method, path)
    return HttpStatusError(status, issues, method, path)
