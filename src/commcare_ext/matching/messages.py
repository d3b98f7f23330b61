"""Findings in words, in any of the form's five languages, for the patient or the clinician.

:func:`render` looks a finding's English up in :mod:`.catalogue`, translates it through the
library's catalogues (``terminology/locale/*.po``, context ``matching:...``), and fills its
placeholders from the parameters, putting coded values into words in the same language:
language tags become language names, support-type, privacy and directory codes the phrases
below. A language the form is not published in is refused, never defaulted to English; a
text a catalogue lacks is an error (the catalogue tests keep every catalogue complete).
Words a directory wrote (an alert, who may use a service) are shown as the directory wrote
them.
"""

from collections.abc import Iterator, Mapping
from typing import Final, Literal

from commcare_ext.directory import primary_language
from commcare_ext.matching.catalogue import CAUTIONS, REASONS, UNMET, finding_strings
from commcare_ext.matching.culture import faith_strings
from commcare_ext.matching.errors import MatchingError
from commcare_ext.matching.findings import Finding, ParamValue, Reason, Unmet
from commcare_ext.terminology import UnsupportedLanguageError, form_language
from commcare_ext.terminology.answers import COMMON_LANGUAGES
from commcare_ext.terminology.catalogue import code_display, translate

MessageLanguage = Literal["en", "es", "vi", "zh-Hans", "ar"]
#: Languages every finding can be rendered in: the form's languages.
MESSAGE_LANGUAGES: Final[tuple[MessageLanguage, ...]] = ("en", "es", "vi", "zh-Hans", "ar")

#: Coded values in words about a service (the form's own wording speaks to the patient).
WORDS: Final[dict[str, str]] = {
    "mode-in-person": "in person",
    "mode-phone": "by phone",
    "mode-video": "by video",
    "mode-text": "by text or chat",
    "interpretation-in-person": "in person",
    "interpretation-phone": "by phone",
    "interpretation-video": "by video",
    "gender-women": "women",
    "gender-men": "men",
    "gender-non-binary": "non-binary people",
    "population-refugees": "refugees",
    "population-immigrants": "immigrants",
    "population-lgbtq": "LGBTQ+ people",
    "population-tribal-members": "tribal members",
    "population-veterans": "veterans",
    "population-youth": "young people",
    "population-older-adults": "older adults",
    "population-caregivers": "parents and caregivers",
    "population-survivors": "survivors of violence",
    "population-disabilities": "people with disabilities",
    "population-farmworkers": "farmworkers",
    "inactive": "inactive",
    "defunct": "closed for good",
    "temporarily closed": "temporarily closed",
    "active": "active",
    "support-peer-group": "a peer support group",
    "support-faith-community": "faith community support",
    "support-community-centre": "a community centre",
    "support-traditional-healer": "a traditional healer",
    "support-online-community": "an online community",
    "support-family": "family support",
    "contact-no-voicemail": "no voicemail",
    "contact-no-mail-home": "no mail to the home",
    "contact-no-text": "no text messages",
    "contact-no-work-calls": "no calls at work",
    "contact-neutral-name": "a neutral caller name",
    "contact-patient-initiates": "the person starts contact",
    "crisis-line": "a crisis line",
    "crisis-mobile-team": "a mobile crisis team",
    "crisis-stabilisation": "crisis stabilisation",
    "crisis-intervention": "crisis intervention",
    "clinician-woman": "a woman as clinician",
    "clinician-man": "a man as clinician",
    "sign-staff": "staff sign",
    "sign-interpreter": "a sign-language interpreter",
    "sign-site": "the site offers sign-language access",
}
#: Languages matching names that are not among the form's language answers.
LANGUAGE_NAMES: Final[dict[str, str]] = {
    "hmn": "Hmong",
    "om": "Oromo",
    "ksw": "Karen",
    "cmn": "Mandarin",
    "ja": "Japanese",
    "sw": "Swahili",
    "km": "Khmer",
    "lo": "Lao",
    "ase": "American Sign Language",
    "bfi": "British Sign Language",
    "mfs": "Mexican Sign Language",
    "sgn": "a sign language",
}
DAYS: Final = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
#: Phrases built around numbers; placeholders are kept by translators.
PHRASES: Final[dict[str, str]] = {
    "ages-between": "ages {minimum} to {maximum}",
    "ages-from": "ages {minimum} and over",
    "ages-up-to": "ages up to {maximum}",
    "this-month": "this month",
    "one-month-ago": "1 month ago",
    "months-ago": "{months} months ago",
    "wait": "about {weeks} weeks",
    "no-way": "no way",
}
_LANGUAGE_PARAMS: Final = frozenset({"language", "preferred", "needs", "staff"})
_DIRECTORY_TEXT: Final = frozenset({"text", "terms", "documents", "options", "areas"})
_MAX_LISTED: Final = 8
_COMMON = {a.code.code: a.code for a in COMMON_LANGUAGES}


def matching_strings() -> Iterator[tuple[str, str, str]]:
    """(context, English, note) of every text matching translates (for the catalogues)."""
    yield from finding_strings()
    yield from faith_strings()
    for key, english in WORDS.items():
        yield f"matching:word:{key}", english, "A coded fact about a community service"
    for tag, english in LANGUAGE_NAMES.items():
        yield f"matching:language:{tag}", english, "A language name"
    for index, english in enumerate(DAYS):
        yield f"matching:day:{index}", english, "Day of the week"
    for key, english in PHRASES.items():
        yield f"matching:phrase:{key}", english, "Part of a matching message; keep {placeholders}"


def message_language(tag: str) -> MessageLanguage | None:
    """The catalogue language for a BCP-47 tag (``es-MX`` -> ``es``), or None."""
    try:
        language = form_language(tag)
    except UnsupportedLanguageError:
        return None
    found: MessageLanguage = language.value
    return found


def needs_review(language: str) -> bool:
    """True when ``language``'s wording awaits review by a qualified medical translator."""
    return language != "en"


def render(finding: Finding, language: str = "en") -> str:
    """The finding in words, in ``language`` (one of :data:`MESSAGE_LANGUAGES`).

    Raises:
        MatchingError: ``language`` is not one of the form's languages.

    """
    if language not in MESSAGE_LANGUAGES:
        raise MatchingError("language", f"expected one of {', '.join(MESSAGE_LANGUAGES)}")
    if isinstance(finding, Unmet):
        kind, english = "unmet", UNMET[finding.code]
    elif isinstance(finding, Reason):
        kind, english = "reason", REASONS[finding.code]
    else:
        kind, english = "caution", CAUTIONS[finding.code]
    template = translate(language, english, f"matching:{kind}:{finding.code.value}")
    return template.format_map(_words(dict(finding.params), language))


def _say(language: str, key: str, **values: object) -> str:
    text = translate(language, PHRASES[key], f"matching:phrase:{key}")
    return text.format(**values) if values else text


def _words(values: Mapping[str, ParamValue], language: str) -> dict[str, str]:
    words = {name: _word(name, value, language) for name, value in values.items()}
    words["ages"] = _ages(values.get("minimum"), values.get("maximum"), language)
    amount, currency = values.get("amount"), values.get("currency")
    words["fee"] = f" ({_number(amount)} {currency or ''})".replace(" )", ")") if amount else ""
    months = values.get("months")
    words["ago"] = _ago(months, language) if isinstance(months, int) else ""
    weeks = values.get("weeks")
    words["wait"] = f" ({_say(language, 'wait', weeks=weeks)})" if weeks else ""
    return _Missing(words)


class _Missing(dict[str, str]):
    """Placeholders a finding left out read as nothing rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _word(name: str, value: ParamValue, language: str) -> str:
    if name == "day" and isinstance(value, int) and not isinstance(value, bool):
        index = value % 7
        return translate(language, DAYS[index], f"matching:day:{index}")
    if isinstance(value, tuple):
        if not value:
            return _say(language, "no-way")
        shown = [_one(name, v, language) for v in value[:_MAX_LISTED]]
        more = len(value) - _MAX_LISTED
        return ", ".join(shown) + (f" (+{more})" if more > 0 else "")
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return _one(name, value, language)
    return str(value)


def _one(name: str, value: str, language: str) -> str:
    if name in _DIRECTORY_TEXT:
        return value
    if name in _LANGUAGE_PARAMS:
        return _language(value, language)
    key = f"sign-{value}" if name == "way" else value
    if key in WORDS:
        return translate(language, WORDS[key], f"matching:word:{key}")
    if name in ("traditions", "communities"):
        return value.capitalize()
    return value


def _language(tag: str, language: str) -> str:
    primary = primary_language(tag)
    for key in (tag, primary):
        if key in _COMMON:
            display = code_display(_COMMON[key], language)
            return display.lower() if language == "es" else display
        if key in LANGUAGE_NAMES:
            return translate(language, LANGUAGE_NAMES[key], f"matching:language:{key}")
    return tag


def _number(value: ParamValue | None) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return str(value)


def _ages(minimum: ParamValue | None, maximum: ParamValue | None, language: str) -> str:
    if minimum is not None and maximum is not None:
        return _say(language, "ages-between", minimum=minimum, maximum=maximum)
    if minimum is not None:
        return _say(language, "ages-from", minimum=minimum)
    if maximum is not None:
        return _say(language, "ages-up-to", maximum=maximum)
    return ""


def _ago(months: int, language: str) -> str:
    if months == 0:
        return _say(language, "this-month")
    if months == 1:
        return _say(language, "one-month-ago")
    return _say(language, "months-ago", months=months)
