"""A loaded directory: services by id, in a stable order, with the report of their load."""

from collections.abc import Iterable, Iterator, Mapping
from types import MappingProxyType

from commcare_ext.directory.model import Organization, Service
from commcare_ext.directory.report import LoadProblem, Severity


class Directory:
    """Services in the order they were read, looked up by id.

    Ids are unique: :meth:`of` keeps the first of two services with the same id and returns a
    problem for the other, so a caller never matches against a record it cannot name.
    """

    __slots__ = ("_by_id", "_services")

    def __init__(self, services: Iterable[Service] = ()) -> None:
        kept, problems = _unique(services)
        if problems:
            msg = f"duplicate service ids: {sorted({p.record_id or '' for p in problems})}"
            raise ValueError(msg)
        self._services: tuple[Service, ...] = tuple(kept)
        self._by_id: Mapping[str, Service] = MappingProxyType({s.id: s for s in kept})

    @classmethod
    def of(
        cls, services: Iterable[Service], *, source: str | None = None
    ) -> tuple["Directory", list[LoadProblem]]:
        """A directory of ``services``, skipping (and reporting) repeated ids."""
        kept, problems = _unique(services, source)
        return cls(kept), problems

    @property
    def services(self) -> tuple[Service, ...]:
        """Every service, in the order read."""
        return self._services

    def __len__(self) -> int:
        return len(self._services)

    def __iter__(self) -> Iterator[Service]:
        return iter(self._services)

    def __contains__(self, service_id: object) -> bool:
        return service_id in self._by_id

    def __getitem__(self, service_id: str) -> Service:
        return self._by_id[service_id]

    def get(self, service_id: str) -> Service | None:
        """The service with ``service_id``, or None."""
        return self._by_id.get(service_id)

    @property
    def organizations(self) -> tuple[Organization, ...]:
        """The organisations running the services, each once, in first-seen order."""
        seen: dict[str, Organization] = {}
        for service in self._services:
            seen.setdefault(service.organization.id, service.organization)
        return tuple(seen.values())

    def merged_with(self, other: "Directory") -> tuple["Directory", list[LoadProblem]]:
        """One directory of both; a service of ``other`` whose id is taken is reported."""
        return Directory.of((*self._services, *other._services))

    def __repr__(self) -> str:
        return f"Directory(<{len(self._services)} services>)"


def _unique(
    services: Iterable[Service], source: str | None = None
) -> tuple[list[Service], list[LoadProblem]]:
    kept: list[Service] = []
    seen: set[str] = set()
    problems: list[LoadProblem] = []
    for service in services:
        if service.id in seen:
            problems.append(
                LoadProblem(
                    Severity.SKIPPED,
                    "service",
                    service.id,
                    "id",
                    "another service already has this id; the first one is kept",
                    source,
                )
            )
            continue
        seen.add(service.id)
        kept.append(service)
    return kept, problems
