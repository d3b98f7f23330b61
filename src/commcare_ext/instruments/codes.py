"""The code systems instruments code in, spelled once below terminology.

``commcare_ext.terminology.systems`` re-exports these, so every layer uses one spelling.
"""

from typing import Final

from commcare_ext.fhir.code import Code

CANONICAL_BASE: Final = "https://fhir.commcare-ext.org"
LOINC: Final = "http://loinc.org"
SNOMED_CT: Final = "http://snomed.info/sct"
SDOH_CATEGORY: Final = (
    "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes"
)
#: Our CodeSystem: project concepts, and placeholders for codes not yet confirmed.
COMMCARE_CODESYSTEM: Final = f"{CANONICAL_BASE}/CodeSystem/commcare-intake"


def loinc(code: str, display: str) -> Code:
    """A LOINC code (cite its source where it is defined)."""
    return Code(LOINC, code, display)


def local(code: str, display: str) -> Code:
    """A code of our CodeSystem: a project concept or a marked placeholder."""
    return Code(COMMCARE_CODESYSTEM, code, display)


def loinc_confirmed(code: Code) -> bool:
    """True when ``code`` is a LOINC code, not our placeholder awaiting confirmation."""
    return code.system == LOINC
