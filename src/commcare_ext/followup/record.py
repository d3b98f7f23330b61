"""The follow-up as FHIR: Observations that link to the intake's baseline, in one transaction.

Following SDC observation-based extraction as the intake does: one Observation per coded
answer, ``derivedFrom`` the follow-up QuestionnaireResponse; the MOS-SSS scores and panel
are also ``derivedFrom`` the baseline score and panel Observations they are compared with,
and the panel groups its items and scores with ``hasMember``. The patient's own words stay
in the QuestionnaireResponse only. Feedback on a referral has ``focus`` = its ServiceRequest.
Every entry is a conditional create on a business identifier, so posting twice is harmless.
"""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final
from urllib.parse import quote

from commcare_ext.fhir.narrative import narrative
from commcare_ext.fhir.urn import urn_uuid
from commcare_ext.followup.answers import FollowUpAnswers, ReferralFeedback
from commcare_ext.followup.errors import BaselineError, Problem
from commcare_ext.followup.form import CHOICES_BY_LINK_ID, HELPFUL, OBSTACLES, REACHED
from commcare_ext.followup.values import parse_datetime, reference_of
from commcare_ext.instruments import (
    MOS_SSS_ITEMS,
    MosScores,
    MosSocialSupport,
    ScaleScore,
    score_mos_sss,
)
from commcare_ext.intake import Intake
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.followup import REACHED_SUPPORT, SUPPORT_HELPFUL, WHAT_GOT_IN_THE_WAY
from commcare_ext.terminology.mos_sss import (
    MOS_SSS_ANSWERS,
    MOS_SSS_ITEM_CODES,
    MOS_SSS_PANEL,
    mos_score_code,
)
from commcare_ext.terminology.standard import SURVEY
from commcare_ext.terminology.systems import CANONICAL_BASE, UCUM

_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, f"{CANONICAL_BASE}/follow-up")
_ITEM_BY_CODE: Final = {(c.system, c.code): number for number, c in MOS_SSS_ITEM_CODES.items()}
_VALUE_BY_ANSWER: Final = {(a.code.system, a.code.code): v for v, a in MOS_SSS_ANSWERS.items()}


def _key(code: Code) -> str:
    return f"{code.system}|{code.code}"


@dataclass(frozen=True, slots=True)
class Baseline:
    """The intake's MOS-SSS: answers, scores, and (when read from the server) where they live.

    ``references`` maps ``system|code`` of each score, and of the panel, to its Observation.
    """

    survey: MosSocialSupport = field(repr=False)
    effective: datetime | None = None
    references: Mapping[str, str] = field(default_factory=dict)

    @property
    def scores(self) -> MosScores:
        """The baseline scored exactly as the follow-up is."""
        return score_mos_sss(self.survey)


def baseline_from_intake(intake: Intake) -> Baseline | None:
    """The baseline straight from the intake (no server references to link to)."""
    if intake.social_support is None:
        return None
    return Baseline(intake.social_support, intake.authored)


def baseline_from_observations(
    panel: Mapping[str, Any], members: Sequence[Mapping[str, Any]]
) -> Baseline:
    """Rebuild the baseline survey from the intake's MOS-SSS panel and member Observations.

    Item answers are read back from their LOINC answer codes and scored again, so a
    comparison never depends on rounded stored scores.
    """
    problems: list[Problem] = []
    if not _has_code(panel, MOS_SSS_PANEL):
        problems.append(Problem(_where(panel, "code"), f"expected LOINC {MOS_SSS_PANEL.code}"))
    references = {_key(MOS_SSS_PANEL): f"Observation/{panel.get('id')}"}
    answers: dict[int, int] = {}
    for member in members:
        codings = (member.get("code") or {}).get("coding", [])
        found = next(
            (
                _ITEM_BY_CODE[k]
                for c in codings
                if (k := (c.get("system"), c.get("code"))) in _ITEM_BY_CODE
            ),
            None,
        )
        if found is None:
            for coding in codings:
                references[f"{coding.get('system')}|{coding.get('code')}"] = (
                    f"Observation/{member.get('id')}"
                )
            continue
        value = next(
            (
                _VALUE_BY_ANSWER[k]
                for c in (member.get("valueCodeableConcept") or {}).get("coding", [])
                if (k := (c.get("system"), c.get("code"))) in _VALUE_BY_ANSWER
            ),
            None,
        )
        if value is None:
            problems.append(
                Problem(_where(member, "valueCodeableConcept"), "expected a MOS-SSS answer code")
            )
        elif found in answers:
            problems.append(Problem(_where(member, "code"), f"item {found} appears twice"))
        else:
            answers[found] = value
    if not answers:
        problems.append(Problem(_where(panel, "hasMember"), "expected MOS-SSS item Observations"))
    if problems:
        raise BaselineError(problems)
    effective = parse_datetime(panel.get("effectiveDateTime"))
    return Baseline(MosSocialSupport(answers=answers), effective, references)


def follow_up_transaction(
    answers: FollowUpAnswers,
    response: Mapping[str, Any],
    *,
    follow_up_id: str,
    patient: str,
    baseline: Baseline | None = None,
) -> dict[str, Any]:
    """A transaction Bundle: the QuestionnaireResponse and the Observations derived from it.

    ``follow_up_id`` is the follow-up's stable business key (e.g. ``int-2026-0412.fu-1``):
    identifiers, ids and so conditional creates derive from it.
    """
    build = _Builder(follow_up_id, patient, answers.authored)
    qr = {k: v for k, v in response.items() if k != "id"}
    qr["identifier"] = build.identifier("QuestionnaireResponse", "response")
    qr["subject"] = {"reference": patient}
    build.add("response", qr)
    for index, feedback in enumerate(answers.referrals):
        build.feedback(index, feedback)
    if answers.social_support is not None:
        build.survey(answers.social_support, baseline)
    return {
        "resourceType": "Bundle",
        "id": str(uuid.uuid5(_NAMESPACE, f"transaction|{follow_up_id}")),
        "type": "transaction",
        "entry": build.entries,
    }


class _Builder:
    def __init__(self, follow_up_id: str, patient: str, authored: datetime) -> None:
        self.follow_up_id = follow_up_id
        self.patient = patient
        self.authored = authored.isoformat()
        self.entries: list[dict[str, Any]] = []
        self.response = self.urn("response")

    def urn(self, role: str) -> str:
        return urn_uuid(str(uuid.uuid5(_NAMESPACE, f"{self.follow_up_id}|{role}")))

    def identifier(self, resource_type: str, role: str) -> dict[str, str]:
        return {
            "system": f"{CANONICAL_BASE}/identifier/{resource_type.lower()}",
            "value": f"{self.follow_up_id}.{role}",
        }

    def add(self, role: str, resource: dict[str, Any]) -> str:
        ident = resource["identifier"]
        condition = (
            f"identifier={quote(ident['system'], safe=':/')}|{quote(ident['value'], safe='')}"
        )
        if resource["resourceType"] == "Observation":
            resource["identifier"] = [ident]
        self.entries.append(
            {
                "fullUrl": self.urn(role),
                "resource": resource,
                "request": {
                    "method": "POST",
                    "url": resource["resourceType"],
                    "ifNoneExist": condition,
                },
            }
        )
        return self.urn(role)

    def observation(
        self,
        role: str,
        code: Code,
        value: dict[str, Any],
        shown: str,
        *,
        derived: Sequence[str] = (),
        focus: str | None = None,
    ) -> str:
        resource: dict[str, Any] = {
            "resourceType": "Observation",
            "text": narrative(code.display, [("Answer", shown)]),
            "identifier": self.identifier("Observation", role),
            "status": "final",
            "category": [{"coding": [SURVEY.as_coding()]}],
            "code": {"coding": [code.as_coding()]},
            "subject": {"reference": self.patient},
        }
        if focus:
            resource["focus"] = [{"reference": focus}]
        resource |= {
            "effectiveDateTime": self.authored,
            "performer": [{"reference": self.patient}],
            "derivedFrom": [{"reference": r} for r in (self.response, *derived)],
            **value,
        }
        return self.add(role, resource)

    def coded(self, role: str, code: Code, link_id: str, member: Any, focus: str) -> None:
        choice = next(c for c in CHOICES_BY_LINK_ID[link_id] if c.member is member)
        self.observation(
            role,
            code,
            {"valueCodeableConcept": {"coding": [choice.code.as_coding()]}},
            choice.code.display,
            focus=focus,
        )

    def feedback(self, index: int, feedback: ReferralFeedback) -> None:
        role = f"referral-{index + 1}"
        self.coded(f"{role}-reached", REACHED_SUPPORT, REACHED, feedback.reached, feedback.request)
        if feedback.helpful is not None:
            self.coded(
                f"{role}-helpful", SUPPORT_HELPFUL, HELPFUL, feedback.helpful, feedback.request
            )
        for obstacle in feedback.obstacles:
            self.coded(
                f"{role}-obstacle-{obstacle.value}",
                WHAT_GOT_IN_THE_WAY,
                OBSTACLES,
                obstacle,
                feedback.request,
            )

    def survey(self, survey: MosSocialSupport, baseline: Baseline | None) -> None:
        linked = baseline.references if baseline is not None else {}
        members = []
        for item in MOS_SSS_ITEMS:
            value = survey.answers.get(item.number)
            if value is None:
                continue
            answer = MOS_SSS_ANSWERS[value]
            members.append(
                self.observation(
                    f"mos-item-{item.number:02d}",
                    MOS_SSS_ITEM_CODES[item.number],
                    {"valueCodeableConcept": {"coding": [answer.code.as_coding()]}},
                    answer.code.display,
                )
            )
        scores = score_mos_sss(survey)
        for role, score in (
            *((f"mos-score-{s.value}", sc) for s, sc in scores.subscales.items()),
            ("mos-score-overall", scores.overall),
        ):
            if score.mean is not None:
                code = mos_score_code(score.subscale)
                members.append(self.score(role, score, linked.get(_key(code))))
        panel_baseline = linked.get(_key(MOS_SSS_PANEL))
        self.observation(
            "mos-panel",
            MOS_SSS_PANEL,
            {"hasMember": [{"reference": m} for m in members]},
            f"{len(members)} results",
            derived=[panel_baseline] if panel_baseline else (),
        )

    def score(self, role: str, score: ScaleScore, baseline: str | None) -> str:
        assert score.mean is not None  # noqa: S101 - callers pass scored scales only
        assert score.score_0_100 is not None  # noqa: S101
        return self.observation(
            role,
            mos_score_code(score.subscale),
            {
                "valueQuantity": {
                    "value": round(score.mean, 4),
                    "unit": "{score}",
                    "system": UCUM,
                    "code": "{score}",
                },
                "note": [
                    {
                        "text": f"0-100 scale: {score.score_0_100:.1f}; items answered: "
                        f"{score.items_answered} of {score.items_total}"
                    }
                ],
            },
            f"{score.mean:.2f} (0-100: {score.score_0_100:.1f})",
            derived=[baseline] if baseline else (),
        )


def _has_code(resource: Mapping[str, Any], code: Code) -> bool:
    return any(
        c.get("system") == code.system and c.get("code") == code.code
        for c in (resource.get("code") or {}).get("coding", [])
    )


def _where(resource: Mapping[str, Any], element: str) -> str:
    return f"Observation/{resource.get('id', '?')}.{element}"


def member_references(panel: Mapping[str, Any]) -> list[str]:
    """The ``hasMember`` references of a panel Observation."""
    return [r for r in (reference_of(m) for m in panel.get("hasMember", [])) if r]
