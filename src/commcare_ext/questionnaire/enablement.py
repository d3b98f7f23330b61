"""Evaluate ``enableWhen`` the way the SDC renderers do, over answers in scope.

A question may depend on a question in its own group instance or in an ancestor group;
a repeating group's instances each see only their own answers.
"""

from collections.abc import Mapping, Sequence

from commcare_ext.questionnaire.spec import Item, When
from commcare_ext.terminology.code import Code


class Scope:
    """Answers (FHIR answer JSON, as received) by linkId, chained to the enclosing group's scope."""

    def __init__(self, parent: "Scope | None" = None) -> None:
        self.parent = parent
        self.answers: dict[str, list[object]] = {}

    def child(self) -> "Scope":
        """A scope for a nested group instance."""
        return Scope(self)

    def set(self, link_id: str, answers: Sequence[object]) -> None:
        """Record the answers given to ``link_id`` in this scope."""
        self.answers[link_id] = list(answers)

    def get(self, link_id: str) -> list[object]:
        """Answers to ``link_id`` in the nearest scope that has it."""
        scope: Scope | None = self
        while scope is not None:
            if link_id in scope.answers:
                return scope.answers[link_id]
            scope = scope.parent
        return []


def _matches(answer: object, expected: bool | Code) -> bool:
    # Answers come from outside: anything that is not an answer object matches nothing
    # (the reader reports it at its own linkId).
    if not isinstance(answer, Mapping):
        return False
    if isinstance(expected, Code):
        coding = answer.get("valueCoding")
        return (
            isinstance(coding, Mapping)
            and coding.get("code") == expected.code
            and coding.get("system") == expected.system
        )
    return answer.get("valueBoolean") is expected


def condition_holds(when: When, scope: Scope) -> bool:
    """One enableWhen condition against the answers in scope."""
    answers = scope.get(when.question)
    if when.operator == "exists":
        return bool(answers) is when.answer
    if when.operator == "=":
        return any(_matches(a, when.answer) for a in answers)
    return bool(answers) and not any(_matches(a, when.answer) for a in answers)


def is_enabled(item: Item, scope: Scope) -> bool:
    """Whether ``item`` is enabled given the answers in scope."""
    if not item.enable_when:
        return True
    results = (condition_holds(when, scope) for when in item.enable_when)
    return all(results) if item.enable_behavior == "all" else any(results)
