"""Submitting a transaction Bundle so that everything lands exactly once.

The Bundle must be idempotent (conditional creates or PUTs), so any part of it can be sent
again: a submission that broke off half-way is resumed by submitting it again.
"""

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from commcare_ext.client.answers import resource_of
from commcare_ext.client.bundles import dependency_order, is_idempotent, resolve
from commcare_ext.client.errors import FhirClientError
from commcare_ext.client.results import SubmissionResult

if TYPE_CHECKING:
    from commcare_ext.client.client import FhirClient


class SubmissionIncomplete(FhirClientError):
    """Part of a Bundle landed before a failure; ``landed`` lists those fullUrls.

    Re-submitting the same Bundle is safe: its entries are conditional creates, so the
    landed ones are found again, not duplicated.
    """

    def __init__(self, landed: SubmissionResult, cause: FhirClientError) -> None:
        self.landed = landed
        self.cause = cause
        super().__init__(f"{len(landed.references)} entries landed before: {type(cause).__name__}")


def submit_bundle(client: "FhirClient", bundle: Mapping[str, Any]) -> SubmissionResult:
    """Land ``bundle`` through ``client`` (see :meth:`FhirClient.submit`)."""
    if not is_idempotent(bundle):
        msg = "submit() needs conditional creates or PUTs so that it can resume safely"
        raise ValueError(msg)
    capabilities = client.require_r4()
    entries = list(bundle.get("entry", []))
    limit = client.max_transaction_entries
    if capabilities.transaction and (limit is None or len(entries) <= limit):
        return client.transaction(bundle)
    size = (limit or 1) if capabilities.transaction else 1
    references: dict[str, str] = {}
    statuses: dict[str, str] = {}
    mode = "chunked-transaction" if capabilities.transaction else "individual"
    ordered = dependency_order(entries)
    try:
        for start in range(0, len(ordered), size):
            chunk = [resolve(e, references) for e in ordered[start : start + size]]
            if capabilities.transaction:
                landed = client.transaction({**bundle, "entry": chunk})
                references.update(landed.references)
                statuses.update(landed.statuses)
            else:
                for entry in chunk:
                    reference, status = _one(client, entry)
                    references[entry["fullUrl"]] = reference
                    statuses[entry["fullUrl"]] = status
    except FhirClientError as error:
        raise SubmissionIncomplete(SubmissionResult(references, statuses, mode), error) from error
    return SubmissionResult(references, statuses, mode)


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
