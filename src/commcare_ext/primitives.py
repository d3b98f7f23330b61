"""FHIR R4 primitive formats, written once (http://hl7.org/fhir/R4/datatypes.html).

Every package that checks an id, a date or a dateTime takes its pattern from here, so the
rule is spelled in one place. ``ID`` has the character class of ``fhir_core``'s ``Id`` type
and R4's length limit of 64 (``fhir_core`` allows 255 by default); a test holds them equal.
These are strings and compiled patterns only: the ground floor imports nothing.
"""

import re
from typing import Final

#: ``id``: letters, digits, '-' and '.', 1 to 64 of them.
ID: Final = r"[A-Za-z0-9\-.]{1,64}"
#: ``date`` in full: YYYY-MM-DD (what a birth date or a calendar day needs).
FULL_DATE: Final = r"\d{4}-\d{2}-\d{2}"
#: ``dateTime``: a year, year-month, date, or date and time with its zone (named groups).
DATE_TIME: Final = (
    r"(?P<year>\d{4})(-(?P<month>\d{2})(-(?P<day>\d{2})"
    r"(T(?P<time>\d{2}:\d{2}(:\d{2}(\.\d+)?)?)(?P<zone>Z|[+-]\d{2}:\d{2}))?)?)?"
)
#: A ``dateTime`` to the second with its zone (what ``QuestionnaireResponse.authored`` needs).
FULL_DATE_TIME: Final = r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})"

ID_RE: Final = re.compile(rf"^{ID}$")
FULL_DATE_RE: Final = re.compile(rf"^{FULL_DATE}$")
DATE_TIME_RE: Final = re.compile(rf"^{DATE_TIME}$")
FULL_DATE_TIME_RE: Final = re.compile(rf"^{FULL_DATE_TIME}$")
