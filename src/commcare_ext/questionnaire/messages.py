"""Problems a person can act on: each ``ResponseProblem`` as a sentence in the form's language.

``response_to_intake`` stays machine-readable (linkId paths, ``ProblemKind``, English detail
for developers). This module turns each problem into what the person filling the form needs:
which question (its text, never a linkId), in which repeated group instance, and what to do,
in the form's language. Problems that no answer can fix (a response from another form, a
missing time stamp) become one message for the clinic staff, with no question attached.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Final

from commcare_ext.questionnaire.errors import IntakeResponseError, ProblemKind, ResponseProblem
from commcare_ext.questionnaire.form import FORM
from commcare_ext.questionnaire.spec import Item
from commcare_ext.terminology.catalogue import translate
from commcare_ext.terminology.languages import form_language

_SEGMENT = re.compile(r"^(?P<link_id>[A-Za-z0-9.\-]+?)(?:\[(?P<index>\d+)\])?$")
_ANSWER_SUFFIX = re.compile(r"\.answer\[\d+\]$")
_ITEMS: Final[dict[str, Item]] = {item.link_id: item for item in FORM.walk()}

#: What to do, by problem kind (``None``: nothing the person can do; the staff are told).
MESSAGES: Final[dict[str, str]] = {
    "required": "Please answer this question.",
    "choose-from-list": "Please choose one of the answers offered.",
    "only-one": "Please choose only one answer.",
    "check": "Please check this answer.",
    "phone": "Please write a phone number with digits, spaces, +, - or brackets.",
    "email": "Please write an e-mail address such as name@example.org.",
    "date": "Please give a full date (day, month and year) that is not in the future.",
    "not-now": "This answer does not fit your other answers; please check it or remove it.",
    "form": "The form could not be read as sent. Please tell the clinic staff.",
}
_BY_KIND: Final = {
    ProblemKind.REQUIRED: "required",
    ProblemKind.NOT_IN_VALUE_SET: "choose-from-list",
    ProblemKind.WRONG_ANSWER_TYPE: "choose-from-list",
    ProblemKind.TOO_MANY_ANSWERS: "only-one",
    ProblemKind.INVALID_VALUE: "check",
}
_BY_QUESTION: Final = {
    "network.person.phone": "phone",
    "network.person.email": "email",
    "about.birth-date": "date",
}


@dataclass(frozen=True, slots=True)
class ProblemMessage:
    """One problem as the person sees it.

    ``link_id`` and ``instances`` (1-based, one per repeating group on the way, e.g. ``(2,)``
    for the second support person) say where to show it; ``question`` is the question's text
    and ``message`` what to do, both in the form's language. ``link_id`` is ``None`` for a
    problem with the form as a whole.
    """

    link_id: str | None
    instances: tuple[int, ...]
    question: str | None
    message: str
    path: str


def problem_messages(error: IntakeResponseError, language: str) -> list[ProblemMessage]:
    """Every problem of ``error`` as a message in ``language``, in form order, once each.

    Raises:
        UnsupportedLanguageError: ``language`` is not a published language.

    """
    chosen = form_language(language)
    out: list[ProblemMessage] = []
    seen: set[tuple[str | None, tuple[int, ...], str]] = set()
    paths = [problem.path for problem in error.problems]
    for problem in error.problems:
        if any(other.startswith(problem.path + "/") for other in paths):
            continue  # a whole section's problem, already told at its questions
        shown = _message(problem, chosen.value)
        key = (shown.link_id, shown.instances, shown.message)
        if key not in seen:
            seen.add(key)
            out.append(shown)
    order = {link_id: index for index, link_id in enumerate(_ITEMS)}
    return sorted(out, key=lambda m: (m.link_id is not None, order.get(m.link_id or "", -1)))


def _message(problem: ResponseProblem, language: str) -> ProblemMessage:
    parts = list(_segments(problem.path))
    item = _ITEMS.get(parts[-1][0]) if parts else None
    if item is None or item.is_group:
        return ProblemMessage(None, (), None, _say(language, "form"), problem.path)
    instances = tuple(index for link_id, index in parts if _ITEMS[link_id].repeats and index)
    key = _BY_QUESTION.get(item.link_id) if problem.kind is ProblemKind.INVALID_VALUE else None
    if problem.kind is ProblemKind.INVALID_VALUE and "enableWhen" in problem.message:
        key = "not-now"
    key = key or _BY_KIND.get(problem.kind, "form")
    return ProblemMessage(
        item.link_id, instances, item.text_in(language), _say(language, key), problem.path
    )


def _segments(path: str) -> Iterator[tuple[str, int]]:
    for raw in _ANSWER_SUFFIX.sub("", path).split("/"):
        found = _SEGMENT.match(raw)
        if found is None or found["link_id"] not in _ITEMS:
            return
        yield found["link_id"], int(found["index"] or 0)


def _say(language: str, key: str) -> str:
    return translate(language, MESSAGES[key], f"message:{key}")


def message_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every message, for the catalogues."""
    for key, english in MESSAGES.items():
        yield f"message:{key}", english, "Shown next to a question the person must fix"
