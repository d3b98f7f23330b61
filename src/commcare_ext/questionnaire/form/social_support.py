"""'Support in your life': the MOS Social Support Survey, item by item, with its LOINC codes."""

from commcare_ext.instruments import (
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_ITEMS,
    MosItem,
)
from commcare_ext.questionnaire.codecs import OrdinalCodec
from commcare_ext.questionnaire.spec import Item, Text
from commcare_ext.terminology.mos_sss import MOS_SSS_ANSWERS, MOS_SSS_ITEM_CODES, MOS_SSS_PANEL

MOS_ANSWER = OrdinalCodec(tuple(MOS_SSS_ANSWERS.items()))


def _mos_item(item: MosItem) -> Item:
    return Item(
        f"social-support.{item.key}",
        Text(item.text_en),
        MOS_ANSWER,
        ("answers", item.number),
        control="radio-button",
        code=MOS_SSS_ITEM_CODES[item.number],
        observation_extract=True,
        prefix=f"{item.number}.",
    )


SOCIAL_SUPPORT = Item(
    "social-support",
    Text("Support in your life (MOS Social Support Survey)"),
    field="social_support",
    code=MOS_SSS_PANEL,
    children=(
        Item(
            "social-support.instructions",
            Text(MOS_SSS_INSTRUCTIONS_EN),
            display=True,
        ),
        *(_mos_item(item) for item in MOS_SSS_ITEMS),
    ),
)
