"""The follow-up Questionnaire: the referrals' outcome in the patient's eyes, then the measures.

For each referral: did you reach it, did it help, what got in the way; then each chosen
instrument again (by default those the intake includes), so outcomes can be compared with
intake: measurement-based care.

Wording is ours. Spanish is a draft that needs review by a qualified medical translator
before use with patients (``SPANISH_REVIEW_NOTE`` travels in the Questionnaire's ``purpose``).
Instrument items keep the intake's linkIds (``<section>.<item>``), so one item is read the
same way wherever it appears.

Pre-fill (:func:`prefill_follow_up`) fills in what the clinic already knows — which
referrals were made and to what kind of support — and never the patient's own answers:
whether they reached a support, how it helped, and how supported they feel are theirs to say
again; carrying the intake's answers forward would bias the comparison.
"""

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum
from typing import Any, Final, Literal

from commcare_ext.followup.state import ReferralState
from commcare_ext.instruments import Instrument, registered, selection
from commcare_ext.intake import AccessBarrier
from commcare_ext.questionnaire.build import version_algorithm
from commcare_ext.terminology.answers import answer_set_for
from commcare_ext.terminology.catalogue import code_display, translate
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.followup import (
    FOLLOW_UP_PANEL,
    FOLLOW_UP_QUESTIONNAIRE_URL,
    NO,
    NO_CALL_BACK,
    NO_LONGER_NEEDED,
    NOT_A_GOOD_FIT,
    NOT_HELPFUL,
    REACHED_SUPPORT,
    SOMEWHAT_HELPFUL,
    STILL_TRYING,
    SUPPORT_HELPFUL,
    VERY_HELPFUL,
    WAITING_LIST,
    WHAT_GOT_IN_THE_WAY,
    WORRIED_WHO_WOULD_KNOW,
    YES,
)
from commcare_ext.terminology.systems import (
    CONTENT_DATE,
    CONTENT_VERSION,
    ORDINAL_VALUE_EXTENSION,
    QUESTIONNAIRE_ITEM_CONTROL,
    QUESTIONNAIRE_ITEM_CONTROL_SYSTEM,
    SDC_QUESTIONNAIRE,
)
from commcare_ext.terminology.translation import translated

Language = Literal["en", "es"]

SPANISH_REVIEW_NOTE: Final = (
    "The Spanish text is a draft: it needs review by a qualified medical translator before "
    "it is used with patients."
)

#: linkIds, in form order.
REFERRAL_GROUP: Final = "follow-up.referral"
REQUEST: Final = "follow-up.referral.request"
SUPPORT: Final = "follow-up.referral.support"
REACHED: Final = "follow-up.referral.reached"
HELPFUL: Final = "follow-up.referral.helpful"
OBSTACLES: Final = "follow-up.referral.obstacles"
OBSTACLES_DETAIL: Final = "follow-up.referral.obstacles-detail"


class Reached(StrEnum):
    """Whether the patient reached the support."""

    YES = "yes"
    STILL_TRYING = "still-trying"
    NO = "no"


class Helpfulness(StrEnum):
    """How helpful the support was, in the patient's view."""

    VERY = "very"
    SOMEWHAT = "somewhat"
    NOT = "not"


class FollowUpObstacle(StrEnum):
    """What got in the way of a referral (besides the intake's access barriers)."""

    NO_CALL_BACK = "obstacle-no-call-back"
    WAITING_LIST = "obstacle-waiting-list"
    NOT_A_GOOD_FIT = "obstacle-not-a-fit"
    WORRIED_WHO_WOULD_KNOW = "obstacle-privacy"
    NO_LONGER_NEEDED = "obstacle-no-longer-needed"


@dataclass(frozen=True, slots=True)
class Choice:
    """One answer option: the enum member, its code, and its Spanish label."""

    member: StrEnum
    code: Code
    display_es: str


REACHED_CHOICES: Final = (
    Choice(Reached.YES, YES, "Sí"),
    Choice(Reached.STILL_TRYING, STILL_TRYING, code_display(STILL_TRYING, "es")),
    Choice(Reached.NO, NO, "No"),
)
HELPFUL_CHOICES: Final = (
    Choice(Helpfulness.VERY, VERY_HELPFUL, code_display(VERY_HELPFUL, "es")),
    Choice(Helpfulness.SOMEWHAT, SOMEWHAT_HELPFUL, code_display(SOMEWHAT_HELPFUL, "es")),
    Choice(Helpfulness.NOT, NOT_HELPFUL, code_display(NOT_HELPFUL, "es")),
)
OBSTACLE_CHOICES: Final[tuple[Choice, ...]] = (
    Choice(FollowUpObstacle.NO_CALL_BACK, NO_CALL_BACK, code_display(NO_CALL_BACK, "es")),
    Choice(FollowUpObstacle.WAITING_LIST, WAITING_LIST, code_display(WAITING_LIST, "es")),
    Choice(FollowUpObstacle.NOT_A_GOOD_FIT, NOT_A_GOOD_FIT, code_display(NOT_A_GOOD_FIT, "es")),
    Choice(
        FollowUpObstacle.WORRIED_WHO_WOULD_KNOW,
        WORRIED_WHO_WOULD_KNOW,
        code_display(WORRIED_WHO_WOULD_KNOW, "es"),
    ),
    Choice(
        FollowUpObstacle.NO_LONGER_NEEDED, NO_LONGER_NEEDED, code_display(NO_LONGER_NEEDED, "es")
    ),
    *(
        Choice(member, answer.code, code_display(answer.code, "es"))
        for member, answer in answer_set_for(AccessBarrier).answers.items()
    ),
)
#: Each question's codes -> enum members, for reading answers back.
CHOICES_BY_LINK_ID: Final[Mapping[str, tuple[Choice, ...]]] = {
    REACHED: REACHED_CHOICES,
    HELPFUL: HELPFUL_CHOICES,
    OBSTACLES: OBSTACLE_CHOICES,
}

_TEXT: Final[dict[str, tuple[str, str]]] = {
    "title": (
        "Checking in: the supports we suggested",
        "Seguimiento: los apoyos que le sugerimos",
    ),
    "description": (
        "A few weeks ago we suggested some community supports. We would like to know whether "
        "you reached them, whether they helped, and how supported you feel now. Skip anything "
        "you prefer not to answer.",
        "Hace unas semanas le sugerimos algunos apoyos comunitarios. Queremos saber si pudo "
        "contactarlos, si le ayudaron y cuánto apoyo siente ahora. Puede omitir lo que "
        "prefiera no responder.",
    ),
    REFERRAL_GROUP: ("A support we suggested", "Un apoyo que le sugerimos"),
    REQUEST: ("Referral", "Derivación"),
    SUPPORT: ("Support", "Apoyo"),
    REACHED: (
        "Were you able to connect with this support?",
        "¿Pudo ponerse en contacto con este apoyo?",
    ),
    HELPFUL: ("How helpful has it been for you?", "¿Qué tan útil le ha resultado?"),
    OBSTACLES: (
        "What got in the way? Choose all that apply.",
        "¿Qué se lo impidió o se lo dificultó? Marque todo lo que corresponda.",
    ),
    OBSTACLES_DETAIL: (
        "Anything else that got in the way, in your own words",
        "Algo más que se lo haya dificultado, en sus propias palabras",
    ),
}


def follow_up_url(language: Language = "en") -> str:
    """Canonical URL of the follow-up Questionnaire variant for ``language``."""
    return f"{FOLLOW_UP_QUESTIONNAIRE_URL}-es" if language == "es" else FOLLOW_UP_QUESTIONNAIRE_URL


def follow_up_instruments(ids: Iterable[str] | None = None) -> tuple[Instrument, ...]:
    """The instruments a follow-up asks again: the clinic's choice (``None``: the defaults)."""
    return tuple(i for i in selection(ids) if i.follow_up)


def build_follow_up_questionnaire(
    language: Language = "en", *, instruments: Iterable[str] | None = None
) -> dict[str, Any]:
    """The follow-up Questionnaire (FHIR R4 JSON); the other language rides in translations.

    ``instruments``: the instruments to measure again (ids; ``None``: those the intake
    includes by default). Each keeps its intake linkIds, so one item reads the same anywhere.
    """
    if language not in ("en", "es"):
        msg = f"language must be 'en' or 'es', not {language!r}"
        raise ValueError(msg)
    text = _Texts(language)
    suffix = "-es" if language == "es" else ""
    return {
        "resourceType": "Questionnaire",
        "id": f"referral-follow-up{suffix}",
        "meta": {"profile": [SDC_QUESTIONNAIRE]},
        "language": language,
        "extension": [version_algorithm()],
        "url": follow_up_url(language),
        "version": CONTENT_VERSION,
        "name": "ReferralFollowUpEs" if language == "es" else "ReferralFollowUp",
        "title": text.main("title"),
        "_title": text.other("title"),
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "date": CONTENT_DATE,
        "publisher": "commcare_ext",
        "description": text.main("description"),
        "purpose": SPANISH_REVIEW_NOTE,
        "code": [FOLLOW_UP_PANEL.as_coding()],
        "item": [
            _referral_group(text),
            *(_measure(text, i) for i in follow_up_instruments(instruments)),
        ],
    }


def prefill_follow_up(
    referrals: Sequence[tuple[ReferralState, str]],
    *,
    patient: str,
    authored: datetime,
    language: Language = "en",
) -> dict[str, Any]:
    """An in-progress QuestionnaireResponse naming each referral and its support (only those)."""
    groups = [
        {
            "linkId": REFERRAL_GROUP,
            "item": [
                {"linkId": REQUEST, "answer": [{"valueReference": {"reference": state.focus}}]},
                {"linkId": SUPPORT, "answer": [{"valueString": name}]},
            ],
        }
        for state, name in referrals
    ]
    return {
        "resourceType": "QuestionnaireResponse",
        "questionnaire": f"{follow_up_url(language)}|{CONTENT_VERSION}",
        "status": "in-progress",
        "subject": {"reference": patient},
        "authored": authored.isoformat(),
        "item": groups,
    }


def support_name(service_request: Mapping[str, Any]) -> str:
    """What to call a referral's support: the ServiceRequest's code text or display."""
    code = service_request.get("code") or {}
    if isinstance(code.get("text"), str) and code["text"]:
        return str(code["text"])
    for coding in reversed(code.get("coding", [])):
        if coding.get("display"):
            return str(coding["display"])
    return "Referral"


class _Texts:
    def __init__(self, language: Language) -> None:
        self.index = 1 if language == "es" else 0
        self.other_language = "en" if language == "es" else "es"

    def main(self, key: str) -> str:
        return _TEXT[key][self.index]

    def other(self, key: str) -> dict[str, Any]:
        return translated({self.other_language: _TEXT[key][1 - self.index]})

    def pair(self, english: str, spanish: str) -> tuple[str, dict[str, Any]]:
        texts = (english, spanish)
        return texts[self.index], translated({self.other_language: texts[1 - self.index]})


def _item(text: _Texts, link_id: str, item_type: str, **extra: Any) -> dict[str, Any]:
    return {
        "linkId": link_id,
        "text": text.main(link_id),
        "_text": text.other(link_id),
        "type": item_type,
        **extra,
    }


def _control(code: str) -> dict[str, Any]:
    return {
        "url": QUESTIONNAIRE_ITEM_CONTROL,
        "valueCodeableConcept": {
            "coding": [{"system": QUESTIONNAIRE_ITEM_CONTROL_SYSTEM, "code": code}]
        },
    }


def _options(text: _Texts, choices: Sequence[Choice]) -> list[dict[str, Any]]:
    options = []
    for choice in choices:
        display, other = text.pair(choice.code.display, choice.display_es)
        coding = {"system": choice.code.system, "code": choice.code.code, "display": display}
        options.append({"valueCoding": {**coding, "_display": other}})
    return options


def _referral_group(text: _Texts) -> dict[str, Any]:
    yes = {"system": YES.system, "code": YES.code}
    return _item(
        text,
        REFERRAL_GROUP,
        "group",
        repeats=True,
        item=[
            _item(text, REQUEST, "reference", readOnly=True, required=True),
            _item(text, SUPPORT, "string", readOnly=True),
            _item(
                text,
                REACHED,
                "choice",
                extension=[_control("radio-button")],
                code=[REACHED_SUPPORT.as_coding()],
                required=True,
                answerOption=_options(text, REACHED_CHOICES),
            ),
            _item(
                text,
                HELPFUL,
                "choice",
                extension=[_control("radio-button")],
                code=[SUPPORT_HELPFUL.as_coding()],
                enableWhen=[{"question": REACHED, "operator": "=", "answerCoding": yes}],
                answerOption=_options(text, HELPFUL_CHOICES),
            ),
            _item(
                text,
                OBSTACLES,
                "choice",
                extension=[_control("check-box")],
                code=[WHAT_GOT_IN_THE_WAY.as_coding()],
                repeats=True,
                enableWhen=[{"question": REACHED, "operator": "!=", "answerCoding": yes}],
                answerOption=_options(text, OBSTACLE_CHOICES),
            ),
            _item(
                text,
                OBSTACLES_DETAIL,
                "text",
                enableWhen=[{"question": REACHED, "operator": "!=", "answerCoding": yes}],
            ),
        ],
    )


def _measure(text: _Texts, instrument: Instrument) -> dict[str, Any]:
    """An instrument's section, built from the protocol (intake linkIds and codes)."""

    def pair(english: str, context: str) -> tuple[str, dict[str, Any]]:
        return text.pair(english, translate("es", english, context))

    instructions, other = pair(instrument.instructions_en, f"{instrument.link_id}.instructions")
    items: list[dict[str, Any]] = [
        {
            "linkId": f"{instrument.link_id}.instructions",
            "text": instructions,
            "_text": other,
            "type": "display",
        }
    ]
    for item in instrument.items:
        options: list[dict[str, Any]] = []
        for point in instrument.scale_of(item):
            display, other_display = text.pair(point.code.display, code_display(point.code, "es"))
            coding: dict[str, Any] = {"system": point.code.system, "code": point.code.code}
            options.append(
                {
                    "valueCoding": {**coding, "display": display, "_display": other_display},
                    "extension": [{"url": ORDINAL_VALUE_EXTENSION, "valueDecimal": point.value}],
                }
            )
        link_id = f"{instrument.link_id}.{instrument.item_key(item)}"
        item_text, item_other = pair(item.text_en, link_id)
        items.append(
            {
                "linkId": link_id,
                "extension": [_control("radio-button")],
                "code": [item.code.as_coding()],
                "prefix": f"{item.number}.",
                "text": item_text,
                "_text": item_other,
                "type": "choice",
                "answerOption": options,
            }
        )
    title, title_other = pair(instrument.title_en, instrument.link_id)
    return {
        "linkId": instrument.link_id,
        "text": title,
        "_text": title_other,
        "type": "group",
        "code": [instrument.panel.as_coding()],
        "item": items,
    }


def measure_link_ids() -> dict[str, Instrument]:
    """Each registered instrument by its section linkId, for reading a follow-up back."""
    return {i.link_id: i for i in registered() if i.follow_up}
