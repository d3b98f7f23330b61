"""Languages in FHIR: one way to spell a BCP-47 coding wherever a language travels."""

from typing import Any, Final

#: The code system of BCP-47 language tags (IETF), as FHIR names it.
BCP47_SYSTEM: Final = "urn:ietf:bcp:47"


def language_coding(tag: str, display: str | None = None) -> dict[str, Any]:
    """A Coding for the BCP-47 language ``tag`` (``display`` only where it adds a name)."""
    coding: dict[str, Any] = {"system": BCP47_SYSTEM, "code": tag}
    if display:
        coding["display"] = display
    return coding


def language_concept(tag: str) -> dict[str, Any]:
    """A CodeableConcept holding one BCP-47 coding, as ``Patient.communication.language``."""
    return {"coding": [language_coding(tag)]}
