"""Identifier systems the library assigns itself."""

from typing import Final

from commcare_ext.terminology.systems import CANONICAL_BASE

#: System of ``QuestionnaireResponse.identifier`` holding the intake's ``intake_id``.
INTAKE_IDENTIFIER_SYSTEM: Final = f"{CANONICAL_BASE}/identifier/intake"
