"""Terminology: typed codes and coded answers, our CodeSystem's concepts, standard codes.

Import from the submodules (``answers``, ``questions``, ``standard``, ``mos_sss``,
``systems``); this package re-exports only ``Code`` and ``Answer`` so that any module may
import them without pulling in the rest. Publishing the CodeSystem and ValueSets as FHIR
resources sits beside the form builder (``commcare_ext.questionnaire``).
"""

from commcare_ext.terminology.code import Answer, Code

__all__ = ["Answer", "Code"]
