"""Parts every form section shares: the answer codecs and the item shapes used again and again."""

from typing import Literal

from commcare_ext.questionnaire.codecs import (
    BooleanCodec,
    DateCodec,
    EnumCodec,
    LanguageCodec,
    TextCodec,
)
from commcare_ext.questionnaire.spec import Item, Text, When
from commcare_ext.terminology.answers import COMMON_LANGUAGES, AnswerSet

STRING = TextCodec("string")
TEXT = TextCodec("text")
BOOLEAN = BooleanCodec()
DATE = DateCodec()
LANGUAGE = LanguageCodec(COMMON_LANGUAGES)

#: Longest answer in the patient's own words (the model's ``PatientText`` bound).
OWN_WORDS_MAX_LENGTH = 4000


def choice(answer_set: AnswerSet) -> EnumCodec:
    """A choice among ``answer_set``; the model holds the intake enum member."""
    return EnumCodec(answer_set)


def own_words(
    link_id: str,
    field: str,
    en: str,
    *,
    required: bool = False,
    enable_when: tuple[When, ...] = (),
    enable_behavior: Literal["all", "any"] = "all",
) -> Item:
    """A paragraph in the patient's own words."""
    return Item(
        link_id,
        Text(en),
        TEXT,
        field,
        max_length=OWN_WORDS_MAX_LENGTH,
        required=required,
        enable_when=enable_when,
        enable_behavior=enable_behavior,
    )
