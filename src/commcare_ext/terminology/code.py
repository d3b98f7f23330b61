"""A coded concept, and a coded answer a person can pick.

``Code`` itself lives in :mod:`commcare_ext.fhir` so that instruments (below terminology) can
carry their own codes; it is re-exported here, where every other layer has always found it.
"""

from dataclasses import dataclass

from commcare_ext.fhir.code import Code

__all__ = ["Answer", "Code"]


@dataclass(frozen=True, slots=True)
class Answer:
    """One coded answer a person can pick.

    The one answer type: intake choices, the language pick list and every instrument's
    answer scale use it. English is the code's own display (the standard's wording, or ours
    for our codes); other languages come from the catalogues
    (:func:`~commcare_ext.terminology.catalogue.code_display`). ``definition`` is required
    only for codes of our CodeSystem, which publishes it.
    """

    code: Code
    definition: str | None = None

    @property
    def display_en(self) -> str:
        """English display: the code's own display."""
        return self.code.display
