"""Following referrals on the server: read them, poll cheaply, and change them safely.

Polling asks only for what changed since the last check (``_lastUpdated=ge`` the newest
``meta.lastUpdated`` seen, with paging): an unchanged server answers with at most the few
Tasks stamped exactly at that instant, which are recognised by version and not reported
again. ``ge`` rather than ``gt`` because two writes can share a millisecond, and ``gt`` would
then skip the second for ever.

Clinic-side changes are read-change-write with ``If-Match``; :func:`retry_on_conflict`
repeats the whole cycle after a 412, so the change is decided again on the fresh Task.
"""

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date
from typing import TypeVar

from commcare_ext.client import FhirClient
from commcare_ext.followup.changes import Change
from commcare_ext.followup.errors import ReferralConflict, ReferralTaskError
from commcare_ext.followup.state import ReferralState, parse_referral_task
from commcare_ext.followup.transport import (
    read_versioned,
    search_all,
    update_if_match,
)
from commcare_ext.followup.values import parse_datetime
from commcare_ext.terminology.standard import FULFILL

log = logging.getLogger("commcare_ext.followup")

T = TypeVar("T")

_PAGE_SIZE = 100


@dataclass(frozen=True, slots=True)
class ReferralScope:
    """Which referral Tasks to read: one patient's, one clinic's (requester), or all."""

    patient: str | None = None
    requester: str | None = None
    authored_since: date | None = None
    page_size: int = _PAGE_SIZE

    def params(self) -> dict[str, str]:
        """The Task search parameters for this scope (always only referral Tasks)."""
        params = {"code": f"{FULFILL.system}|{FULFILL.code}", "_count": str(self.page_size)}
        if self.patient:
            params["patient"] = self.patient
        if self.requester:
            params["requester"] = self.requester
        if self.authored_since:
            params["authored-on"] = f"ge{self.authored_since.isoformat()}"
        return params


@dataclass(frozen=True, slots=True)
class Unreadable:
    """A Task found on the server that is not a readable referral Task, and why."""

    task: str
    error: ReferralTaskError
    status: str | None = None


@dataclass(frozen=True, slots=True)
class Referrals:
    """What a read found: every referral, and every Task that could not be read (never dropped)."""

    states: tuple[ReferralState, ...] = ()
    unreadable: tuple[Unreadable, ...] = ()


@dataclass(frozen=True, slots=True)
class PollCursor:
    """Where the last poll stopped: the newest ``meta.lastUpdated`` seen, and what was seen then."""

    last_updated: str | None = None
    seen_at_last: frozenset[tuple[str, str]] = field(default_factory=frozenset)


@dataclass(frozen=True, slots=True)
class PollResult:
    """New or changed referrals since the cursor, and the cursor for next time."""

    changed: Referrals
    cursor: PollCursor
    downloaded: int


@dataclass(frozen=True, slots=True)
class ChangeResult:
    """The referral after a clinic change, and whether anything was written."""

    state: ReferralState
    written: bool


def read_referrals(client: FhirClient, scope: ReferralScope = ReferralScope()) -> Referrals:
    """Every referral Task in ``scope``, read into states (unreadable ones listed apart)."""
    return _read(search_all(client, "Task", scope.params()))


def poll_referrals(
    client: FhirClient, scope: ReferralScope = ReferralScope(), cursor: PollCursor = PollCursor()
) -> PollResult:
    """Referral Tasks created or changed since ``cursor`` (everything on the first poll)."""
    params = scope.params()
    if cursor.last_updated:
        params["_lastUpdated"] = f"ge{cursor.last_updated}"
    fresh = []
    downloaded = 0
    newest = cursor.last_updated
    for task in search_all(client, "Task", params):
        downloaded += 1
        stamp = str(task.get("meta", {}).get("lastUpdated", ""))
        key = (str(task.get("id")), str(task.get("meta", {}).get("versionId", "")))
        if stamp == cursor.last_updated and key in cursor.seen_at_last:
            continue  # seen at the previous watermark: unchanged
        fresh.append(task)
        if _later(stamp, newest):
            newest = stamp
    seen = {
        (str(t.get("id")), str(t.get("meta", {}).get("versionId", "")))
        for t in fresh
        if str(t.get("meta", {}).get("lastUpdated", "")) == newest
    }
    if newest == cursor.last_updated:
        seen |= cursor.seen_at_last
    return PollResult(_read(fresh), PollCursor(newest, frozenset(seen)), downloaded)


def apply_change(client: FhirClient, task_id: str, change: Change) -> ChangeResult:
    """Read the Task, apply ``change`` to what was read, write it with ``If-Match``.

    Raises :class:`ReferralConflict` when the Task changed in between, and whatever the
    change raises (e.g. :class:`TransitionNotAllowed`) when the fresh state rules it out.
    """
    current = read_versioned(client, "Task", task_id)
    updated = change(current.resource)
    if updated is None:
        return ChangeResult(parse_referral_task(current.resource), written=False)
    if current.if_match is None:
        msg = f"Task/{task_id} came back without a version: refusing an unconditional write"
        raise ReferralConflict(f"Task/{task_id}", None) from ValueError(msg)
    written = update_if_match(client, updated, current.if_match)
    return ChangeResult(parse_referral_task(written), written=True)


def retry_on_conflict(fn: Callable[[], T], attempts: int = 3) -> T:
    """Run ``fn`` (a whole read-change-write), again after each conflict, ``attempts`` times.

    ``fn`` must re-read on every call (``apply_change`` does), so each try decides on the
    Task as it is now. After the last conflict the :class:`ReferralConflict` propagates.
    """
    if attempts < 1:
        msg = "attempts must be at least 1"
        raise ValueError(msg)
    for attempt in range(1, attempts + 1):
        try:
            return fn()
        except ReferralConflict as conflict:
            if attempt == attempts:
                raise
            log.info(
                "conflict on %s (try %d of %d): re-reading", conflict.reference, attempt, attempts
            )
    raise AssertionError("unreachable")  # pragma: no cover


def change_referral(
    client: FhirClient, task_id: str, change: Change, *, attempts: int = 3
) -> ChangeResult:
    """:func:`apply_change` with :func:`retry_on_conflict`: the usual way to change a referral."""
    return retry_on_conflict(lambda: apply_change(client, task_id, change), attempts)


def _read(tasks: Iterable[dict[str, object]]) -> Referrals:
    states: list[ReferralState] = []
    unreadable: list[Unreadable] = []
    for task in tasks:
        try:
            states.append(parse_referral_task(task))
        except ReferralTaskError as error:
            status = task.get("status")
            unreadable.append(
                Unreadable(
                    f"Task/{task.get('id')}", error, status if isinstance(status, str) else None
                )
            )
    return Referrals(tuple(states), tuple(unreadable))


def _later(stamp: str, than: str | None) -> bool:
    moment = parse_datetime(stamp)
    if moment is None:
        return False
    reference = parse_datetime(than) if than else None
    return reference is None or moment > reference
