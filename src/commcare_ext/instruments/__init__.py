"""Validated instruments as plug-ins: one folder each, one protocol, one registry.

An :class:`Instrument` carries its items, answer scale, codes, scoring to a typed
:class:`InstrumentScore` (results with items used and missing, bands, safety prompts from
critical items), and its measurement-based-care :class:`ChangeRule`. The form, extraction,
the summary and the follow-up loop over :func:`registered`; ``docs/instruments.md`` shows
how to add one.
"""

from commcare_ext.instruments.answers import InstrumentAnswers
from commcare_ext.instruments.codes import COMMCARE_CODESYSTEM, LOINC, loinc_confirmed
from commcare_ext.instruments.gad7 import GAD_7, Gad7
from commcare_ext.instruments.mos_sss import (
    MOS_SSS,
    MOS_SSS_INSTRUCTIONS_EN,
    MOS_SSS_ITEMS,
    MOS_SSS_MAX_VALUE,
    MOS_SSS_MIN_VALUE,
    MOS_SSS_OVERALL_NAME,
    MOS_SSS_SCALE,
    MOS_SSS_SUBSCALE_ITEMS,
    MOS_SSS_SUBSCALE_NAMES,
    MosItem,
    MosScores,
    MosSocialSupport,
    MosSss,
    MosSubscale,
    ScaleScore,
    score_mos_sss,
    to_0_100,
)
from commcare_ext.instruments.phq9 import FREQUENCY_SCALE, PHQ_9, Phq9
from commcare_ext.instruments.progress import (
    Comparison,
    MeasureChange,
    MeasureComparison,
    compare_scores,
    measure_change,
)
from commcare_ext.instruments.protocol import (
    PARAPHRASE,
    Band,
    ChangeRule,
    ConcernRule,
    Instrument,
    InstrumentDomain,
    InstrumentItem,
    InstrumentScore,
    SafetyLevel,
    SafetyPrompt,
    ScalePoint,
    ScaleResult,
    ScoreStatus,
    Wording,
    WordingSource,
)
from commcare_ext.instruments.registry import (
    UnknownInstrumentError,
    instrument,
    register,
    registered,
    selection,
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
from commcare_ext.instruments.summed import SummedInstrument
from commcare_ext.instruments.wording import (
    ExactWording,
    WordingMismatchError,
    WordingProblem,
    load_wording,
)

for _builtin in (MOS_SSS, PHQ_9, GAD_7):
    register(_builtin)

__all__ = [
    "ASQ",
    "COMMCARE_CODESYSTEM",
    "CSSRS_SCREEN",
    "FREQUENCY_SCALE",
    "GAD_7",
    "LOINC",
    "MOS_SSS",
    "MOS_SSS_INSTRUCTIONS_EN",
    "MOS_SSS_ITEMS",
    "MOS_SSS_MAX_VALUE",
    "MOS_SSS_MIN_VALUE",
    "MOS_SSS_OVERALL_NAME",
    "MOS_SSS_SCALE",
    "MOS_SSS_SUBSCALE_ITEMS",
    "MOS_SSS_SUBSCALE_NAMES",
    "PARAPHRASE",
    "PHQ_9",
    "SCREENS",
    "Band",
    "ChangeRule",
    "Comparison",
    "ConcernRule",
    "ExactWording",
    "Gad7",
    "Instrument",
    "InstrumentAnswers",
    "InstrumentDomain",
    "InstrumentItem",
    "InstrumentScore",
    "MeasureChange",
    "MeasureComparison",
    "MosItem",
    "MosScores",
    "MosSocialSupport",
    "MosSss",
    "MosSubscale",
    "Phq9",
    "SafetyLevel",
    "SafetyPrompt",
    "ScalePoint",
    "ScaleResult",
    "ScaleScore",
    "ScoreStatus",
    "ScreenItem",
    "ScreenKind",
    "ScreenOutcome",
    "ScreenResult",
    "SuicideScreen",
    "SummedInstrument",
    "UnknownInstrumentError",
    "Wording",
    "WordingMismatchError",
    "WordingProblem",
    "WordingSource",
    "compare_scores",
    "instrument",
    "load_wording",
    "loinc_confirmed",
    "measure_change",
    "register",
    "registered",
    "score_mos_sss",
    "selection",
    "to_0_100",
]
