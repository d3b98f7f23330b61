"""The follow-up assessment against a server: what to pre-fill, and the baseline to compare with."""

from collections.abc import Iterable
from datetime import UTC, datetime

from commcare_ext.client import FhirClient
from commcare_ext.followup.follow import ReferralScope, read_referrals
from commcare_ext.followup.form import support_name
from commcare_ext.followup.record import Baseline, baseline_from_observations, member_references
from commcare_ext.followup.state import ReferralState
from commcare_ext.followup.transport import search_all
from commcare_ext.followup.values import parse_datetime
from commcare_ext.instruments import Instrument, registered, selection

_EPOCH = datetime(1970, 1, 1, tzinfo=UTC)


def follow_up_context(client: FhirClient, patient: str) -> list[tuple[ReferralState, str]]:
    """Each referral of ``patient`` with the name of its support (from its ServiceRequest)."""
    states = read_referrals(client, ReferralScope(patient=patient)).states
    ids = sorted({s.focus.rsplit("/", 1)[-1] for s in states})
    requests = (
        {
            f"ServiceRequest/{r['id']}": r
            for r in search_all(client, "ServiceRequest", {"_id": ",".join(ids)})
        }
        if ids
        else {}
    )
    # in the order they were made: time, then business identifier (server ids are random)
    ordered = sorted(states, key=lambda s: (s.authored_on, s.identifiers, s.task))
    return [(s, support_name(requests.get(s.focus, {}))) for s in ordered]


def find_baseline(
    client: FhirClient,
    patient: str,
    *,
    before: datetime | None = None,
    instruments: Iterable[str] | None = None,
) -> Baseline | None:
    """The latest panel of each instrument for ``patient`` (before ``before``), as a Baseline.

    ``instruments``: the ids to look for (``None``: every instrument a follow-up may ask).
    """
    found: Baseline | None = None
    wanted = registered() if instruments is None else selection(instruments)
    for measured in wanted:
        if not measured.follow_up:
            continue
        one = _latest(client, patient, measured, before)
        if one is not None:
            found = one if found is None else found.merged(one)
    return found


def _latest(
    client: FhirClient, patient: str, measured: Instrument, before: datetime | None
) -> Baseline | None:
    panel_code = measured.panel
    panels = [
        p
        for p in search_all(
            client,
            "Observation",
            {"subject": patient, "code": f"{panel_code.system}|{panel_code.code}"},
        )
        if (when := parse_datetime(p.get("effectiveDateTime"))) is not None
        and (before is None or when < before)
    ]
    if not panels:
        return None
    panel = max(panels, key=lambda p: parse_datetime(p["effectiveDateTime"]) or _EPOCH)
    ids = [r.rsplit("/", 1)[-1] for r in member_references(panel)]
    members = list(search_all(client, "Observation", {"_id": ",".join(ids)})) if ids else []
    return baseline_from_observations(panel, members)
