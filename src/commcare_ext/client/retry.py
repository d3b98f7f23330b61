"""One retry policy, injected: what is worth repeating, how often, and how long to wait."""

import random
from dataclasses import dataclass, field

from commcare_ext.client.errors import (
    FhirClientError,
    HttpStatusError,
    MalformedResponseError,
    ResponseTooLarge,
    TransportError,
)


@dataclass(frozen=True, slots=True)
class RetryPolicy:
    """Retries with capped exponential backoff and full jitter; honours ``Retry-After``.

    Worth repeating: no answer at all (``TransportError``), an answer that is not FHIR
    (``MalformedResponseError``), and error statuses in ``retry_statuses``. Only *safe*
    requests are repeated: reads, and writes the caller marks idempotent (a Bundle whose
    every entry is a conditional create or a PUT to an id we assign). A plain POST is
    never repeated, because a lost answer may hide a create that happened.
    """

    tries: int = 4
    backoff: float = 0.2
    max_backoff: float = 8.0
    max_retry_after: float = 30.0
    retry_statuses: frozenset[int] = field(default=frozenset({429, 500, 502, 503, 504}))

    def delay(self, attempt: int, retry_after: float | None = None) -> float | None:
        """Seconds to wait before retry number ``attempt`` (1-based).

        None when the server asks for a longer wait than ``max_retry_after``: the caller
        gives up now (the error carries ``retry_after``) rather than knock again too soon.
        """
        if retry_after is not None:
            return max(retry_after, 0.0) if retry_after <= self.max_retry_after else None
        ceiling = min(self.max_backoff, self.backoff * (2 ** (attempt - 1)))
        return random.uniform(0, ceiling)  # noqa: S311 - jitter, not security

    def allows(self, attempt: int, *, safe: bool) -> bool:
        """Whether another try is allowed after ``attempt`` tries."""
        return safe and attempt < self.tries

    def retries(self, error: FhirClientError) -> bool:
        """Whether ``error`` is worth another try (if the request is safe to repeat)."""
        if isinstance(error, HttpStatusError):
            return error.status in self.retry_statuses
        if isinstance(error, ResponseTooLarge):
            return False  # the same answer would come again, as large
        return isinstance(error, TransportError | MalformedResponseError)


NO_RETRY = RetryPolicy(tries=1)
