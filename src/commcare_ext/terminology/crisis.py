"""Crisis help the clinic shows a person whose screen is positive: typed, validated config.

A clinic lists its crisis resources per country (ISO 3166 alpha-2). Each resource says how
it is reached (call, text, chat) and, in every published language, what it is. The default,
for the US, is the 988 Suicide & Crisis Lifeline; its description is our own wording, in the
catalogues like every other text. A clinic's own resource brings its description in all five
languages, so crisis help is never shown half in English.

The same list feeds the form (shown as soon as the screen is positive), the clinician
summary and the person's safety plan.
"""

import re
from collections.abc import Iterator
from typing import Annotated, Final, Self

from pydantic import AfterValidator, ConfigDict, ValidationError, model_validator

from commcare_ext.errors import CommcareError
from commcare_ext.intake.base import IntakeSection, ShortText, check_plain_text
from commcare_ext.phi import PhiSafeModel
from commcare_ext.terminology.catalogue import translate
from commcare_ext.terminology.languages import FormLanguage, form_language

_COUNTRY = re.compile(r"^[A-Z]{2}$")
_KEY = re.compile(r"^[a-z0-9][a-z0-9\-]{0,39}$")
_DIALLED = re.compile(r"^\+?[0-9][0-9 \-]{1,24}$")
_HTTPS = re.compile(r"^https://[^\s<>\"']+$")


def _matches(pattern: re.Pattern[str], expected: str) -> AfterValidator:
    def check(value: str) -> str:
        if not pattern.match(value):
            raise ValueError(expected)
        return value

    return AfterValidator(check)


CountryCode = Annotated[str, _matches(_COUNTRY, "expected an ISO 3166 alpha-2 country, e.g. 'US'")]
ResourceKey = Annotated[
    str, _matches(_KEY, "expected 1-40 lower-case letters, digits or '-', e.g. 'lifeline-988'")
]
DialledNumber = Annotated[
    str, _matches(_DIALLED, "expected a number to dial or text: digits, spaces, '+' or '-'")
]
HttpsUrl = Annotated[
    str, AfterValidator(check_plain_text), _matches(_HTTPS, "expected an https:// address")
]


class CrisisConfigError(CommcareError, ValueError):
    """The clinic's crisis configuration is not usable (names the field, never patient data)."""


class CrisisResource(IntakeSection):
    """One crisis service: how to reach it, and what it is in every published language."""

    model_config = ConfigDict(frozen=True)

    key: ResourceKey
    name: ShortText
    call: DialledNumber | None = None
    text: DialledNumber | None = None
    chat: HttpsUrl | None = None
    always_open: bool = False
    #: What the service is, per published language (``en``, ``es``, ``vi``, ``zh-Hans``, ``ar``).
    description: dict[FormLanguage, ShortText]

    @model_validator(mode="after")
    def _reachable_in_every_language(self) -> Self:
        if self.call is None and self.text is None and self.chat is None:
            msg = "call, text, chat: give at least one way to reach the service"
            raise ValueError(msg)
        missing = [language.value for language in FormLanguage if language not in self.description]
        if missing:
            msg = f"description: missing {', '.join(missing)} (crisis help is shown in each)"
            raise ValueError(msg)
        return self

    def described_in(self, language: str) -> str:
        """What the service is, in ``language``."""
        return self.description[form_language(language)]

    def ways_in(self, language: str) -> list[str]:
        """How to reach it, one phrase per way, in ``language`` ("Call 988", ...)."""
        chosen = form_language(language)
        ways = []
        for template, value in (
            ("Call {number}", self.call),
            ("Text {number}", self.text),
            ("Chat online: {address}", self.chat),
        ):
            if value is not None:
                phrase = translate(chosen, template, f"crisis:{template}")
                ways.append(phrase.format(number=value, address=value))
        if self.always_open:
            ways.append(translate(chosen, ALWAYS_OPEN, f"crisis:{ALWAYS_OPEN}"))
        return ways

    def line_in(self, language: str) -> str:
        """The one line the form, summary and safety plan show for this service."""
        ways = "; ".join(self.ways_in(language))
        return f"{self.name}: {self.described_in(language)} {ways}."


class CrisisResources(PhiSafeModel):
    """The clinic's crisis resources by country; the clinic's own country comes first."""

    model_config = ConfigDict(frozen=True)

    country: CountryCode
    by_country: dict[CountryCode, tuple[CrisisResource, ...]]

    @model_validator(mode="after")
    def _usable(self) -> Self:
        if not self.by_country.get(self.country):
            msg = f"by_country: no crisis resource for the clinic's country {self.country}"
            raise ValueError(msg)
        for country, resources in self.by_country.items():
            keys = [r.key for r in resources]
            if len(set(keys)) != len(keys):
                msg = f"by_country.{country}: each resource key may appear only once"
                raise ValueError(msg)
        return self

    def for_country(self, country: str | None = None) -> tuple[CrisisResource, ...]:
        """The resources for ``country`` (the clinic's own when ``None`` or unknown)."""
        found = self.by_country.get(country or self.country)
        return found if found else self.by_country[self.country]

    @classmethod
    def from_json(cls, data: object) -> "CrisisResources":
        """Read a clinic's config (``{"country": ..., "by_country": {...}}``).

        Raises:
            CrisisConfigError: naming each field that is wrong and what was expected.

        """
        try:
            return cls.model_validate(data)
        except ValidationError as exc:
            problems = "; ".join(
                f"{'.'.join(str(p) for p in error['loc']) or 'config'}: {error['msg']}"
                for error in exc.errors(include_input=False)
            )
            raise CrisisConfigError(f"crisis resources: {problems}") from None


#: Said after the ways to reach a service that never closes.
ALWAYS_OPEN: Final = "Open 24 hours a day, every day"
#: Our description of the 988 Lifeline (English; other languages from the catalogues).
LIFELINE_988_DESCRIPTION: Final = (
    "free and confidential support from trained counsellors for anyone in distress or thinking "
    "about suicide, in English and Spanish, with interpreters for many other languages."
)
#: Phrases every crisis line uses, translated once in the catalogues.
CRISIS_PHRASES: Final = ("Call {number}", "Text {number}", "Chat online: {address}", ALWAYS_OPEN)


def lifeline_988() -> CrisisResource:
    """The default US resource: the 988 Suicide & Crisis Lifeline (call, text or chat)."""
    return CrisisResource(
        key="lifeline-988",
        name="988 Suicide & Crisis Lifeline",
        call="988",
        text="988",
        chat="https://988lifeline.org/chat",
        always_open=True,
        description={
            language: translate(language, LIFELINE_988_DESCRIPTION, "crisis:lifeline-988")
            for language in FormLanguage
        },
    )


def default_crisis_resources() -> CrisisResources:
    """The defaults: the US and the 988 Lifeline; a clinic elsewhere configures its own."""
    return CrisisResources(country="US", by_country={"US": (lifeline_988(),)})


def crisis_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every crisis text, for the catalogues."""
    for phrase in CRISIS_PHRASES:
        yield f"crisis:{phrase}", phrase, "How to reach a crisis service (keep {placeholders})"
    yield "crisis:lifeline-988", LIFELINE_988_DESCRIPTION, "What the 988 Lifeline is"
