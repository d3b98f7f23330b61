"""Collecting located problems while a reader walks its records (internal)."""

from commcare_ext.directory.report import LoadProblem, LoadReport, Severity


class SkipRecord(Exception):  # noqa: N818 - a control signal inside a reader, never raised out
    """Raised inside a reader when the record at hand cannot be used; caught by the reader."""

    def __init__(self, field: str, message: str, terms: tuple[str, ...] = ()) -> None:
        super().__init__(f"{field}: {message}")
        self.field = field
        self.message = message
        self.terms = terms


class Problems:
    """Adds problems for one source to a report, naming the service being read."""

    __slots__ = ("report", "service_id", "source")

    def __init__(self, report: LoadReport, source: str | None) -> None:
        self.report = report
        self.source = source
        self.service_id: str | None = None

    def skipped(
        self,
        record_type: str,
        record_id: str | None,
        field: str,
        message: str,
        terms: tuple[str, ...] = (),
    ) -> None:
        """A record (a service, or one part of it) left out."""
        self._add(Severity.SKIPPED, record_type, record_id, field, message, terms)

    def warning(
        self,
        record_type: str,
        record_id: str | None,
        field: str,
        message: str,
        terms: tuple[str, ...] = (),
    ) -> None:
        """A record kept without the value named by ``field``."""
        self._add(Severity.WARNING, record_type, record_id, field, message, terms)

    def _add(  # noqa: PLR0917 - private; mirrors LoadProblem
        self,
        severity: Severity,
        record_type: str,
        record_id: str | None,
        field: str,
        message: str,
        terms: tuple[str, ...],
    ) -> None:
        self.report.add(
            LoadProblem(
                severity,
                record_type,
                record_id,
                field,
                message,
                self.source,
                terms,
                self.service_id,
            )
        )
