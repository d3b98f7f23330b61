"""Turn an HTTP error answer into the typed exception, in one place."""

from typing import Any

from commcare_ext.client.errors import (
    AuthenticationError,
    ContentRejected,
    HttpStatusError,
    Issue,
    RateLimited,
    ServerError,
)


def parse_issues(body: Any) -> tuple[Issue, ...]:
    """The issues of an OperationOutcome body (empty when the body is something else)."""
    if not isinstance(body, dict) or body.get("resourceType") != "OperationOutcome":
        return ()
    issues = []
    for raw in body.get("issue", []):
        if not isinstance(raw, dict):
            continue
        expression = raw.get("expression") or raw.get("location") or []
        issues.append(
            Issue(
                severity=str(raw.get("severity", "error")),
                code=str(raw.get("code", "unknown")),
                expression=tuple(str(e) for e in expression),
                diagnostics=raw.get("diagnostics") or (raw.get("details") or {}).get("text"),
            )
        )
    return tuple(issues)


def _retry_after(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        return float(value)
    except ValueError:
        return None  # HTTP-date form: fall back to our own backoff


def error_for(
    status: int, body: Any, method: str, path: str, retry_after: str | None
) -> HttpStatusError:
    """The exception for an error status, carrying the parsed OperationOutcome issues."""
    issues = parse_issues(body)
    if status in (401, 403):
        return AuthenticationError(status, issues, method, path)
    if status == 429:
        return RateLimited(status, issues, method, path, _retry_after(retry_after))
    if status >= 500:
        return ServerError(status, issues, method, path)
    if status in (400, 404, 405, 409, 410, 412, 422):
        return ContentRejected(status, issues, method, path)
    return HttpStatusError(status, issues, method, path)
