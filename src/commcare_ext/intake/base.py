"""Base class and constrained types shared by every intake section."""

import re
from typing import Annotated

from pydantic import AfterValidator, StringConstraints

from commcare_ext.phi import PhiSafeModel

_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}"  # primary language (ISO 639)
    r"(-[A-Za-z]{4})?"  # script (ISO 15924)
    r"(-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region (ISO 3166 or UN M.49)
    r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"  # variants
)
_PHONE = re.compile(r"^\+?[0-9 ().\-]{6,25}(?: ?(?:x|ext\.?) ?[0-9]{1,6})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")


def _language_tag(value: str) -> str:
    if not _BCP47.match(value):
        msg = "expected a BCP-47 language tag such as 'es', 'zh-Hant' or 'pt-BR'"
        raise ValueError(msg)
    return value


def _phone(value: str) -> str:
    if not _PHONE.match(value):
        msg = "expected a phone number of digits, spaces, '+', '-', '(' or ')'"
        raise ValueError(msg)
    return value


def _email(value: str) -> str:
    if not _EMAIL.match(value):
        msg = "expected an e-mail address such as name@example.org"
        raise ValueError(msg)
    return value


#: A BCP-47 language tag (FHIR ``urn:ietf:bcp:47``); checked for shape, not registry membership.
LanguageTag = Annotated[str, AfterValidator(_language_tag)]
#: Something the patient wrote in their own words: trimmed, non-empty, bounded.
PatientText = Annotated[
    str, StringConstraints(strip_whitespace=True, min_length=1, max_length=4000)
]
#: A short label such as a name.
ShortText = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=200)]
PhoneNumber = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_phone)]
EmailAddress = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_email)]


class IntakeSection(PhiSafeModel):
    """Base of every intake section: strict, PHI-safe (see :class:`PhiSafeModel`)."""
