"""A coded concept, and a coded answer a person can pick."""

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


@dataclass(frozen=True, slots=True)
class Answer:
    """One coded answer a person can pick.

    The one answer type: intake choices, the language pick list and the MOS-SSS frequency
    scale all use it. English is the code's own display (the standard's wording, or ours for
    our codes); other languages come from the catalogues
    (:func:`~commcare_ext.terminology.catalogue.code_display`). ``definition`` is required
    only for codes of our CodeSystem, which publishes it.
    """

    code: Code
    definition: str | None = None

    @property
    def display_en(self) -> str:
        """English display: the code's own display."""
        return self.code.display
