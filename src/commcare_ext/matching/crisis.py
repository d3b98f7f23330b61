"""Crisis help in a match: what the caller tells matching about risk, and what it shows.

Crisis services (crisis lines, mobile crisis teams, crisis stabilisation: see
:class:`~commcare_ext.directory.CrisisKind`) are never weighed against the kind of help a
person chose, their hours or their cost: they are for when things get worse, for everyone who
is matched. When the person's suicide-risk screen is positive (the intake's own
``safety_screen``, or the ``screen=`` a caller passes: an instruments ``ScreenResult``), the
crisis services come first among the proposals, each saying why. The screen belongs to the
instrument that scores it; matching needs only its result.
"""

from commcare_ext.instruments import ScreenResult
from commcare_ext.intake import Intake


def screen_result(intake: Intake, screen: ScreenResult | None) -> ScreenResult | None:
    """The screen result matching acts on: the caller's, else the intake's answered screen."""
    if screen is not None:
        return screen
    answered = intake.safety_screen
    outcome = answered.outcome if answered is not None else None
    return outcome.result if outcome is not None else None
