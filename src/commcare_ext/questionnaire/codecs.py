"""Answer codecs: how one kind of model value becomes a ``QuestionnaireResponse`` answer and back.

A codec knows its FHIR item type, the answer options it offers, and how to check an answer
from any renderer. Decoding raises :class:`AnswerProblem`, which the reader turns into a
:class:`~commcare_ext.questionnaire.errors.ResponseProblem` with the linkId path.
"""

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, time
from typing import Any, Protocol

from commcare_ext.fhir.language import language_coding
from commcare_ext.intake.vocabulary import ContactSafety
from commcare_ext.questionnaire.errors import ProblemKind
from commcare_ext.terminology.answers import AnswerSet
from commcare_ext.terminology.catalogue import code_display
from commcare_ext.terminology.code import Answer, Code
from commcare_ext.terminology.languages import FormLanguage, form_language
from commcare_ext.terminology.standard import NO, YES
from commcare_ext.terminology.systems import BCP47, ORDINAL_VALUE_EXTENSION
from commcare_ext.terminology.translation import translated


class AnswerProblem(Exception):  # noqa: N818 - internal signal, becomes a ResponseProblem
    """One answer is unusable; carries the problem kind and what was expected."""

    def __init__(self, kind: ProblemKind, message: str) -> None:
        super().__init__(message)
        self.kind = kind
        self.message = message


_VALUE_KEYS = (
    "valueBoolean",
    "valueDecimal",
    "valueInteger",
    "valueDate",
    "valueDateTime",
    "valueTime",
    "valueString",
    "valueUri",
    "valueAttachment",
    "valueCoding",
    "valueQuantity",
    "valueReference",
)


def answer_value(answer: Mapping[str, Any]) -> tuple[str, Any]:
    """Return the single ``value[x]`` key and value of an answer."""
    present = [key for key in _VALUE_KEYS if key in answer]
    if len(present) != 1:
        raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, "expected exactly one value[x]")
    return present[0], answer[present[0]]


class AnswerCodec(Protocol):
    """Converts between model values and FHIR answers for one item type."""

    @property
    def item_type(self) -> str:
        """The Questionnaire item type (string, text, boolean, date, choice, open-choice)."""
        ...

    def encode(self, value: Any) -> dict[str, Any]:
        """Model value -> ``QuestionnaireResponse.item.answer``."""
        ...

    def decode(self, answer: Mapping[str, Any]) -> Any:
        """``QuestionnaireResponse.item.answer`` -> model value; raises AnswerProblem."""
        ...

    def options(self, language: str) -> list[dict[str, Any]]:
        """``answerOption`` entries in ``language`` (empty when the item has none)."""
        ...


def _expect(answer: Mapping[str, Any], key: str, expected: str) -> Any:
    found, value = answer_value(answer)
    if found != key:
        raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, f"expected {key} ({expected})")
    return value


@dataclass(frozen=True)
class TextCodec:
    """Free text: ``string`` for a line, ``text`` for paragraphs in the patient's words."""

    item_type: str = "string"

    def encode(self, value: Any) -> dict[str, Any]:
        return {"valueString": str(value)}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        value = _expect(answer, "valueString", "text")
        if not isinstance(value, str):
            raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, "expected valueString as text")
        return value

    def options(self, language: str) -> list[dict[str, Any]]:
        return []


def yes_no_coded(language: str) -> bool:
    """Whether ``language``'s form asks yes/no as a coded choice (every language but English).

    Renderers draw a boolean with their own English words ("Yes", "No", "Not answered"); a
    choice of the LOINC answers Yes/No carries our translated text instead. English keeps
    the boolean, so English responses and the Bundles built from them are unchanged.
    """
    return form_language(language) is not FormLanguage.EN


@dataclass(frozen=True)
class BooleanCodec:
    """Yes/no: ``valueBoolean``, or the LOINC Yes/No coding on non-English forms; both read."""

    item_type: str = "boolean"

    def encode(self, value: Any) -> dict[str, Any]:
        return {"valueBoolean": bool(value)}

    def encode_in(self, value: Any, language: str) -> dict[str, Any]:
        """The answer as ``language``'s form asks it (coded yes/no or boolean)."""
        if not yes_no_coded(language):
            return self.encode(value)
        code = YES if value else NO
        return {"valueCoding": _coding(code, code.display)}

    def type_in(self, language: str) -> str:
        """``boolean``, or ``choice`` where the form asks with coded yes/no."""
        return "choice" if yes_no_coded(language) else "boolean"

    def decode(self, answer: Mapping[str, Any]) -> Any:
        key, value = answer_value(answer)
        if key == "valueBoolean" and isinstance(value, bool):
            return value
        if key == "valueCoding" and isinstance(value, Mapping):
            for code, meaning in ((YES, True), (NO, False)):
                if value.get("system") == code.system and value.get("code") == code.code:
                    return meaning
            raise AnswerProblem(
                ProblemKind.NOT_IN_VALUE_SET,
                f"expected the LOINC answer {YES.code} (yes) or {NO.code} (no)",
            )
        raise AnswerProblem(
            ProblemKind.WRONG_ANSWER_TYPE, "expected valueBoolean, or valueCoding yes/no"
        )

    def options(self, language: str) -> list[dict[str, Any]]:
        if not yes_no_coded(language):
            return []
        return [{"valueCoding": translated_coding(code, language)} for code in (YES, NO)]


@dataclass(frozen=True)
class DateCodec:
    """A full calendar date (partial FHIR dates are refused: the model needs a day)."""

    item_type: str = "date"

    def encode(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, date):
            msg = "DateCodec encodes datetime.date values"
            raise TypeError(msg)
        return {"valueDate": value.isoformat()}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        value = _expect(answer, "valueDate", "YYYY-MM-DD")
        try:
            return date.fromisoformat(value) if len(str(value)) == 10 else _bad_date()
        except (TypeError, ValueError):
            return _bad_date()

    def options(self, language: str) -> list[dict[str, Any]]:
        return []


def _bad_date() -> date:
    raise AnswerProblem(ProblemKind.INVALID_VALUE, "expected a full date YYYY-MM-DD")


def _coding(code: Code, display: str) -> dict[str, Any]:
    return {"system": code.system, "code": code.code, "display": display}


def _coding_of(answer: Mapping[str, Any]) -> Mapping[str, Any]:
    coding = _expect(answer, "valueCoding", "a Coding from the item's answers")
    if not isinstance(coding, Mapping) or not isinstance(coding.get("code"), str):
        raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, "expected valueCoding with a code")
    return coding


@dataclass(frozen=True)
class EnumCodec:
    """A choice among one answer set; the model value is the intake enum member."""

    answer_set: AnswerSet
    item_type: str = "choice"

    def encode(self, value: Any) -> dict[str, Any]:
        answer = self.answer_set.answer(value)
        return {"valueCoding": _coding(answer.code, answer.display_en)}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        coding = _coding_of(answer)
        system = coding.get("system")
        member = self.answer_set.member_for(
            system if isinstance(system, str) else None, coding["code"]
        )
        if member is None or not isinstance(system, str):
            raise AnswerProblem(
                ProblemKind.NOT_IN_VALUE_SET,
                f"expected a coding (system and code) from ValueSet '{self.answer_set.id}'",
            )
        return member

    def options(self, language: str) -> list[dict[str, Any]]:
        return [
            {"valueCoding": translated_coding(a.code, language)}
            for a in self.answer_set.answers.values()
        ]


def translated_coding(code: Code, language: str) -> dict[str, Any]:
    """A Coding shown in ``language``, carrying every other published language's display."""
    shown = form_language(language)
    coding = _coding(code, code_display(code, shown))
    coding["_display"] = translated(
        {other.value: code_display(code, other) for other in FormLanguage if other is not shown}
    )
    return coding


@dataclass(frozen=True)
class ContactSafetyCodec:
    """'Is it safe for us to contact this person?': the model keeps ``do_not_contact``.

    The form offers two coded answers that each say what they mean ("Yes, it is safe to
    contact them" / "No, never contact or tell them"), so the positive wording cannot flip
    the stored flag. A ``valueBoolean`` is the flag itself (true: do not contact), as the
    question's linkId says and as responses to the earlier wording carried it; a bare coded
    Yes/No is refused: it would be ambiguous between the two wordings.
    """

    answer_set: AnswerSet
    item_type: str = "choice"

    def encode(self, value: Any) -> dict[str, Any]:
        member = self._member(bool(value))
        answer = self.answer_set.answer(member)
        return {"valueCoding": _coding(answer.code, answer.display_en)}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        key, value = answer_value(answer)
        if key == "valueBoolean" and isinstance(value, bool):
            return value
        if key == "valueCoding" and isinstance(value, Mapping):
            system, code = value.get("system"), value.get("code")
            member = (
                self.answer_set.member_for(system, code)
                if isinstance(system, str) and isinstance(code, str)
                else None
            )
            if member is not None:
                return member is self._member(True)
        raise AnswerProblem(
            ProblemKind.NOT_IN_VALUE_SET,
            f"expected a coding from ValueSet '{self.answer_set.id}' (safe / never contact)",
        )

    def options(self, language: str) -> list[dict[str, Any]]:
        return [
            {"valueCoding": translated_coding(a.code, language)}
            for a in self.answer_set.answers.values()
        ]

    @staticmethod
    def _member(do_not_contact: bool) -> ContactSafety:
        return ContactSafety.NEVER if do_not_contact else ContactSafety.SAFE


@dataclass(frozen=True)
class LanguageCodec:
    """Open choice of a BCP-47 language: pick from common languages or type another tag."""

    languages: Sequence[Answer]
    item_type: str = "open-choice"

    def encode(self, value: Any) -> dict[str, Any]:
        for option in self.languages:
            if option.code.code == value:
                return {"valueCoding": language_coding(option.code.code, option.display_en)}
        return {"valueCoding": language_coding(str(value))}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        key, value = answer_value(answer)
        if key == "valueString" and isinstance(value, str):
            return value.strip()
        if key == "valueCoding" and isinstance(value, Mapping):
            if value.get("system") not in (BCP47, None) or not isinstance(value.get("code"), str):
                raise AnswerProblem(
                    ProblemKind.NOT_IN_VALUE_SET, f"expected a language coding from {BCP47}"
                )
            return value["code"]
        raise AnswerProblem(
            ProblemKind.WRONG_ANSWER_TYPE, "expected valueCoding (BCP-47) or valueString"
        )

    def options(self, language: str) -> list[dict[str, Any]]:
        return [{"valueCoding": translated_coding(o.code, language)} for o in self.languages]


@dataclass(frozen=True)
class OrdinalCodec:
    """A scored scale (e.g. MOS-SSS 1-5): the model keeps the number, FHIR carries the code.

    ``scale`` pairs each point's value with its coded answer, lowest first.
    """

    scale: tuple[tuple[int, Answer], ...]
    item_type: str = "choice"
    _by_code: dict[tuple[str, str], int] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(
            self, "_by_code", {(a.code.system, a.code.code): value for value, a in self.scale}
        )

    def encode(self, value: Any) -> dict[str, Any]:
        for point, answer in self.scale:
            if point == value:
                return {"valueCoding": _coding(answer.code, answer.display_en)}
        msg = "no point of the scale has this value"
        raise ValueError(msg)

    def decode(self, answer: Mapping[str, Any]) -> Any:
        coding = _coding_of(answer)
        value = self._by_code.get((str(coding.get("system")), coding["code"]))
        if value is None:
            raise AnswerProblem(
                ProblemKind.NOT_IN_VALUE_SET,
                "expected one of the scale's LOINC answer codes "
                + ", ".join(a.code.code for _, a in self.scale),
            )
        return value

    def options(self, language: str) -> list[dict[str, Any]]:
        return [
            {
                "valueCoding": translated_coding(a.code, language),
                "extension": [{"url": ORDINAL_VALUE_EXTENSION, "valueDecimal": value}],
            }
            for value, a in self.scale
        ]


@dataclass(frozen=True)
class IntegerCodec:
    """A whole number (e.g. minutes); ranges are the model's to check."""

    item_type: str = "integer"

    def encode(self, value: Any) -> dict[str, Any]:
        return {"valueInteger": int(value)}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        value = _expect(answer, "valueInteger", "a whole number")
        if isinstance(value, bool) or not isinstance(value, int):
            raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, "expected valueInteger as a number")
        return value

    def options(self, language: str) -> list[dict[str, Any]]:
        return []


@dataclass(frozen=True)
class DecimalCodec:
    """A decimal number (a distance, a coordinate), kept as the float the model holds."""

    item_type: str = "decimal"

    def encode(self, value: Any) -> dict[str, Any]:
        return {"valueDecimal": float(value)}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        value = _expect(answer, "valueDecimal", "a number")
        if isinstance(value, bool) or not isinstance(value, (int, float)):
            raise AnswerProblem(ProblemKind.WRONG_ANSWER_TYPE, "expected valueDecimal as a number")
        return float(value)

    def options(self, language: str) -> list[dict[str, Any]]:
        return []


_FHIR_TIME = re.compile(r"^([01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](\.[0-9]{1,6})?$")


@dataclass(frozen=True)
class TimeCodec:
    """A local time of day, written hh:mm:ss as FHIR ``time`` requires."""

    item_type: str = "time"

    def encode(self, value: Any) -> dict[str, Any]:
        if not isinstance(value, time):
            msg = "TimeCodec encodes datetime.time values"
            raise TypeError(msg)
        return {"valueTime": value.isoformat()}

    def decode(self, answer: Mapping[str, Any]) -> Any:
        value = _expect(answer, "valueTime", "hh:mm:ss")
        if not isinstance(value, str) or not _FHIR_TIME.match(value):
            raise AnswerProblem(ProblemKind.INVALID_VALUE, "expected a time of day as hh:mm:ss")
        whole, _, fraction = value.partition(".")
        return time.fromisoformat(f"{whole}.{fraction.ljust(6, '0')}" if fraction else whole)

    def options(self, language: str) -> list[dict[str, Any]]:
        return []
