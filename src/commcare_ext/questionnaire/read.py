"""Read a QuestionnaireResponse from any renderer into an :class:`~commcare_ext.intake.Intake`.

Reading never stops at the first problem and never drops an answer: every unknown
linkId, wrong type, off-list code, missing required answer or model rule broken is
collected in one pass with its linkId path, and one :class:`IntakeResponseError` lists
them all. Input is untrusted JSON: whatever its shape, the only exception that leaves is
``IntakeResponseError``.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from pydantic import ValidationError

from commcare_ext.intake import Intake
from commcare_ext.primitives import FULL_DATE_TIME_RE
from commcare_ext.questionnaire.build import QUESTIONNAIRE_URLS
from commcare_ext.questionnaire.codecs import AnswerProblem
from commcare_ext.questionnaire.enablement import Scope, is_enabled
from commcare_ext.questionnaire.errors import IntakeResponseError, ProblemKind, ResponseProblem
from commcare_ext.questionnaire.form import FORM
from commcare_ext.questionnaire.identifiers import INTAKE_IDENTIFIER_SYSTEM
from commcare_ext.questionnaire.spec import Item
from commcare_ext.questionnaire.wording import read_response_wording
from commcare_ext.terminology.systems import CONTENT_VERSION

_ACCEPTED_URLS = tuple(QUESTIONNAIRE_URLS.values())
_READABLE_STATUSES = ("completed", "amended")
#: FHIR dateTime down to the second, with its time zone (the intake needs an instant).
_DATE_TIME = FULL_DATE_TIME_RE
_FIELD_PREFIX = re.compile(r"^([a-z_]+)(?:, [a-z_]+)*: ")

Loc = tuple[str | int, ...]


@dataclass(frozen=True, slots=True)
class _At:
    """Where the reader is: model location, linkId path, and the enableWhen scope."""

    loc: Loc
    path: str
    scope: Scope


def response_to_intake(
    response: object,
    *,
    intake_id: str | None = None,
    patient_identifier: tuple[str, str] | None = None,
    allow_in_progress: bool = False,
) -> Intake:
    """Read ``response`` (QuestionnaireResponse JSON, as parsed) into a validated intake.

    Renderers often omit ``identifier`` and ``subject``; pass ``intake_id`` and
    ``patient_identifier`` (system, value) to supply them. Values in the response win
    only when they agree; a conflict is reported, never silently resolved.

    Raises:
        IntakeResponseError: listing every problem with its linkId path, for any input
            (including JSON that is not an object at all).

    """
    reader = _Reader()
    if not isinstance(response, Mapping):
        reader.problem(
            "QuestionnaireResponse", ProblemKind.WRONG_RESOURCE, "expected a JSON object"
        )
        raise IntakeResponseError(reader.problems)
    data = reader.header(response, intake_id, patient_identifier, allow_in_progress)
    items = response.get("item", [])
    if not isinstance(items, list):
        reader.problem(
            "QuestionnaireResponse.item", ProblemKind.WRONG_ANSWER_TYPE, "expected a list"
        )
        items = []
    reader.items(FORM.items, items, data, _At((), "", Scope()))
    read_response_wording(items, data)
    # The model's rules run even when answers had problems, so one error lists everything.
    intake = reader.validate(data)
    if intake is None or reader.problems:
        raise IntakeResponseError(reader.problems)
    return intake


class _Reader:
    def __init__(self) -> None:
        self.problems: list[ResponseProblem] = []
        # model location -> linkId path, to translate pydantic errors into form terms
        self.locations: dict[Loc, str] = {}

    def problem(self, path: str, kind: ProblemKind, message: str) -> None:
        self.problems.append(ResponseProblem(path, kind, message))

    # -- header ---------------------------------------------------------------------------

    def header(
        self,
        response: Mapping[str, Any],
        intake_id: str | None,
        patient_identifier: tuple[str, str] | None,
        allow_in_progress: bool,
    ) -> dict[str, Any]:
        if response.get("resourceType") != "QuestionnaireResponse":
            self.problem(
                "resourceType", ProblemKind.WRONG_RESOURCE, "expected a QuestionnaireResponse"
            )
        self._check_questionnaire(response.get("questionnaire"))
        status = response.get("status")
        allowed = (*_READABLE_STATUSES, "in-progress") if allow_in_progress else _READABLE_STATUSES
        if status not in allowed:
            self.problem(
                "QuestionnaireResponse.status",
                ProblemKind.WRONG_STATUS,
                f"expected status {' or '.join(allowed)}",
            )
        data: dict[str, Any] = {"patient": {}}
        self.locations[("intake_id",)] = "QuestionnaireResponse.identifier"
        self.locations[("authored",)] = "QuestionnaireResponse.authored"
        self.locations[("patient", "identifier_system")] = "QuestionnaireResponse.subject"
        self.locations[("patient", "identifier_value")] = "QuestionnaireResponse.subject"
        data["intake_id"] = self._intake_id(response.get("identifier"), intake_id)
        system_value = self._patient(response.get("subject"), patient_identifier)
        if system_value is not None:
            data["patient"]["identifier_system"], data["patient"]["identifier_value"] = system_value
        data["authored"] = self._authored(response.get("authored"))
        return data

    def _authored(self, authored: object) -> str | None:
        where = "QuestionnaireResponse.authored"
        if authored is None:
            self.problem(
                where,
                ProblemKind.MISSING_CONTEXT,
                "expected the date and time the answers were given",
            )
            return None
        if not isinstance(authored, str) or not _DATE_TIME.match(authored):
            # A number is not a dateTime (it would read as seconds since 1970).
            self.problem(
                where,
                ProblemKind.INVALID_VALUE,
                "expected a dateTime with seconds and a time zone, e.g. 2026-03-01T14:30:00-05:00",
            )
            return None
        return authored

    def _check_questionnaire(self, canonical: object) -> None:
        where = "QuestionnaireResponse.questionnaire"
        if not isinstance(canonical, str):
            self.problem(where, ProblemKind.WRONG_QUESTIONNAIRE, f"expected {_ACCEPTED_URLS[0]}")
            return
        url, _, version = canonical.partition("|")
        if url not in _ACCEPTED_URLS:
            self.problem(
                where,
                ProblemKind.WRONG_QUESTIONNAIRE,
                f"expected a response to {_ACCEPTED_URLS[0]} (or one of its language variants)",
            )
        elif version and version != CONTENT_VERSION:
            self.problem(
                where,
                ProblemKind.WRONG_QUESTIONNAIRE,
                f"expected version {CONTENT_VERSION} of the intake Questionnaire",
            )

    def _intake_id(self, identifier: object, given: str | None) -> str | None:
        where = "QuestionnaireResponse.identifier"
        found: str | None = None
        if isinstance(identifier, Mapping):
            if identifier.get("system") == INTAKE_IDENTIFIER_SYSTEM and isinstance(
                identifier.get("value"), str
            ):
                found = identifier["value"]
            else:
                self.problem(
                    where,
                    ProblemKind.MISSING_CONTEXT,
                    f"expected an identifier with system {INTAKE_IDENTIFIER_SYSTEM}",
                )
        if found is not None and given is not None and found != given:
            self.problem(
                where, ProblemKind.MISSING_CONTEXT, "conflicts with the intake_id passed in"
            )
        value = found or given
        if value is None and identifier is None:
            self.problem(
                where,
                ProblemKind.MISSING_CONTEXT,
                "missing: put it in the response or pass intake_id",
            )
        return value

    def _patient(self, subject: object, given: tuple[str, str] | None) -> tuple[str, str] | None:
        where = "QuestionnaireResponse.subject"
        found: tuple[str, str] | None = None
        if isinstance(subject, Mapping):
            identifier = subject.get("identifier")
            if (
                isinstance(identifier, Mapping)
                and isinstance(identifier.get("system"), str)
                and isinstance(identifier.get("value"), str)
            ):
                found = (identifier["system"], identifier["value"])
            elif given is None:
                self.problem(
                    where,
                    ProblemKind.MISSING_CONTEXT,
                    "expected subject.identifier (system and value) or patient_identifier",
                )
                return None
        if found is not None and given is not None and found != given:
            self.problem(
                where,
                ProblemKind.MISSING_CONTEXT,
                "conflicts with the patient_identifier passed in",
            )
        value = found or given
        if value is None and subject is None:
            self.problem(
                where,
                ProblemKind.MISSING_CONTEXT,
                "missing: put subject.identifier in the response or pass patient_identifier",
            )
        return value

    # -- items ----------------------------------------------------------------------------

    def items(
        self, specs: Sequence[Item], given: Sequence[Any], target: dict[Any, Any], at: _At
    ) -> None:
        path, scope = at.path, at.scope
        by_link_id = {spec.link_id: spec for spec in specs}
        occurrences: dict[str, list[Mapping[str, Any]]] = {spec.link_id: [] for spec in specs}
        for index, raw in enumerate(given):
            if (
                not isinstance(raw, Mapping)
                or not isinstance(raw.get("linkId"), str)
                or not raw["linkId"]
            ):
                self.problem(
                    _join(path, f"item[{index}]"),
                    ProblemKind.UNKNOWN_LINK_ID,
                    "expected an item with a linkId",
                )
                continue
            link_id = raw["linkId"]
            if link_id not in by_link_id:
                self.problem(
                    _join(path, link_id),
                    ProblemKind.UNKNOWN_LINK_ID,
                    "this linkId is not in the intake Questionnaire at this level",
                )
                continue
            occurrences[link_id].append(raw)
        # Record every question's answers first: enableWhen may look at a later sibling.
        for spec in specs:
            if not spec.is_group and not spec.display:
                scope.set(
                    spec.link_id,
                    [a for o in occurrences[spec.link_id] for a in _answers(o)],
                )
        for spec in specs:
            found = occurrences[spec.link_id]
            here = _At(at.loc, _join(path, spec.link_id), scope)
            if spec.display:
                if any(_answers(o) for o in found):
                    self.problem(
                        here.path, ProblemKind.WRONG_ANSWER_TYPE, "a display item takes no answer"
                    )
            elif spec.is_group:
                self._group(spec, found, target, here)
            else:
                self._question(spec, found, target, here)

    def _group(
        self, spec: Item, found: list[Mapping[str, Any]], target: dict[Any, Any], at: _At
    ) -> None:
        loc, here, scope = at.loc, at.path, at.scope
        for occurrence in found:
            if occurrence.get("answer"):
                self.problem(here, ProblemKind.WRONG_ANSWER_TYPE, "a group takes no answer")
        if spec.repeats:
            instances: list[dict[Any, Any]] = []
            for index, occurrence in enumerate(found):
                child: dict[Any, Any] = {}
                child_loc = (*loc, *spec.path, index)
                child_path = f"{here}[{index + 1}]"
                self.locations[child_loc] = child_path
                self.items(
                    spec.children,
                    _children(occurrence),
                    child,
                    _At(child_loc, child_path, scope.child()),
                )
                instances.append(child)
            if instances:
                _put(target, spec.path, instances)
            return
        if len(found) > 1:
            self.problem(here, ProblemKind.DUPLICATE_ITEM, "this group may appear only once")
        children = _children(found[0]) if found else []
        if not spec.path:
            self.items(spec.children, children, target, at)
            return
        child_target: dict[Any, Any] = {}
        child_loc = (*loc, *spec.path)
        self.locations[child_loc] = here
        self.items(spec.children, children, child_target, _At(child_loc, here, scope.child()))
        if child_target or found:
            if spec.variant is not None:
                child_target[spec.variant[0]] = spec.variant[1]
            _merge(target, spec.path, child_target)

    def _question(
        self, spec: Item, found: list[Mapping[str, Any]], target: dict[Any, Any], at: _At
    ) -> None:
        loc, here, scope = at.loc, at.path, at.scope
        assert spec.codec is not None  # noqa: S101 - questions always have a codec
        self.locations[(*loc, *spec.path)] = here
        if len(found) > 1:
            self.problem(here, ProblemKind.DUPLICATE_ITEM, "this question may appear only once")
        answers = [a for o in found for a in _answers(o)]
        for occurrence in found:
            if occurrence.get("item"):
                self.problem(
                    here, ProblemKind.UNEXPECTED_NESTING, "this question has no nested items"
                )
        enabled = is_enabled(spec, scope)
        if not enabled:
            if answers:
                self.problem(
                    here,
                    ProblemKind.INVALID_VALUE,
                    "answered although its enableWhen conditions are not met",
                )
            return
        if not answers:
            if spec.required:
                self.problem(here, ProblemKind.REQUIRED, "an answer is required")
            return
        if not spec.repeats and len(answers) > 1:
            self.problem(here, ProblemKind.TOO_MANY_ANSWERS, "expected a single answer")
            return
        values = []
        for index, answer in enumerate(answers):
            where = here if len(answers) == 1 else f"{here}.answer[{index}]"
            if not isinstance(answer, Mapping):
                self.problem(where, ProblemKind.WRONG_ANSWER_TYPE, "expected an answer object")
                continue
            if answer.get("item"):
                self.problem(
                    where, ProblemKind.UNEXPECTED_NESTING, "answers here take no nested items"
                )
            try:
                values.append(spec.codec.decode(answer))
            except AnswerProblem as problem:
                self.problem(where, problem.kind, problem.message)
        _put(target, spec.path, values if spec.repeats else (values[0] if values else None))

    # -- model validation -----------------------------------------------------------------

    def validate(self, data: dict[str, Any]) -> Intake | None:
        """The intake, or ``None`` with the model's problems added (except where known)."""
        try:
            return Intake.model_validate(data)
        except ValidationError as exc:
            self.validation_problems(exc)
            return None

    def validation_problems(self, exc: ValidationError) -> None:
        """Add the model's problems at their linkIds, skipping places already reported.

        A place already reported (an answer of the wrong type, a missing required answer)
        also fails the model, for the same reason: saying so twice would not help.
        """
        reported = {problem.path for problem in self.problems}
        for error in exc.errors(include_input=False, include_url=False):
            loc: Loc = tuple(error["loc"])
            message = str(error["msg"]).removeprefix("Value error, ")
            path = self._path_for(self._field_loc(loc, message))
            if path in reported:
                continue
            if error["type"] == "missing":
                self.problem(path, ProblemKind.REQUIRED, "an answer is required")
            else:
                self.problem(path, ProblemKind.INVALID_VALUE, message)

    def _field_loc(self, loc: Loc, message: str) -> Loc:
        """A section rule's message starts with the field it is about: locate it there."""
        named = _FIELD_PREFIX.match(message)
        if named is not None and (*loc, named.group(1)) in self.locations:
            return (*loc, named.group(1))
        return loc

    def _path_for(self, loc: Loc) -> str:
        for end in range(len(loc), 0, -1):
            found = self.locations.get(loc[:end])
            if found is not None:
                rest = ".".join(str(part) for part in loc[end:])
                return f"{found} ({rest})" if rest else found
        return ".".join(str(part) for part in loc) or "QuestionnaireResponse"


def _join(path: str, link_id: str) -> str:
    return f"{path}/{link_id}" if path else link_id


def _answers(occurrence: Mapping[str, Any]) -> list[Any]:
    answers = occurrence.get("answer", [])
    return answers if isinstance(answers, list) else [answers]


def _children(occurrence: Mapping[str, Any]) -> list[Any]:
    children = occurrence.get("item", [])
    return children if isinstance(children, list) else [children]


def _put(target: dict[Any, Any], path: tuple[str | int, ...], value: Any) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target[path[-1]] = value


def _merge(target: dict[Any, Any], path: tuple[str | int, ...], value: dict[Any, Any]) -> None:
    for part in path[:-1]:
        target = target.setdefault(part, {})
    target.setdefault(path[-1], {}).update(value)
