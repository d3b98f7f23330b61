"""Terminology: typed codes and coded answers, our CodeSystem's concepts, standard codes.

Import from the submodules (``answers``, ``questions``, ``standard``, ``mos_sss``,
``systems``); this package re-exports ``Code`` and ``Answer``, and the languages the intake
is published in with their catalogues (``form_language``, ``translate``…), so that any
module may import them without pulling in the rest. Publishing the CodeSystem and ValueSets
as FHIR resources sits beside the form builder (``commcare_ext.questionnaire``).
"""

from commcare_ext.terminology.catalogue import (
    MissingTranslationError,
    read_catalogue,
    translate,
)
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.crisis import (
    CrisisConfigError,
    CrisisResource,
    CrisisResources,
    default_crisis_resources,
    lifeline_988,
)
from commcare_ext.terminology.languages import (
    REVIEWED_LANGUAGES,
    FormLanguage,
    UnsupportedLanguageError,
    form_language,
    needs_review,
    text_direction,
)

__all__ = [
    "REVIEWED_LANGUAGES",
    "Answer",
    "Code",
    "CrisisConfigError",
    "CrisisResource",
    "CrisisResources",
    "FormLanguage",
    "MissingTranslationError",
    "UnsupportedLanguageError",
    "default_crisis_resources",
    "form_language",
    "lifeline_988",
    "needs_review",
    "read_catalogue",
    "text_direction",
    "translate",
]
