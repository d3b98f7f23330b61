"""Submitting a transaction Bundle so that everything lands exactly once.

The Bundle must be idempotent (conditional creates or PUTs), so any part of it can be sent
again: a submission that broke off half-way is resumed by submitting it again. A rejected
transaction committed nothing, so when a server refuses a transaction as a whole —
without pointing at one entry, as Medplum does above 8 conditional creates — it is safe to
split it: halves, in dependency order, until the server takes them. The size that worked
is remembered on the client (``max_transaction_entries``) for its next submissions. An
entry that is really invalid is still refused at size one, and the error names it.
"""

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Any

from commcare_ext.client.answers import resource_of
from commcare_ext.client.bundles import dependency_order, is_idempotent, resolve
from commcare_ext.client.errors import BundleError, ContentRejected, FhirClientError, Issue
from commcare_ext.client.results import SubmissionResult

if TYPE_CHECKING:
    from commcare_ext.client.client import FhirClient

_ENTRY = re.compile(r"^Bundle\.entry\[(\d+)\]")


class SubmissionIncomplete(FhirClientError):
    """Part of a Bundle landed before a failure; ``landed`` lists those fullUrls.

    Re-submitting the same Bundle is safe: its entries are conditional creates, so the
    landed ones are found again, not duplicated.
    """

    def __init__(self, landed: SubmissionResult, cause: FhirClientError) -> None:
        self.landed = landed
        self.cause = cause
        super().__init__(f"{len(landed.references)} entries landed before: {type(cause).__name__}")


def submit_bundle(
    client: "FhirClient", bundle: Mapping[str, Any], content: bytes | None = None
) -> SubmissionResult:
    """Land ``bundle`` through ``client`` (see :meth:`FhirClient.submit`)."""
    entries = checked_entries(bundle)
    capabilities = client.require_r4()
    if not capabilities.transaction:
        return _one_by_one(client, entries)
    limit = client.max_transaction_entries
    if limit is None or len(entries) <= limit:
        try:
            result = client.transaction(bundle, content=content)
        except ContentRejected as error:
            if len(entries) <= 1 or _names_an_entry(error):
                raise _located(error, list(range(len(entries)))) from None
            client.max_transaction_entries = math.ceil(len(entries) / 2)
        else:
            return result
    return _in_chunks(client, bundle, entries)


def checked_entries(bundle: Mapping[str, Any]) -> list[dict[str, Any]]:
    """The Bundle's entries, each checked for what submitting relies on."""
    entries = bundle.get("entry", [])
    if not isinstance(entries, list):
        msg = "Bundle.entry: expected a list of entries"
        raise BundleError(msg)
    for index, entry in enumerate(entries):
        where = f"Bundle.entry[{index}]"
        if not isinstance(entry, dict):
            msg = f"{where}: expected an object"
            raise BundleError(msg)
        request = entry.get("request")
        resource = entry.get("resource")
        if not isinstance(entry.get("fullUrl"), str):
            msg = f"{where}.fullUrl: expected a string"
            raise BundleError(msg)
        if not isinstance(resource, dict) or not isinstance(resource.get("resourceType"), str):
            msg = f"{where}.resource: expected a resource with a resourceType"
            raise BundleError(msg)
        if not isinstance(request, dict) or not isinstance(request.get("url"), str):
            msg = f"{where}.request: expected a method and a url"
            raise BundleError(msg)
    if not is_idempotent(bundle):
        msg = "submit() needs conditional creates (ifNoneExist) or PUTs so that it can resume"
        raise BundleError(msg)
    return entries


def _in_chunks(
    client: "FhirClient", bundle: Mapping[str, Any], entries: list[dict[str, Any]]
) -> SubmissionResult:
    """Dependency-ordered transactions of at most ``client.max_transaction_entries``."""
    ordered = _ordered(entries)
    position = {id(entry): index for index, entry in enumerate(entries)}
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    start = 0
    try:
        while start < len(ordered):  # each turn sends a chunk or halves the size: it ends
            size = client.max_transaction_entries or len(ordered)
            chunk = ordered[start : start + size]
            try:
                landed = client.transaction(
                    {**bundle, "entry": [resolve(e, references) for e in chunk]}
                )
            except ContentRejected as error:
                if len(chunk) == 1 or _names_an_entry(error):
                    raise _located(error, [position[id(e)] for e in chunk]) from None
                client.max_transaction_entries = math.ceil(len(chunk) / 2)
                continue
            references.update(landed.references)
            statuses.update(landed.statuses)
            start += len(chunk)
    except FhirClientError as error:
        landed_so_far = SubmissionResult(references, statuses, "chunked-transaction")
        raise SubmissionIncomplete(landed_so_far, error) from error
    return SubmissionResult(references, statuses, "chunked-transaction")


def _one_by_one(client: "FhirClient", entries: list[dict[str, Any]]) -> SubmissionResult:
    """One conditional create (or PUT) per entry, in dependency order."""
    position = {id(entry): index for index, entry in enumerate(entries)}
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    try:
        for entry in _ordered(entries):
            try:
                reference, status = _one(client, resolve(entry, references))
            except ContentRejected as error:
                raise _located(error, [position[id(entry)]]) from None
            references[entry["fullUrl"]] = reference
            statuses[entry["fullUrl"]] = status
    except FhirClientError as error:
        landed_so_far = SubmissionResult(references, statuses, "individual")
        raise SubmissionIncomplete(landed_so_far, error) from error
    return SubmissionResult(references, statuses, "individual")


def _ordered(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    try:
        return dependency_order(entries)
    except ValueError:
        msg = "Bundle.entry: references form a cycle; entries cannot be sent in order"
        raise BundleError(msg) from None


def _one(client: "FhirClient", entry: Mapping[str, Any]) -> tuple[str, str]:
    """Send one entry on its own: a PUT, or a conditional create."""
    request = entry["request"]
    resource = entry["resource"]
    if request["method"] == "PUT":
        status, body, _ = client.request("PUT", request["url"], body=resource, safe=True)
    else:
        status, body, _ = client.request(
            "POST",
            request["url"],
            body=resource,
            headers={"If-None-Exist": request["ifNoneExist"]},
            safe=True,
        )
    created = resource_of(body, str(resource["resourceType"]))
    return f"{created['resourceType']}/{created['id']}", str(status)


def _names_an_entry(error: ContentRejected) -> bool:
    """Whether the server pointed at one entry (rather than refusing the whole Bundle)."""
    return any(
        _ENTRY.match(e)
        for issue in error.issues
        if issue.severity in ("fatal", "error")
        for e in issue.expression
    )


def _located(error: ContentRejected, sent: Sequence[int]) -> ContentRejected:
    """``error`` with entries numbered as in the submitted Bundle, not in the chunk sent.

    ``sent[i]`` is the submitted position of the chunk's entry ``i``; when the chunk was a
    single entry, every issue is about that entry.
    """

    def relocate(expression: str) -> str:
        found = _ENTRY.match(expression)
        if found is None or int(found[1]) >= len(sent):
            return expression
        return f"Bundle.entry[{sent[int(found[1])]}]" + expression[found.end() :]

    issues: list[Issue] = []
    for issue in error.issues:
        expression = tuple(relocate(e) for e in issue.expression)
        issues.append(replace(issue, expression=expression))
    entry = sent[0] if len(sent) == 1 else None
    return ContentRejected(error.status, tuple(issues), error.method, error.path, entry=entry)
