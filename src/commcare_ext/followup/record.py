"""The follow-up as FHIR: Observations that link to the intake's baseline, in one transaction.

Following SDC observation-based extraction as the intake does: one Observation per coded
answer, ``derivedFrom`` the follow-up QuestionnaireResponse; each instrument's results and
panel (written by the one mapping extraction uses, ``extract.measures``) are also
``derivedFrom`` the baseline result and panel Observations they are compared with, and the
panel groups its items and results with ``hasMember``. The patient's own words stay
in the QuestionnaireResponse only. Feedback on a referral has ``focus`` = its ServiceRequest.
Every entry is a conditional create on a business identifier, so posting twice is harmless.
"""

import uuid
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any, Final
from urllib.parse import quote

from commcare_ext.extract.measures import code_key, measure_observations
from commcare_ext.fhir.narrative import narrative
from commcare_ext.fhir.urn import urn_uuid
from commcare_ext.followup.answers import FollowUpAnswers, ReferralFeedback
from commcare_ext.followup.errors import BaselineError, Problem
from commcare_ext.followup.form import CHOICES_BY_LINK_ID, HELPFUL, OBSTACLES, REACHED
from commcare_ext.followup.values import parse_datetime, reference_of
from commcare_ext.instruments import (
    Instrument,
    InstrumentAnswers,
    InstrumentDomain,
    InstrumentScore,
    instrument,
    registered,
)
from commcare_ext.intake import Intake
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.followup import REACHED_SUPPORT, SUPPORT_HELPFUL, WHAT_GOT_IN_THE_WAY
from commcare_ext.terminology.standard import SURVEY
from commcare_ext.terminology.systems import CANONICAL_BASE

_NAMESPACE: Final = uuid.uuid5(uuid.NAMESPACE_URL, f"{CANONICAL_BASE}/follow-up")


@dataclass(frozen=True, slots=True)
class Baseline:
    """The intake's measures: answers per instrument and (read from the server) where they live.

    ``references`` maps ``system|code`` of each result, and of each panel, to its
    Observation, so follow-up results can be ``derivedFrom`` the results they compare with.
    """

    measures: Mapping[str, InstrumentAnswers] = field(repr=False)
    effective: datetime | None = None
    references: Mapping[str, str] = field(default_factory=dict)

    def score(self, instrument_id: str) -> InstrumentScore | None:
        """The baseline of one instrument, scored exactly as the follow-up is."""
        given = self.measures.get(instrument_id)
        if given is None:
            return None
        return instrument(instrument_id).score(given.answers, given.wording)

    def merged(self, other: "Baseline") -> "Baseline":
        """Both baselines' instruments together (the latest effective time)."""
        times = [t for t in (self.effective, other.effective) if t is not None]
        return Baseline(
            {**self.measures, **other.measures},
            max(times) if times else None,
            {**self.references, **other.references},
        )


def baseline_from_intake(intake: Intake) -> Baseline | None:
    """The baseline straight from the intake (no server references to link to)."""
    if not intake.measures:
        return None
    return Baseline(dict(intake.measures), intake.authored)


def baseline_from_observations(
    panel: Mapping[str, Any], members: Sequence[Mapping[str, Any]]
) -> Baseline:
    """Rebuild one instrument's baseline from its panel and member Observations.

    The instrument is the registered one whose panel code the panel carries. Item answers
    are read back from their answer codes and scored again, so a comparison never depends
    on rounded stored scores.
    """
    problems: list[Problem] = []
    measured = _instrument_of(panel)
    if measured is None:
        known = ", ".join(f"{i.panel.code} ({i.name_en})" for i in registered())
        raise BaselineError([Problem(_where(panel, "code"), f"expected a panel code: {known}")])
    references = {code_key(measured.panel): f"Observation/{panel.get('id')}"}
    by_code = {(i.code.system, i.code.code): i for i in measured.items}
    answers: dict[int, int] = {}
    for member in members:
        codings = (member.get("code") or {}).get("coding", [])
        found = next(
            (by_code[k] for c in codings if (k := (c.get("system"), c.get("code"))) in by_code),
            None,
        )
        if found is None:
            for coding in codings:
                references[f"{coding.get('system')}|{coding.get('code')}"] = (
                    f"Observation/{member.get('id')}"
                )
            continue
        scale = {(p.code.system, p.code.code): p.value for p in measured.scale_of(found)}
        value = next(
            (
                scale[k]
                for c in (member.get("valueCodeableConcept") or {}).get("coding", [])
                if (k := (c.get("system"), c.get("code"))) in scale
            ),
            None,
        )
        if value is None:
            problems.append(
                Problem(
                    _where(member, "valueCodeableConcept"),
                    f"expected a {measured.name_en} answer code",
                )
            )
        elif found.number in answers:
            problems.append(Problem(_where(member, "code"), f"item {found.number} appears twice"))
        else:
            answers[found.number] = value
    if not answers:
        problems.append(
            Problem(_where(panel, "hasMember"), f"expected {measured.name_en} item Observations")
        )
    if problems:
        raise BaselineError(problems)
    effective = parse_datetime(panel.get("effectiveDateTime"))
    return Baseline({measured.id: InstrumentAnswers(answers=answers)}, effective, references)


def _instrument_of(panel: Mapping[str, Any]) -> Instrument | None:
    return next((i for i in registered() if _has_code(panel, i.panel)), None)


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
    linked = baseline.references if baseline is not None else {}
    for instrument_id, given in answers.measures.items():
        measure_observations(build, instrument(instrument_id), given, linked)
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

    def answer(
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
        self.answer(
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

    def observation(  # noqa: PLR0917 - ObservationSink
        self,
        role: str,
        code: Code,
        value: dict[str, Any],
        shown: str,
        domain: InstrumentDomain,
        derived_from: Sequence[str],
    ) -> str:
        """An instrument's Observation (``ObservationSink``); the patient answered it."""
        del domain  # a follow-up Observation stays on the clinic's server
        return self.answer(role, code, value, shown, derived=derived_from)


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
