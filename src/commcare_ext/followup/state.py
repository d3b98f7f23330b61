"""A referral Task read into a typed value: status, reasons, outputs and the clinic's review.

Reading never stops at the first problem and never drops data: every output is kept (typed
when we know its shape, as ``OTHER`` with its element name when we do not), and every
problem is reported with its FHIR path in one :class:`ReferralTaskError`.
"""

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any

from commcare_ext.followup.errors import Problem, ReferralTaskError
from commcare_ext.followup.lifecycle import TaskStatus
from commcare_ext.followup.values import (
    Concept,
    parse_datetime,
    read_concept,
    reference_of,
    reference_type,
)
from commcare_ext.terminology.followup import (
    HELD_FROM_EXTENSION,
    OUTCOME_REVIEW_EXTENSION,
    RESULTING_ACTIVITY,
)
from commcare_ext.terminology.standard import FULFILL


class OutcomeKind(StrEnum):
    """What a ``Task.output`` holds."""

    PROCEDURE = "procedure"  # a Procedure the recipient performed (SDOHCC PerformedActivity)
    OBSERVATION = "observation"  # an Observation the recipient reports
    REFERENCE = "reference"  # a reference to some other resource
    ACTIVITY_CODE = "activity-code"  # a code for the activity, without a resource
    OTHER = "other"  # another value type, kept by element name


@dataclass(frozen=True, slots=True)
class TaskOutput:
    """One ``Task.output``: its type, and the reference or code it carries."""

    kind: OutcomeKind
    type: Concept
    element: str
    reference: str | None = None
    concept: Concept | None = None

    @property
    def resulting_activity(self) -> bool:
        """Whether the output is typed SDOHCC ``resulting-activity`` (what was done)."""
        return self.type.has(RESULTING_ACTIVITY)


@dataclass(frozen=True, slots=True)
class OutcomeReview:
    """The clinic's record that it reviewed the outcome reported in ``status``."""

    reviewed: datetime
    status: TaskStatus
    outputs: frozenset[str] = frozenset()
    reviewer: str | None = None


@dataclass(frozen=True, slots=True)
class ReferralState:
    """Where one referral stands, as its Task says."""

    task: str
    version_id: str | None
    status: TaskStatus
    focus: str
    authored_on: datetime
    business_status: Concept | None = None
    status_reason: Concept | None = None
    patient: str | None = None
    requester: str | None = None
    owner: str | None = None
    last_modified: datetime | None = None
    last_updated: datetime | None = None
    outputs: tuple[TaskOutput, ...] = ()
    reviews: tuple[OutcomeReview, ...] = ()
    held_from: TaskStatus | None = None
    identifiers: tuple[str, ...] = ()

    @property
    def last_change(self) -> datetime:
        """When it last moved: ``lastModified``, else ``meta.lastUpdated``, else ``authoredOn``."""
        return self.last_modified or self.last_updated or self.authored_on

    @property
    def output_references(self) -> frozenset[str]:
        """The references of every output that points at a resource."""
        return frozenset(o.reference for o in self.outputs if o.reference)

    @property
    def outcome_reviewed(self) -> bool:
        """True when a review covers the current status and every output reported so far."""
        return any(
            review.status is self.status and self.output_references <= review.outputs
            for review in self.reviews
        )


def parse_referral_task(task: Mapping[str, Any]) -> ReferralState:
    """Read a referral Task (code ``fulfill``, focus a ServiceRequest) into a ReferralState."""
    problems: list[Problem] = []
    if task.get("resourceType") != "Task":
        raise ReferralTaskError([Problem("resourceType", "expected 'Task'")])
    task_id = task.get("id")
    if not isinstance(task_id, str) or not task_id:
        problems.append(Problem("Task.id", "expected the server's id"))
    status = _status(task.get("status"), "Task.status", problems)
    code = read_concept(task.get("code"))
    if code is None or not code.has(FULFILL):
        problems.append(Problem("Task.code", "expected task-code#fulfill (a referral Task)"))
    focus = reference_of(task.get("focus"))
    if focus is None or reference_type(focus) != "ServiceRequest":
        problems.append(Problem("Task.focus", "expected a reference to the ServiceRequest"))
    authored = parse_datetime(task.get("authoredOn"))
    if authored is None:
        problems.append(Problem("Task.authoredOn", "expected a dateTime with a time zone"))
    last_modified = _optional_time(task, "lastModified", "Task.lastModified", problems)
    meta = task.get("meta") if isinstance(task.get("meta"), Mapping) else {}
    assert isinstance(meta, Mapping)  # noqa: S101 - narrowed above
    last_updated = _optional_time(meta, "lastUpdated", "Task.meta.lastUpdated", problems)
    outputs = tuple(
        _output(index, node, problems) for index, node in enumerate(task.get("output", []))
    )
    reviews, held_from = _extensions(task.get("extension", []), problems)
    if problems or status is None or authored is None or focus is None:
        raise ReferralTaskError(problems)
    version = meta.get("versionId")
    return ReferralState(
        task=f"Task/{task_id}",
        version_id=version if isinstance(version, str) else None,
        status=status,
        focus=focus,
        authored_on=authored,
        business_status=read_concept(task.get("businessStatus")),
        status_reason=read_concept(task.get("statusReason")),
        patient=reference_of(task.get("for")),
        requester=reference_of(task.get("requester")),
        owner=reference_of(task.get("owner")),
        last_modified=last_modified,
        last_updated=last_updated,
        outputs=outputs,
        reviews=reviews,
        held_from=held_from,
        identifiers=tuple(
            f"{i.get('system', '')}|{i.get('value', '')}"
            for i in task.get("identifier", [])
            if isinstance(i, Mapping) and i.get("value")
        ),
    )


def _status(value: object, path: str, problems: list[Problem]) -> TaskStatus | None:
    try:
        return TaskStatus(str(value))
    except ValueError:
        problems.append(Problem(path, "expected a task-status code (requested, accepted, ...)"))
        return None


def _optional_time(
    node: Mapping[str, Any], key: str, path: str, problems: list[Problem]
) -> datetime | None:
    if key not in node:
        return None
    moment = parse_datetime(node[key])
    if moment is None:
        problems.append(Problem(path, "expected a FHIR dateTime with a time zone"))
    return moment


def _output(index: int, node: object, problems: list[Problem]) -> TaskOutput:
    path = f"Task.output[{index}]"
    if not isinstance(node, Mapping):
        problems.append(Problem(path, "expected an object"))
        return TaskOutput(OutcomeKind.OTHER, Concept(), "")
    kind_type = read_concept(node.get("type"))
    if kind_type is None:
        problems.append(Problem(f"{path}.type", "expected a CodeableConcept"))
        kind_type = Concept()
    values = [key for key in node if key.startswith("value")]
    if len(values) != 1:
        problems.append(Problem(path, "expected exactly one value[x]"))
        return TaskOutput(OutcomeKind.OTHER, kind_type, ",".join(values))
    element = values[0]
    if element == "valueReference":
        reference = reference_of(node[element])
        if reference is None:
            problems.append(Problem(f"{path}.valueReference", "expected a literal reference"))
            return TaskOutput(OutcomeKind.OTHER, kind_type, element)
        kind = {"Procedure": OutcomeKind.PROCEDURE, "Observation": OutcomeKind.OBSERVATION}.get(
            reference_type(reference) or "", OutcomeKind.REFERENCE
        )
        return TaskOutput(kind, kind_type, element, reference=reference)
    if element == "valueCodeableConcept":
        return TaskOutput(
            OutcomeKind.ACTIVITY_CODE, kind_type, element, concept=read_concept(node[element])
        )
    return TaskOutput(OutcomeKind.OTHER, kind_type, element)


def _extensions(
    nodes: object, problems: list[Problem]
) -> tuple[tuple[OutcomeReview, ...], TaskStatus | None]:
    reviews: list[OutcomeReview] = []
    held_from: TaskStatus | None = None
    for index, node in enumerate(nodes if isinstance(nodes, list) else []):
        path = f"Task.extension[{index}]"
        if not isinstance(node, Mapping):
            continue
        if node.get("url") == HELD_FROM_EXTENSION:
            held_from = _status(node.get("valueCode"), f"{path}.valueCode", problems)
        elif node.get("url") == OUTCOME_REVIEW_EXTENSION:
            review = _review(node, path, problems)
            if review is not None:
                reviews.append(review)
    return tuple(reviews), held_from


def _review(node: Mapping[str, Any], path: str, problems: list[Problem]) -> OutcomeReview | None:
    parts: dict[str, list[Mapping[str, Any]]] = {}
    for part in node.get("extension", []):
        if isinstance(part, Mapping):
            parts.setdefault(str(part.get("url")), []).append(part)

    def first(name: str) -> Mapping[str, Any]:
        return parts.get(name, [{}])[0]

    reviewed = parse_datetime(first("reviewed").get("valueDateTime"))
    if reviewed is None:
        problems.append(Problem(f"{path}.extension:reviewed", "expected a dateTime"))
    status = _status(first("status").get("valueCode"), f"{path}.extension:status", problems)
    outputs = frozenset(
        r for r in (reference_of(p.get("valueReference")) for p in parts.get("output", [])) if r
    )
    reviewer = reference_of(first("reviewer").get("valueReference"))
    if reviewed is None or status is None:
        return None
    return OutcomeReview(reviewed, status, outputs, reviewer)
