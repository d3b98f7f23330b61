"""Validated instruments: the MOS Social Support Survey, its codes and exact scoring."""

from commcare_ext.instruments.mos_sss import (
    MOS_SSS_ANSWERS,
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_INSTRUCTIONS_ES,
    MOS_SSS_ITEMS,
    MOS_SSS_OVERALL_INDEX,
    MOS_SSS_PANEL,
    MOS_SSS_SCORE_CODES,
    MOS_SSS_SUBSCALE_NAMES,
    MosAnswer,
    MosItem,
    MosSubscale,
)
from commcare_ext.instruments.scoring import MosScores, MosSocialSupport, ScaleScore, score_mos_sss

__all__ = [
    "MOS_SSS_ANSWERS",
    "MOS_SSS_INSTRUCTIONS_EN",
    "MOS_SSS_INSTRUCTIONS_ES",
    "MOS_SSS_ITEMS",
    "MOS_SSS_OVERALL_INDEX",
    "MOS_SSS_PANEL",
    "MOS_SSS_SCORE_CODES",
    "MOS_SSS_SUBSCALE_NAMES",
    "MosAnswer",
    "MosItem",
    "MosScores",
    "MosSocialSupport",
    "MosSubscale",
    "ScaleScore",
    "score_mos_sss",
]
