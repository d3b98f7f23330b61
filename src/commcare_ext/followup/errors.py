"""The follow-up exception tree. Messages name fields, statuses and versions, never patient text.

FollowupError
├── ReferralTaskError         a Task cannot be read as a referral (``problems``: path + message)
├── TransitionNotAllowed      the lifecycle forbids this change from the current status
├── ReferralConflict          412: the Task changed since it was read (``reference``, ``version``)
├── FollowUpResponseError     a follow-up QuestionnaireResponse has problems (``problems``)
├── BaselineError             baseline MOS-SSS Observations cannot be read (``problems``)
└── ReportOptionError         a report option (a duration, a date) is malformed
"""

from dataclasses import dataclass
from typing import Any

from commcare_ext.errors import CommcareError, LocatedProblem, split_path


@dataclass(frozen=True, slots=True)
class Problem(LocatedProblem):
    """One problem in a resource: where (a FHIR path or linkId path) and what was expected.

    As a :class:`LocatedProblem`: ``loc`` is the path, ``type`` is ``kind`` (``invalid``
    unless said), ``msg`` the message.
    """

    path: str
    message: str
    kind: str = "invalid"

    @property
    def loc(self) -> tuple[str | int, ...]:
        """The path as keys and indexes (FHIR paths split on '.', linkId paths on '/')."""
        return split_path(self.path, "/" if "/" in self.path else ".")

    @property
    def type(self) -> str:
        """What kind of problem."""
        return self.kind

    @property
    def msg(self) -> str:
        """What was expected."""
        return self.message

    def __str__(self) -> str:
        return f"{self.path}: {self.message}"


class FollowupError(CommcareError):
    """Base of every error the follow-up package raises."""


class _Problems(FollowupError, ValueError):  # noqa: N818 - private base; subclasses say Error
    """An error listing every problem found, so one pass shows all of them."""

    what = "resource"

    def __init__(self, problems: list[Problem]) -> None:
        self.problems: tuple[Problem, ...] = tuple(problems)
        lines = "\n".join(f"  - {problem}" for problem in self.problems)
        super().__init__(f"{len(self.problems)} problem(s) in the {self.what}:\n{lines}")

    def paths(self) -> list[str]:
        """The path of every problem, in the order found."""
        return [problem.path for problem in self.problems]

    def errors(self) -> list[dict[str, Any]]:
        """Every problem as pydantic's ``ValidationError.errors()`` shapes it."""
        return [problem.as_error() for problem in self.problems]


class ReferralTaskError(_Problems):
    """A Task is not a readable referral Task (SDOHCC Task for referral management)."""

    what = "referral Task"


class BaselineError(_Problems):
    """Baseline MOS-SSS Observations could not be read into a survey."""

    what = "baseline Observations"


class TransitionNotAllowed(FollowupError):  # noqa: N818 - reads as the sentence it reports
    """The referral lifecycle does not allow ``action`` from ``current`` (e.g. cancel completed).

    Raised by the pure change functions, so a retry after a conflict re-decides on the
    fresh state instead of overwriting what the recipient wrote.
    """

    def __init__(self, action: str, current: str, allowed_from: tuple[str, ...]) -> None:
        self.action = action
        self.current = current
        self.allowed_from = allowed_from
        super().__init__(
            f"cannot {action} a referral that is {current}; "
            f"allowed from: {', '.join(allowed_from) or 'none'}"
        )


class ReferralConflict(FollowupError):  # noqa: N818 - the name the client merge expects
    """HTTP 412: the Task changed on the server after ``version`` was read; re-read and retry.

    On merge this becomes (or subclasses) the client's ``VersionConflict``.
    """

    def __init__(self, reference: str, version: str | None) -> None:
        self.reference = reference
        self.version = version
        super().__init__(f"{reference} changed since version {version or '?'} was read")


class FollowUpResponseError(_Problems):
    """A follow-up QuestionnaireResponse could not be read; lists every problem found."""

    what = "follow-up QuestionnaireResponse"


class ReportOptionError(FollowupError, ValueError):
    """A report option is malformed (the message says which option and the expected form)."""
