"""Standard codes as typed constants; docs/terminology.md says where each was confirmed."""

from typing import Final

from commcare_ext.terminology.code import Code
from commcare_ext.terminology.systems import LOINC

#: LOINC 54899-0, as used by US Core's PRAPARE item example for the patient's preferred language.
PREFERRED_LANGUAGE: Final = Code(LOINC, "54899-0", "Preferred language")
#: LOINC 54588-9; same meaning as the US Core interpreter-needed extension.
INTERPRETER_NEEDED: Final = Code(LOINC, "54588-9", "Interpreter needed")
