"""What went wrong while reading a directory: every problem located, nothing dropped silently.

A reader never stops at the first bad record. A record it cannot use is *skipped* and listed
here with its id and the field at fault; a record it keeps but could not read completely (an
unknown language code, a kind of help no mapping knows) gets a *warning*. Messages name fields
and expectations only: directory data are not patient data, but the rule is kept the same.
"""

from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from commcare_ext.errors import CommcareError, LocatedProblem


class Severity(StrEnum):
    """How a problem affected the load."""

    SKIPPED = "skipped"  # the record is not in the directory
    WARNING = "warning"  # the record is in, with this part missing or unmapped


@dataclass(frozen=True, slots=True)
class LoadProblem(LocatedProblem):
    """One located problem: which record (type and id), which field, what was expected.

    As a :class:`LocatedProblem`: ``loc`` is (source, record type, record id, field parts),
    ``type`` is ``skipped`` or ``warning``, ``msg`` the message.

    ``source`` names the file (or FHIR resource) the record came from, when there is one.
    ``terms`` lists taxonomy terms that could not be mapped, for the integrator to map;
    ``service_id`` names the service a skipped part (a schedule, a language) belonged to.
    """

    severity: Severity
    record_type: str
    record_id: str | None
    field: str
    message: str
    source: str | None = None
    terms: tuple[str, ...] = ()
    service_id: str | None = None

    @property
    def loc(self) -> tuple[str | int, ...]:
        """Source file, record type, record id, then the field's parts."""
        head = (self.source or "", self.record_type, self.record_id or "")
        return (*head, *self.field.split("."))

    @property
    def type(self) -> str:
        """``skipped`` (the record is out) or ``warning`` (it is in, with a part missing)."""
        return self.severity.value

    @property
    def msg(self) -> str:
        """What was expected."""
        return self.message

    def __str__(self) -> str:
        where = f"{self.source}: " if self.source else ""
        ident = self.record_id if self.record_id is not None else "<no id>"
        owner = (
            f" (service {self.service_id})"
            if self.service_id is not None and self.service_id != self.record_id
            else ""
        )
        terms = f" terms: {', '.join(self.terms)}" if self.terms else ""
        return (
            f"{where}{self.record_type} {ident}{owner}: {self.field}: {self.message}{terms}"
            f" [{self.severity}]"
        )


@dataclass(slots=True)
class LoadReport:
    """All problems of one load, and how many records were read and kept."""

    problems: list[LoadProblem] = field(default_factory=list)
    services_read: int = 0
    services_loaded: int = 0

    @property
    def ok(self) -> bool:
        """True when the load had no problem at all."""
        return not self.problems

    @property
    def skipped(self) -> list[LoadProblem]:
        """Problems that kept a record out of the directory."""
        return [p for p in self.problems if p.severity is Severity.SKIPPED]

    @property
    def warnings(self) -> list[LoadProblem]:
        """Problems with records that were kept."""
        return [p for p in self.problems if p.severity is Severity.WARNING]

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as pydantic's ``ValidationError.errors()`` shapes it."""
        return [problem.as_error() for problem in self.problems]

    def skipped_ids(self, record_type: str = "service") -> list[str | None]:
        """Ids of the skipped records of ``record_type``."""
        return [p.record_id for p in self.skipped if p.record_type == record_type]

    def add(self, problem: LoadProblem) -> None:
        """Record ``problem``."""
        self.problems.append(problem)

    def extend(self, other: "LoadReport") -> None:
        """Fold another load's problems and counts into this one."""
        self.problems.extend(other.problems)
        self.services_read += other.services_read
        self.services_loaded += other.services_loaded

    def summary(self) -> str:
        """One line a person can read: counts of loaded, skipped and warned records."""
        return (
            f"{self.services_loaded} of {self.services_read} services loaded; "
            f"{len(self.skipped)} records skipped, {len(self.warnings)} warnings"
        )


class DirectoryError(CommcareError):
    """A directory could not be read at all (unreadable file, not JSON, unknown shape).

    Bad *records* never raise: they go into the :class:`LoadReport`. This is for the input as a
    whole, and names the source and what was expected.
    """

    def __init__(self, source: str, message: str) -> None:
        super().__init__(f"{source}: {message}")
        self.source = source
        self.detail = message
