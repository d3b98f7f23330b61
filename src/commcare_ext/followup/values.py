"""Small FHIR values the follow-up reads: dateTimes as aware datetimes, CodeableConcepts."""

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime

from commcare_ext.primitives import DATE_TIME_RE
from commcare_ext.terminology.code import Code

_DATETIME = DATE_TIME_RE


def parse_datetime(text: object) -> datetime | None:
    """A FHIR ``dateTime``/``instant`` as an aware datetime, or None when malformed.

    A time always carries its zone in FHIR and keeps it. A partial value (``2026``,
    ``2026-11``, ``2026-11-02``) has none: it is read as the start of that period in UTC,
    the only reading that does not depend on where the reader is.
    """
    if not isinstance(text, str):
        return None
    match = _DATETIME.match(text)
    if match is None:
        return None
    try:
        if match["time"]:
            return datetime.fromisoformat(text.replace("Z", "+00:00"))
        return datetime(
            int(match["year"]), int(match["month"] or 1), int(match["day"] or 1), tzinfo=UTC
        )
    except ValueError:
        return None


@dataclass(frozen=True, slots=True)
class Concept:
    """A CodeableConcept: its codings and text. The repr hides the text (it may be free text)."""

    codings: tuple[Code, ...] = ()
    text: str | None = field(default=None, repr=False)

    @property
    def label(self) -> str:
        """What people read: the text, else the first coding's display, else its code."""
        if self.text:
            return self.text
        for coding in self.codings:
            if coding.display:
                return coding.display
        return self.codings[0].code if self.codings else ""

    def has(self, code: Code) -> bool:
        """Whether one of the codings is ``code`` (same system and code)."""
        return any(c.system == code.system and c.code == code.code for c in self.codings)


def read_concept(node: object) -> Concept | None:
    """A CodeableConcept from JSON, or None when ``node`` is not an object."""
    if not isinstance(node, Mapping):
        return None
    codings = tuple(
        Code(str(c.get("system", "")), str(c.get("code", "")), str(c.get("display", "")))
        for c in node.get("coding", [])
        if isinstance(c, Mapping) and c.get("code")
    )
    text = node.get("text")
    return Concept(codings, text if isinstance(text, str) else None)


def reference_of(node: object) -> str | None:
    """The ``reference`` string of a Reference, or None."""
    if isinstance(node, Mapping) and isinstance(node.get("reference"), str):
        return str(node["reference"])
    return None


def iso(moment: datetime) -> str:
    """An aware datetime as FHIR writes it (seconds precision, offset kept)."""
    return moment.isoformat(timespec="seconds")


def reference_type(reference: str) -> str | None:
    """The resource type a literal reference points at (``Type/id``, absolute, or versioned)."""
    parts = reference.split("/_history", maxsplit=1)[0].split("/")
    return parts[-2] if len(parts) >= 2 else None
