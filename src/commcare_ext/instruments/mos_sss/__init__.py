"""The MOS Social Support Survey: items, wording, codes, RAND scoring, and its plug-in."""

from commcare_ext.instruments.mos_sss.items import (
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_ITEMS,
    MOS_SSS_MAX_VALUE,
    MOS_SSS_MIN_VALUE,
    MOS_SSS_OVERALL_NAME,
    MOS_SSS_SCALE,
    MOS_SSS_SUBSCALE_ITEMS,
    MOS_SSS_SUBSCALE_NAMES,
    MosItem,
    MosSubscale,
)
from commcare_ext.instruments.mos_sss.plugin import MOS_SSS, MosSss
from commcare_ext.instruments.mos_sss.scoring import (
    MosScores,
    MosSocialSupport,
    ScaleScore,
    score_mos_sss,
    to_0_100,
)

__all__ = [
    "MOS_SSS",
    "MOS_SSS_INSTRUCTIONS_EN",
    "MOS_SSS_ITEMS",
    "MOS_SSS_MAX_VALUE",
    "MOS_SSS_MIN_VALUE",
    "MOS_SSS_OVERALL_NAME",
    "MOS_SSS_SCALE",
    "MOS_SSS_SUBSCALE_ITEMS",
    "MOS_SSS_SUBSCALE_NAMES",
    "MosItem",
    "MosScores",
    "MosSocialSupport",
    "MosSss",
    "MosSubscale",
    "ScaleScore",
    "score_mos_sss",
    "to_0_100",
]
