"""A coded concept: one code from one code system, FHIR-free until it becomes a Coding."""

from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Code:
    """One concept from one code system.

    Kept FHIR-free so any layer can carry codes without importing FHIR; the extraction
    layer turns it into a ``Coding`` with :meth:`as_coding`.
    """

    system: str
    code: str
    display: str

    def as_coding(self) -> dict[str, str]:
        """Return the FHIR ``Coding`` JSON for this concept."""
        return {"system": self.system, "code": self.code, "display": self.display}
