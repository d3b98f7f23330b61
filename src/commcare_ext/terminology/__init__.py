"""Terminology: typed codes, our CodeSystem and ValueSets, published as FHIR resources.

Import from the submodules (``answers``, ``questions``, ``standard``, ``resources``,
``systems``); this package re-exports only ``Code`` so that any module may import it
without pulling in the rest.
"""

from commcare_ext.terminology.code import Code

__all__ = ["Code"]
