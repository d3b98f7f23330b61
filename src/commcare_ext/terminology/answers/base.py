"""Shared parts of the answer tables: a question's answer set and the helpers that build one.

The intake enums (``commcare_ext.intake.vocabulary``) hold only codes; an answer set gives
each member the system it belongs to and the English words a patient sees (other
languages: the catalogues). Wording is ours.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from enum import StrEnum

from commcare_ext.errors import CommcareError
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.systems import COMMCARE_CODESYSTEM, V3_ROLE_CODE


class UnknownAnswerError(CommcareError, LookupError):
    """A value is not a member of the answer set (or enum) it was looked up in."""


@dataclass(frozen=True, slots=True)
class AnswerSet:
    """The answers of one question, published as a ValueSet with this ``id``."""

    id: str
    title: str
    description: str
    answers: Mapping[StrEnum, Answer]

    @property
    def title_context(self) -> str:
        """The catalogue context of the title (``valueset:<id>``)."""
        return f"valueset:{self.id}"

    def answer(self, member: StrEnum) -> Answer:
        """Return the answer concept for an enum member of this set."""
        try:
            return self.answers[member]
        except KeyError:
            msg = f"not an answer of ValueSet '{self.id}'"
            raise UnknownAnswerError(msg) from None

    def member_for(self, system: str | None, code: str) -> StrEnum | None:
        """Find the enum member for a coding, or None when it is outside this set."""
        for member, answer in self.answers.items():
            if answer.code.code == code and (system is None or answer.code.system == system):
                return member
        return None


def local_answer(code: str, display: str, definition: str) -> Answer:
    """An answer coded in our own CodeSystem (it publishes ``definition``)."""
    return Answer(Code(COMMCARE_CODESYSTEM, code, display), definition)


def role_answer(code: str, display: str, definition: str) -> Answer:
    """An answer coded in HL7 v3 RoleCode (``display`` is v3's own)."""
    return Answer(Code(V3_ROLE_CODE, code, display), definition)


def answer_set(
    enum: type[StrEnum],
    id_: str,
    title: str,
    description: str,
    rows: Mapping[StrEnum, tuple[str, str]],
) -> AnswerSet:
    """Build a local-code answer set; every enum member must have a row."""
    missing = [m for m in enum if m not in rows]
    if missing:
        msg = f"answer set {id_} lacks rows for {missing}"
        raise ValueError(msg)
    answers = {m: local_answer(m.value, *rows[m]) for m in enum}
    return AnswerSet(id_, title, description, answers)
