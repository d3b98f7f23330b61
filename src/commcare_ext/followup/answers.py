"""Read a follow-up QuestionnaireResponse into typed answers, or say every problem and where.

Like the intake reader, it never stops at the first problem and never drops an answer: an
answer it cannot place is a problem (with its linkId path such as
``follow-up.referral[1]/follow-up.referral.reached``), never silently ignored. Messages say
what was expected and never repeat what the patient answered.
"""

from collections.abc import Mapping, Sequence
from typing import Any

from pydantic import AwareDatetime, Field, ValidationError

from commcare_ext.followup.errors import FollowUpResponseError, Problem
from commcare_ext.followup.form import (
    CHOICES_BY_LINK_ID,
    HELPFUL,
    OBSTACLES,
    OBSTACLES_DETAIL,
    REACHED,
    REFERRAL_GROUP,
    REQUEST,
    SUPPORT,
    FollowUpObstacle,
    Helpfulness,
    Reached,
    follow_up_url,
    measure_link_ids,
)
from commcare_ext.followup.values import parse_datetime, reference_type
from commcare_ext.instruments import (
    Instrument,
    InstrumentAnswers,
    WordingSource,
)
from commcare_ext.intake import AccessBarrier, PatientText, ShortText
from commcare_ext.phi import PhiSafeModel


class ReferralFeedback(PhiSafeModel):
    """What the patient said about one referral."""

    request: str
    support_name: ShortText | None = None
    reached: Reached
    helpful: Helpfulness | None = None
    obstacles: tuple[FollowUpObstacle | AccessBarrier, ...] = ()
    obstacles_in_own_words: PatientText | None = None


class FollowUpAnswers(PhiSafeModel):
    """A follow-up, read: the feedback on each referral and each instrument's answers.

    ``measures`` maps an instrument id to its answers, as ``Intake.measures`` does.
    """

    authored: AwareDatetime
    subject: str | None = None
    referrals: tuple[ReferralFeedback, ...] = ()
    measures: dict[str, InstrumentAnswers] = Field(default_factory=dict)


def read_follow_up(response: Mapping[str, Any]) -> FollowUpAnswers:
    """Read a completed follow-up QuestionnaireResponse; raise FollowUpResponseError if unsound."""
    reader = _Reader()
    return reader.read(response)


class _Reader:
    def __init__(self) -> None:
        self.problems: list[Problem] = []

    def problem(self, path: str, message: str) -> None:
        self.problems.append(Problem(path, message))

    def read(self, response: Mapping[str, Any]) -> FollowUpAnswers:
        if response.get("resourceType") != "QuestionnaireResponse":
            raise FollowUpResponseError(
                [Problem("resourceType", "expected 'QuestionnaireResponse'")]
            )
        canonical = str(response.get("questionnaire", "")).split("|", maxsplit=1)[0]
        if canonical not in (follow_up_url("en"), follow_up_url("es")):
            self.problem("QuestionnaireResponse.questionnaire", f"expected {follow_up_url('en')}")
        if response.get("status") not in ("completed", "amended"):
            self.problem("QuestionnaireResponse.status", "expected completed or amended")
        authored = parse_datetime(response.get("authored"))
        if authored is None or "T" not in str(response.get("authored")):
            self.problem("QuestionnaireResponse.authored", "expected a dateTime with a time zone")
        subject = (response.get("subject") or {}).get("reference")
        referrals: list[ReferralFeedback] = []
        measures: dict[str, InstrumentAnswers] = {}
        sections = measure_link_ids()
        group_index = 0
        for item in response.get("item", []):
            link_id = str(item.get("linkId"))
            if link_id == REFERRAL_GROUP:
                feedback = self.referral(item, f"{REFERRAL_GROUP}[{group_index}]")
                group_index += 1
                if feedback is not None:
                    referrals.append(feedback)
            elif link_id in sections and sections[link_id].id in measures:
                self.problem(link_id, "expected once")
            elif link_id in sections:
                given = self.measure(item, sections[link_id])
                if given is not None:
                    measures[sections[link_id].id] = given
            else:
                self.problem(link_id, "not an item of the follow-up Questionnaire")
        if self.problems or authored is None:
            raise FollowUpResponseError(self.problems)
        return FollowUpAnswers(
            authored=authored,
            subject=subject if isinstance(subject, str) else None,
            referrals=tuple(referrals),
            measures=measures,
        )

    def children(
        self, group: Mapping[str, Any], path: str, known: Sequence[str]
    ) -> dict[str, list[Mapping[str, Any]]]:
        """The answers of each child item, checking linkIds and that each appears once."""
        found: dict[str, list[Mapping[str, Any]]] = {}
        for child in group.get("item", []):
            link_id = str(child.get("linkId"))
            where = f"{path}/{link_id}"
            if link_id not in known:
                self.problem(where, "not an item of this group")
            elif link_id in found:
                self.problem(where, "expected once (several answers go in one item)")
            else:
                answers = list(child.get("answer", []))
                if any("item" in a for a in answers) or "item" in child:
                    self.problem(where, "expected no nested items")
                found[link_id] = answers
        return found

    def referral(self, group: Mapping[str, Any], path: str) -> ReferralFeedback | None:
        known = (REQUEST, SUPPORT, REACHED, HELPFUL, OBSTACLES, OBSTACLES_DETAIL)
        answers = self.children(group, path, known)
        request = self.single(answers, REQUEST, path, "valueReference", required=True)
        reference = request.get("reference") if isinstance(request, Mapping) else None
        if request is not None and (
            not isinstance(reference, str) or reference_type(reference) != "ServiceRequest"
        ):
            self.problem(f"{path}/{REQUEST}", "expected a reference to the ServiceRequest")
        name = self.single(answers, SUPPORT, path, "valueString")
        reached = self.choices(answers, REACHED, path, required=True)
        helpful = self.choices(answers, HELPFUL, path)
        if helpful and reached and reached[0] is not Reached.YES:
            self.problem(f"{path}/{HELPFUL}", f"only when {REACHED} is yes")
        obstacles = self.choices(answers, OBSTACLES, path, repeats=True)
        detail = self.single(answers, OBSTACLES_DETAIL, path, "valueString")
        if not isinstance(reference, str) or not reached:
            return None
        try:
            return ReferralFeedback(
                request=reference,
                support_name=name,
                reached=reached[0],
                helpful=helpful[0] if helpful else None,
                obstacles=tuple(obstacles),
                obstacles_in_own_words=detail,
            )
        except ValidationError as error:
            for issue in error.errors():
                field = ".".join(str(part) for part in issue["loc"])
                self.problem(f"{path}/{field}", issue["msg"])
            return None

    def single(
        self,
        answers: Mapping[str, list[Mapping[str, Any]]],
        link_id: str,
        path: str,
        value_key: str,
        *,
        required: bool = False,
    ) -> Any:
        given = answers.get(link_id, [])
        where = f"{path}/{link_id}"
        if not given:
            if required:
                self.problem(where, "required")
            return None
        if len(given) > 1:
            self.problem(where, "expected one answer")
            return None
        keys = [k for k in given[0] if k.startswith("value")]
        if keys != [value_key]:
            self.problem(where, f"expected {value_key}")
            return None
        return given[0][value_key]

    def choices(
        self,
        answers: Mapping[str, list[Mapping[str, Any]]],
        link_id: str,
        path: str,
        *,
        required: bool = False,
        repeats: bool = False,
    ) -> list[Any]:
        given = answers.get(link_id, [])
        where = f"{path}/{link_id}"
        if required and not given:
            self.problem(where, "required")
        if not repeats and len(given) > 1:
            self.problem(where, "expected one answer")
            return []
        by_code = {(c.code.system, c.code.code): c.member for c in CHOICES_BY_LINK_ID[link_id]}
        members: list[Any] = []
        for answer in given:
            coding = answer.get("valueCoding")
            member = (
                by_code.get((str(coding.get("system")), str(coding.get("code"))))
                if isinstance(coding, Mapping)
                else None
            )
            if member is None:
                self.problem(where, "expected valueCoding from the item's answer options")
            elif member in members:
                self.problem(where, "the same answer is given twice")
            else:
                members.append(member)
        return members

    def measure(self, group: Mapping[str, Any], measured: Instrument) -> InstrumentAnswers | None:
        """One instrument's answers, by item linkId and the scale's answer codes."""
        section = measured.link_id
        instructions = f"{section}.instructions"
        link_ids = {f"{section}.{measured.item_key(item)}": item for item in measured.items}
        answers = self.children(group, section, (instructions, *link_ids))
        if answers.get(instructions):
            self.problem(f"{section}/{instructions}", "a display item takes no answer")
        values: dict[int, int] = {}
        for link_id, item in link_ids.items():
            coding = self.single(answers, link_id, section, "valueCoding")
            if coding is None:
                continue
            key = (str(coding.get("system")), str(coding.get("code")))
            value = next(
                (p.value for p in measured.scale_of(item) if (p.code.system, p.code.code) == key),
                None,
            )
            if value is None:
                self.problem(f"{section}/{link_id}", "expected one of the scale's answer codes")
            else:
                values[item.number] = value
        if not values:
            return None
        return InstrumentAnswers(answers=values, wording_kind=WordingSource.PARAPHRASE)
