"""Every coded answer of the intake: its code system, displays (English, Spanish), meaning.

One module per form section holds that section's answer tables; this package gathers them
in publication order (the order of ``value_sets()`` and of our CodeSystem's concepts).
"""

from enum import StrEnum

from commcare_ext.terminology.answers.about import RESPONDENT
from commcare_ext.terminology.answers.barriers import ACCESS_BARRIER
from commcare_ext.terminology.answers.base import AnswerSet, UnknownAnswerError
from commcare_ext.terminology.answers.care import (
    CLINICIAN_GENDER,
    PREFERENCE_STRENGTH,
    REFERRAL_SHARE,
    SUPPORT_TYPE,
    THERAPY_FORMAT,
    VISIT_MODE,
)
from commcare_ext.terminology.answers.formulation import HELP_SOURCE, PERCEIVED_CAUSE
from commcare_ext.terminology.answers.identity import (
    COMMUNICATION_NEED,
    GENDER_IDENTITY,
    INTERPRETER_TODAY,
    MIGRATION_STATUS,
    PRONOUNS,
)
from commcare_ext.terminology.answers.idioms import IDIOM_OF_DISTRESS
from commcare_ext.terminology.answers.language import COMMON_LANGUAGES, SPIRITUAL_IMPORTANCE
from commcare_ext.terminology.answers.network import (
    CONTACT_SAFETY,
    DECISION_STYLE,
    INVOLVEMENT,
    RELATIONSHIP,
    SHARE_CATEGORY,
)
from commcare_ext.terminology.answers.practical import (
    DAY_OF_WEEK,
    DISTANCE_UNIT,
    ELIGIBILITY_GROUP,
    INTERNET_ACCESS,
    PHONE_ACCESS,
    TAKING_PART,
    TRAVEL_MODE,
)
from commcare_ext.terminology.answers.privacy import DISCREET_CONTACT, STIGMA_CONCERN
from commcare_ext.terminology.code import Answer, Code

#: Every answer set, in publication order.
ANSWER_SETS: tuple[AnswerSet, ...] = (
    RELATIONSHIP,
    INVOLVEMENT,
    SHARE_CATEGORY,
    REFERRAL_SHARE,
    DECISION_STYLE,
    PERCEIVED_CAUSE,
    HELP_SOURCE,
    SUPPORT_TYPE,
    PREFERENCE_STRENGTH,
    CLINICIAN_GENDER,
    VISIT_MODE,
    THERAPY_FORMAT,
    STIGMA_CONCERN,
    DISCREET_CONTACT,
    ACCESS_BARRIER,
    SPIRITUAL_IMPORTANCE,
    RESPONDENT,
    IDIOM_OF_DISTRESS,
    CONTACT_SAFETY,
    GENDER_IDENTITY,
    PRONOUNS,
    COMMUNICATION_NEED,
    INTERPRETER_TODAY,
    MIGRATION_STATUS,
    DAY_OF_WEEK,
    TAKING_PART,
    TRAVEL_MODE,
    DISTANCE_UNIT,
    PHONE_ACCESS,
    INTERNET_ACCESS,
    ELIGIBILITY_GROUP,
)

_BY_ENUM: dict[type[StrEnum], AnswerSet] = {type(next(iter(s.answers))): s for s in ANSWER_SETS}


def answer_set_for(enum: type[StrEnum]) -> AnswerSet:
    """Return the answer set that publishes an intake enum."""
    try:
        return _BY_ENUM[enum]
    except (KeyError, TypeError):
        msg = "no answer set publishes this type: expected an intake vocabulary enum"
        raise UnknownAnswerError(msg) from None


def coding_for(member: StrEnum) -> Code:
    """Return the standard or local code of an intake enum member."""
    return answer_set_for(type(member)).answer(member).code


__all__ = [
    "ACCESS_BARRIER",
    "ANSWER_SETS",
    "CLINICIAN_GENDER",
    "COMMON_LANGUAGES",
    "COMMUNICATION_NEED",
    "CONTACT_SAFETY",
    "DAY_OF_WEEK",
    "DECISION_STYLE",
    "DISCREET_CONTACT",
    "DISTANCE_UNIT",
    "ELIGIBILITY_GROUP",
    "GENDER_IDENTITY",
    "HELP_SOURCE",
    "IDIOM_OF_DISTRESS",
    "INTERNET_ACCESS",
    "INTERPRETER_TODAY",
    "INVOLVEMENT",
    "MIGRATION_STATUS",
    "PERCEIVED_CAUSE",
    "PHONE_ACCESS",
    "PREFERENCE_STRENGTH",
    "PRONOUNS",
    "REFERRAL_SHARE",
    "RELATIONSHIP",
    "RESPONDENT",
    "SHARE_CATEGORY",
    "SPIRITUAL_IMPORTANCE",
    "STIGMA_CONCERN",
    "SUPPORT_TYPE",
    "TAKING_PART",
    "THERAPY_FORMAT",
    "TRAVEL_MODE",
    "VISIT_MODE",
    "Answer",
    "AnswerSet",
    "UnknownAnswerError",
    "answer_set_for",
    "coding_for",
]
