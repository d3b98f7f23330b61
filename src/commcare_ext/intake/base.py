"""Base class and constrained types shared by every intake section."""

import re
from typing import Annotated

from pydantic import AfterValidator, BeforeValidator, StringConstraints

from commcare_ext.phi import PhiSafeModel

_BCP47 = re.compile(
    r"^[A-Za-z]{2,3}"  # primary language (ISO 639)
    r"(-[A-Za-z]{4})?"  # script (ISO 15924)
    r"(-(?:[A-Za-z]{2}|[0-9]{3}))?"  # region (ISO 3166 or UN M.49)
    r"(-(?:[A-Za-z0-9]{5,8}|[0-9][A-Za-z0-9]{3}))*$"  # variants
)
_PHONE = re.compile(r"^\+?[0-9 ().\-]{6,25}(?: ?(?:x|ext\.?) ?[0-9]{1,6})?$")
_EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")

#: Whitespace-like controls that pasted text carries (vertical tab, form feed): read as a space.
_AS_SPACE = str.maketrans({"\v": " ", "\f": " "})
#: What no FHIR string or XHTML narrative may carry: C0 controls other than tab, newline and
#: carriage return; DEL and the C1 controls; Unicode noncharacters. (Lone surrogates never
#: get this far: pydantic refuses them as invalid strings.)
_NONCHARACTERS = "\ufdd0-\ufdef" + "".join(
    chr(plane * 0x10000 + 0xFFFE) + chr(plane * 0x10000 + 0xFFFF) for plane in range(17)
)
_FORBIDDEN = re.compile(f"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f{_NONCHARACTERS}]")


def spaces_for_whitespace_controls(value: object) -> object:
    """Vertical tab and form feed as spaces (they are whitespace a paste left, not content)."""
    return value.translate(_AS_SPACE) if isinstance(value, str) else value


def check_plain_text(value: str) -> str:
    """Refuse a character FHIR JSON or an XHTML narrative cannot carry, naming its code point."""
    found = _FORBIDDEN.search(value)
    if found is not None:
        # The code point, never the text around it: the text is the patient's.
        msg = (
            "must not contain control characters or Unicode noncharacters "
            f"(found U+{ord(found.group()):04X})"
        )
        raise ValueError(msg)
    return value


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
#: Something the patient wrote in their own words: trimmed, non-empty, bounded. Like every
#: text type here it is plain text, whose every character can travel in FHIR JSON and in an
#: XHTML narrative: vertical tab and form feed become spaces; other control characters and
#: noncharacters are refused.
PatientText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=4000),
    BeforeValidator(spaces_for_whitespace_controls),
    AfterValidator(check_plain_text),
]
#: A short label such as a name.
ShortText = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=200),
    BeforeValidator(spaces_for_whitespace_controls),
    AfterValidator(check_plain_text),
]
PhoneNumber = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    BeforeValidator(spaces_for_whitespace_controls),
    AfterValidator(check_plain_text),
    AfterValidator(_phone),
]
EmailAddress = Annotated[
    str,
    StringConstraints(strip_whitespace=True),
    BeforeValidator(spaces_for_whitespace_controls),
    AfterValidator(check_plain_text),
    AfterValidator(_email),
]


class IntakeSection(PhiSafeModel):
    """Base of every intake section: strict, PHI-safe (see :class:`PhiSafeModel`)."""
