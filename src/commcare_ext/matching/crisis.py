"""Crisis help in a match: what the caller tells matching about risk, and what it shows.

Crisis services (crisis lines, mobile crisis teams, crisis stabilisation: see
:class:`~commcare_ext.directory.CrisisKind`) are never weighed against the kind of help a
person chose, their hours or their cost: they are for when things get worse, for everyone who
is matched. When a suicide-risk screen is positive the caller passes it as ``screen=`` and the
crisis services come first among the proposals, each saying why. The screen itself belongs to
the instrument that scores it; matching needs only its result.
"""

from enum import StrEnum


class RiskScreen(StrEnum):
    """The result of a suicide-risk screen (e.g. ASQ: negative, non-acute or acute positive)."""

    NEGATIVE = "negative"
    NON_ACUTE_POSITIVE = "non-acute-positive"
    ACUTE_POSITIVE = "acute-positive"

    @property
    def positive(self) -> bool:
        """True for either positive result: crisis help then comes first."""
        return self is not RiskScreen.NEGATIVE
