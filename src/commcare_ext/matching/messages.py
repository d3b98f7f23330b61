"""Findings in words: English or Spanish, for the patient or the clinician.

:func:`render` looks a finding's code up in the catalogue (:mod:`.catalogue`) and fills its
placeholders from the parameters, putting coded values into words: language tags become
language names, support-type and privacy codes the form's own answer wording, directory
codes the phrases below. A language the catalogue does not have is refused, never defaulted.
"""

from collections.abc import Mapping
from typing import Final, Literal

from commcare_ext.directory import (
    Gender,
    InterpretationMode,
    Population,
    ServiceMode,
    ServiceStatus,
    primary_language,
)
from commcare_ext.intake import DiscreetContact, SupportType
from commcare_ext.matching.catalogue import CAUTIONS, NEEDS_REVIEW, REASONS, UNMET
from commcare_ext.matching.errors import MatchingError
from commcare_ext.matching.findings import Finding, ParamValue, Reason, Unmet
from commcare_ext.terminology.answers import COMMON_LANGUAGES
from commcare_ext.terminology.catalogue import code_display

MessageLanguage = Literal["en", "es"]
#: Languages every finding can be rendered in.
MESSAGE_LANGUAGES: Final = ("en", "es")

_DIRECTORY_WORDS: Final[dict[str, tuple[str, str]]] = {
    ServiceMode.IN_PERSON: ("in person", "en persona"),
    ServiceMode.PHONE: ("by phone", "por teléfono"),
    ServiceMode.VIDEO: ("by video", "por video"),
    ServiceMode.TEXT: ("by text or chat", "por texto o chat"),
    InterpretationMode.IN_PERSON: ("in person", "en persona"),
    InterpretationMode.PHONE: ("by phone", "por teléfono"),
    InterpretationMode.VIDEO: ("by video", "por video"),
    Gender.WOMEN: ("women", "mujeres"),
    Gender.MEN: ("men", "hombres"),
    Gender.NON_BINARY: ("non-binary people", "personas no binarias"),
    Population.REFUGEES: ("refugees", "personas refugiadas"),
    Population.IMMIGRANTS: ("immigrants", "personas inmigrantes"),
    Population.LGBTQ: ("LGBTQ+ people", "personas LGBTQ+"),
    Population.TRIBAL_MEMBERS: ("tribal members", "miembros de naciones tribales"),
    Population.VETERANS: ("veterans", "veteranos"),
    Population.YOUTH: ("young people", "jóvenes"),
    Population.OLDER_ADULTS: ("older adults", "personas mayores"),
    Population.PARENTS_AND_CAREGIVERS: ("parents and caregivers", "madres, padres y cuidadores"),
    Population.SURVIVORS_OF_VIOLENCE: ("survivors of violence", "sobrevivientes de violencia"),
    Population.PEOPLE_WITH_DISABILITIES: (
        "people with disabilities",
        "personas con discapacidad",
    ),
    Population.FARMWORKERS: ("farmworkers", "trabajadores del campo"),
    ServiceStatus.INACTIVE: ("inactive", "inactivo"),
    ServiceStatus.DEFUNCT: ("closed for good", "cerrado definitivamente"),
    ServiceStatus.TEMPORARILY_CLOSED: ("temporarily closed", "cerrado temporalmente"),
    ServiceStatus.ACTIVE: ("active", "activo"),
}
#: The intake's codes, in words about a service (the form's own wording speaks to the patient).
_INTAKE_WORDS: Final[dict[str, tuple[str, str]]] = {
    SupportType.PEER_SUPPORT_GROUP: ("a peer support group", "un grupo de apoyo entre pares"),
    SupportType.FAITH_COMMUNITY: ("faith community support", "apoyo de una comunidad de fe"),
    SupportType.COMMUNITY_CENTRE: ("a community centre", "un centro comunitario"),
    SupportType.TRADITIONAL_HEALER: ("a traditional healer", "un sanador tradicional"),
    SupportType.ONLINE_COMMUNITY: ("an online community", "una comunidad en línea"),
    SupportType.FAMILY: ("family support", "apoyo a la familia"),
    DiscreetContact.NO_VOICEMAIL: ("no voicemail", "sin mensajes de voz"),
    DiscreetContact.NO_MAIL_HOME: ("no mail to the home", "sin correo postal a casa"),
    DiscreetContact.NO_TEXT_MESSAGES: ("no text messages", "sin mensajes de texto"),
    DiscreetContact.NO_CALLS_AT_WORK: ("no calls at work", "sin llamadas al trabajo"),
    DiscreetContact.NEUTRAL_CLINIC_NAME: ("a neutral caller name", "un nombre neutral al llamar"),
    DiscreetContact.PATIENT_INITIATES: (
        "the person starts contact",
        "la persona inicia el contacto",
    ),
}
_LANGUAGES: Final = {
    **{a.code.code: (a.display_en, code_display(a.code, "es").lower()) for a in COMMON_LANGUAGES},
    "hmn": ("Hmong", "hmong"),
    "om": ("Oromo", "oromo"),
    "ksw": ("Karen", "karen"),
    "cmn": ("Mandarin", "mandarín"),
    "ja": ("Japanese", "japonés"),
    "sw": ("Swahili", "suajili"),
    "km": ("Khmer", "jemer"),
    "lo": ("Lao", "lao"),
}
_DAYS: Final = (
    ("Monday", "lunes"),
    ("Tuesday", "martes"),
    ("Wednesday", "miércoles"),
    ("Thursday", "jueves"),
    ("Friday", "viernes"),
    ("Saturday", "sábado"),
    ("Sunday", "domingo"),
)
_LANGUAGE_PARAMS: Final = frozenset({"language", "preferred", "needs", "staff"})
_MAX_LISTED: Final = 8
_NONE: Final = ("no way", "de ninguna forma")


def message_language(tag: str) -> MessageLanguage | None:
    """The catalogue language for a BCP-47 tag (``es-MX`` -> ``es``), or None."""
    primary = primary_language(tag)
    return "es" if primary == "es" else "en" if primary == "en" else None


def needs_review(language: MessageLanguage) -> bool:
    """True when ``language``'s wording awaits review by a native speaker."""
    return language in NEEDS_REVIEW


def render(finding: Finding, language: str = "en") -> str:
    """The finding in words, in ``language`` ('en' or 'es').

    Raises:
        MatchingError: ``language`` is not in the catalogue.

    """
    if language not in MESSAGE_LANGUAGES:
        raise MatchingError("language", "expected 'en' or 'es'")
    index = 1 if language == "es" else 0
    if isinstance(finding, Unmet):
        template = UNMET[finding.code][index]
    elif isinstance(finding, Reason):
        template = REASONS[finding.code][index]
    else:
        template = CAUTIONS[finding.code][index]
    return template.format_map(_words(dict(finding.params), index))


def _words(values: Mapping[str, ParamValue], index: int) -> dict[str, str]:
    words = {name: _word(name, value, index) for name, value in values.items()}
    words["ages"] = _ages(values.get("minimum"), values.get("maximum"), index)
    amount, currency = values.get("amount"), values.get("currency")
    words["fee"] = f" ({_number(amount)} {currency or ''})".replace(" )", ")") if amount else ""
    months = values.get("months")
    words["ago"] = _ago(months, index) if isinstance(months, int) else ""
    weeks = values.get("weeks")
    words["wait"] = (f" (about {weeks} weeks)", f" (unas {weeks} semanas)")[index] if weeks else ""
    return _Missing(words)


class _Missing(dict[str, str]):
    """Placeholders a finding left out read as nothing rather than failing."""

    def __missing__(self, key: str) -> str:
        return ""


def _word(name: str, value: ParamValue, index: int) -> str:
    if name == "day" and isinstance(value, int) and not isinstance(value, bool):
        return _DAYS[value % 7][index]
    if isinstance(value, tuple):
        if not value:
            return _NONE[index]
        shown = [_one(name, v, index) for v in value[:_MAX_LISTED]]
        more = len(value) - _MAX_LISTED
        return ", ".join(shown) + (f" (+{more})" if more > 0 else "")
    if isinstance(value, float):
        return _number(value)
    if isinstance(value, str):
        return _one(name, value, index)
    return str(value)


def _one(name: str, value: str, index: int) -> str:
    if name in _LANGUAGE_PARAMS:
        return _language(value, index)
    if value in _DIRECTORY_WORDS:
        return _DIRECTORY_WORDS[value][index]
    if value in _INTAKE_WORDS:
        return _INTAKE_WORDS[value][index]
    if name in ("traditions", "communities"):
        return value.capitalize()
    return value


def _language(tag: str, index: int) -> str:
    exact = _LANGUAGES.get(tag) or _LANGUAGES.get(primary_language(tag))
    return exact[index] if exact else tag


def _number(value: ParamValue | None) -> str:
    if isinstance(value, float):
        return f"{value:.1f}".removesuffix(".0")
    return str(value)


def _ages(minimum: ParamValue | None, maximum: ParamValue | None, index: int) -> str:
    if minimum is not None and maximum is not None:
        return (f"ages {minimum} to {maximum}", f"edades de {minimum} a {maximum}")[index]
    if minimum is not None:
        return (f"ages {minimum} and over", f"de {minimum} años en adelante")[index]
    if maximum is not None:
        return (f"ages up to {maximum}", f"hasta {maximum} años")[index]
    return ""


def _ago(months: int, index: int) -> str:
    if months == 0:
        return ("this month", "este mes")[index]
    if months == 1:
        return ("1 month ago", "hace 1 mes")[index]
    return (f"{months} months ago", f"hace {months} meses")[index]
