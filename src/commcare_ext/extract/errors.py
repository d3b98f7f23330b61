"""Typed errors for intakes that cannot be turned into FHIR resources."""

from commcare_ext.errors import CommcareError


class ExtractionError(CommcareError, ValueError):
    """An intake or extraction context cannot be extracted; ``field`` names what to fix."""

    def __init__(self, field: str, expected: str) -> None:
        self.field = field
        self.expected = expected
        super().__init__(f"{field}: {expected}")
