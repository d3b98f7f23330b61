"""Build the SDC Questionnaire (FHIR R4 JSON) from the form spec."""

from collections.abc import Iterable, Sequence
from typing import Any, Final

from commcare_ext.instruments import ScreenKind, registered, selection
from commcare_ext.questionnaire.codecs import BooleanCodec, EnumCodec, yes_no_coded
from commcare_ext.questionnaire.form import FORM
from commcare_ext.questionnaire.publish import value_set
from commcare_ext.questionnaire.spec import Item, When
from commcare_ext.terminology.answers import AnswerSet
from commcare_ext.terminology.catalogue import code_display, translate
from commcare_ext.terminology.code import Code
from commcare_ext.terminology.crisis import (
    CrisisConfigError,
    CrisisResource,
    default_crisis_resources,
)
from commcare_ext.terminology.languages import FormLanguage, form_language, needs_review
from commcare_ext.terminology.questions import INTAKE_PANEL
from commcare_ext.terminology.standard import NO, SEMVER, YES
from commcare_ext.terminology.systems import (
    CANONICAL_BASE,
    CONTENT_DATE,
    CONTENT_VERSION,
    QUESTIONNAIRE_ITEM_CONTROL,
    QUESTIONNAIRE_ITEM_CONTROL_SYSTEM,
    SDC_ENTRY_FORMAT,
    SDC_OBSERVATION_EXTRACT,
    SDC_QUESTIONNAIRE,
    TRANSLATION_REVIEW_EXTENSION,
    VERSION_ALGORITHM_EXTENSION,
)
from commcare_ext.terminology.translation import translated

#: Canonical URL of the intake Questionnaire (English, with every translation).
QUESTIONNAIRE_URL = f"{CANONICAL_BASE}/Questionnaire/cultural-intake"
#: Canonical URL of the Spanish-first variant (for renderers that ignore translations).
QUESTIONNAIRE_URL_ES = f"{QUESTIONNAIRE_URL}-es"
#: Canonical URL of each language's variant: the text in that language, the rest translated.
QUESTIONNAIRE_URLS: Final[dict[FormLanguage, str]] = {
    language: QUESTIONNAIRE_URL
    if language is FormLanguage.EN
    else f"{QUESTIONNAIRE_URL}-{language}"
    for language in FormLanguage
}

#: Choice items shown as a drop-down list reference a contained ValueSet (with expansion)
#: instead of listing answerOptions, so long lists stay in one published place.
_CONTAINED_CONTROL = "drop-down"
_REVIEW_NOTE = "needs review by a qualified medical translator"
#: Hints shown inside empty answer boxes on translated forms, by item type (renderers
#: otherwise show their own English: "Type a value", "MM/DD/YYYY", "Select one").
PLACEHOLDERS: Final = {
    "string": "Type your answer",
    "text": "Type your answer",
    "date": "YYYY-MM-DD",
    "choice": "Choose an answer",
    "open-choice": "Choose an answer or type one",
    "integer": "Type a whole number",
    "decimal": "Type a number",
    "time": "HH:MM",
}


def questionnaire_url(language: str = "en") -> str:
    """Canonical URL of the Questionnaire variant for ``language`` (a BCP-47 tag)."""
    return QUESTIONNAIRE_URLS[form_language(language)]


def variant_language(canonical: object) -> FormLanguage | None:
    """The language of the form variant a ``QuestionnaireResponse.questionnaire`` cites."""
    if not isinstance(canonical, str):
        return None
    url = canonical.partition("|")[0]
    return next((lang for lang, known in QUESTIONNAIRE_URLS.items() if known == url), None)


def questionnaire_canonical(language: str = "en") -> str:
    """``url|version``, as ``QuestionnaireResponse.questionnaire`` should cite it."""
    return f"{questionnaire_url(language)}|{CONTENT_VERSION}"


def build_questionnaire(
    language: str = "en",
    crisis: Sequence[CrisisResource] | None = None,
    screen: ScreenKind = ScreenKind.ASQ,
    *,
    instruments: Iterable[str] | None = None,
) -> dict[str, Any]:
    """Return the intake Questionnaire as FHIR R4 JSON, its text in ``language``.

    ``crisis`` is the clinic's crisis resources for its country (default: the 988 Lifeline),
    shown as soon as the suicide-risk screen has a "yes", whatever else was answered;
    ``screen`` the suicide-risk screen the clinic chose (the ASQ, or the C-SSRS screener).

    ``language`` is a BCP-47 tag (``es``, ``es-MX``, ``vi``, ``zh-Hans``, ``zh-CN``, ``ar``…)
    and picks the primary text; every other published language travels in the FHIR
    translation extension, so a renderer that honours translations can switch, and one that
    does not still gets the whole form in the chosen language. Translations we made and no
    medical translator has reviewed yet are listed in a ``translation-review`` extension
    (not in ``copyright``: LHC-Forms turns that into an English "Copyright" button).

    ``instruments`` is the clinic's choice of instrument ids (``("mos-sss", "phq-9")``);
    ``None`` includes those an intake carries by default (the MOS-SSS). A clinic that adds
    PHQ-9 should have its safety pathway ready: item 9 raises a safety prompt.

    Raises:
        UnsupportedLanguageError: ``language`` is not a published language.
        UnknownInstrumentError: an id in ``instruments`` is not registered.

    """
    chosen = form_language(language)
    resources = tuple(crisis) if crisis is not None else default_crisis_resources().for_country()
    if not resources:
        msg = "crisis: at least one crisis resource is shown on a positive screen"
        raise CrisisConfigError(msg)
    builder = _Builder(chosen, resources, ScreenKind(screen))
    left_out = {i.link_id for i in registered()} - {i.link_id for i in selection(instruments)}
    items = [
        out for item in FORM.items if item.link_id not in left_out for out in builder.items(item)
    ]
    suffix = "" if chosen is FormLanguage.EN else "-" + chosen.value
    questionnaire: dict[str, Any] = {
        "resourceType": "Questionnaire",
        "id": f"cultural-intake{suffix}",
        "meta": {"profile": [SDC_QUESTIONNAIRE]},
        "language": chosen.value,
        "extension": [version_algorithm(), *_review_extensions()],
        "url": QUESTIONNAIRE_URLS[chosen],
        "version": CONTENT_VERSION,
        "name": "CulturallyInformedIntake" + suffix.title().replace("-", ""),
        "title": builder.text(FORM.title.en, "form.title"),
        "_title": builder.others(FORM.title.en, "form.title"),
        "status": "active",
        "experimental": False,
        "subjectType": ["Patient"],
        "date": CONTENT_DATE,
        "publisher": "commcare_ext",
        "description": builder.text(FORM.description.en, "form.description"),
        "_description": builder.others(FORM.description.en, "form.description"),
        "code": [INTAKE_PANEL.as_coding()],
    }
    if builder.contained:
        questionnaire["contained"] = list(builder.contained.values())
    questionnaire["item"] = items
    return questionnaire


def version_algorithm() -> dict[str, Any]:
    """The R5 ``versionAlgorithm`` (cross-version extension): our versions are semver.

    SDC 4.0.0-ballot's sdc-2 asks for it beside ``version``; SDC 3.0.0, which we claim,
    allows it.
    """
    return {"url": VERSION_ALGORITHM_EXTENSION, "valueCoding": SEMVER.as_coding()}


def _review_extensions() -> list[dict[str, Any]]:
    """One extension per language whose wording still needs a medical translator's review."""
    return [
        {
            "url": TRANSLATION_REVIEW_EXTENSION,
            "extension": [
                {"url": "lang", "valueCode": language.value},
                {"url": "status", "valueCode": "needs-review"},
                {"url": "note", "valueString": _REVIEW_NOTE},
            ],
        }
        for language in FormLanguage
        if needs_review(language)
    ]


class _Builder:
    """Turns spec items into Questionnaire items for one primary language."""

    def __init__(
        self, language: FormLanguage, crisis: tuple[CrisisResource, ...], screen: ScreenKind
    ) -> None:
        self.language = language
        self.crisis = crisis
        self.screen = screen
        self.contained: dict[str, dict[str, Any]] = {}

    def items(self, spec: Item) -> list[dict[str, Any]]:
        """The item (none for another screen's section), then any crisis resources."""
        if spec.variant is not None and spec.variant[1] != self.screen.value:
            return []
        out = [self.item(spec)]
        if spec.crisis_help:
            out.extend(self._crisis_resource(spec, resource) for resource in self.crisis)
        return out

    def _crisis_resource(self, heading: Item, resource: CrisisResource) -> dict[str, Any]:
        """One crisis service as a display item, enabled exactly like its heading."""
        out: dict[str, Any] = {
            "linkId": f"{heading.link_id}.{resource.key}",
            "text": resource.line_in(self.language),
            "_text": translated(
                {
                    other.value: resource.line_in(other)
                    for other in FormLanguage
                    if other is not self.language
                }
            ),
            "type": "display",
            "enableWhen": [_enable_when(w, self.language) for w in heading.enable_when],
        }
        if len(heading.enable_when) > 1:
            out["enableBehavior"] = heading.enable_behavior
        return out

    def text(self, english: str, context: str) -> str:
        return translate(self.language, english, context)

    def others(self, english: str, context: str) -> dict[str, Any]:
        """The ``_element`` carrying ``english`` in every other published language."""
        return translated(
            {
                other.value: translate(other, english, context)
                for other in FormLanguage
                if other is not self.language
            }
        )

    def item(self, spec: Item) -> dict[str, Any]:
        out: dict[str, Any] = {"linkId": spec.link_id}
        extensions = self._extensions(spec)
        if extensions:
            out["extension"] = extensions
        if spec.code is not None:
            out["code"] = [spec.code.as_coding()]
        if spec.prefix:
            out["prefix"] = spec.prefix
        out["text"] = spec.text_in(self.language)
        out["_text"] = self.others(spec.text.en, spec.link_id)
        out["type"] = "display" if spec.display else _type(spec, self.language)
        if spec.enable_when:
            out["enableWhen"] = [_enable_when(w, self.language) for w in spec.enable_when]
            if len(spec.enable_when) > 1:
                out["enableBehavior"] = spec.enable_behavior
        if spec.required:
            out["required"] = True
        if spec.repeats:
            out["repeats"] = True
        if spec.max_length is not None:
            out["maxLength"] = spec.max_length
        if spec.codec is not None:
            self._answers(spec, out)
        if spec.children:
            out["item"] = [made for child in spec.children for made in self.items(child)]
        return out

    def _extensions(self, spec: Item) -> list[dict[str, Any]]:
        extensions: list[dict[str, Any]] = []
        control = spec.control
        if isinstance(spec.codec, BooleanCodec) and yes_no_coded(self.language):
            control = "radio-button"
        if control is not None:
            extensions.append(
                {
                    "url": QUESTIONNAIRE_ITEM_CONTROL,
                    "valueCodeableConcept": {
                        "coding": [{"system": QUESTIONNAIRE_ITEM_CONTROL_SYSTEM, "code": control}]
                    },
                }
            )
        if spec.observation_extract:
            extensions.append({"url": SDC_OBSERVATION_EXTRACT, "valueBoolean": True})
        entry_format = spec.entry_format_in(self.language) or self._placeholder(spec)
        if entry_format is not None:
            extensions.append({"url": SDC_ENTRY_FORMAT, "valueString": entry_format})
        return extensions

    def _placeholder(self, spec: Item) -> str | None:
        """Our own hint inside an answer box, so no renderer shows its English one."""
        if spec.codec is None or spec.display or not yes_no_coded(self.language):
            return None
        kind = _type(spec, self.language)
        if kind in ("choice", "open-choice") and spec.control in ("radio-button", "check-box"):
            return None
        if kind == "boolean" or (kind == "choice" and isinstance(spec.codec, BooleanCodec)):
            return None
        english = PLACEHOLDERS.get(kind)
        return None if english is None else translate(self.language, english, f"placeholder:{kind}")

    def _answers(self, spec: Item, out: dict[str, Any]) -> None:
        codec = spec.codec
        if isinstance(codec, EnumCodec) and spec.control == _CONTAINED_CONTROL:
            answer_set = codec.answer_set
            if answer_set.id not in self.contained:
                self.contained[answer_set.id] = _contained_value_set(answer_set, self.language)
            out["answerValueSet"] = f"#{answer_set.id}"
            return
        options = codec.options(self.language) if codec is not None else []
        if options:
            out["answerOption"] = options


def _type(spec: Item, language: FormLanguage) -> str:
    """A question's type comes from its codec; an item without one is a group."""
    if isinstance(spec.codec, BooleanCodec):
        return spec.codec.type_in(language)
    return spec.codec.item_type if spec.codec is not None else "group"


def _enable_when(when: When, language: FormLanguage) -> dict[str, Any]:
    condition: dict[str, Any] = {"question": when.question, "operator": when.operator}
    answer = when.answer
    if isinstance(answer, bool) and when.operator != "exists" and yes_no_coded(language):
        answer = YES if answer else NO  # the question is asked as a coded yes/no here
    if isinstance(answer, Code):
        condition["answerCoding"] = {"system": answer.system, "code": answer.code}
    else:
        condition["answerBoolean"] = answer
    return condition


def _contained_value_set(answer_set: AnswerSet, language: FormLanguage) -> dict[str, Any]:
    """A contained copy of the published ValueSet, expansion displays in ``language``."""
    resource = value_set(answer_set)
    resource.pop("url")
    resource.pop("version")
    shown = {a.code.code: code_display(a.code, language) for a in answer_set.answers.values()}
    for entry in resource["expansion"]["contains"]:
        entry["display"] = shown[entry["code"]]
    return resource
