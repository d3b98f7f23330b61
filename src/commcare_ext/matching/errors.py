"""The one error matching raises: a bad argument, named with what was expected."""

from commcare_ext.errors import CommcareError


class MatchingError(CommcareError, ValueError):
    """A matching argument is unusable; ``field`` names it (never its value)."""

    def __init__(self, field: str, expected: str) -> None:
        super().__init__(f"{field}: {expected}")
        self.field = field
        self.expected = expected
