"""The stuck-referral report as a plain-text table, those needing attention first."""

from collections.abc import Mapping, Sequence
from typing import Any

from commcare_ext.followup.parties import Parties
from commcare_ext.followup.report import ReportEntry

_NONE = Parties()


def report_table(
    entries: Sequence[ReportEntry], parties: Mapping[str, Parties] | None = None
) -> str:
    """The report as an aligned table; ``parties`` adds the patient's MRN, service and owner."""
    if not entries:
        return "No referral Tasks found.\n"
    header: tuple[str, ...] = ("Task", "Status", "Business status", "Last change")
    if parties is not None:
        header = ("Task", "Patient (MRN)", "Service", "Organisation", *header[1:])
    header = (*header, "Needs attention", "Reason")
    rows = []
    for e in entries:
        who: tuple[str, ...] = ()
        if parties is not None:
            found = parties.get(e.task, _NONE)
            who = (found.patient_mrn or "-", found.service or "-", found.organisation or "-")
        rows.append(
            (
                e.task,
                *who,
                e.status,
                e.business_status or "-",
                e.last_change.isoformat(timespec="minutes") if e.last_change else "-",
                "yes" if e.stuck else "no",
                e.reason or "-",
            )
        )
    widths = [max(len(row[i]) for row in (header, *rows)) for i in range(len(header) - 1)]

    def line(row: tuple[str, ...]) -> str:
        cells = [cell.ljust(width) for cell, width in zip(row, widths, strict=False)]
        return "  ".join([*cells, row[-1]]).rstrip()

    stuck = sum(e.stuck for e in entries)
    lines = [line(header), line(tuple("-" * len(h) for h in header)), *map(line, rows)]
    lines.append(f"\n{len(entries)} referral(s), {stuck} needing attention.")
    return "\n".join(lines) + "\n"


def report_with_parties(
    entries: Sequence[ReportEntry], parties: Mapping[str, Parties]
) -> dict[str, Any]:
    """``{"referrals": [...]}`` with each Task's patient MRN, service and organisation."""
    rows = []
    for entry in entries:
        found = parties.get(entry.task, _NONE)
        rows.append(
            {
                **entry.as_json(),
                "patient_mrn": found.patient_mrn,
                "service": found.service,
                "organisation": found.organisation,
            }
        )
    return {"referrals": rows}
