"""Validated instruments: the MOS Social Support Survey's items, wording and exact scoring.

Code-free on purpose: the instrument's LOINC (or placeholder) codes live in
``commcare_ext.terminology.mos_sss``, so the intake can hold answers without reaching a
code system.
"""

from commcare_ext.instruments.mos_sss import (
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
from commcare_ext.instruments.scoring import (
    MosScores,
    MosSocialSupport,
    ScaleScore,
    ScoreStatus,
    score_mos_sss,
    to_0_100,
)
from commcare_ext.instruments.suicide_screen import (
    ASQ,
    CSSRS_SCREEN,
    SCREENS,
    ScreenItem,
    ScreenKind,
    ScreenOutcome,
    ScreenResult,
    SuicideScreen,
)

__all__ = [
    "ASQ",
    "CSSRS_SCREEN",
    "MOS_SSS_INSTRUCTIONS_EN",
    "MOS_SSS_ITEMS",
    "MOS_SSS_MAX_VALUE",
    "MOS_SSS_MIN_VALUE",
    "MOS_SSS_OVERALL_NAME",
    "MOS_SSS_SCALE",
    "MOS_SSS_SUBSCALE_ITEMS",
    "MOS_SSS_SUBSCALE_NAMES",
    "SCREENS",
    "MosItem",
    "MosScores",
    "MosSocialSupport",
    "MosSubscale",
    "ScaleScore",
    "ScoreStatus",
    "ScreenItem",
    "ScreenKind",
    "ScreenOutcome",
    "ScreenResult",
    "SuicideScreen",
    "score_mos_sss",
    "to_0_100",
]
