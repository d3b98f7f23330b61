"""The analysis frame: one row per referral and one per score, read from the view tables.

Two portable SQL queries (DuckDB and Spark SQL both run them) join the tables; dates are
parsed here, so both engines feed the measures exactly the same values.
"""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any, Final, Protocol

from commcare_ext.followup import TaskStatus
from commcare_ext.followup.report import DEFAULT_LIMITS
from commcare_ext.outcomes.codes import INTERPRETER_NO, INTERPRETER_YES, Instrument

#: Task statuses that end a referral without the service: refused by the organisation
#: (rejected) or withdrawn (cancelled).
DECLINED: Final = frozenset({TaskStatus.REJECTED, TaskStatus.CANCELLED})
UNKNOWN: Final = "unknown"


class Engine(Protocol):
    """Tables that answer SQL (DuckDB in-process, or Spark)."""

    def query(self, sql: str) -> Sequence[Sequence[Any]]:
        """Rows of a SELECT over the view tables."""


REFERRALS_SQL: Final = """
SELECT r.referral_key, r.patient_key, r.support_type,
       COALESCE(o.name, r.organisation_key) AS organisation, r.authored,
       t.status, t.first_contact, t.completed_at, t.last_modified,
       p.language, p.interpreter_needed, p.culture_group,
       CASE WHEN s.patient_key IS NULL THEN 0 ELSE 1 END AS stigma
FROM referral r
LEFT JOIN (
    SELECT referral_key, status, first_contact, completed_at, last_modified, authored
    FROM (
        SELECT referral_key, status, first_contact, completed_at,
               COALESCE(last_modified, authored) AS last_modified, authored,
               ROW_NUMBER() OVER (
                   PARTITION BY referral_key
                   ORDER BY COALESCE(last_modified, authored) DESC, task_key
               ) AS position
        FROM referral_task
        WHERE status IS NULL OR status <> 'entered-in-error'
    ) ranked
    WHERE position = 1
) t ON t.referral_key = r.referral_key
LEFT JOIN patient p ON p.patient_key = r.patient_key
LEFT JOIN organisation o ON o.organisation_key = r.organisation_key
LEFT JOIN (SELECT DISTINCT patient_key FROM stigma_concern) s ON s.patient_key = r.patient_key
WHERE r.status IS NULL OR r.status NOT IN ('entered-in-error', 'draft')
ORDER BY r.referral_key
"""

SCORES_SQL: Final = """
SELECT patient_key, instrument, score, effective
FROM score
WHERE score IS NOT NULL AND effective IS NOT NULL
  AND (status IS NULL OR status IN ('final', 'amended', 'corrected'))
ORDER BY patient_key, instrument, effective, observation_key
"""


def parse_time(text: Any) -> datetime | None:
    """An ISO date or dateTime as an aware datetime (a bare date is midnight UTC)."""
    if not isinstance(text, str) or not text:
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class Referral:
    """One referral, where it stands, and who it was for."""

    key: str
    patient: str
    support_type: str
    organisation: str
    authored: datetime | None
    outcome: str  # completed | declined | stuck | open | other | untracked
    days_to_contact: float | None
    days_to_completion: float | None
    language: str
    interpreter: str
    culture_group: str
    stigma: str


@dataclass(frozen=True, slots=True)
class Score:
    """One total score at one time."""

    patient: str
    instrument: Instrument
    value: float
    effective: datetime


def _days(start: datetime | None, end: datetime | None) -> float | None:
    if start is None or end is None or end < start:
        return None
    return (end - start).total_seconds() / 86400


def _outcome(status: Any, last_modified: datetime | None, as_of: datetime) -> str:
    if status is None:
        return "untracked"
    try:
        task_status = TaskStatus(status)
    except ValueError:
        return "other"
    if task_status is TaskStatus.COMPLETED:
        return "completed"
    if task_status in DECLINED:
        return "declined"
    limit = DEFAULT_LIMITS.get(task_status)
    if limit is None:
        return "other"  # failed
    waited = _days(last_modified, as_of)
    return "stuck" if waited is not None and waited > limit else "open"


def _primary_language(tag: Any) -> str:
    """The language of a BCP-47 tag without region or script (``es-MX`` -> ``es``).

    Equity is about language groups: Spanish from Mexico and from the US are one group.
    """
    if not isinstance(tag, str) or not tag:
        return UNKNOWN
    return tag.split("-", 1)[0].lower()


def _interpreter(code: Any) -> str:
    return {INTERPRETER_YES: "yes", INTERPRETER_NO: "no"}.get(code, UNKNOWN)


def referrals(engine: Engine, as_of: datetime, since: date | None = None) -> list[Referral]:
    """Every referral (made on or after ``since``), its outcome on ``as_of`` and its person."""
    found = []
    for row in engine.query(REFERRALS_SQL):
        (
            key,
            patient,
            support,
            organisation,
            authored_text,
            status,
            contact,
            completed,
            modified,
            language,
            interpreter,
            culture,
            stigma,
        ) = row
        authored = parse_time(authored_text)
        if since is not None and (authored is None or authored.date() < since):
            continue
        outcome = _outcome(status, parse_time(modified) or authored, as_of)
        found.append(
            Referral(
                key=key,
                patient=patient or UNKNOWN,
                support_type=support or UNKNOWN,
                organisation=organisation or UNKNOWN,
                authored=authored,
                outcome=outcome,
                days_to_contact=_days(authored, parse_time(contact)),
                days_to_completion=(
                    _days(authored, parse_time(completed)) if outcome == "completed" else None
                ),
                language=_primary_language(language),
                interpreter=_interpreter(interpreter),
                culture_group=culture or UNKNOWN,
                stigma="yes" if stigma else "no",
            )
        )
    return found


def scores(engine: Engine) -> list[Score]:
    """Every usable total score, by person, instrument and time."""
    known = {i.value: i for i in Instrument}
    found = []
    for patient, code, value, effective in engine.query(SCORES_SQL):
        moment = parse_time(effective)
        if code in known and moment is not None and patient:
            found.append(Score(patient, known[code], float(value), moment))
    return found
