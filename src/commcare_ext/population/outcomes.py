"""What happened after each synthetic intake: referral Task histories and follow-up scores.

The model is simple on purpose, so an analysis can be checked against it:

* each referral ends in one **fate** (completed, rejected by the organisation, cancelled,
  failed, or stuck: never answered, or accepted with no contact), with base probabilities
  :data:`FATES`; a :class:`ClosureGap` scales how often one language group's referrals
  complete, the probability taken away going to the other fates in proportion;
* every person is measured at intake and, each with probability ``follow_up_rate``, at
  about 3 and 6 months; a follow-up is the baseline plus the measure's natural change
  (scaled by time) plus noise, plus each :class:`PlantedEffect` whose support the person
  has a **completed** referral for, counted from the completion date on;
* scores are clamped to the instrument's range and rounded as reported, which can shrink an
  effect near the floor: :func:`follow_ups` also returns each effect as realised.

Everything about a person comes from their own random stream (``stream="outcomes"``), so
the same seed gives the same history whatever else is generated.
"""

import random
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from enum import StrEnum
from typing import Any, Final

from commcare_ext.errors import CommcareError
from commcare_ext.extract.ids import organization_id, resource_id
from commcare_ext.intake import Intake, SupportType
from commcare_ext.population.measures import (
    MEASURES,
    Measure,
    clamp,
    toward_better,
)


class OptionError(CommcareError, ValueError):
    """A planted-effect or closure option that cannot be read; names the option and format."""


class Fate(StrEnum):
    """How a referral ends (``stuck-*`` ones never end)."""

    COMPLETED = "completed"
    REJECTED = "rejected"
    CANCELLED = "cancelled"
    FAILED = "failed"
    STUCK_REQUESTED = "stuck-requested"
    STUCK_ACCEPTED = "stuck-accepted"


#: Base probability of each fate (before a closure gap).
FATES: Final = {
    Fate.COMPLETED: 0.50,
    Fate.REJECTED: 0.10,
    Fate.CANCELLED: 0.10,
    Fate.FAILED: 0.08,
    Fate.STUCK_REQUESTED: 0.12,
    Fate.STUCK_ACCEPTED: 0.10,
}
#: Days after the intake of each follow-up (+/- ``FOLLOW_UP_SPREAD``).
FOLLOW_UP_DAYS: Final = (90, 180)
FOLLOW_UP_SPREAD: Final = 10


@dataclass(frozen=True, slots=True)
class PlantedEffect:
    """People with a completed referral to ``support`` improve ``measure`` by ``improvement``.

    Written ``SUPPORT:MEASURE:POINTS``, e.g. ``peer-group:phq9:3`` (PHQ-9 three points
    lower). MEASURE is one of phq9, gad7, mos-sss (MOS-SSS on its 1-5 mean scale).
    """

    support: SupportType
    measure: str
    improvement: float

    @classmethod
    def parse(cls, text: str) -> "PlantedEffect":
        """Read ``SUPPORT:MEASURE:POINTS``."""
        parts = text.split(":")
        if len(parts) != 3:
            raise OptionError(f"--effect {text}: expected SUPPORT:MEASURE:POINTS")
        support, measure, points = parts
        if measure not in MEASURES:
            raise OptionError(f"--effect {text}: MEASURE is one of {', '.join(MEASURES)}")
        return cls(_support(support, f"--effect {text}"), measure, _number(points, text))


@dataclass(frozen=True, slots=True)
class ClosureGap:
    """Referrals of people in form language ``language`` complete ``ratio`` times as often.

    Written ``LANGUAGE:RATIO``, e.g. ``es:0.5``: Spanish speakers' referrals close half as
    often (the ratio applies to the completed fate; 0 <= ratio * 0.5 <= 1).
    """

    language: str
    ratio: float

    @classmethod
    def parse(cls, text: str) -> "ClosureGap":
        """Read ``LANGUAGE:RATIO``."""
        language, colon, ratio = text.partition(":")
        value = _number(ratio, text) if colon else -1.0
        if not language or not 0 <= value * FATES[Fate.COMPLETED] <= 1:
            msg = f"--closure {text}: expected LANGUAGE:RATIO with 0 <= RATIO <= 2, e.g. es:0.5"
            raise OptionError(msg)
        return cls(language, value)


@dataclass(frozen=True, slots=True)
class OutcomeOptions:
    """The planted effects and gaps; the defaults plant nothing (every effect is 0)."""

    effects: tuple[PlantedEffect, ...] = ()
    closure: tuple[ClosureGap, ...] = ()
    follow_up_rate: float = 0.8


#: Nothing planted: every effect 0, every language's referrals close alike.
NO_EFFECTS: Final = OutcomeOptions()


@dataclass(frozen=True, slots=True)
class Referral:
    """One referral of a person, with the ids batch extraction gives its resources."""

    kind: SupportType
    task_id: str
    request_id: str
    performer_id: str
    fate: Fate
    #: (status, when) from ``requested`` to the last status reached.
    history: tuple[tuple[str, datetime], ...]

    @property
    def completed_at(self) -> datetime | None:
        """When the referral completed, if it did."""
        return self.history[-1][1] if self.fate is Fate.COMPLETED else None


@dataclass(slots=True)
class Realised:
    """Per planted effect: the summed change it made at the 6-month follow-up, and for whom."""

    total: dict[PlantedEffect, float] = field(default_factory=dict)
    people: dict[PlantedEffect, int] = field(default_factory=dict)

    def add(self, effect: PlantedEffect, change: float) -> None:
        """Count one person's realised change for ``effect``."""
        self.total[effect] = self.total.get(effect, 0.0) + change
        self.people[effect] = self.people.get(effect, 0) + 1


def referrals(
    intake: Intake,
    form_language: str,
    directory: dict[SupportType, tuple[str, str]],
    options: OutcomeOptions,
    rng: random.Random,
) -> list[Referral]:
    """The referrals extraction makes for ``intake`` (one per preferred support, in order).

    ``directory`` maps each support to its organisation's (identifier system, value), as
    the clinic file does. Ids are the ones :func:`commcare_ext.extract.extract` gives.
    """
    if not intake.care.referral_consent:
        return []
    weights = _fate_weights(form_language, options)
    found = []
    for index, kind in enumerate(intake.care.preferred_supports):
        role = f"referral-{index + 1}"
        fate = rng.choices(list(weights), list(weights.values()))[0]
        found.append(
            Referral(
                kind=kind,
                task_id=resource_id(intake, f"{role}-task"),
                request_id=resource_id(intake, f"{role}-request"),
                performer_id=organization_id(*directory[kind]),
                fate=fate,
                history=tuple(_history(fate, intake.authored, rng)),
            )
        )
    return found


def _fate_weights(form_language: str, options: OutcomeOptions) -> dict[Fate, float]:
    ratio = next((g.ratio for g in options.closure if g.language == form_language), 1.0)
    completed = FATES[Fate.COMPLETED] * ratio
    others = {f: p for f, p in FATES.items() if f is not Fate.COMPLETED}
    scale = (1 - completed) / sum(others.values())
    return {Fate.COMPLETED: completed, **{f: p * scale for f, p in others.items()}}


def _history(fate: Fate, start: datetime, rng: random.Random) -> list[tuple[str, datetime]]:
    def later(low: float, high: float) -> datetime:
        return steps[-1][1] + timedelta(hours=round(rng.uniform(low, high) * 24))

    steps: list[tuple[str, datetime]] = [("requested", start)]
    if fate is Fate.STUCK_REQUESTED:
        return steps
    steps.append(("received", later(0.5, 3)))
    if fate is Fate.REJECTED:
        steps.append(("rejected", later(2, 10)))
        return steps
    steps.append(("accepted", later(1, 7)))
    if fate is Fate.STUCK_ACCEPTED:
        return steps
    if fate is Fate.CANCELLED:
        steps.append(("cancelled", later(20, 60)))
        return steps
    steps.append(("in-progress", later(2, 21)))  # first contact
    steps.append(
        ("completed", later(14, 75)) if fate is Fate.COMPLETED else ("failed", later(10, 60))
    )
    return steps


def task_versions(intake: Intake, referral: Referral, patient_id: str) -> list[dict[str, Any]]:
    """Every version of the referral's Task, oldest first (``meta.versionId`` 1, 2, ...)."""
    versions = []
    started = next((when for status, when in referral.history if status == "in-progress"), None)
    for number, (status, when) in enumerate(referral.history, start=1):
        task: dict[str, Any] = {
            "resourceType": "Task",
            "id": referral.task_id,
            "meta": {"versionId": str(number), "lastUpdated": when.isoformat()},
            "status": status,
            "intent": "order",
            "focus": {"reference": f"ServiceRequest/{referral.request_id}"},
            "for": {"reference": f"Patient/{patient_id}"},
            "authoredOn": intake.authored.isoformat(),
            "lastModified": when.isoformat(),
            "owner": {"reference": f"Organization/{referral.performer_id}"},
        }
        if started is not None and when >= started:
            period = {"start": started.isoformat()}
            if status in ("completed", "failed"):
                period["end"] = when.isoformat()
            task["executionPeriod"] = period
        if status in ("rejected", "cancelled", "failed"):
            task["statusReason"] = {"text": _REASONS[status]}
        versions.append(task)
    return versions


_REASONS: Final = {
    "rejected": "The organisation could not take the referral",
    "cancelled": "The patient no longer wanted the referral",
    "failed": "The patient stopped attending",
}


def follow_ups(  # noqa: PLR0917 - one person's parts, all needed
    intake: Intake,
    baselines: dict[str, float],
    found: Sequence[Referral],
    options: OutcomeOptions,
    rng: random.Random,
    realised: Realised,
) -> list[tuple[Measure, str, datetime, float]]:
    """``(measure, timepoint, when, score)`` for each follow-up attended.

    ``baselines`` holds each measure's score at intake (by :attr:`Measure.key`), as the
    intake's answers give it: extraction writes those, so only follow-ups are made here, and
    only for a measure administered at intake.
    """
    when = [
        intake.authored + timedelta(days=d + rng.randint(-FOLLOW_UP_SPREAD, FOLLOW_UP_SPREAD))
        for d in FOLLOW_UP_DAYS
    ]
    attended = [rng.random() < options.follow_up_rate for _ in when]
    scores: list[tuple[Measure, str, datetime, float]] = []
    for key, measure in MEASURES.items():
        if key not in baselines:
            continue
        baseline = baselines[key]
        for number, (moment, came) in enumerate(zip(when, attended, strict=True)):
            noise = rng.gauss(0, measure.noise)
            if not came:
                continue
            share = (moment - intake.authored).days / FOLLOW_UP_DAYS[-1]
            mean = baseline + toward_better(measure, measure.natural_change * share)
            without = clamp(measure, mean + noise)
            planted = _planted(measure, found, moment, options)
            score = clamp(measure, mean + noise + sum(e for _, e in planted))
            if number == len(when) - 1:
                for effect, _ in planted:
                    realised.add(effect, score - without)
            scores.append((measure, f"month-{FOLLOW_UP_DAYS[number] // 30}", moment, score))
    return scores


def _planted(
    measure: Measure, found: Sequence[Referral], moment: datetime, options: OutcomeOptions
) -> list[tuple[PlantedEffect, float]]:
    done = {r.kind for r in found if r.completed_at is not None and r.completed_at <= moment}
    return [
        (effect, toward_better(measure, effect.improvement))
        for effect in options.effects
        if effect.measure == measure.key and effect.support in done
    ]


def _support(text: str, option: str) -> SupportType:
    for kind in SupportType:
        if text in (kind.value, kind.value.removeprefix("support-")):
            return kind
    names = ", ".join(k.value.removeprefix("support-") for k in SupportType)
    raise OptionError(f"{option}: SUPPORT is one of {names}")


def _number(text: str, option: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise OptionError(f"{option}: {text!r} is not a number") from None
