"""Synthetic people: one valid :class:`Intake` per index, the same for the same seed.

Every person is drawn from their own random stream (seeded by ``seed`` and their index),
so a population can be generated in any order, in parallel or in pieces, and person 7 of
seed 1 is always the same person. The distributions are stated next to each draw and in
``docs/population.md``; they are plausible for an urban community clinic serving
immigrant families, not estimates of any real population.

The few phrases in Spanish, Vietnamese, Chinese and Arabic are our own short sample
answers for synthetic data (needing review by a qualified medical translator before any
use beyond tests and demos); no instrument text is copied.
"""

import random
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Final, TypeVar

from commcare_ext.instruments import MOS_SSS_ITEMS, instrument
from commcare_ext.intake import (
    AccessBarrier,
    Intake,
    Involvement,
    Relationship,
    ShareCategory,
    StigmaConcern,
    SupportType,
)
from commcare_ext.intake.vocabulary import (
    DecisionStyle,
    DiscreetContact,
    PerceivedCause,
    ReferralShare,
    Respondent,
    SpiritualImportance,
)

T = TypeVar("T")

#: The patient identifier system synthetic people carry (never a real clinic's).
SYNTH_MRN_SYSTEM: Final = "https://clinic.example.org/fhir/synthetic-mrn"
#: First and last day an intake may be authored on (follow-ups run up to 200 days later).
FIRST_DAY: Final = date(2024, 1, 1)
LAST_DAY: Final = date(2025, 6, 30)


@dataclass(frozen=True, slots=True)
class LanguageGroup:
    """A language community: its share, tags, names, phrases and leanings."""

    form_language: str
    share: float
    tags: tuple[str, ...]
    interpreter_rate: float
    given: tuple[str, ...]
    family: tuple[str, ...]
    problems: tuple[str, ...]
    #: Extra weight on some supports (multiplies the base weights below).
    support_lean: tuple[tuple[SupportType, float], ...] = ()
    faith_rate: float = 0.5


GROUPS: Final = (
    LanguageGroup(
        "en",
        0.45,
        ("en", "en-US"),
        0.0,
        ("Alex", "Jordan", "Taylor", "Sam", "Morgan", "Casey", "Riley", "Jamie"),
        ("Smith", "Johnson", "Brown", "Lee", "Walker", "Begay", "Clark", "Young"),
        (
            "I can't sleep and I feel low most days.",
            "Everything feels heavy since I lost my job.",
            "I worry all the time and my chest gets tight.",
            "I have been thinking too much and can't stop.",
        ),
        ((SupportType.ONLINE_COMMUNITY, 1.6), (SupportType.PEER_SUPPORT_GROUP, 1.3)),
        faith_rate=0.35,
    ),
    LanguageGroup(
        "es",
        0.30,
        ("es", "es-MX", "es-US"),
        0.55,
        ("María", "José", "Lucía", "Carlos", "Ana", "Luis", "Rosa", "Javier"),
        ("García", "Hernández", "López", "Martínez", "Ramírez", "Flores", "Torres"),
        (
            "Tengo nervios y no duermo bien.",
            "Me siento triste desde que llegué aquí.",
            "Me preocupo mucho por mi familia.",
        ),
        ((SupportType.FAITH_COMMUNITY, 1.8), (SupportType.FAMILY, 1.5)),
        faith_rate=0.7,
    ),
    LanguageGroup(
        "vi",
        0.10,
        ("vi", "vi-VN"),
        0.65,
        ("Minh", "Lan", "Hoa", "Tuấn", "Mai", "Dũng"),
        ("Nguyễn", "Trần", "Lê", "Phạm", "Hoàng"),
        (
            "Tôi lo lắng nhiều và khó ngủ.",
            "Tôi thấy buồn và mệt mỏi mỗi ngày.",
        ),
        ((SupportType.FAMILY, 1.8), (SupportType.COMMUNITY_CENTRE, 1.4)),
        faith_rate=0.5,
    ),
    LanguageGroup(
        "zh-Hans",
        0.08,
        ("zh-Hans", "zh-CN"),
        0.6,
        ("伟", "芳", "娜", "敏", "静", "磊"),
        ("王", "李", "张", "刘", "陈"),
        (
            "我最近睡不好，总是很累。",  # noqa: RUF001 - Chinese punctuation
            "我心里很烦，想得太多。",  # noqa: RUF001 - Chinese punctuation
        ),
        ((SupportType.COMMUNITY_CENTRE, 1.7), (SupportType.TRADITIONAL_HEALER, 1.5)),
        faith_rate=0.25,
    ),
    LanguageGroup(
        "ar",
        0.07,
        ("ar", "ar-SY", "ar-IQ"),
        0.6,
        ("أحمد", "فاطمة", "محمد", "ليلى", "عمر", "مريم"),
        ("حسن", "علي", "خليل", "سعيد", "إبراهيم"),
        (
            "أشعر بالحزن والتعب منذ وصولي.",
            "لا أستطيع النوم وأفكر كثيرا.",
        ),
        ((SupportType.FAITH_COMMUNITY, 2.0), (SupportType.FAMILY, 1.6)),
        faith_rate=0.8,
    ),
)

#: How often each support is wanted before a group's leanings (relative weights).
SUPPORT_WEIGHTS: Final = {
    SupportType.PEER_SUPPORT_GROUP: 1.0,
    SupportType.FAITH_COMMUNITY: 0.7,
    SupportType.COMMUNITY_CENTRE: 0.8,
    SupportType.TRADITIONAL_HEALER: 0.25,
    SupportType.ONLINE_COMMUNITY: 0.5,
    SupportType.FAMILY: 0.9,
}
#: Number of preferred supports: none, one, two or three.
SUPPORT_COUNTS: Final = ((0, 0.15), (1, 0.40), (2, 0.30), (3, 0.15))
#: Share of people with a preferred support who consent to referral.
REFERRAL_CONSENT_RATE: Final = 0.8
STIGMA_RATE: Final = 0.45
BARRIER_RATE: Final = 0.55
#: Share of intakes with the MOS Social Support Survey administered (all 19 items answered).
MOS_SSS_RATE: Final = 0.7
#: Share of intakes with PHQ-9 and GAD-7 administered (every item answered).
SCREEN_RATE: Final = 0.9


@dataclass(frozen=True, slots=True)
class Person:
    """One synthetic person: the intake, their form language and group, and latent traits.

    ``severity`` (0-1) drives baseline PHQ-9 and GAD-7; ``support`` (0-1) drives their
    MOS-SSS answers; both are what the outcome model starts from.
    """

    intake: Intake
    form_language: str
    severity: float
    support: float

    def __repr__(self) -> str:
        return f"Person(intake_id={self.intake.intake_id!r}, form_language={self.form_language!r})"


def person_random(seed: int, index: int, stream: str = "person") -> random.Random:
    """The random stream of person ``index`` (independent of every other person's)."""
    return random.Random(f"{seed}:{stream}:{index}")  # noqa: S311 - reproducible, not secret


def intake_id(seed: int, index: int) -> str:
    """The synthetic intake id: seed and index, so two seeds never collide."""
    return f"syn-{seed}-{index}"


def synthetic_person(seed: int, index: int) -> Person:
    """Person ``index`` of the population of ``seed``."""
    rng = person_random(seed, index)
    group = _weighted(rng, [(g, g.share) for g in GROUPS])
    tag = rng.choice(group.tags)
    interpreter = rng.random() < group.interpreter_rate
    authored_day = FIRST_DAY + timedelta(days=rng.randrange((LAST_DAY - FIRST_DAY).days + 1))
    authored = datetime.combine(authored_day, datetime.min.time(), UTC) + timedelta(
        minutes=rng.randrange(8 * 60, 18 * 60)
    )
    age = rng.randint(18, 80)
    birth = authored_day - timedelta(days=age * 365 + rng.randrange(365))
    severity = min(1.0, max(0.0, rng.betavariate(2.2, 2.0)))
    support = min(1.0, max(0.0, rng.betavariate(2.5, 2.0)))
    supports = _supports(rng, group)
    consent = (rng.random() < REFERRAL_CONSENT_RATE) if supports else None
    data: dict[str, object] = {
        "intake_id": intake_id(seed, index),
        "patient": {
            "identifier_system": SYNTH_MRN_SYSTEM,
            "identifier_value": f"SYN-{seed}-{index:07d}",
            "given_name": rng.choice(group.given),
            "family_name": rng.choice(group.family),
            "birth_date": birth.isoformat(),
        },
        "authored": authored.isoformat(),
        "respondent": (
            Respondent.PATIENT_WITH_INTERPRETER if interpreter else Respondent.PATIENT
        ).value,
        "language": _language(rng, group, tag, interpreter),
        "formulation": _formulation(rng, group),
        "decision_style": _weighted(
            rng,
            [
                (DecisionStyle.INDIVIDUAL, 0.45),
                (DecisionStyle.SHARED, 0.35),
                (DecisionStyle.FAMILY_CENTRED, 0.2 if group.form_language == "en" else 0.45),
            ],
        ).value,
        "support_persons": _support_persons(rng, group),
        "care": _care(rng, supports, consent),
        "privacy": _privacy(rng),
        "barriers": _barriers(rng, interpreter),
    }
    measures: dict[str, object] = {}
    if rng.random() < MOS_SSS_RATE:
        measures["mos-sss"] = {"answers": mos_answers(rng, support)}
    if rng.random() < SCREEN_RATE:
        for instrument_id, tilt in (("phq-9", 0.0), ("gad-7", -0.05)):
            measures[instrument_id] = {
                "answers": symptom_answers(rng, instrument_id, severity + tilt)
            }
    data["measures"] = measures
    intake = Intake.model_validate(data)
    return Person(intake, group.form_language, severity, support)


def mos_answers(rng: random.Random, support: float) -> dict[int, int]:
    """All 19 MOS-SSS answers (1-5) around a latent ``support`` level (0-1)."""
    centre = 1 + 4 * support
    return {item.number: min(5, max(1, round(rng.gauss(centre, 0.8)))) for item in MOS_SSS_ITEMS}


def symptom_answers(rng: random.Random, instrument_id: str, severity: float) -> dict[int, int]:
    """Every item of a 0-3 frequency instrument (PHQ-9, GAD-7) around ``severity`` (0-1)."""
    chosen = instrument(instrument_id)
    return {
        item.number: min(3, max(0, round(rng.gauss(3 * severity, 0.8)))) for item in chosen.items
    }


def _language(
    rng: random.Random, group: LanguageGroup, tag: str, interpreter: bool
) -> dict[str, object]:
    faith = rng.random() < group.faith_rate
    others = [] if group.form_language == "en" or rng.random() < 0.4 else ["en"]
    section: dict[str, object] = {
        "preferred_language": tag,
        "interpreter_needed": interpreter,
        "other_languages": others,
    }
    if faith:
        section["spirituality_importance"] = _weighted(
            rng,
            [
                (SpiritualImportance.SOMEWHAT_IMPORTANT, 0.5),
                (SpiritualImportance.VERY_IMPORTANT, 0.5),
            ],
        ).value
    elif rng.random() < 0.5:
        section["spirituality_importance"] = SpiritualImportance.NOT_IMPORTANT.value
    return section


def _formulation(rng: random.Random, group: LanguageGroup) -> dict[str, object]:
    causes = _some(rng, [c for c in PerceivedCause if c is not PerceivedCause.UNKNOWN], 0, 3)
    return {
        "problem_in_own_words": rng.choice(group.problems),
        "perceived_causes": [c.value for c in causes],
    }


def _supports(rng: random.Random, group: LanguageGroup) -> list[SupportType]:
    count = _weighted(rng, list(SUPPORT_COUNTS))
    lean = dict(group.support_lean)
    weights = {kind: weight * lean.get(kind, 1.0) for kind, weight in SUPPORT_WEIGHTS.items()}
    chosen: list[SupportType] = []
    for _ in range(count):
        kind = _weighted(rng, list(weights.items()))
        chosen.append(kind)
        del weights[kind]
    return chosen


def _care(
    rng: random.Random, supports: list[SupportType], consent: bool | None
) -> dict[str, object]:
    care: dict[str, object] = {"preferred_supports": [s.value for s in supports]}
    if consent is not None:
        care["referral_consent"] = consent
    if consent:
        shares = _some(rng, list(ReferralShare), 1, 4)
        care["referral_share"] = [s.value for s in shares]
    return care


def _privacy(rng: random.Random) -> dict[str, object]:
    if rng.random() >= STIGMA_RATE:
        return {"has_concerns": False}
    concerns = _some(rng, list(StigmaConcern), 1, 3)
    contact = _some(rng, list(DiscreetContact), 0, 2)
    return {
        "has_concerns": True,
        "concerns": [c.value for c in concerns],
        "discreet_contact": [c.value for c in contact],
    }


def _barriers(rng: random.Random, interpreter: bool) -> dict[str, object]:
    if rng.random() >= BARRIER_RATE:
        return {"has_barriers": False}
    kinds: list[AccessBarrier] = _some(
        rng, [b for b in AccessBarrier if b is not AccessBarrier.LANGUAGE], 1, 3
    )
    if interpreter and rng.random() < 0.5:
        kinds.append(AccessBarrier.LANGUAGE)
    return {"has_barriers": True, "barriers": [b.value for b in kinds]}


_RELATIONSHIPS: Final = (
    Relationship.MOTHER,
    Relationship.SPOUSE,
    Relationship.SISTER,
    Relationship.BROTHER,
    Relationship.FRIEND,
    Relationship.FAITH_LEADER,
    Relationship.COUSIN,
)


def _support_persons(rng: random.Random, group: LanguageGroup) -> list[dict[str, object]]:
    people: list[dict[str, object]] = []
    for number in range(_weighted(rng, [(0, 0.3), (1, 0.4), (2, 0.3)])):
        person: dict[str, object] = {
            "name": f"{rng.choice(group.given)} {rng.choice(group.family)}",
            "relationship": rng.choice(_RELATIONSHIPS).value,
        }
        if rng.random() < 0.1:
            person["do_not_contact"] = True
        else:
            person["phone"] = f"+1 555 03{number} {rng.randrange(10000):04d}"
            involvement = rng.choice([i for i in Involvement if i is not Involvement.NONE])
            person["involvement"] = involvement.value
            person["may_share"] = [s.value for s in _some(rng, list(ShareCategory), 0, 2)]
        people.append(person)
    return people


def _some(rng: random.Random, choices: list[T], low: int, high: int) -> list[T]:
    """Between ``low`` and ``high`` distinct choices, in the order the list gives them."""
    picked = set(rng.sample(range(len(choices)), rng.randint(low, high)))
    return [choice for index, choice in enumerate(choices) if index in picked]


def _weighted(rng: random.Random, options: list[tuple[T, float]]) -> T:
    total = sum(weight for _, weight in options)
    point = rng.random() * total
    for option, weight in options:
        point -= weight
        if point < 0:
            return option
    return options[-1][0]
