"""Typed errors of the form layer: every problem reading a response, each with its linkId path.

CommcareError
 ├── IntakeResponseError        a QuestionnaireResponse could not be read (lists problems)
 ├── UnrepresentableIntakeError an intake holds a value its form would not show
 └── UnsupportedLanguageError   the form is not published in the language asked for
                                (defined in ``terminology.languages``, re-exported here)
"""

from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from commcare_ext.errors import CommcareError, LocatedProblem, split_path
from commcare_ext.terminology.languages import UnsupportedLanguageError


class ProblemKind(StrEnum):
    """What is wrong with one part of a response."""

    WRONG_RESOURCE = "wrong-resource"
    WRONG_QUESTIONNAIRE = "wrong-questionnaire"
    WRONG_STATUS = "wrong-status"
    MISSING_CONTEXT = "missing-context"
    UNKNOWN_LINK_ID = "unknown-link-id"
    DUPLICATE_ITEM = "duplicate-item"
    TOO_MANY_ANSWERS = "too-many-answers"
    WRONG_ANSWER_TYPE = "wrong-answer-type"
    NOT_IN_VALUE_SET = "not-in-value-set"
    REQUIRED = "required"
    INVALID_VALUE = "invalid-value"
    UNEXPECTED_NESTING = "unexpected-nesting"


@dataclass(frozen=True, slots=True)
class ResponseProblem(LocatedProblem):
    """One problem: where (a ``/``-separated linkId path), what kind, and what was expected.

    ``message`` describes the expectation and never repeats the patient's answer. As a
    :class:`LocatedProblem`: ``loc`` is the linkId path, ``type`` the kind, ``msg`` the message.
    """

    path: str
    kind: ProblemKind
    message: str

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The linkId path as keys and indexes."""
        return split_path(self.path)

    @property
    def type(self) -> str:
        """The :class:`ProblemKind` value."""
        return self.kind.value

    @property
    def msg(self) -> str:
        """What was expected."""
        return self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message} [{self.kind}]"


class IntakeResponseError(CommcareError, ValueError):
    """A QuestionnaireResponse could not be read into an intake; lists every problem found."""

    def __init__(self, problems: list[ResponseProblem]) -> None:
        self.problems: tuple[ResponseProblem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the QuestionnaireResponse:\n{lines}")

    def paths(self) -> list[str]:
        """The linkId paths of every problem, in the order found."""
        return [problem.path for problem in self.problems]

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as pydantic's ``ValidationError.errors()`` shapes it."""
        return [problem.as_error() for problem in self.problems]


class UnrepresentableIntakeError(CommcareError, ValueError):
    """An intake holds a value its form cannot show (disabled question, or not an option).

    Only an intake that skipped validation (``model_construct``, ``model_copy(update=...)``)
    can hold one. ``link_id`` names the question; the message never repeats the value.
    """

    def __init__(self, link_id: str, reason: str) -> None:
        self.link_id = link_id
        super().__init__(f"{link_id}: {reason}")


__all__ = [
    "IntakeResponseError",
    "ProblemKind",
    "ResponseProblem",
    "UnrepresentableIntakeError",
    "UnsupportedLanguageError",
]
